import type { CaseReplyBody, ReratingBody, StaffRatingCase } from "../../../shared/src/ratings/api";
import { RATING_LEVEL_LABELS } from "../../../shared/src/ratings/ratings";
import type { Db } from "../db/client";
import type { ViewRow } from "../db/repo/dossiers";
import { insertedIds, notificationInsert } from "../db/repo/notifications";
import {
  caseOfDossier,
  caseReplyUpdate,
  caseReratingUpdate,
  lostReply,
  type StaffCaseRow,
  staffCaseById,
  staffCases,
} from "../db/repo/ratings";
import type { StaffScope } from "../db/repo/staff";
import type { AuthUser } from "../db/repo/users";
import { inScope } from "../dossiers/access";
import { ApiError, conflict, notFound } from "../lib/errors";
import { queueNotifications } from "../notify/queue";
import { caseOf } from "./ratings";

/**
 * The case loop of every "Không hài lòng" (DOMAIN §7): the unit's leader replies to the resident,
 * who is told through the notification outbox, and may then rate again; the original rating stays.
 */

const noCase = () => notFound("Không tìm thấy phiếu đánh giá này.");

const visible = (scope: StaffScope, r: StaffCaseRow) => inScope(scope, { provinceId: r.provinceId, handlingUnitId: r.c.unitId });

/** Only a leader of the case's unit replies, never to their own rating, and only while it is open. */
const mayReply = (user: AuthUser, scope: StaffScope, r: StaffCaseRow) =>
  user.role === "leader" && visible(scope, r) && r.applicantId !== user.id && r.c.status === "open";

function staffCase(r: StaffCaseRow, user: AuthUser, scope: StaffScope, now: Date): StaffRatingCase {
  return {
    ...caseOf(r, now),
    code: r.code,
    procedureName: r.procedureName,
    applicantName: r.applicantName,
    level: r.r.level,
    stars: r.r.stars,
    criteria: r.r.criteria,
    comment: r.r.comment,
    canReply: mayReply(user, scope, r),
  };
}

/** A leader's cases are their units' (an admin's: the province's), open first, overdue flagged. */
export async function listCases(db: Db, user: AuthUser, scope: StaffScope, status?: StaffRatingCase["status"]) {
  const rows = await staffCases(db, scope.provinceId, scope.unitIds === "all" ? null : scope.unitIds, status);
  const now = new Date();
  return { items: rows.map((r) => staffCase(r, user, scope, now)) };
}

export async function caseForStaff(db: Db, user: AuthUser, scope: StaffScope, id: string) {
  const r = await staffCaseById(db, id);
  if (!r || !visible(scope, r)) throw noCase();
  return staffCase(r, user, scope, new Date());
}

/**
 * The leader's reply, with the resident's notification in the same batch. Replying again with the
 * same words (a retry) answers the case as it is; anything else once replied is a 409.
 */
export async function replyToCase(db: Db, user: AuthUser, scope: StaffScope, id: string, body: CaseReplyBody) {
  const r = await staffCaseById(db, id);
  if (!r || !visible(scope, r)) throw noCase();
  if (user.role !== "leader") throw new ApiError(403, "forbidden", "Chỉ lãnh đạo đơn vị trả lời đánh giá không hài lòng.");
  if (r.applicantId === user.id) throw new ApiError(403, "forbidden", "Bạn không trả lời đánh giá về hồ sơ của chính mình.");
  const retry = () => r.c.repliedBy === user.id && r.c.reply === body.reply;
  if (r.c.status !== "open") {
    if (retry()) return caseForStaff(db, user, scope, id);
    throw conflict("Phiếu này đã được trả lời.");
  }
  const at = new Date().toISOString();
  try {
    const [, notice] = await db.batch([
      caseReplyUpdate(db, id, body.reply, user.id, at),
      notificationInsert(db, {
        userId: r.applicantId,
        topic: "rating_case",
        dossierId: r.c.dossierId,
        subjectId: id,
        title: "Trả lời ý kiến đánh giá của bạn",
        body: `${r.unitName} trả lời về hồ sơ ${r.code}: ${body.reply}`,
        createdAt: at,
      }),
    ]);
    queueNotifications(insertedIds(notice));
  } catch (err) {
    if (!lostReply(err)) throw err;
    throw conflict("Phiếu này vừa được trả lời.");
  }
  return caseForStaff(db, user, scope, id);
}

/** The resident's second rating after the reply, once; it closes the case and the original stays. */
export async function rerate(db: Db, row: ViewRow, body: ReratingBody) {
  const found = await caseOfDossier(db, row.d.id);
  if (!found) throw conflict("Hồ sơ này không có phiếu đánh giá cần đánh giá lại.");
  const c = found.c;
  if (c.status === "open") throw conflict("Đơn vị chưa trả lời, bạn có thể đánh giá lại sau khi nhận được trả lời.");
  if (c.status === "closed") {
    if (c.rerating === body.level) return;
    throw conflict(`Bạn đã đánh giá lại: ${RATING_LEVEL_LABELS[c.rerating ?? "dissatisfied"]}.`);
  }
  const updated = await caseReratingUpdate(db, c.id, body.level, body.comment, new Date().toISOString());
  if (updated.length === 0) {
    const now = await caseOfDossier(db, row.d.id);
    if (now?.c.rerating !== body.level) throw conflict("Phiếu vừa được cập nhật, vui lòng tải lại.");
  }
}
