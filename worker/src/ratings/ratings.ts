import type { BatchItem } from "drizzle-orm/batch";
import { z } from "zod";
import { addWorkingDays } from "../../../shared/src/deadline/due-date";
import type { RateBody, RatingCase, RatingDetailsBody, RatingRecord, RatingView } from "../../../shared/src/ratings/api";
import {
  caseDays,
  type RatingCriteria,
  type RatingLevel,
  type RatingSource,
  Stars,
  starLevel,
  starRule,
} from "../../../shared/src/ratings/ratings";
import { vietnamDate } from "../../../shared/src/time/vietnam";
import { createDb, type Db } from "../db/client";
import { workCalendar } from "../db/repo/calendar";
import { type ViewRow, viewById } from "../db/repo/dossiers";
import {
  addRatingDetails,
  type CaseView,
  caseInsert,
  caseOfDossier,
  notificationById,
  type RatingRow,
  ratingInsert,
  ratingOf,
  unitLeader,
} from "../db/repo/ratings";
import type { AuthUser } from "../db/repo/users";
import { commitStep, transitionOf } from "../dossiers/steps";
import { auditKey } from "../lib/config";
import { conflict } from "../lib/errors";

/** The published star rule and the case deadline, from configuration. */
export const ratingConfig = (env: CloudflareBindings) => ({
  stars: starRule(env.RATING_STARS_SATISFIED_FROM, env.RATING_STARS_VERY_SATISFIED_FROM),
  caseDays: caseDays(env.RATING_CASE_DAYS),
});

type NewRating = {
  level: RatingLevel;
  source: RatingSource;
  criteria?: RatingCriteria;
  comment?: string;
  stars?: number;
  feedbacks?: string[];
  msgId?: string;
  notificationId?: number;
};

export type RateOutcome =
  | { outcome: "recorded"; rating: RatingRow }
  | { outcome: "already_rated"; rating: RatingRow }
  | { outcome: "not_returned" };

/** A lost race means another step committed in between; the next read sees it. */
const ATTEMPTS = 3;

/**
 * Records the applicant's rating of a handed-over dossier, once: the `rated` event (through the
 * state machine, at the dossier's next version, so the figures take it from the event log), the
 * rating and, for "Không hài lòng", its case owned by the handling unit's leader and due in working
 * days, all in one batch. A rating already there is answered, never written twice.
 */
export async function recordRating(
  db: Db,
  key: string,
  days: number,
  row: ViewRow,
  rating: NewRating,
  now = new Date(),
): Promise<RateOutcome> {
  let current = row;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const existing = await ratingOf(db, current.d.id);
    if (existing) return { outcome: "already_rated", rating: existing };
    const moved = transitionOf(current.d, "rate");
    if (!moved.ok) return { outcome: "not_returned" };
    const at = now.toISOString();
    const record = {
      dossierId: current.d.id,
      userId: current.d.applicantId,
      level: rating.level,
      source: rating.source,
      stars: rating.stars ?? null,
      feedbacks: rating.feedbacks ?? null,
      znsMsgId: rating.msgId ?? null,
      notificationId: rating.notificationId ?? null,
      criteria: rating.criteria ?? {},
      comment: rating.comment ?? "",
      detailsAt: rating.criteria || rating.comment ? at : null,
      createdAt: at,
    };
    const extra: BatchItem<"sqlite">[] = [ratingInsert(db, record)];
    if (rating.level === "dissatisfied") extra.push(caseInsert(db, await newCase(db, current, days, now)));
    // The applicant rated, in the app or through Zalo: the step is theirs.
    const applicant: AuthUser = {
      id: current.d.applicantId,
      provinceId: current.d.provinceId,
      role: "resident",
      unitId: null,
      displayName: current.d.applicantName,
      vneidVerified: current.d.vneidVerified,
    };
    const data = { level: rating.level, source: rating.source, ...(rating.stars ? { stars: rating.stars } : {}) };
    if (await commitStep(db, key, current, applicant, moved, { data, extra }, now))
      return { outcome: "recorded", rating: (await ratingOf(db, current.d.id))! };
    current = (await viewById(db, current.d.id))!;
  }
  throw new Error("rating kept losing to concurrent steps");
}

async function newCase(db: Db, row: ViewRow, days: number, now: Date) {
  const unitId = row.d.handlingUnitId;
  const [owner, calendar] = await Promise.all([unitLeader(db, unitId), workCalendar(db, row.d.provinceId)]);
  return {
    id: crypto.randomUUID(),
    dossierId: row.d.id,
    unitId,
    ownerId: owner?.id ?? null,
    dueDate: addWorkingDays(vietnamDate(now), days, calendar),
    createdAt: now.toISOString(),
  };
}

/**
 * The applicant's one tap. A retry with the same level answers the rating already recorded; a
 * different level is refused, since the original is kept.
 */
export async function rateDossier(db: Db, env: CloudflareBindings, row: ViewRow, body: RateBody) {
  const result = await recordRating(db, auditKey(env), ratingConfig(env).caseDays, row, { ...body, source: "app" });
  if (result.outcome === "not_returned") throw conflict("Chỉ đánh giá được sau khi đã nhận kết quả.");
  if (result.outcome === "already_rated" && result.rating.level !== body.level)
    throw conflict("Bạn đã đánh giá hồ sơ này; đánh giá ban đầu được giữ nguyên.");
}

/** The criteria and comment added after the tap, once. */
export async function addDetails(db: Db, row: ViewRow, body: RatingDetailsBody) {
  const rating = await ratingOf(db, row.d.id);
  if (!rating) throw conflict("Bạn chưa đánh giá hồ sơ này.");
  const same = JSON.stringify(rating.criteria) === JSON.stringify(body.criteria) && rating.comment === body.comment;
  if (rating.detailsAt && same) return;
  if (rating.detailsAt || !(await addRatingDetails(db, row.d.id, body, new Date().toISOString())))
    throw conflict("Bạn đã gửi ý kiến chi tiết cho đánh giá này.");
}

const recordOf = (r: RatingRow): RatingRecord => ({
  level: r.level,
  source: r.source,
  stars: r.stars,
  criteria: r.criteria,
  comment: r.comment,
  detailsOpen: r.detailsAt === null,
  createdAt: r.createdAt,
});

/** A case as the resident and staff read it; overdue while open after its due date (local dates). */
export function caseOf(v: CaseView, now = new Date()): RatingCase {
  const c = v.c;
  return {
    id: c.id,
    status: c.status,
    unitId: c.unitId,
    unitName: v.unitName,
    ownerName: v.ownerName,
    dueDate: c.dueDate,
    overdue: c.status === "open" && vietnamDate(now) > c.dueDate,
    reply: c.reply,
    repliedAt: c.repliedAt,
    repliedBy: v.repliedByName,
    rerating: c.rerating,
    reratingComment: c.reratingComment,
    reratedAt: c.reratedAt,
    createdAt: c.createdAt,
  };
}

/** What the dossier page shows of its rating: to the applicant whether they may rate, and the case's progress. */
export async function ratingView(db: Db, user: AuthUser, row: ViewRow): Promise<RatingView> {
  const [rating, found] = await Promise.all([ratingOf(db, row.d.id), caseOfDossier(db, row.d.id)]);
  return {
    canRate: !rating && row.d.applicantId === user.id && transitionOf(row.d, "rate").ok,
    rating: rating ? recordOf(rating) : null,
    case: found ? caseOf(found) : null,
  };
}

/**
 * The fields of Zalo's `user_feedback` webhook for a SERVICE_RATING template (INTEGRATIONS §1):
 * 1–5 stars, the options ticked, a note, and `trackingId`, our notification's id.
 */
export const StarFeedback = z.object({
  rate: z.coerce.number().pipe(Stars),
  feedbacks: z.array(z.string().max(500)).max(20).optional(),
  note: z.string().max(1000).optional(),
  submitDate: z.union([z.string(), z.number()]).optional(),
  msgId: z.string().max(200).optional(),
  trackingId: z.coerce.number().int().positive(),
});
export type StarFeedback = z.input<typeof StarFeedback>;

export type StarOutcome = "recorded" | "duplicate" | "already_rated" | "not_returned" | "unknown_notification" | "invalid";

/**
 * A star rating from Zalo's service-rating template: the dossier is the one of the notification
 * it answers (the tracking id), the stars are kept raw and mapped to a level by the published rule,
 * and it is recorded exactly once: a repeated webhook finds the rating already there.
 */
export async function recordStarRating(env: CloudflareBindings, payload: unknown, now = new Date()): Promise<StarOutcome> {
  const parsed = StarFeedback.safeParse(payload);
  if (!parsed.success) return "invalid";
  const p = parsed.data;
  const db = createDb(env.DB);
  const notification = await notificationById(db, p.trackingId);
  const row = notification?.dossierId ? await viewById(db, notification.dossierId) : undefined;
  if (!notification || !row || row.d.applicantId !== notification.userId) return "unknown_notification";
  const config = ratingConfig(env);
  const result = await recordRating(
    db,
    auditKey(env),
    config.caseDays,
    row,
    {
      level: starLevel(p.rate, config.stars),
      source: "zns",
      stars: p.rate,
      comment: p.note?.trim().slice(0, 1000) ?? "",
      ...(p.feedbacks ? { feedbacks: p.feedbacks } : {}),
      ...(p.msgId ? { msgId: p.msgId } : {}),
      notificationId: notification.id,
    },
    now,
  );
  if (result.outcome !== "already_rated") return result.outcome;
  const r = result.rating;
  return r.source === "zns" && r.notificationId === notification.id && r.stars === p.rate ? "duplicate" : "already_rated";
}
