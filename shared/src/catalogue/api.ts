import { z } from "zod";
import { inAppPath } from "../links/deep-link";
import { LifeEventSummary, PaperReplacement } from "../search/life-events";
import { MAX_QUERY_TOKENS } from "../search/query";
import { searchTokens } from "../text/fold";
import { MAX_QUERY_LENGTH } from "./limits";
import {
  EForm,
  ExternalSystem,
  Fees,
  FieldId,
  LegalDecision,
  ProcedureCase,
  ProcedureCode,
  ProcessingTime,
  RequiredDocument,
  ResultDelivery,
  ServiceLevel,
  Unit,
  UnitId,
  UnitLevel,
} from "./schemas";

const BooleanParam = z
  .enum(["true", "false", "1", "0"], { error: "Giá trị phải là true hoặc false" })
  .transform((v) => v === "true" || v === "1");

/** `GET /api/procedures` query string. */
export const ProcedureSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .max(MAX_QUERY_LENGTH, { error: `Từ khóa tìm kiếm tối đa ${MAX_QUERY_LENGTH} ký tự` })
    .refine((q) => searchTokens(q).length <= MAX_QUERY_TOKENS, {
      error: `Từ khóa tìm kiếm tối đa ${MAX_QUERY_TOKENS} từ`,
    })
    .optional(),
  field: FieldId.optional(),
  unit: UnitId.optional(),
  level: ServiceLevel.optional(),
  onlineOnly: BooleanParam.optional(),
  essential: BooleanParam.optional(),
  limit: z.coerce.number({ error: "limit phải là số" }).int().min(1).max(50).default(20),
  cursor: z
    .string()
    .regex(/^\d{1,6}$/, { error: "cursor không hợp lệ" })
    .optional(),
});
export type ProcedureSearchQuery = z.infer<typeof ProcedureSearchQuery>;

export const ProcedureCodeParam = z.object({ code: ProcedureCode });
export const UnitIdParam = z.object({ id: UnitId });

export const FieldRef = z.object({ id: FieldId, name: z.string() });

export const ProcedureSummary = z.object({
  code: ProcedureCode,
  name: z.string(),
  field: FieldRef,
  level: ServiceLevel,
  unitLevel: UnitLevel,
  agency: z.string(),
  processingTime: ProcessingTime,
  fees: Fees,
  onlineOnly: z.boolean(),
  essential: z.boolean(),
});
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

export const ProcedureList = z.object({
  items: z.array(ProcedureSummary),
  nextCursor: z.string().nullable(),
});
export type ProcedureList = z.infer<typeof ProcedureList>;

/** The search answer (`GET /api/procedures`); other lists keep `ProcedureList`. */
export const ProcedureSearchPage = ProcedureList.extend({
  /** The query as understood, in the catalogue's spelling, when a word of it was corrected; null otherwise. */
  didYouMean: z.string().nullable(),
  /** Life events whose phrases the query names (first page only; [] otherwise). */
  lifeEvents: z.array(LifeEventSummary),
  /** An abolished or renamed paper the query names, with what replaced it (first page only). */
  replacement: PaperReplacement.nullable(),
});
export type ProcedureSearchPage = z.infer<typeof ProcedureSearchPage>;

export const ProcedureDetail = ProcedureSummary.extend({
  version: z.number().int(),
  effectiveFrom: z.string(),
  /** Cases × channels, each channel with its time and fee; the single-case fields above are the first case's. */
  cases: z.array(ProcedureCase),
  decisions: z.array(LegalDecision),
  result: z.string(),
  requirements: z.string(),
  /** Handled on another system: show its link and explanation instead of a filing form. */
  externalSystem: ExternalSystem.nullable(),
  summary: z.string(),
  competentUnit: Unit.nullable(),
  documents: z.array(RequiredDocument),
  eform: EForm,
  resultDelivery: z.array(ResultDelivery),
  aliases: z.array(z.string()),
  requiresVneid: z.boolean(),
});
export type ProcedureDetail = z.infer<typeof ProcedureDetail>;

export const FieldWithCount = FieldRef.extend({ procedureCount: z.number().int() });
export const FieldList = z.object({ items: z.array(FieldWithCount) });
export type FieldWithCount = z.infer<typeof FieldWithCount>;

/**
 * A unit as residents see it. The list holds only active units; a deactivated one still answers
 * by id (old links, receipts), naming the unit it was merged into.
 */
export const UnitWithCount = Unit.omit({ cohort: true }).extend({
  hotline: z.string(),
  procedureCount: z.number().int(),
  deactivated: z.boolean(),
  mergedInto: z.object({ id: UnitId, name: z.string() }).nullable(),
});
export const UnitList = z.object({ items: z.array(UnitWithCount) });
export type UnitWithCount = z.infer<typeof UnitWithCount>;

export const Health = z.object({ status: z.literal("ok"), database: z.literal("ok"), time: z.string() });

/** `GET /api/qr`: which in-app path to encode; only the app's own deep-link shapes. */
export const QrQuery = z.object({
  path: z
    .string()
    .max(160)
    .refine((path) => inAppPath(path) === path, {
      error:
        "Đường dẫn phải có dạng /p/<mã thủ tục>, /u/<mã đơn vị>, /t/<mã hồ sơ>?k=<mã tra cứu>, /moi/<mã lời mời> hoặc /uy-quyen/<mã xác nhận>",
    }),
});
