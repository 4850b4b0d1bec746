import { create } from "zustand";
import type { Channel } from "../../../shared/src/dossier/channel";
import { INBOX_TABS, type InboxTab } from "../../../shared/src/staff/inbox";
import { errorMessage } from "../services/api";
import { type InboxCounts, type InboxFilters, type InboxItem, type StaffUnit, staffApi } from "../services/staff-api";
import { useSession } from "./session";

type Load = "idle" | "loading" | "done" | "error";

const FRESH_MS = 60_000;

/** What an inbox tab asks the API for. */
function tabQuery(tab: InboxTab): Pick<InboxFilters, "status" | "due"> {
  const group = INBOX_TABS[tab];
  return "statuses" in group ? { status: group.statuses.join(",") } : { due: group.due };
}

type InboxSearch = { q: string; channel: Channel | ""; procedure: string; unit: string };

type StaffState = {
  tab: InboxTab;
  search: InboxSearch;
  items: InboxItem[];
  counts: InboxCounts | null;
  nextCursor: string | null;
  load: Load;
  error: string | null;
  /** The units the officer works for (own and granted; every unit for an admin). */
  units: StaffUnit[] | null;
  unitsError: string | null;
  setTab: (tab: InboxTab) => void;
  setSearch: (search: Partial<InboxSearch>) => void;
  /**
   * On showing the inbox: loads the first page unless it was loaded within the last minute
   * (a row opened and closed), so that pages added by "Xem thêm" are not lost.
   */
  ensureFresh: () => void;
  /** Reads the first page again ("Làm mới"). */
  reload: () => Promise<void>;
  /** After an action changed a dossier: reads the inbox again if it was ever shown. */
  refresh: () => void;
  loadMore: () => Promise<void>;
  loadUnits: () => Promise<void>;
};

type Data = Pick<StaffState, "tab" | "search" | "items" | "counts" | "nextCursor" | "load" | "error" | "units" | "unitsError">;
const initial = (): Data => ({
  tab: "new",
  search: { q: "", channel: "", procedure: "", unit: "" },
  items: [],
  counts: null,
  nextCursor: null,
  load: "idle",
  error: null,
  units: null,
  unitsError: null,
});

/** The officer's inbox: one tab and its filters at a time, newest answer wins. */
export const useStaffInbox = create<StaffState>()((set, get) => {
  // Each new query supersedes the previous one; a late answer to an older query is dropped.
  let generation = 0;
  let loadedAt = 0;

  const filters = (): InboxFilters => {
    const { tab, search } = get();
    return {
      ...tabQuery(tab),
      q: search.q.trim(),
      channel: search.channel || undefined,
      procedure: search.procedure,
      unit: search.unit,
    };
  };

  const fetchPage = async (cursor: string | null) => {
    const mine = cursor ? generation : ++generation;
    set({ load: "loading", error: null, ...(cursor ? {} : { nextCursor: null }) });
    try {
      const page = await staffApi.inbox({ ...filters(), cursor: cursor ?? undefined });
      if (mine !== generation) return;
      if (!cursor) loadedAt = Date.now();
      set((s) => ({
        items: cursor ? [...s.items, ...page.items] : page.items,
        counts: page.counts,
        nextCursor: page.nextCursor,
        load: "done",
      }));
    } catch (e) {
      if (mine === generation) set({ load: "error", error: errorMessage(e) });
    }
  };

  return {
    ...initial(),
    setTab: (tab) => {
      if (tab === get().tab) return;
      set({ tab, items: [] });
      void fetchPage(null);
    },
    setSearch: (search) => {
      set((s) => ({ search: { ...s.search, ...search }, items: [] }));
      void fetchPage(null);
    },
    ensureFresh: () => {
      const { load } = get();
      if (load === "idle" || (load !== "loading" && Date.now() - loadedAt > FRESH_MS)) void fetchPage(null);
    },
    reload: () => fetchPage(null),
    refresh: () => {
      if (get().load !== "idle") void fetchPage(null);
    },
    loadMore: async () => {
      const { nextCursor, load } = get();
      if (nextCursor && load !== "loading") await fetchPage(nextCursor);
    },
    loadUnits: async () => {
      if (get().units) return;
      set({ unitsError: null });
      try {
        set({ units: (await staffApi.units()).items });
      } catch (e) {
        set({ unitsError: errorMessage(e) });
      }
    },
  };
});

// Someone else signed in (or nobody): forget the previous officer's inbox.
useSession.subscribe((state, previous) => {
  if (state.session?.user.id !== previous.session?.user.id) useStaffInbox.setState(initial());
});
