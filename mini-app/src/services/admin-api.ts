import type { InferRequestType } from "hono/client";
import type { CatalogueExport, ImportBody, ImportResult } from "../../../shared/src/admin/exchange";
import type {
  AdminProcedure,
  AdminProcedureList,
  NewProcedureBody,
  ProcedureDiff,
  ProcedureDraftBody,
  ProcedureVersionDetail,
  PublishBody,
  TemplateFileMeta,
} from "../../../shared/src/admin/procedures";
import { type Authed, callAuthed, sendAuthed } from "./authed-api";

/**
 * Province administration (`/api/admin/*`) through the typed client: answers are typed by the
 * routes. Only the admin pages import this module.
 */

type CalendarDayBody = InferRequestType<Authed["admin"]["calendar"][":date"]["$put"]>["json"];

export const adminApi = {
  /** The published holidays and compensatory working days of one year, by date. */
  calendar: (year: number) => callAuthed((api) => api.admin.calendar.$get({ query: { year: String(year) } })),
  /** Publishes or corrects one day (the same date is replaced). */
  putDay: (date: string, day: CalendarDayBody) =>
    callAuthed((api) => api.admin.calendar[":date"].$put({ param: { date }, json: day })),
  deleteDay: (date: string) =>
    sendAuthed((api) => api.admin.calendar[":date"].$delete({ param: { date } })).then(() => undefined),
};

export type CalendarDay = Awaited<ReturnType<typeof adminApi.putDay>>;

type ProcedureListFilters = Partial<Record<"q" | "status" | "field" | "cursor", string>>;

/** The back office's procedure catalogue (`/api/admin/procedures`): drafts are saved against their revision (If-Match). */
export const procedureAdminApi = {
  list: (filters: ProcedureListFilters, limit = 30): Promise<AdminProcedureList> => {
    const query: Record<string, string> = { limit: String(limit) };
    for (const [key, value] of Object.entries(filters)) if (value) query[key] = value;
    return callAuthed((api) => api.admin.procedures.$get({ query }));
  },
  create: (body: NewProcedureBody): Promise<ProcedureVersionDetail> =>
    callAuthed((api) => api.admin.procedures.$post({ json: body })),
  get: (code: string): Promise<AdminProcedure> => callAuthed((api) => api.admin.procedures[":code"].$get({ param: { code } })),
  version: (code: string, version: number): Promise<ProcedureVersionDetail> =>
    callAuthed((api) => api.admin.procedures[":code"].versions[":version"].$get({ param: { code, version: String(version) } })),
  /** A new draft copied from the latest version. */
  newDraft: (code: string): Promise<ProcedureVersionDetail> =>
    callAuthed((api) => api.admin.procedures[":code"].drafts.$post({ param: { code } })),
  saveDraft: (code: string, version: number, revision: number, body: ProcedureDraftBody): Promise<ProcedureVersionDetail> =>
    callAuthed((api) =>
      api.admin.procedures[":code"].drafts[":version"].$put(
        { param: { code, version: String(version) }, json: body },
        { headers: { "If-Match": `"${revision}"` } },
      ),
    ),
  publish: (code: string, version: number, revision: number, body: PublishBody): Promise<ProcedureVersionDetail> =>
    callAuthed((api) =>
      api.admin.procedures[":code"].versions[":version"].publish.$post(
        { param: { code, version: String(version) }, json: body },
        { headers: { "If-Match": `"${revision}"` } },
      ),
    ),
  /** Withdraws a version: discards a draft or cancels a scheduled publication. */
  archive: (code: string, version: number, revision: number, reason: string): Promise<ProcedureVersionDetail> =>
    callAuthed((api) =>
      api.admin.procedures[":code"].versions[":version"].archive.$post(
        { param: { code, version: String(version) }, json: { reason } },
        { headers: { "If-Match": `"${revision}"` } },
      ),
    ),
  diff: (code: string, from: number, to: number): Promise<ProcedureDiff> =>
    callAuthed((api) =>
      api.admin.procedures[":code"].diff.$get({ param: { code }, query: { from: String(from), to: String(to) } }),
    ),
  /** The whole catalogue in the national procedure database's JSON shape. */
  exportCatalogue: (): Promise<CatalogueExport> => callAuthed((api) => api.admin.catalogue.export.$get({ query: {} })),
  /** All or nothing: a refusal's details report, per procedure, what could not be mapped. */
  importCatalogue: (body: ImportBody): Promise<ImportResult> =>
    callAuthed((api) => api.admin.catalogue.import.$post({ json: body })),
  /** Uploads a blank form (PDF, DOC, DOCX or ODT; the API checks the bytes). */
  uploadTemplate: (file: Blob, name: string): Promise<TemplateFileMeta> =>
    callAuthed((api) =>
      api.admin.templates.$post(undefined, {
        headers: { "X-File-Name": encodeURIComponent(name), "Content-Type": "application/octet-stream" },
        init: { body: file },
      }),
    ),
};

/** The procedures residents may file online without a linked VNeID identity (`/api/admin/vneid-relaxations`). */
export const vneidRelaxationApi = {
  list: () => callAuthed((api) => api.admin["vneid-relaxations"].$get()),
  relax: (code: string, reason: string) =>
    callAuthed((api) => api.admin["vneid-relaxations"][":code"].$put({ param: { code }, json: { reason } })),
  revoke: (code: string, reason: string) =>
    sendAuthed((api) => api.admin["vneid-relaxations"][":code"].revoke.$post({ param: { code }, json: { reason } })).then(
      () => undefined,
    ),
};

export type RelaxationItem = Awaited<ReturnType<typeof vneidRelaxationApi.list>>["items"][number];
