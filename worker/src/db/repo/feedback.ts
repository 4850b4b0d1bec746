import { and, asc, desc, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../client";
import { dossiers, feedback, feedbackPhotos, feedbackReplies, files, procedures, units, users } from "../schema";
import { insertedIds, type NewNotification, notificationInsert } from "./notifications";

export type FeedbackRow = typeof feedback.$inferSelect;

const author = alias(users, "author");
const assignee = alias(users, "assignee");

// The published version's name; an item about a procedure since archived still names it.
const procedureName = sql<string | null>`(SELECT p.name FROM procedures p WHERE p.province_id = ${feedback.provinceId}
  AND p.code = ${feedback.procedureCode} ORDER BY p.status = 'published' DESC, p.version DESC LIMIT 1)`;

const selectFeedback = (db: Db) =>
  db
    .select({
      f: feedback,
      unitName: units.name,
      unitHotline: units.hotline,
      procedureName,
      dossierCode: dossiers.code,
      authorName: author.displayName,
      assigneeName: assignee.displayName,
      replyBody: feedbackReplies.body,
      replyAt: feedbackReplies.at,
    })
    .from(feedback)
    .innerJoin(units, eq(units.id, feedback.unitId))
    .innerJoin(author, eq(author.id, feedback.authorId))
    .leftJoin(assignee, eq(assignee.id, feedback.assigneeId))
    .leftJoin(dossiers, eq(dossiers.id, feedback.dossierId))
    .leftJoin(feedbackReplies, eq(feedbackReplies.feedbackId, feedback.id));

export type FeedbackJoined = Awaited<ReturnType<ReturnType<typeof selectFeedback>["get"]>> & {};

export async function feedbackById(db: Db, id: string): Promise<FeedbackJoined | undefined> {
  return selectFeedback(db).where(eq(feedback.id, id)).get();
}

/** A resident's own items, newest first. */
export async function feedbackByAuthor(db: Db, authorId: string, limit = 100): Promise<FeedbackJoined[]> {
  return selectFeedback(db).where(eq(feedback.authorId, authorId)).orderBy(desc(feedback.createdAt)).limit(limit);
}

/**
 * The items of a staff scope's units, open ones first by due date, then answered ones newest first.
 * `unitIds` "all" is the whole province.
 */
export async function feedbackOfUnits(
  db: Db,
  scope: { provinceId: string; unitIds: string[] | "all" },
  filter: { status?: "open" | FeedbackRow["status"]; assigneeId?: string },
  limit = 200,
): Promise<FeedbackJoined[]> {
  const where: (SQL | undefined)[] = [
    eq(feedback.provinceId, scope.provinceId),
    scope.unitIds === "all" ? undefined : inArray(feedback.unitId, scope.unitIds.length > 0 ? scope.unitIds : [""]),
    filter.status === "open"
      ? inArray(feedback.status, ["new", "assigned"])
      : filter.status
        ? eq(feedback.status, filter.status)
        : undefined,
    filter.assigneeId ? eq(feedback.assigneeId, filter.assigneeId) : undefined,
  ];
  return selectFeedback(db)
    .where(and(...where))
    .orderBy(sql`${feedback.status} = 'answered'`, asc(feedback.dueDate), desc(feedback.createdAt))
    .limit(limit);
}

/** Open items and overdue ones (due before `today`) of a staff scope. */
export async function feedbackCounts(db: Db, scope: { provinceId: string; unitIds: string[] | "all" }, today: string) {
  const row = await db
    .select({
      open: sql<number>`count(*)`,
      overdue: sql<number>`coalesce(sum(${feedback.dueDate} < ${today}), 0)`,
    })
    .from(feedback)
    .where(
      and(
        eq(feedback.provinceId, scope.provinceId),
        scope.unitIds === "all" ? undefined : inArray(feedback.unitId, scope.unitIds.length > 0 ? scope.unitIds : [""]),
        inArray(feedback.status, ["new", "assigned"]),
      ),
    )
    .get();
  return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0) };
}

/** The photos of the given items, by item. */
export async function photosOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, (typeof files.$inferSelect)[]>();
  const rows = await db
    .select({ feedbackId: feedbackPhotos.feedbackId, file: files })
    .from(feedbackPhotos)
    .innerJoin(files, eq(files.id, feedbackPhotos.fileId))
    .where(inArray(feedbackPhotos.feedbackId, [...ids]))
    .orderBy(files.createdAt);
  const byItem = new Map<string, (typeof files.$inferSelect)[]>();
  for (const r of rows) byItem.set(r.feedbackId, [...(byItem.get(r.feedbackId) ?? []), r.file]);
  return byItem;
}

/** The items a file is attached to, to decide who may download it. */
export async function feedbackWithFile(db: Db, fileId: string) {
  return db
    .select({ id: feedback.id, authorId: feedback.authorId, provinceId: feedback.provinceId, unitId: feedback.unitId })
    .from(feedbackPhotos)
    .innerJoin(feedback, eq(feedback.id, feedbackPhotos.feedbackId))
    .where(eq(feedbackPhotos.fileId, fileId));
}

/** The statements of a new item and its photos, for one batch (with the idempotency record). */
export function insertFeedbackStatements(db: Db, row: typeof feedback.$inferInsert, photoIds: readonly string[]) {
  return [
    db.insert(feedback).values(row),
    ...(photoIds.length > 0
      ? [db.insert(feedbackPhotos).values(photoIds.map((fileId) => ({ feedbackId: row.id, fileId })))]
      : []),
  ] as const;
}

/** Assigns an open item at `version`; false when it changed meanwhile or was answered. */
export async function assignFeedback(
  db: Db,
  id: string,
  version: number,
  set: { assigneeId: string; assignedBy: string; assignedAt: string },
): Promise<boolean> {
  const result = await db
    .update(feedback)
    .set({ ...set, status: "assigned", version: sql`${feedback.version} + 1` })
    .where(and(eq(feedback.id, id), eq(feedback.version, version), inArray(feedback.status, ["new", "assigned"])))
    .run();
  return result.meta.changes === 1;
}

/**
 * The reply, the item's new state and the author's notification in one batch. The reply's key is
 * the item, so a second reply fails the whole batch (`isReplyConflict`), notification included.
 */
export async function writeReply(
  db: Db,
  reply: typeof feedbackReplies.$inferInsert,
  notice: Omit<NewNotification, "topic" | "subjectId" | "createdAt">,
): Promise<number[]> {
  const results = await db.batch([
    db.insert(feedbackReplies).values(reply),
    db
      .update(feedback)
      .set({ status: "answered", version: sql`${feedback.version} + 1` })
      .where(eq(feedback.id, reply.feedbackId)),
    notificationInsert(db, { ...notice, topic: "feedback", subjectId: reply.feedbackId, createdAt: reply.at }),
  ]);
  return insertedIds(results[2]);
}

export const isReplyConflict = (err: unknown) =>
  /UNIQUE constraint failed: feedback_replies\.feedback_id/.test(String((err as Error)?.message ?? err));

/** Answered items the authors allowed to be public, of one unit, newest first. */
export async function publicFeedbackOfUnit(db: Db, unitId: string, limit = 50) {
  return db
    .select({
      id: feedback.id,
      kind: feedback.kind,
      procedureName,
      content: feedback.content,
      createdAt: feedback.createdAt,
      reply: feedbackReplies.body,
      repliedAt: feedbackReplies.at,
    })
    .from(feedback)
    .innerJoin(feedbackReplies, eq(feedbackReplies.feedbackId, feedback.id))
    .where(and(eq(feedback.unitId, unitId), eq(feedback.allowPublic, true), isNotNull(feedbackReplies.at)))
    .orderBy(desc(feedbackReplies.at))
    .limit(limit);
}

/** Active staff of a unit who may take an item: its officers and leaders. */
export async function unitHandlers(db: Db, unitId: string) {
  return db
    .select({ id: users.id, name: users.displayName, role: users.role })
    .from(users)
    .where(and(eq(users.unitId, unitId), inArray(users.role, ["officer", "leader"]), sql`${users.disabledAt} IS NULL`))
    .orderBy(users.displayName);
}

/** The procedure's published name and its competent unit (null when any commune handles it). */
export async function procedureUnit(db: Db, provinceId: string, code: string) {
  return db
    .select({ name: procedures.name, competentUnitId: procedures.competentUnitId, unitLevel: procedures.unitLevel })
    .from(procedures)
    .where(and(eq(procedures.provinceId, provinceId), eq(procedures.code, code), eq(procedures.status, "published")))
    .get();
}
