import { z } from "zod";
import { ProcedureCode, UnitId } from "../catalogue/schemas";
import { DossierCode } from "../dossier/code";
import { FileId } from "../files/files";

/**
 * Feedback and petitions (phản ánh, kiến nghị; DOMAIN §7): a signed-in resident writes to the unit
 * about the unit itself, a procedure or one of their own dossiers, with a few photos. The unit's
 * leader assigns it to an officer, the unit replies within a deadline in working days, and the
 * resident is told. An answered item the resident allowed to be public is listed on the unit's page
 * without personal data.
 */

export const FEEDBACK_KINDS = ["phan_anh", "kien_nghi"] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = { phan_anh: "Phản ánh", kien_nghi: "Kiến nghị" };

export const FEEDBACK_SUBJECTS = ["unit", "procedure", "dossier"] as const;
export type FeedbackSubject = (typeof FEEDBACK_SUBJECTS)[number];

export const FEEDBACK_STATUSES = ["new", "assigned", "answered"] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  new: "Chờ phân công",
  assigned: "Đang xử lý",
  answered: "Đã trả lời",
};

/** Photos one item may carry; only images (JPEG, PNG, HEIC), uploaded first through `POST /api/files`. */
export const MAX_FEEDBACK_PHOTOS = 4;
export const FEEDBACK_PHOTO_TYPES = ["image/jpeg", "image/png", "image/heic"] as const;
export const MAX_FEEDBACK_CHARS = 2000;

/** `POST /api/feedback` (with an Idempotency-Key): about a dossier, a procedure (and the commune, when any commune handles it) or a unit. */
export const FeedbackBody = z
  .strictObject({
    kind: z.enum(FEEDBACK_KINDS).default("phan_anh"),
    unitId: UnitId.optional(),
    procedureCode: ProcedureCode.optional(),
    dossierCode: DossierCode.optional(),
    content: z
      .string()
      .trim()
      .min(10, { error: "Vui lòng mô tả nội dung phản ánh (ít nhất 10 ký tự)" })
      .max(MAX_FEEDBACK_CHARS, { error: `Nội dung tối đa ${MAX_FEEDBACK_CHARS} ký tự` }),
    photoIds: z
      .array(FileId)
      .max(MAX_FEEDBACK_PHOTOS, { error: `Đính kèm tối đa ${MAX_FEEDBACK_PHOTOS} ảnh` })
      .refine((ids) => new Set(ids).size === ids.length, { error: "Mỗi ảnh chỉ đính kèm một lần" })
      .default([]),
    /** Whether the answered item may be listed publicly (without personal data). */
    allowPublic: z.boolean().default(false),
  })
  // A dossier names its unit; a procedure handled by every commune needs the commune chosen.
  .refine((b) => (b.dossierCode ? !b.unitId && !b.procedureCode : Boolean(b.unitId || b.procedureCode)), {
    error: "Chọn đối tượng phản ánh: một đơn vị, một thủ tục hoặc một hồ sơ của bạn",
    path: ["unitId"],
  });
export type FeedbackBody = z.infer<typeof FeedbackBody>;

export const FeedbackIdParam = z.object({ id: z.uuid({ error: "Mã phản ánh không hợp lệ" }) });

export const FeedbackPhoto = z.object({ id: FileId, name: z.string(), mime: z.string(), size: z.number().int() });

/** The resident's own view of an item (and the base of the staff view). */
export const FeedbackView = z.object({
  id: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  kindLabel: z.string(),
  subject: z.enum(FEEDBACK_SUBJECTS),
  unit: z.object({ id: z.string(), name: z.string(), hotline: z.string() }),
  procedure: z.object({ code: z.string(), name: z.string() }).nullable(),
  dossierCode: z.string().nullable(),
  content: z.string(),
  photos: z.array(FeedbackPhoto),
  allowPublic: z.boolean(),
  status: z.enum(FEEDBACK_STATUSES),
  statusLabel: z.string(),
  createdAt: z.string(),
  /** Local date (YYYY-MM-DD) by which the unit answers. */
  dueDate: z.string(),
  reply: z.object({ body: z.string(), at: z.string() }).nullable(),
});
export type FeedbackView = z.infer<typeof FeedbackView>;

export const FeedbackList = z.object({ items: z.array(FeedbackView) });
export type FeedbackList = z.infer<typeof FeedbackList>;

/** The staff view: who wrote it and who handles it, and whether it is overdue today. */
export const StaffFeedbackView = FeedbackView.extend({
  author: z.object({ name: z.string() }),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  overdue: z.boolean(),
  /** What the caller may do now: a leader assigns, the assignee or a leader replies. */
  allowed: z.array(z.enum(["assign", "reply"])),
  version: z.number().int(),
});
export type StaffFeedbackView = z.infer<typeof StaffFeedbackView>;

export const StaffFeedbackQuery = z.object({
  status: z.enum(["open", ...FEEDBACK_STATUSES]).optional(),
  /** "1": only what is assigned to the caller. */
  mine: z.enum(["1"]).optional(),
});

export const StaffFeedbackList = z.object({
  items: z.array(StaffFeedbackView),
  counts: z.object({ open: z.number().int(), overdue: z.number().int() }),
});
export type StaffFeedbackList = z.infer<typeof StaffFeedbackList>;

export const AssignFeedbackBody = z.strictObject({ assigneeId: z.string().min(1).max(100) });
export const ReplyFeedbackBody = z.strictObject({
  body: z
    .string()
    .trim()
    .min(10, { error: "Nội dung trả lời ít nhất 10 ký tự" })
    .max(MAX_FEEDBACK_CHARS, { error: `Nội dung trả lời tối đa ${MAX_FEEDBACK_CHARS} ký tự` }),
});

export const FeedbackAssignees = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })) });

/** A public answered item: no name, phone, dossier code or photo; digit runs in the text masked. */
export const PublicFeedbackItem = z.object({
  id: z.string(),
  kindLabel: z.string(),
  procedureName: z.string().nullable(),
  content: z.string(),
  createdAt: z.string(),
  reply: z.string(),
  repliedAt: z.string(),
});
export const PublicFeedbackList = z.object({ items: z.array(PublicFeedbackItem) });
export type PublicFeedbackList = z.infer<typeof PublicFeedbackList>;

/**
 * Text shown to the public: runs of digits that could be a phone number, a citizen id or a
 * dossier code ("0912 345 678", "001090012345", "000.21.35.H99-250714-0042") are masked.
 * Names typed into free text cannot be found this way; the resident is told not to write them.
 */
export function maskPublicText(text: string): string {
  return text.replace(/\d[\d\s.-]*\d/g, (run) => (run.replace(/\D/g, "").length >= 4 ? "***" : run));
}

/** The notice the resident receives when the unit answers (topic "feedback"). */
export function feedbackReplyNotice(unitName: string) {
  return { title: "Đã có trả lời phản ánh, kiến nghị", body: `${unitName} đã trả lời phản ánh, kiến nghị của bạn.` };
}
