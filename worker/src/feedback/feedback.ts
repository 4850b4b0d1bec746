import { sql } from "drizzle-orm";
import { processes } from "../../../shared/src/auth/roles";
import { addWorkingDays, type WorkCalendar } from "../../../shared/src/deadline/due-date";
import {
  FEEDBACK_KIND_LABELS,
  FEEDBACK_PHOTO_TYPES,
  FEEDBACK_STATUS_LABELS,
  type FeedbackBody,
  type FeedbackView,
  feedbackReplyNotice,
  maskPublicText,
  type PublicFeedbackList,
  type StaffFeedbackView,
} from "../../../shared/src/feedback/api";
import { vietnamDate } from "../../../shared/src/time/vietnam";
import type { Db } from "../db/client";
import { workCalendar } from "../db/repo/calendar";
import { getUnit } from "../db/repo/catalogue";
import {
  assignFeedback,
  type FeedbackJoined,
  feedbackById,
  insertFeedbackStatements,
  isReplyConflict,
  photosOf,
  procedureUnit,
  publicFeedbackOfUnit,
  unitHandlers,
  writeReply,
} from "../db/repo/feedback";
import type { FileRow } from "../db/repo/files";
import { ownFilesById } from "../db/repo/files";
import type { StaffScope } from "../db/repo/staff";
import { scopeUnitIds } from "../db/repo/staff";
import { type AuthUser, getUser } from "../db/repo/users";
import { applicantDossier, feedbackActions, feedbackInScope } from "../dossiers/access";
import { conflict, forbidden, invalidField, notFound } from "../lib/errors";
import { completeIdempotencyKey } from "../lib/idempotency";
import { queueNotifications } from "../notify/queue";

const noFeedback = () => notFound("Không tìm thấy phản ánh, kiến nghị.");

/** Working days a unit has to answer, from configuration (FEEDBACK_REPLY_DAYS); 10 when unset. */
export function replyDays(env: Pick<CloudflareBindings, "FEEDBACK_REPLY_DAYS">): number {
  const days = Number(env.FEEDBACK_REPLY_DAYS);
  return Number.isInteger(days) && days > 0 && days <= 60 ? days : 10;
}

/** The due date of an item received at `at`: `days` working days after the day it arrived (in Vietnam). */
export const feedbackDueDate = (at: Date, days: number, calendar: WorkCalendar) =>
  addWorkingDays(vietnamDate(at), days, calendar);

const photoMeta = (f: FileRow) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size });

export function toFeedbackView(row: FeedbackJoined, photos: readonly FileRow[]): FeedbackView {
  const { f } = row;
  return {
    id: f.id,
    kind: f.kind,
    kindLabel: FEEDBACK_KIND_LABELS[f.kind],
    subject: f.subject,
    unit: { id: f.unitId, name: row.unitName, hotline: row.unitHotline },
    procedure: f.procedureCode ? { code: f.procedureCode, name: row.procedureName ?? f.procedureCode } : null,
    dossierCode: row.dossierCode,
    content: f.content,
    photos: photos.map(photoMeta),
    allowPublic: f.allowPublic,
    status: f.status,
    statusLabel: FEEDBACK_STATUS_LABELS[f.status],
    createdAt: f.createdAt,
    dueDate: f.dueDate,
    reply: row.replyBody !== null && row.replyAt !== null ? { body: row.replyBody, at: row.replyAt } : null,
  };
}

export function toStaffFeedbackView(
  row: FeedbackJoined,
  photos: readonly FileRow[],
  user: AuthUser,
  scope: StaffScope,
  today: string,
): StaffFeedbackView {
  const { f } = row;
  return {
    ...toFeedbackView(row, photos),
    author: { name: row.authorName },
    assignee: f.assigneeId ? { id: f.assigneeId, name: row.assigneeName ?? "" } : null,
    overdue: f.status !== "answered" && f.dueDate < today,
    allowed: feedbackActions(user, scope, f),
    version: f.version,
  };
}

/** Views of several rows, their photos read in one query. */
export async function viewsOf<T>(db: Db, rows: readonly FeedbackJoined[], view: (row: FeedbackJoined, photos: FileRow[]) => T) {
  const photos = await photosOf(
    db,
    rows.map((r) => r.f.id),
  );
  return rows.map((r) => view(r, photos.get(r.f.id) ?? []));
}

/** Where an item goes: the dossier's handling unit, the procedure's competent unit, or the chosen unit. */
async function destination(db: Db, user: AuthUser, body: FeedbackBody) {
  if (body.dossierCode) {
    const { d, procedureCode } = await applicantDossier(db, user, body.dossierCode);
    return { subject: "dossier" as const, unitId: d.handlingUnitId, procedureCode, dossierId: d.id };
  }
  let unitId = body.unitId;
  // A procedure any commune handles goes to the commune the resident chose; otherwise to its competent unit.
  let commune = false;
  if (body.procedureCode) {
    const procedure = await procedureUnit(db, user.provinceId, body.procedureCode);
    if (!procedure) throw invalidField("procedureCode", "Không tìm thấy thủ tục này.");
    if (procedure.competentUnitId) unitId = procedure.competentUnitId;
    else if (!unitId) throw invalidField("unitId", "Chọn xã, phường nơi bạn thực hiện thủ tục này.");
    else commune = true;
  }
  const unit = unitId ? await getUnit(db, user.provinceId, unitId) : undefined;
  if (!unit) throw invalidField("unitId", "Không tìm thấy đơn vị này.");
  if (unit.deactivated) {
    const successor = unit.mergedInto ? ` Vui lòng gửi đến ${unit.mergedInto.name}.` : "";
    throw invalidField("unitId", `Đơn vị này đã ngừng hoạt động.${successor}`);
  }
  if (commune && unit.kind !== "commune")
    throw invalidField("unitId", "Thủ tục này do xã, phường giải quyết: chọn một xã, phường.");
  return {
    subject: body.procedureCode ? ("procedure" as const) : ("unit" as const),
    unitId: unit.id,
    procedureCode: body.procedureCode ?? null,
    dossierId: null,
  };
}

/**
 * A resident's new item, written in one batch with the idempotency record of `key`, so a retried
 * request answers the same item. Photos are the author's own uploaded images.
 */
export async function createFeedback(
  db: Db,
  env: Pick<CloudflareBindings, "FEEDBACK_REPLY_DAYS">,
  user: AuthUser,
  body: FeedbackBody,
  key: string,
): Promise<FeedbackView> {
  const where = await destination(db, user, body);
  const photos = await ownFilesById(db, user.id, body.photoIds);
  const byId = new Map(photos.map((p) => [p.id, p]));
  const ordered = body.photoIds.map((id) => byId.get(id));
  if (ordered.some((p) => !p)) throw invalidField("photoIds", "Không tìm thấy ảnh đính kèm.");
  if (ordered.some((p) => !(FEEDBACK_PHOTO_TYPES as readonly string[]).includes(p!.mime)))
    throw invalidField("photoIds", "Chỉ đính kèm ảnh (JPEG, PNG hoặc HEIC).");
  const now = new Date();
  const id = crypto.randomUUID();
  const row = {
    id,
    provinceId: user.provinceId,
    authorId: user.id,
    kind: body.kind,
    subject: where.subject,
    unitId: where.unitId,
    procedureCode: where.procedureCode,
    dossierId: where.dossierId,
    content: body.content,
    allowPublic: body.allowPublic,
    dueDate: feedbackDueDate(now, replyDays(env), await workCalendar(db, user.provinceId)),
    createdAt: now.toISOString(),
  };
  const unit = (await getUnit(db, user.provinceId, where.unitId))!;
  const procedureName = where.procedureCode
    ? ((await procedureUnit(db, user.provinceId, where.procedureCode))?.name ?? null)
    : null;
  const dossierCode = body.dossierCode ?? null;
  const view = toFeedbackView(
    {
      f: { ...row, status: "new", assigneeId: null, assignedBy: null, assignedAt: null, version: 1 },
      unitName: unit.name,
      unitHotline: unit.hotline,
      procedureName,
      dossierCode,
      authorName: user.displayName,
      assigneeName: null,
      replyBody: null,
      replyAt: null,
    },
    ordered as FileRow[],
  );
  const response = JSON.stringify(view);
  await db.batch([
    ...insertFeedbackStatements(db, row, body.photoIds),
    completeIdempotencyKey(db, user.id, key, response, id, sql`${id}`),
  ]);
  return view;
}

/** The caller's own item; anyone else's is a 404. */
export async function ownFeedback(db: Db, user: AuthUser, id: string): Promise<FeedbackJoined> {
  const row = await feedbackById(db, id);
  if (!row || row.f.authorId !== user.id) throw noFeedback();
  return row;
}

/** An item of the staff scope's units; outside it, a 404. */
export async function scopedFeedback(db: Db, scope: StaffScope, id: string): Promise<FeedbackJoined> {
  const row = await feedbackById(db, id);
  if (!row || !feedbackInScope(scope, row.f)) throw noFeedback();
  return row;
}

function requireAllowed(user: AuthUser, scope: StaffScope, row: FeedbackJoined, action: "assign" | "reply") {
  if (feedbackActions(user, scope, row.f).includes(action)) return;
  if (row.f.status === "answered") throw conflict("Phản ánh, kiến nghị này đã được trả lời.");
  if (row.f.authorId === user.id) throw forbidden("Bạn không xử lý phản ánh do chính mình gửi.");
  throw forbidden(
    action === "assign"
      ? "Chỉ lãnh đạo đơn vị phân công xử lý phản ánh, kiến nghị."
      : "Chỉ cán bộ được phân công hoặc lãnh đạo đơn vị trả lời phản ánh, kiến nghị này.",
  );
}

/** The officers and leaders of the item's unit: whom a leader may assign it to. */
export const assigneesOf = (db: Db, row: FeedbackJoined) => unitHandlers(db, row.f.unitId);

/** A leader hands the item to an officer or leader whose units include the item's unit. */
export async function assign(db: Db, user: AuthUser, scope: StaffScope, id: string, assigneeId: string) {
  const row = await scopedFeedback(db, scope, id);
  requireAllowed(user, scope, row, "assign");
  const candidates = await unitHandlers(db, row.f.unitId);
  const candidate = candidates.find((c) => c.id === assigneeId);
  if (!candidate) {
    // Staff of another unit with a grant for this one may take it too.
    const other = await getUser(db, assigneeId);
    const eligible = other && processes(other.role) && !other.disabledAt && other.provinceId === row.f.provinceId;
    if (!eligible || !(await scopeUnitIds(db, other)).includes(row.f.unitId))
      throw invalidField("assigneeId", "Chỉ phân công cho cán bộ của đơn vị nhận phản ánh.");
  }
  const ok = await assignFeedback(db, id, row.f.version, {
    assigneeId,
    assignedBy: user.id,
    assignedAt: new Date().toISOString(),
  });
  if (!ok) throw conflict("Phản ánh, kiến nghị vừa được cập nhật. Vui lòng tải lại.");
  return scopedFeedback(db, scope, id);
}

/** The unit's one reply; the author is told in the same batch (topic "feedback"). */
export async function reply(db: Db, user: AuthUser, scope: StaffScope, id: string, body: string) {
  const row = await scopedFeedback(db, scope, id);
  requireAllowed(user, scope, row, "reply");
  const at = new Date().toISOString();
  try {
    const notices = await writeReply(
      db,
      { feedbackId: id, authorId: user.id, body, at },
      {
        userId: row.f.authorId,
        dossierId: row.f.dossierId,
        ...feedbackReplyNotice(row.unitName),
      },
    );
    queueNotifications(notices);
  } catch (err) {
    if (isReplyConflict(err)) throw conflict("Phản ánh, kiến nghị này đã được trả lời.");
    throw err;
  }
  return scopedFeedback(db, scope, id);
}

/** A unit's public answered items: no name, phone, dossier code or photo, digit runs masked. */
export async function publicFeedback(db: Db, provinceId: string, unitId: string): Promise<PublicFeedbackList> {
  const unit = await getUnit(db, provinceId, unitId);
  if (!unit) throw notFound("Không tìm thấy đơn vị này.");
  const rows = await publicFeedbackOfUnit(db, unitId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kindLabel: FEEDBACK_KIND_LABELS[r.kind],
      procedureName: r.procedureName,
      content: maskPublicText(r.content),
      createdAt: r.createdAt,
      reply: maskPublicText(r.reply),
      repliedAt: r.repliedAt,
    })),
  };
}

export const todayIn = (at = new Date()) => vietnamDate(at);
