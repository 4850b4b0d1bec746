import { z } from "zod";
import { FieldRef } from "../catalogue/api";
import {
  EForm,
  ExternalSystem,
  FeeTerms,
  FieldId,
  LegalDecision,
  ProcedureCase,
  ProcedureCode,
  ProcedureStatus,
  ResultDelivery,
  ServiceLevel,
  UnitId,
  UnitLevel,
} from "../catalogue/schemas";
import { LocalDate } from "../time/vietnam";

// The back office's procedure catalogue: `/api/admin/procedures` (admins only) and blank-form templates.

/** `GET /api/admin/procedures`: search by code or name; `status` is the status of a code's latest version. */
export const AdminProcedureListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: ProcedureStatus.optional(),
  field: FieldId.optional(),
  /** A department (its procedures) or a commune (every commune-level procedure). */
  unit: UnitId.optional(),
  limit: z.coerce.number({ error: "limit phải là số" }).int().min(1).max(100).default(50),
  /** The last code of the previous page. */
  cursor: ProcedureCode.optional(),
});
export type AdminProcedureListQuery = z.infer<typeof AdminProcedureListQuery>;

export const AdminProcedureListItem = z.object({
  code: ProcedureCode,
  /** The latest version's name. */
  name: z.string(),
  field: FieldRef,
  /** Status of the latest version. */
  status: ProcedureStatus,
  latestVersion: z.number().int(),
  /** The version residents see now, or null. */
  publishedVersion: z.number().int().nullable(),
  /** The version being edited (status draft) and its revision, or null. */
  draftVersion: z.number().int().nullable(),
  draftRevision: z.number().int().nullable(),
  /** A scheduled version's publishing date. */
  publishOn: LocalDate.nullable(),
  updatedAt: z.string(),
});
export type AdminProcedureListItem = z.infer<typeof AdminProcedureListItem>;

export const AdminProcedureList = z.object({ items: z.array(AdminProcedureListItem), nextCursor: z.string().nullable() });
export type AdminProcedureList = z.infer<typeof AdminProcedureList>;

/**
 * Everything an admin edits in a version. A draft may be saved incomplete (a case without channels, no
 * decision, a broken eForm); publishing checks completeness and lists every problem at once.
 */
export const ProcedureDraftBody = z.strictObject({
  name: z.string().trim().min(3).max(300),
  summary: z.string().trim().max(1000),
  fieldId: FieldId,
  unitLevel: UnitLevel,
  /** The competent department for province-level procedures; null for commune-level ones. */
  competentUnitId: UnitId.nullable(),
  agency: z.string().trim().min(1).max(200),
  serviceLevel: ServiceLevel,
  cases: z.array(ProcedureCase).min(1, { error: "Cần ít nhất một trường hợp thực hiện" }).max(20),
  decisions: z.array(LegalDecision).max(30),
  /** What the resident receives (kết quả thực hiện). */
  result: z.string().trim().max(1000),
  /** Conditions (yêu cầu, điều kiện). */
  requirements: z.string().trim().max(3000),
  eform: EForm,
  onlineOnly: z.boolean(),
  essential: z.boolean(),
  resultDelivery: z.array(ResultDelivery).min(1),
  aliases: z.array(z.string().trim().min(1).max(100)).max(20),
  requiresVneid: z.boolean(),
  /** Handled on another system: its page links there and submission is refused. */
  externalSystem: ExternalSystem.nullable(),
  feeTerms: FeeTerms,
});
export type ProcedureDraftBody = z.infer<typeof ProcedureDraftBody>;

/** `POST /api/admin/procedures`: a new procedure's first version, as a draft. */
export const NewProcedureBody = ProcedureDraftBody.extend({ code: ProcedureCode });
export type NewProcedureBody = z.infer<typeof NewProcedureBody>;

export const AdminProcedureCodeParam = z.object({ code: ProcedureCode });
export const AdminProcedureVersionParam = z.object({ code: ProcedureCode, version: z.coerce.number().int().min(1).max(10_000) });

/** One version as the back office reads it; `revision` is also its ETag. */
export const ProcedureVersionDetail = ProcedureDraftBody.extend({
  code: ProcedureCode,
  version: z.number().int(),
  status: ProcedureStatus,
  effectiveFrom: LocalDate,
  publishOn: LocalDate.nullable(),
  publishedAt: z.string().nullable(),
  revision: z.number().int(),
  updatedAt: z.string(),
  /** Display name of the admin who last changed it, or null (loaded from data files). */
  updatedBy: z.string().nullable(),
});
export type ProcedureVersionDetail = z.infer<typeof ProcedureVersionDetail>;

export const ProcedureVersionSummary = ProcedureVersionDetail.pick({
  version: true,
  status: true,
  name: true,
  effectiveFrom: true,
  publishOn: true,
  publishedAt: true,
  revision: true,
  updatedAt: true,
  updatedBy: true,
});
export type ProcedureVersionSummary = z.infer<typeof ProcedureVersionSummary>;

/** `GET /api/admin/procedures/:code`: every version, newest first, and the one being edited. */
export const AdminProcedure = z.object({
  code: ProcedureCode,
  versions: z.array(ProcedureVersionSummary),
  draft: ProcedureVersionDetail.nullable(),
});
export type AdminProcedure = z.infer<typeof AdminProcedure>;

/** Why an admin publishes or archives: kept in the record of admin changes. */
const Reason = z.string().trim().min(3, { error: "Vui lòng ghi lý do (ít nhất 3 ký tự)" }).max(500);

/**
 * `POST /api/admin/procedures/:code/versions/:version/publish` (If-Match: the revision): now, or on a
 * later date in Vietnam (the version is then scheduled and the daily job publishes it).
 */
export const PublishBody = z.strictObject({ on: LocalDate.optional(), reason: Reason });
export type PublishBody = z.infer<typeof PublishBody>;

/** `POST /api/admin/procedures/:code/versions/:version/archive`: withdraw a version or cancel a schedule. */
export const ArchiveBody = z.strictObject({ reason: Reason });
export type ArchiveBody = z.infer<typeof ArchiveBody>;

/** One problem that stops a version from being published; `path` points into the draft body. */
export const PublishProblem = z.object({ path: z.string(), message: z.string() });
export type PublishProblem = z.infer<typeof PublishProblem>;

/** `GET /api/admin/procedures/:code/diff?from=&to=`. */
export const DiffQuery = z.object({
  from: z.coerce.number().int().min(1).max(10_000),
  to: z.coerce.number().int().min(1).max(10_000),
});
export type DiffQuery = z.infer<typeof DiffQuery>;

/** One readable change: a Vietnamese label and both values as text (null when absent). */
export const ProcedureChange = z.object({
  path: z.string(),
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type ProcedureChange = z.infer<typeof ProcedureChange>;

export const ProcedureDiff = z.object({
  code: ProcedureCode,
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(ProcedureChange),
});
export type ProcedureDiff = z.infer<typeof ProcedureDiff>;

/** `POST /api/admin/templates` answer (raw body, name in X-File-Name); download at `url`. */
export const TemplateFileMeta = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
  url: z.string(),
});
export type TemplateFileMeta = z.infer<typeof TemplateFileMeta>;
