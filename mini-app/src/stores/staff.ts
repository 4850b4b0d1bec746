import { create } from "zustand";
import type { Channel } from "../../../shared/src/dossier/channel";
import { WATCH_VIEWS, type WatchView } from "../../../shared/src/staff/changes";
import { INBOX_TABS, type InboxTab } from "../../../shared/src/staff/inbox";
import { errorMessage } from "../services/api";
import {
  type InboxCounts,
  type InboxFilters,
  type InboxItem,
  type StaffSummaryData,
  type StaffUnit,
  staffApi,
} from "../services/staff-api";
import { useSession } from "./session";

type Load = "idle" | "loading" | "done" | "error";

/** How often a visible inbox asks whether anything changed (a 304 when nothing did). */
export const POLL_MS = 30_000;

/** A status tab, or one of the caller's own views (new since I looked, mine, due within a day). */
export type InboxView = InboxTab | WatchView;

/** What an inbox tab or view asks the API for. */
function tabQuery(tab: InboxView): Pick<InboxFilters, "status" | "due" | "mine" | "changed"> {
  if (tab in WATCH_VIEWS) return WATCH_VIEWS[tab as WatchView].query;
  const group = INBOX_TABS[tab as InboxTab];
  return "statuses" in group ? { status: group.statuses.join(",") } : { due: group.due };
}

type InboxSearch = { q: string; channel: Channel | ""; procedure: string; unit: string };

type StaffState = {
  tab: InboxView;
  search: InboxSearch;
  items: InboxItem[];
  counts: InboxCounts | null;
  watch: StaffSummaryData | null;
  /** Something changed while more than the first page was shown: offered, not forced, as a reload. */
  stale: boolean;
  nextCursor: string | null;
  load: Load;
  error: string | null;
  /** The units the officer works for (own and granted; every unit for an admin). */
  units: StaffUnit[] | null;
  unitsError: string | null;
  setTab: (tab: InboxView) => void;
  setSearch: (search: Partial<InboxSearch>) => void;
  /**
   * On showing the inbox and every POLL_MS while it is visible: asks whether the first page
   * changed (If-None-Match) and takes it if so; with pages added by "Xem thêm", marks the list stale instead.
   */
  ensureFresh: () => void;
  /** The officer opened this dossier: its mark of something new, and its place in the count, go at once. */
  seen: (code: string) => void;
  /** Reads the first page again ("Làm mới"). */
  reload: () => Promise<void>;
  /** After an action changed a dossier: reads the inbox again if it was ever shown. */
  refresh: () => void;
  loadMore: () => Promise<void>;
  loadUnits: () => Promise<void>;
};

type Data = Pick<
  StaffState,
  "tab" | "search" | "items" | "counts" | "watch" | "stale" | "nextCursor" | "load" | "error" | "units" | "unitsError"
>;
const initial = (): Data => ({
  tab: "new",
  search: { q: "", channel: "", procedure: "", unit: "" },
  items: [],
  counts: null,
  watch: null,
  stale: false,
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
  // The ETag of the first page as shown, for the conditional refresh.
  let etag: string | null = null;
  let polling = false;

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
      const answer = await staffApi.inbox({ ...filters(), cursor: cursor ?? undefined });
      if (mine !== generation || !answer) return;
      const page = answer.body;
      if (!cursor) etag = answer.etag;
      set((s) => ({
        items: cursor ? [...s.items, ...page.items] : page.items,
        counts: page.counts,
        watch: page.watch ?? s.watch,
        nextCursor: page.nextCursor,
        stale: cursor ? s.stale : false,
        load: "done",
      }));
    } catch (e) {
      if (mine === generation) set({ load: "error", error: errorMessage(e) });
    }
  };

  // The conditional refresh: one cheap request; the list is replaced only when the first page changed.
  const poll = async () => {
    const { load, items, nextCursor } = get();
    if (polling || load === "loading" || load === "idle") return;
    polling = true;
    const mine = generation;
    try {
      const answer = await staffApi.inbox(filters(), etag);
      if (!answer || mine !== generation) return;
      const page = answer.body;
      const morePages = items.length > page.items.length && nextCursor !== null;
      if (morePages) {
        set((s) => ({ counts: page.counts, watch: page.watch ?? s.watch, stale: true }));
        return;
      }
      etag = answer.etag;
      set((s) => ({
        items: page.items,
        counts: page.counts,
        watch: page.watch ?? s.watch,
        nextCursor: page.nextCursor,
        stale: false,
        load: "done",
      }));
    } catch {
      // A failed background refresh changes nothing on screen; the next one tries again.
    } finally {
      polling = false;
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
      if (get().load === "idle" || get().load === "error") void fetchPage(null);
      else void poll();
    },
    seen: (code) =>
      set((s) => {
        if (!s.items.some((item) => item.code === code && item.news)) return s;
        // Until the next refresh confirms it: the count goes down, and the "new" view lets the row go.
        const items =
          s.tab === "changed"
            ? s.items.filter((item) => item.code !== code)
            : s.items.map((item) => (item.code === code ? { ...item, news: null } : item));
        return { items, watch: s.watch && { ...s.watch, changed: Math.max(0, s.watch.changed - 1) } };
      }),
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
