import { z } from "zod";
import { UnitId } from "../catalogue/schemas";
import { LocalDate } from "../time/vietnam";
import { CaseStatus, RatingCriteria, RatingLevel, Stars } from "./ratings";

const Comment = z.string().trim().max(1000);

/** `POST /api/dossiers/:code/rating`: the one tap, optionally with the criteria and a comment. */
export const RateBody = z.strictObject({
  level: RatingLevel,
  criteria: RatingCriteria.optional(),
  comment: Comment.optional(),
});
export type RateBody = z.infer<typeof RateBody>;

/** `POST /api/dossiers/:code/rating/details`: the criteria and comment added after the tap, once. */
export const RatingDetailsBody = z
  .strictObject({ criteria: RatingCriteria.default({}), comment: Comment.default("") })
  .refine((b) => Object.keys(b.criteria).length > 0 || b.comment.length > 0, {
    error: "Vui lòng chọn ít nhất một tiêu chí hoặc nhập ý kiến",
  });
export type RatingDetailsBody = z.infer<typeof RatingDetailsBody>;

/** `POST /api/dossiers/:code/rating/rerating`: the resident rates again after the unit replied. */
export const ReratingBody = z.strictObject({ level: RatingLevel, comment: Comment.default("") });
export type ReratingBody = z.infer<typeof ReratingBody>;

/** `POST /api/staff/rating-cases/:id/reply`: the leader's answer to the resident. */
export const CaseReplyBody = z.strictObject({
  reply: z.string().trim().min(10, { error: "Vui lòng trả lời người dân (ít nhất 10 ký tự)" }).max(4000),
});
export type CaseReplyBody = z.infer<typeof CaseReplyBody>;

export const CaseIdParam = z.object({ id: z.uuid({ error: "Mã phiếu không hợp lệ" }) });

/** What a "Không hài lòng" opened: who owns it, by when, and how it went. */
export const RatingCase = z.object({
  id: z.string(),
  status: CaseStatus,
  unitId: UnitId,
  unitName: z.string(),
  /** The unit leader who owns it; null when the unit has none (the unit owns it). */
  ownerName: z.string().nullable(),
  /** The local date the unit must reply by (working days from the rating, by the province's calendar). */
  dueDate: LocalDate,
  overdue: z.boolean(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  repliedBy: z.string().nullable(),
  /** The resident's second rating after the reply; the original one is kept beside it. */
  rerating: RatingLevel.nullable(),
  reratingComment: z.string().nullable(),
  reratedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type RatingCase = z.infer<typeof RatingCase>;

export const RatingRecord = z.object({
  level: RatingLevel,
  source: z.enum(["app", "zns"]),
  /** The raw stars of a ZNS rating; null for a rating in the app. */
  stars: Stars.nullable(),
  criteria: RatingCriteria,
  comment: z.string(),
  /** Whether the criteria and comment may still be added (once). */
  detailsOpen: z.boolean(),
  createdAt: z.string(),
});
export type RatingRecord = z.infer<typeof RatingRecord>;

/** `GET /api/dossiers/:code/rating`: whether the applicant may rate now, their rating and its case. */
export const RatingView = z.object({
  canRate: z.boolean(),
  rating: RatingRecord.nullable(),
  case: RatingCase.nullable(),
});
export type RatingView = z.infer<typeof RatingView>;

/** `GET /api/staff/rating-cases`: a leader's unit cases (an admin's: all), open first, then by due date. */
export const CaseListQuery = z.object({ status: CaseStatus.optional() });
export const StaffRatingCase = RatingCase.extend({
  code: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  level: RatingLevel,
  stars: Stars.nullable(),
  criteria: RatingCriteria,
  comment: z.string(),
  /** Whether the caller may reply (a leader of the unit, while it is open). */
  canReply: z.boolean(),
});
export type StaffRatingCase = z.infer<typeof StaffRatingCase>;
export const CaseList = z.object({ items: z.array(StaffRatingCase) });
export type CaseList = z.infer<typeof CaseList>;

/** `GET /api/ratings/scale`: the published scale and how Zalo's stars map onto it. */
export const RatingScale = z.object({
  levels: z.array(z.object({ level: RatingLevel, label: z.string(), stars: z.string() })),
  caseDays: z.number().int(),
});
export type RatingScale = z.infer<typeof RatingScale>;
