import { create } from "zustand";
import { type ApiFailure, errorMessage, toApiFailure } from "../services/api";
import { type DossierDetailData, type DossierItem, dossierApi, type Receipt } from "../services/authed-api";
import { useSession } from "./session";

type Load = "idle" | "loading" | "done" | "error";

type DossiersState = {
  /** Receipts of dossiers submitted in this session, by code: the receipt page needs no request. */
  receipts: Record<string, Receipt>;
  items: DossierItem[];
  nextCursor: string | null;
  listLoad: Load;
  listError: string | null;
  details: Record<string, DossierDetailData>;
  /** Per code: null while loading or loaded, else the failure to show. */
  detailErrors: Record<string, ApiFailure | null>;
  remember: (receipt: Receipt) => void;
  loadList: () => Promise<void>;
  loadMore: () => Promise<void>;
  loadDetail: (code: string) => Promise<void>;
  setDetail: (detail: DossierDetailData) => void;
};

type Data = Omit<DossiersState, "remember" | "loadList" | "loadMore" | "loadDetail" | "setDetail">;
const empty = (): Data => ({
  receipts: {},
  items: [],
  nextCursor: null,
  listLoad: "idle",
  listError: null,
  details: {},
  detailErrors: {},
});

/** The signed-in resident's dossiers ("Hồ sơ của tôi"). */
export const useDossiers = create<DossiersState>()((set, get) => ({
  ...empty(),
  remember: (receipt) => set((s) => ({ receipts: { ...s.receipts, [receipt.code]: receipt } })),
  // Always fresh: statuses change while the resident is away.
  loadList: async () => {
    if (get().listLoad === "loading") return;
    set({ listLoad: "loading", listError: null });
    try {
      const page = await dossierApi.list();
      set({ items: page.items, nextCursor: page.nextCursor, listLoad: "done" });
    } catch (e) {
      set({ listLoad: "error", listError: errorMessage(e) });
    }
  },
  loadMore: async () => {
    const { nextCursor, listLoad } = get();
    if (!nextCursor || listLoad === "loading") return;
    set({ listLoad: "loading", listError: null });
    try {
      const page = await dossierApi.list(nextCursor);
      set((s) => ({ items: [...s.items, ...page.items], nextCursor: page.nextCursor, listLoad: "done" }));
    } catch (e) {
      set({ listLoad: "error", listError: errorMessage(e) });
    }
  },
  loadDetail: async (code) => {
    if (get().detailErrors[code] === null && !get().details[code]) return; // already under way
    set((s) => ({ detailErrors: { ...s.detailErrors, [code]: null } }));
    try {
      get().setDetail(await dossierApi.get(code));
    } catch (e) {
      set((s) => ({ detailErrors: { ...s.detailErrors, [code]: toApiFailure(e) } }));
    }
  },
  setDetail: (detail) => set((s) => ({ details: { ...s.details, [detail.code]: detail } })),
}));

// Someone else signed in (or nobody): forget the previous resident's dossiers.
useSession.subscribe((state, previous) => {
  if (state.session?.user.id !== previous.session?.user.id) useDossiers.setState(empty());
});
