import { z } from "zod";
import { NationalProcedure } from "../catalogue/national";
import { ProcedureCode, ProcedureStatus } from "../catalogue/schemas";
import { ChangeReason } from "./changes";

// Import and export of the catalogue in the national procedure database's shape (`/api/admin/catalogue`).

/** The most procedures one import takes: a province's whole catalogue. */
export const MAX_IMPORT_PROCEDURES = 2000;
/** Its body limit: 2,000 procedures of up to 12 KB each in the national shape (the sample's largest is under 8 KB). */
export const MAX_IMPORT_BYTES = MAX_IMPORT_PROCEDURES * 12 * 1024;

/** `GET /api/admin/catalogue/export?code=`: one procedure, or the whole catalogue. */
export const ExportQuery = z.object({ code: ProcedureCode.optional() });

/** What an export answers, and what an import takes back (with a reason). */
export const CatalogueExport = z.object({
  format: z.literal("DVCQG"),
  exportedAt: z.string(),
  province: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  procedures: z.array(NationalProcedure),
});
export type CatalogueExport = z.infer<typeof CatalogueExport>;

/**
 * `POST /api/admin/catalogue/import`: an export (or a file in the national shape) plus why. Each
 * record is only checked for being an object here; the mapping reports everything else per procedure.
 * Imported versions become drafts, or are published when `publish` is true.
 */
export const ImportBody = z.strictObject({
  reason: ChangeReason,
  publish: z.boolean().default(false),
  format: z.literal("DVCQG").optional(),
  exportedAt: z.string().max(40).optional(),
  province: z.unknown().optional(),
  procedures: z
    .array(z.record(z.string(), z.unknown()))
    .min(1, { error: "Tệp không có thủ tục nào" })
    .max(MAX_IMPORT_PROCEDURES, { error: `Mỗi lần nhập tối đa ${MAX_IMPORT_PROCEDURES} thủ tục` }),
});
export type ImportBody = z.infer<typeof ImportBody>;

/** The refusal's `details`: per procedure (by position and code), every path it could not map. */
export const ImportReport = z.array(
  z.object({
    index: z.number().int(),
    code: z.string().nullable(),
    problems: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
);
export type ImportReport = z.infer<typeof ImportReport>;

/** What an import wrote: each procedure's stored version; `changed` is false when it was already there as given. */
export const ImportResult = z.object({
  written: z.number().int(),
  unchanged: z.number().int(),
  procedures: z.array(
    z.object({ code: ProcedureCode, version: z.number().int(), status: ProcedureStatus, changed: z.boolean() }),
  ),
});
export type ImportResult = z.infer<typeof ImportResult>;
