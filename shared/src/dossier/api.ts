import { z } from "zod";
import { FeeQuote } from "../catalogue/fees";
import { LegalDecision, ProcedureCode, UnitId } from "../catalogue/schemas";
import { FileId, MAX_DOSSIER_FILES } from "../files/files";
import { Channel } from "./channel";
import { DossierCode } from "./code";
import { ACTORS, EVENT_TYPES } from "./events";
import { SupplementAnswer, SupplementAsk } from "./supplement";

/** What a resident typed into an eForm; checked field by field against the procedure by `checkForm()`. */
export const FormValues = z
  .record(
    z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, { error: "Tên trường không hợp lệ" }),
    z.union([z.string().max(5000), z.number().finite(), z.boolean()]),
  )
  .refine((values) => Object.keys(values).length <= 60, { error: "Biểu mẫu có quá nhiều trường" });

export const DocumentAttachment = z.strictObject({
  docIndex: z.number().int().min(0).max(39),
  fileIds: z.array(FileId).max(10),
});

const Attachments = z
  .array(DocumentAttachment)
  .max(40)
  .refine((docs) => new Set(docs.map((d) => d.docIndex)).size === docs.length, { error: "Mỗi thành phần hồ sơ chỉ khai một lần" })
  .refine((docs) => docs.reduce((n, d) => n + d.fileIds.length, 0) <= MAX_DOSSIER_FILES, {
    error: `Một hồ sơ có tối đa ${MAX_DOSSIER_FILES} tệp`,
  });

/** Drafts a resident may keep at once (one per procedure); saving one more is a 409 `quota_exceeded`. */
export const MAX_DRAFTS = 20;

/** `PUT /api/drafts/:code`: an autosaved, possibly incomplete dossier. */
export const DraftBody = z.strictObject({
  receivingUnitId: UnitId.nullable(),
  form: FormValues,
  documents: Attachments,
});
export type DraftBody = z.infer<typeof DraftBody>;

/** `POST /api/dossiers` (with an Idempotency-Key header). */
export const SubmitBody = z.strictObject({
  procedureCode: ProcedureCode,
  /** The version the resident read; a newer published version makes the API answer 409. */
  procedureVersion: z.number().int().min(1),
  receivingUnitId: UnitId,
  form: FormValues,
  documents: Attachments,
  /** Consent to process personal data for this procedure (ND 13/2023). */
  consent: z.literal(true, { error: "Vui lòng đồng ý cho phép xử lý dữ liệu cá nhân để nộp hồ sơ" }),
});
export type SubmitBody = z.infer<typeof SubmitBody>;

export const IdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, { error: "Idempotency-Key gồm 16–64 ký tự chữ, số, - hoặc _" });

/**
 * `POST /api/dossiers/:code/supplement`. A request that lists items is answered item by item
 * (`answers`, each asked item exactly once); a request recorded before items existed is answered
 * with documents by index, as before.
 */
export const SupplementBody = z
  .strictObject({
    documents: Attachments.default([]),
    answers: z.array(SupplementAnswer).max(80).default([]),
    note: z.string().trim().max(1000).default(""),
  })
  .refine((b) => b.answers.length > 0 || b.documents.some((d) => d.fileIds.length > 0), {
    error: "Vui lòng đính kèm giấy tờ bổ sung",
    path: ["documents"],
  });
export type SupplementBody = z.infer<typeof SupplementBody>;

export const WithdrawBody = z.strictObject({
  reason: z.string().trim().min(3, { error: "Vui lòng cho biết lý do rút hồ sơ" }).max(500),
});

export const DossierCodeParam = z.object({ code: DossierCode });
export const TrackQuery = z.object({ k: z.string().max(100).optional() });
export const ListQuery = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,6}$/, { error: "cursor không hợp lệ" })
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const FileMeta = z.object({
  id: FileId,
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
  /** The declaration generated from the dossier's eForm, in place of a scan the resident would upload. */
  fromEform: z.boolean(),
});
export type FileMeta = z.infer<typeof FileMeta>;

export const UnitRef = z.object({ id: z.string(), name: z.string() });

export const DossierSummary = z.object({
  code: DossierCode,
  procedure: z.object({ code: z.string(), name: z.string(), version: z.number().int() }),
  status: z.number().int(),
  statusLabel: z.string(),
  channel: Channel,
  submittedAt: z.string(),
  /** Local date the result is due (or expected, before acceptance). */
  dueDate: z.string().nullable(),
  handlingUnit: UnitRef,
});
export type DossierSummary = z.infer<typeof DossierSummary>;

export const SubmitResponse = DossierSummary.extend({
  receivingUnit: UnitRef,
  fee: FeeQuote,
  dueExplanation: z.string(),
  trackingUrl: z.string(),
});
export type SubmitResponse = z.infer<typeof SubmitResponse>;

export const TimelineEvent = z.object({
  seq: z.number().int(),
  type: z.enum(EVENT_TYPES),
  at: z.string(),
  actor: z.enum(ACTORS),
  /** "Người nộp hồ sơ", "Cán bộ" or "Hệ thống". */
  actorLabel: z.string(),
  title: z.string(),
  note: z.string().nullable(),
  /** Items a supplement request lists, or files a step attached. */
  items: z.array(z.string()),
  /** For a supplement answered item by item: each item asked, with the files and text that answered it. */
  answers: z.array(z.object({ item: z.string(), text: z.string().nullable(), files: z.array(FileMeta) })),
  /** What the step recorded, one line each (a due date, a new date, an amount, a unit). */
  details: z.array(z.string()),
  files: z.array(FileMeta),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** The procedure version a dossier was filed under, and stays under whatever is published later. */
export const AppliedVersion = z.object({
  version: z.number().int(),
  effectiveFrom: z.string(),
  decisions: z.array(LegalDecision),
});
export type AppliedVersion = z.infer<typeof AppliedVersion>;

export const DossierDetail = SubmitResponse.extend({
  procedureVersion: AppliedVersion,
  form: FormValues,
  /** Documents received; one without files was handed in on paper (counter or postal intake). */
  documents: z.array(z.object({ docIndex: z.number().int(), name: z.string(), files: z.array(FileMeta) })),
  timeline: z.array(TimelineEvent),
  /** The open supplement request, when status is 5. */
  supplement: z
    .object({
      items: z.array(z.string()),
      /** The items to answer one by one; empty for a request recorded before items existed. */
      asks: z.array(SupplementAsk),
      note: z.string().nullable(),
      requestedAt: z.string(),
    })
    .nullable(),
  results: z.array(FileMeta),
  /** A later date promised in an apology (Mẫu 04), shown beside the original due date. */
  promisedDate: z.string().nullable(),
  /** Since when the running clock is paused for a supplement; null while it runs or before it starts. */
  pausedAt: z.string().nullable(),
  withdrawalRequested: z.boolean(),
  /** Filed online for the applicant, with their consent, by this community digital team member (or counter officer). */
  assistedBy: z.string().nullable(),
  canWithdraw: z.boolean(),
  canSupplement: z.boolean(),
});
export type DossierDetail = z.infer<typeof DossierDetail>;

export const DossierList = z.object({ items: z.array(DossierSummary), nextCursor: z.string().nullable() });

/** `GET /api/track/:code?k=`: the public view; no personal data. */
export const TrackView = z.object({
  code: DossierCode,
  procedureName: z.string(),
  unitName: z.string(),
  status: z.number().int(),
  statusLabel: z.string(),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  /** Absent only for a dossier closed without a result (refused, withdrawn, stopped). */
  dueDate: z.string().nullable(),
  /** Since when the clock is paused for a supplement. */
  pausedAt: z.string().nullable(),
  /** When the result was ready, and whether that was by the due date. */
  resultAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
});
export type TrackView = z.infer<typeof TrackView>;
