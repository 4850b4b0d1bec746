import { z } from "zod";
import { ProcedureCode, UnitId } from "../catalogue/schemas";
import { DossierDetail, SubmitBody, UnitRef } from "../dossier/api";
import { Channel, IntakeChannel, ReturnChannel } from "../dossier/channel";
import { DossierCode } from "../dossier/code";
import { STAFF_ACTIONS } from "../dossier/lifecycle";
import { CheckInput } from "../dossier/supplement";
import { FileId } from "../files/files";
import { FeeExemption } from "../payment/exemption";
import { LocalDate } from "../time/vietnam";
import { Assignment, NEWS_LABELS, StaffRef, StaffSummary } from "./changes";
import { INBOX_TAB_KEYS, type InboxTab } from "./inbox";

const Reason = z.string().trim().min(3, { error: "Vui lòng ghi rõ lý do" }).max(2000);
const OptionalNote = z.string().trim().max(2000).optional();

/** `POST /api/staff/dossiers/:code/actions` (with If-Match: the dossier's ETag). */
export const ActionBody = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("accept"), note: OptionalNote }),
  z.strictObject({ action: z.literal("refuse"), reason: Reason }),
  z.strictObject({ action: z.literal("start_processing"), note: OptionalNote }),
  z.strictObject({
    action: z.literal("request_supplement"),
    /**
     * Everything missing, in one notice (Mẫu 02): a verdict per document of the procedure's case
     * (chưa đạt with its note asks for it again), and free-text items. At least one item is asked.
     */
    checks: z.array(CheckInput).max(40).default([]),
    items: z.array(z.string().trim().min(2).max(500)).max(40).default([]),
    note: OptionalNote,
    /** The date the resident should answer by. */
    replyBy: LocalDate.optional(),
  }),
  z.strictObject({
    action: z.literal("request_payment"),
    amount: z.number().int().min(1).max(1_000_000_000),
    legalBasis: z.string().trim().min(3).max(500),
    note: OptionalNote,
  }),
  z.strictObject({ action: z.literal("confirm_payment"), note: OptionalNote }),
  /** The fee is exempted: the ground and its legal basis are recorded in the event (DOMAIN §6). */
  FeeExemption.extend({ action: z.literal("exempt_fee"), note: OptionalNote }).strict(),
  z.strictObject({ action: z.literal("stop"), reason: Reason }),
  z.strictObject({
    action: z.literal("finish"),
    resultFileIds: z.array(FileId).min(1, { error: "Đính kèm tệp kết quả điện tử" }).max(10),
    note: OptionalNote,
  }),
  z.strictObject({ action: z.literal("hand_over"), returnChannel: ReturnChannel, note: OptionalNote }),
  z.strictObject({ action: z.literal("confirm_withdrawal"), note: OptionalNote }),
  /** Mẫu 04: a new promised date; the original due date stays the basis for on-time metrics. */
  z.strictObject({ action: z.literal("apologise"), reason: Reason, newDate: LocalDate }),
  z.strictObject({ action: z.literal("transfer"), unitId: UnitId, reason: Reason }),
  z.strictObject({ action: z.literal("note"), note: z.string().trim().min(1).max(2000) }),
  z.strictObject({
    action: z.literal("reply"),
    message: z.string().trim().min(1).max(2000),
    fileIds: z.array(FileId).max(10).default([]),
  }),
]);
export type ActionBody = z.infer<typeof ActionBody>;

export const StaffAction = z.enum(STAFF_ACTIONS);

/** `GET /api/staff/dossiers`. */
export const InboxQuery = z.object({
  status: z
    .string()
    .regex(/^(10|[1-9])(,(10|[1-9])){0,9}$/, { error: "status là danh sách mã trạng thái 1–10" })
    .transform((s) => [...new Set(s.split(",").map(Number))])
    .optional(),
  /** "day": due within one working day (the unit's for a leader, the caller's own otherwise). */
  due: z.enum(["overdue", "soon", "day"]).optional(),
  /** "1": only dossiers assigned to the caller ("Của tôi"). */
  mine: z.literal("1").optional(),
  /** "1": only open dossiers with something new since the caller last opened them. */
  changed: z.literal("1").optional(),
  /** The text search of shared/src/staff/search.ts: name words, a code prefix, or phone or citizen-id digits. */
  q: z
    .string()
    .trim()
    .max(100)
    .describe("Name words (accents ignored, each a prefix), a dossier code prefix, or 4+ digits of a phone or citizen id")
    .optional(),
  procedure: ProcedureCode.optional(),
  channel: Channel.optional(),
  unit: UnitId.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

export const DueState = z.enum(["overdue", "soon", "ok"]);

export const InboxItem = z.object({
  code: DossierCode,
  procedure: z.object({ code: z.string(), name: z.string() }),
  applicantName: z.string(),
  status: z.number().int(),
  statusLabel: z.string(),
  channel: Channel,
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  promisedDate: z.string().nullable(),
  /** Since when the clock is paused for a supplement. */
  pausedAt: z.string().nullable(),
  /** Derived from the due date and today's local date while the clock runs; null otherwise. */
  dueState: DueState.nullable(),
  withdrawalRequested: z.boolean(),
  handlingUnit: UnitRef,
  assignee: StaffRef.nullable(),
  /** The latest step that calls for the caller's look since they last opened the dossier (open dossiers only). */
  news: z.object({ type: z.enum(Object.keys(NEWS_LABELS) as [keyof typeof NEWS_LABELS]), label: z.string() }).nullable(),
  /** Due within one working day, flagged to the unit's leader and to the officer it is assigned to. */
  urgent: z.boolean(),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxCounts = z.object(
  Object.fromEntries(INBOX_TAB_KEYS.map((t) => [t, z.number().int()])) as Record<InboxTab, z.ZodNumber>,
);
export type InboxCounts = z.infer<typeof InboxCounts>;

export const Inbox = z.object({
  items: z.array(InboxItem),
  counts: InboxCounts,
  /**
   * The caller's own counts: new since they looked, due within a working day, assigned to them.
   * With the first page, for officers and leaders; null on later pages and for an admin.
   */
  watch: StaffSummary.nullable(),
  nextCursor: z.string().nullable(),
});
export type Inbox = z.infer<typeof Inbox>;

/**
 * What the desk received when it accepted the dossier, as Mẫu 01 prints it: the accepting officer
 * and the documents as they stood then, whatever a later supplement added.
 */
export const Acceptance = z.object({
  officerName: z.string(),
  at: z.string(),
  documents: DossierDetail.shape.documents,
});
export type Acceptance = z.infer<typeof Acceptance>;

/** The staff view of one dossier: the resident's view plus everything an officer needs to act. */
export const StaffDossierDetail = DossierDetail.extend({
  version: z.number().int(),
  allowedActions: z.array(StaffAction),
  applicant: z.object({ name: z.string(), phone: z.string().nullable(), vneidVerified: z.boolean() }),
  receivedAt: z.string().nullable(),
  dueState: DueState.nullable(),
  /** Null until the dossier is accepted. */
  acceptance: Acceptance.nullable(),
  /** The documents of the procedure's case, by index, for the per-document check of a supplement request. */
  requiredDocuments: z.array(
    z.object({ docIndex: z.number().int(), name: z.string(), required: z.boolean(), replacedByEform: z.boolean() }),
  ),
  /** Who the unit leader assigned it to; null when nobody is. */
  assignment: Assignment.nullable(),
  /** The caller leads the handling unit and may assign the dossier. */
  canAssign: z.boolean(),
});
export type StaffDossierDetail = z.infer<typeof StaffDossierDetail>;

/** `POST /api/staff/dossiers`: a dossier received at the counter or by post, registered for a resident. */
export const IntakeBody = SubmitBody.omit({ consent: true }).extend({
  channel: IntakeChannel,
  applicant: z.strictObject({
    fullName: z.string().trim().min(2, { error: "Nhập họ và tên người nộp" }).max(100),
    phone: z
      .string()
      .regex(/^0\d{9}$/, { error: "Số điện thoại gồm 10 chữ số, bắt đầu bằng 0" })
      .optional(),
  }),
  /** Required documents received on paper (by index), counted as present without a scan. */
  paperDocuments: z.array(z.number().int().min(0).max(39)).max(40).default([]),
});
export type IntakeBody = z.infer<typeof IntakeBody>;

export const AuditReport = z.object({
  code: DossierCode,
  /** True when every event's hash matches its content and the previous hash. */
  valid: z.boolean(),
  events: z.number().int(),
  /** The first event whose hash does not match, if any. */
  brokenAtSeq: z.number().int().nullable(),
  head: z.string(),
  reads: z.array(z.object({ actorId: z.string(), actorName: z.string(), at: z.string(), reason: z.string() })),
});
export type AuditReport = z.infer<typeof AuditReport>;

export const ReadReason = z.object({ reason: z.string().trim().min(3).max(200).optional() });
