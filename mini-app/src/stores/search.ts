import { create } from "zustand";
import type { ServiceLevel } from "../../../shared/src/catalogue/schemas";
import { catalogueApi, errorMessage, type ProcedureItem, type ProcedurePage } from "../services/api";

export type SearchParams = {
  q?: string;
  field?: string;
  unit?: string;
  level?: ServiceLevel;
  onlineOnly?: boolean;
  essential?: boolean;
};

/** What leads the first page of a search beside the procedures: life events, an abolished paper, a correction. */
export type SearchLead = {
  lifeEvents: ProcedurePage["lifeEvents"];
  replacement: ProcedurePage["replacement"];
  didYouMean: string | null;
};

const leadOf = (page: ProcedurePage): SearchLead => ({
  lifeEvents: page.lifeEvents,
  replacement: page.replacement,
  didYouMean: page.didYouMean,
});

type SearchState = {
  /** Identity of the search the results belong to. */
  key: string | null;
  items: ProcedureItem[];
  /** From the first page of the current search. */
  lead: SearchLead | null;
  nextCursor: string | null;
  status: "idle" | "loading" | "done" | "error";
  error: string | null;
  search: (params: SearchParams, pageSize?: number) => Promise<void>;
  loadMore: () => Promise<void>;
};

const searchKey = (params: SearchParams) => JSON.stringify(params, Object.keys(params).sort());

/**
 * Creates an independent search (the home box and the results page each have one).
 * Responses that arrive after a newer search started are dropped.
 */
export function createSearchStore() {
  let current: { params: SearchParams; pageSize: number } | null = null;
  return create<SearchState>()((set, get) => ({
    key: null,
    items: [],
    lead: null,
    nextCursor: null,
    status: "idle",
    error: null,
    search: async (params, pageSize = 20) => {
      const key = searchKey(params);
      if (get().key === key && get().status !== "error") return;
      current = { params, pageSize };
      // Already here (the home screen's data, started with the HTML): shown in the same render.
      const arrived = catalogueApi.arrivedSearch({ ...params, limit: pageSize });
      if (arrived)
        return set({
          key,
          items: arrived.items,
          lead: leadOf(arrived),
          nextCursor: arrived.nextCursor,
          status: "done",
          error: null,
        });
      set({ key, status: "loading", error: null });
      try {
        const page = await catalogueApi.searchProcedures({ ...params, limit: pageSize });
        if (get().key === key) set({ items: page.items, lead: leadOf(page), nextCursor: page.nextCursor, status: "done" });
      } catch (e) {
        if (get().key === key) set({ status: "error", error: errorMessage(e) });
      }
    },
    loadMore: async () => {
      const { key, nextCursor, status } = get();
      if (!current || !nextCursor || status === "loading") return;
      set({ status: "loading" });
      try {
        const page = await catalogueApi.searchProcedures({ ...current.params, limit: current.pageSize, cursor: nextCursor });
        if (get().key === key) set((s) => ({ items: [...s.items, ...page.items], nextCursor: page.nextCursor, status: "done" }));
      } catch (e) {
        if (get().key === key) set({ status: "error", error: errorMessage(e) });
      }
    },
  }));
}
