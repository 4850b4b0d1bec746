import { create } from "zustand";
import { catalogueApi, errorMessage, type FieldItem, type ProcedureDetailData, type UnitItem } from "../services/api";

type Load = "idle" | "loading" | "done" | "error";

type CatalogueState = {
  fields: FieldItem[];
  fieldsLoad: Load;
  units: UnitItem[];
  unitsLoad: Load;
  procedures: Record<string, ProcedureDetailData>;
  /** Per procedure code: null while loading or loaded, else the message to show (404 included). */
  procedureErrors: Record<string, string | null>;
  loadFields: () => Promise<void>;
  loadUnits: () => Promise<void>;
  loadProcedure: (code: string) => Promise<void>;
};

/** Reference data that rarely changes: fetched once per session, shared by every screen. */
export const useCatalogue = create<CatalogueState>()((set, get) => ({
  fields: [],
  fieldsLoad: "idle",
  units: [],
  unitsLoad: "idle",
  procedures: {},
  procedureErrors: {},
  loadFields: async () => {
    if (get().fieldsLoad === "loading" || get().fieldsLoad === "done") return;
    set({ fieldsLoad: "loading" });
    try {
      set({ fields: (await catalogueApi.listFields()).items, fieldsLoad: "done" });
    } catch {
      set({ fieldsLoad: "error" });
    }
  },
  loadUnits: async () => {
    if (get().unitsLoad === "loading" || get().unitsLoad === "done") return;
    set({ unitsLoad: "loading" });
    try {
      set({ units: (await catalogueApi.listUnits()).items, unitsLoad: "done" });
    } catch {
      set({ unitsLoad: "error" });
    }
  },
  loadProcedure: async (code) => {
    if (get().procedures[code]) return;
    set((s) => ({ procedureErrors: { ...s.procedureErrors, [code]: null } }));
    try {
      const procedure = await catalogueApi.getProcedure(code);
      set((s) => ({ procedures: { ...s.procedures, [code]: procedure } }));
    } catch (e) {
      set((s) => ({ procedureErrors: { ...s.procedureErrors, [code]: errorMessage(e) } }));
    }
  },
}));
