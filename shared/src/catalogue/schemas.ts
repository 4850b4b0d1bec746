import { z } from "zod";
import { CHANNELS, Channel } from "../dossier/channel";
import { IDENTITY_CLAIMS } from "../identity/claims";
import { LocalDate } from "../time/vietnam";

export const UnitKind = z.enum(["province", "department", "commune"]);
export type UnitKind = z.infer<typeof UnitKind>;

/** The group a unit is compared within in rankings: departments, wards and communes, special zones (đặc khu). */
export const UnitCohort = z.enum(["department", "commune", "special_zone"]);
export type UnitCohort = z.infer<typeof UnitCohort>;

/** A unit's cohort unless an admin chose another: the province and its departments rank as departments. */
export const defaultCohort = (kind: UnitKind): UnitCohort => (kind === "commune" ? "commune" : "department");

/** Which tier of the two-tier local government (since 1 July 2025) is competent. */
export const UnitLevel = z.enum(["province", "commune"]);
export type UnitLevel = z.infer<typeof UnitLevel>;

/** ND 42/2022, Art. 11: fully online (toàn trình) or partly online (một phần). */
export const ServiceLevel = z.enum(["toan_trinh", "mot_phan"]);
export type ServiceLevel = z.infer<typeof ServiceLevel>;

/** A scheduled version is published by the daily job on its `publishOn` date. */
export const ProcedureStatus = z.enum(["draft", "scheduled", "published", "archived"]);
export type ProcedureStatus = z.infer<typeof ProcedureStatus>;

/** The channels a result can be delivered through: the same as those a dossier is filed through. */
export const ResultDelivery = Channel;
export type ResultDelivery = z.infer<typeof ResultDelivery>;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const Weekday = z.number().int().min(1).max(7);

const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "Mã không hợp lệ");
export const FieldId = Slug;
export const UnitId = Slug;

/** National TTHC code, optionally with the province's suffix, e.g. 1.004222 or 2.001218.000.00.00.H38. */
export const ProcedureCode = z
  .string()
  .regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+){1,6}$/, "Mã thủ tục không hợp lệ")
  .max(40);

/** Statutory processing time; "same_day" is the civil-status "trong ngày" rule. */
export const ProcessingTime = z.discriminatedUnion("unit", [
  z.object({ unit: z.literal("same_day"), note: z.string().max(200).optional() }),
  z.object({
    unit: z.enum(["working_day", "day", "hour"]),
    value: z.number().int().min(1).max(365),
    note: z.string().max(200).optional(),
  }),
]);
export type ProcessingTime = z.infer<typeof ProcessingTime>;

/** Fees per channel in whole VND; 0 means free. */
export const Fees = z.object({
  counter: z.number().int().min(0),
  online: z.number().int().min(0),
  /** What one fee unit covers when it is not the whole dossier, e.g. "bản", "trang". */
  per: z.string().max(20).optional(),
  note: z.string().max(300).optional(),
  legalBasis: z.string().min(1).max(300),
  /** Last day the online rate applies (online reductions are dated). */
  onlineUntil: LocalDate.optional(),
});
export type Fees = z.infer<typeof Fees>;

/** An uploaded blank form (mẫu đơn, tờ khai). */
export const TemplateFileId = z.string().regex(/^[0-9a-f-]{36}$/, { error: "Mã mẫu đơn không hợp lệ" });

export const DocumentForm = z.enum(["original", "copy", "certified_copy", "original_or_copy"]);
export type DocumentForm = z.infer<typeof DocumentForm>;

export const RequiredDocument = z.object({
  name: z.string().min(1).max(300),
  form: DocumentForm,
  count: z.number().int().min(1).max(20),
  required: z.boolean(),
  /** Official form number, e.g. "CT01". */
  template: z.string().max(40).optional(),
  /** The blank form residents download (`GET /api/templates/:id`). */
  templateFileId: TemplateFileId.optional(),
  note: z.string().max(300).optional(),
  /**
   * The eForm carries this document (the declaration: tờ khai, đơn, phiếu đề nghị): it is generated
   * as a PDF from the eForm data on submission, so nobody uploads it.
   */
  replacedByEform: z.boolean().optional(),
});
export type RequiredDocument = z.infer<typeof RequiredDocument>;

/** One way of filing a case (DVCQG CACHTHUCTHUCHIEN): its own processing time and fee. */
export const CaseChannel = z.object({
  channel: Channel,
  processingTime: ProcessingTime,
  /** Whole VND; 0 means free. */
  fee: z.number().int().min(0).max(1_000_000_000),
  feeNote: z.string().max(300).optional(),
});
export type CaseChannel = z.infer<typeof CaseChannel>;

/**
 * A case (trường hợp, DVCQG TRUONGHOP) of a procedure: time and fee hang off case × channel, and each
 * case has its own documents. A draft may hold a case without channels; publishing refuses it.
 */
export const ProcedureCase = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "Mã trường hợp chỉ gồm chữ thường không dấu, số và dấu gạch ngang"),
  name: z.string().trim().min(1).max(300),
  channels: z.array(CaseChannel).max(CHANNELS.length),
  documents: z.array(RequiredDocument).max(40),
});
export type ProcedureCase = z.infer<typeof ProcedureCase>;

/** A legal basis or publishing decision (DVCQG CANCUPHAPLY); a version cites several, each dated. */
export const LegalDecision = z.object({
  number: z.string().trim().min(1).max(60),
  title: z.string().trim().min(1).max(300),
  issuedOn: LocalDate,
  effectiveFrom: LocalDate.optional(),
});
export type LegalDecision = z.infer<typeof LegalDecision>;

/**
 * A procedure handled on another system (e.g. residence and ID procedures on the police's national
 * system): its page links there with the explanation instead of a filing form.
 */
export const ExternalSystem = z.object({
  name: z.string().trim().min(1).max(200),
  url: z.url({ protocol: /^https$/, error: "Địa chỉ phải bắt đầu bằng https://" }).max(500),
  explanation: z.string().trim().min(1).max(1000),
});
export type ExternalSystem = z.infer<typeof ExternalSystem>;

/** What the fees of all cases share: the legal basis, what one fee covers, the online rate's last day. */
export const FeeTerms = z.object({
  /** Empty only in a draft; publishing needs it whenever a fee is charged. */
  legalBasis: z.string().trim().max(300),
  per: Fees.shape.per,
  onlineUntil: Fees.shape.onlineUntil,
});
export type FeeTerms = z.infer<typeof FeeTerms>;

const FieldKey = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/);

export const EFormFieldType = z.enum(["text", "textarea", "date", "number", "select", "checkbox", "citizenId", "phone", "email"]);
export type EFormFieldType = z.infer<typeof EFormFieldType>;

export const EFormField = z.object({
  key: FieldKey,
  label: z.string().min(1).max(200),
  type: EFormFieldType,
  required: z.boolean(),
  options: z
    .array(z.object({ value: z.string().min(1).max(60), label: z.string().min(1).max(200) }))
    .max(50)
    .optional(),
  maxLength: z.number().int().min(1).max(5000).optional(),
  help: z.string().max(300).optional(),
  /**
   * The applicant's own identity, filled from their VNeID claims and read-only to them
   * (shared/src/identity/prefill.ts); absent for a field about someone else (a child, a seller).
   */
  identity: z.enum(IDENTITY_CLAIMS).optional(),
});
export type EFormField = z.infer<typeof EFormField>;

export const EForm = z.object({ fields: z.array(EFormField).max(60) });
export type EForm = z.infer<typeof EForm>;

export const Province = z.object({
  id: UnitId,
  name: z.string().min(1),
  /** The top level of the electronic identifier, e.g. H99. */
  code: z.string().regex(/^H\d{2}$/),
});
export type Province = z.infer<typeof Province>;

export const Unit = z.object({
  id: UnitId,
  parentId: UnitId.nullable(),
  kind: UnitKind,
  name: z.string().min(1).max(200),
  /** Electronic identifier of the unit (TT 10/2016), the first part of a dossier code. */
  electronicId: z.string().regex(/^[0-9A-Z]+(\.[0-9A-Z]+)*$/),
  address: z.string().max(300),
  phone: z.string().max(30),
  /** Two weekdays on which online dossiers are processed first (Hải Phòng's practice). */
  priorityWeekdays: z.array(Weekday).max(2),
  /** The citizens' hotline (đường dây nóng); data files may leave it to the back office. */
  hotline: z.string().max(30).optional(),
  /** Absent: the kind's default cohort (`defaultCohort`) on creation; an admin's choice is kept. */
  cohort: UnitCohort.optional(),
});
export type Unit = z.infer<typeof Unit>;

export const Field = z.object({
  id: FieldId,
  name: z.string().min(1).max(200),
  sortOrder: z.number().int(),
});
export type Field = z.infer<typeof Field>;

/** A procedure as the catalogue stores and publishes it (one version). */
export const ProcedureInput = z.object({
  code: ProcedureCode,
  version: z.number().int().min(1),
  status: ProcedureStatus,
  effectiveFrom: LocalDate,
  name: z.string().min(3).max(300),
  summary: z.string().max(1000),
  fieldId: FieldId,
  unitLevel: UnitLevel,
  /** The competent department for province-level procedures; null means every commune's authority. */
  competentUnitId: UnitId.nullable(),
  /** Name of the body that decides, as residents read it, e.g. "Công an cấp xã". */
  agency: z.string().min(1).max(200),
  serviceLevel: ServiceLevel,
  processingTime: ProcessingTime,
  fees: Fees,
  documents: z.array(RequiredDocument).max(40),
  eform: EForm,
  onlineOnly: z.boolean(),
  essential: z.boolean(),
  resultDelivery: z.array(ResultDelivery).min(1),
  /** Colloquial names residents search with ("sổ đỏ", "bằng lái"). */
  aliases: z.array(z.string().min(1).max(100)).max(20),
  /** Relative popularity, used to break ranking ties. */
  popularity: z.number().int().min(0),
  /** Submission needs a VNeID-verified identity through the province's SSO (ND 69/2024). */
  requiresVneid: z.boolean().optional(),
});
export type ProcedureInput = z.infer<typeof ProcedureInput>;
