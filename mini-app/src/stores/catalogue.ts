import { create } from "zustand";
import {
  type ApiFailure,
  catalogueApi,
  type FieldItem,
  type ProcedureDetailData,
  toApiFailure,
  type UnitItem,
} from "../services/api";

type Load = "idle" | "loading" | "done" | "error";

type CatalogueState = {
  fields: FieldItem[];
  fieldsLoad: Load;
  units: UnitItem[];
  unitsLoad: Load;
  procedures: Record<string, ProcedureDetailData>;
  /** Per procedure code: null once a load started without failing, else the failure to show (404 included). */
  procedureErrors: Record<string, ApiFailure | null>;
  loadFields: () => Promise<void>;
  loadUnits: () => Promise<void>;
  loadProcedure: (code: string) => Promise<void>;
  /** Drops the cached procedure and loads it again (a newer version was published). */
  reloadProcedure: (code: string) => Promise<void>;
};

type ListKey = "fields" | "units";

/** Reference data that rarely changes: fetched once per session, shared by every screen. */
export const useCatalogue = create<CatalogueState>()((set, get) => {
  const loadList = async <K extends ListKey>(
    key: K,
    fetch: () => Promise<{ items: CatalogueState[K] }>,
    arrived?: () => { items: CatalogueState[K] } | undefined,
  ) => {
    const status = `${key}Load` as const;
    if (get()[status] === "loading" || get()[status] === "done") return;
    // Already here (started with the HTML): set at once, so the first render shows it.
    const ready = arrived?.();
    if (ready) return set({ [key]: ready.items, [status]: "done" } as Partial<CatalogueState>);
    set({ [status]: "loading" } as Partial<CatalogueState>);
    try {
      const { items } = await fetch();
      set({ [key]: items, [status]: "done" } as Partial<CatalogueState>);
    } catch {
      set({ [status]: "error" } as Partial<CatalogueState>);
    }
  };

  return {
    fields: [],
    fieldsLoad: "idle",
    units: [],
    unitsLoad: "idle",
    procedures: {},
    procedureErrors: {},
    loadFields: () => loadList("fields", catalogueApi.listFields, catalogueApi.arrivedFields),
    loadUnits: () => loadList("units", catalogueApi.listUnits),
    loadProcedure: async (code) => {
      // Loaded, or a request is already under way (a null error marks it).
      if (get().procedures[code] || get().procedureErrors[code] === null) return;
      set((s) => ({ procedureErrors: { ...s.procedureErrors, [code]: null } }));
      try {
        const procedure = await catalogueApi.getProcedure(code);
        set((s) => ({ procedures: { ...s.procedures, [code]: procedure } }));
      } catch (e) {
        set((s) => ({ procedureErrors: { ...s.procedureErrors, [code]: toApiFailure(e) } }));
      }
    },
    reloadProcedure: async (code) => {
      set((s) => {
        const { [code]: _procedure, ...procedures } = s.procedures;
        const { [code]: _error, ...procedureErrors } = s.procedureErrors;
        return { procedures, procedureErrors };
      });
      await get().loadProcedure(code);
    },
  };
});
