import { useEffect } from "react";
import { create } from "zustand";
import { errorMessage } from "../services/api";
import { type NotificationItem, notificationApi } from "../services/authed-api";
import { useSession } from "./session";

type Load = "idle" | "loading" | "done" | "error";

/** The unread count looks at the newest few only: above 9 it reads "9+". */
const UNREAD_CAP = 9;
const COUNT_PAGE = UNREAD_CAP + 1;

type NotificationsState = {
  /** Unread among the newest notifications (at most UNREAD_CAP + 1); null until known. */
  unread: number | null;
  items: NotificationItem[];
  nextCursor: string | null;
  listLoad: Load;
  listError: string | null;
  /** Fetches the unread count (the bell); one request at a time. */
  loadUnread: () => Promise<void>;
  /** The first page of "Thông báo", then everything marked read. */
  open: () => Promise<void>;
  loadMore: () => Promise<void>;
};

type Data = Pick<NotificationsState, "unread" | "items" | "nextCursor" | "listLoad" | "listError">;
const empty = (): Data => ({ unread: null, items: [], nextCursor: null, listLoad: "idle", listError: null });

const countUnread = (items: readonly NotificationItem[]) => items.slice(0, COUNT_PAGE).filter((n) => n.readAt === null).length;

let counting: Promise<void> | null = null;
// Bumped when someone else signs in: any answer fetched before is the previous resident's.
let userEpoch = 0;
// Bumped when everything is marked read: a count fetched before is stale.
let readEpoch = 0;

/** The signed-in resident's notifications ("Thông báo") and the unread count shown on the way there. */
export const useNotifications = create<NotificationsState>()((set, get) => ({
  ...empty(),
  loadUnread: () =>
    (counting ??= (async () => {
      const [user, read] = [userEpoch, readEpoch];
      try {
        const page = await notificationApi.list({ limit: COUNT_PAGE });
        if (user === userEpoch && read === readEpoch) set({ unread: countUnread(page.items) });
      } catch {
        // The count is a hint: without it the way to "Thông báo" stays, unmarked.
      }
    })().finally(() => {
      counting = null;
    })),
  open: async () => {
    if (get().listLoad === "loading") return;
    // Always fresh, from the top: what was unread on the last visit is read by now.
    set({ items: [], nextCursor: null, listLoad: "loading", listError: null });
    const user = userEpoch;
    let page: Awaited<ReturnType<typeof notificationApi.list>>;
    try {
      page = await notificationApi.list();
    } catch (e) {
      if (user === userEpoch) set({ listLoad: "error", listError: errorMessage(e) });
      return;
    }
    if (user !== userEpoch) return;
    // Shown as they arrived (the unread ones marked), then read on the server.
    set({ items: page.items, nextCursor: page.nextCursor, listLoad: "done", unread: countUnread(page.items) });
    if (!page.items.some((n) => n.readAt === null)) return;
    try {
      await notificationApi.markReadUpTo(page.items[0]!.id);
      if (user === userEpoch) {
        readEpoch++;
        set({ unread: 0 });
      }
    } catch {
      // Still unread: the count stays and the next visit tries again.
    }
  },
  loadMore: async () => {
    const { nextCursor, listLoad } = get();
    if (!nextCursor || listLoad === "loading") return;
    set({ listLoad: "loading", listError: null });
    const user = userEpoch;
    try {
      const page = await notificationApi.list({ cursor: nextCursor });
      if (user === userEpoch) set((s) => ({ items: [...s.items, ...page.items], nextCursor: page.nextCursor, listLoad: "done" }));
    } catch (e) {
      if (user === userEpoch) set({ listLoad: "error", listError: errorMessage(e) });
    }
  },
}));

// Someone else signed in (or nobody): forget the previous resident's notifications.
useSession.subscribe((state, previous) => {
  if (state.session?.user.id === previous.session?.user.id) return;
  userEpoch++;
  counting = null;
  useNotifications.setState(empty());
});

/**
 * The signed-in resident's unread count, fetched when the component mounts and again when the app
 * comes back to the foreground; null for nobody signed in, staff, or before it is known.
 */
export function useUnreadCount(): number | null {
  const user = useSession((s) => s.session?.user);
  const hydrate = useSession((s) => s.hydrate);
  const unread = useNotifications((s) => s.unread);
  const loadUnread = useNotifications((s) => s.loadUnread);
  const resident = user?.role === "resident" ? user.id : null;
  useEffect(() => void hydrate(), [hydrate]);
  useEffect(() => {
    if (!resident) return;
    void loadUnread();
    const onVisible = () => document.visibilityState === "visible" && void loadUnread();
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [resident, loadUnread]);
  return resident ? unread : null;
}

/** "3", or "9+" above UNREAD_CAP. */
export const unreadLabel = (count: number) => (count > UNREAD_CAP ? `${UNREAD_CAP}+` : String(count));
/** The same read aloud: "3", "hơn 9". */
export const unreadSpoken = (count: number) => (count > UNREAD_CAP ? `hơn ${UNREAD_CAP}` : String(count));
