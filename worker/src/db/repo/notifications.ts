import { and, desc, eq, isNull, lt, lte } from "drizzle-orm";
import type { Db } from "../client";
import { dossiers, notifications } from "../schema";

export type NewNotification = typeof notifications.$inferInsert;

/**
 * The one way to tell a resident something: a statement for the batch that writes what it tells of,
 * so the notice exists exactly when the change does. Delivery (in the app and through Zalo) reads it
 * from there. Its batch result is the new row's id (`insertedIds`), for the writer to queue the
 * notice once the batch committed (notify/queue.ts `queueNotifications`).
 */
export function notificationInsert(db: Db, n: NewNotification) {
  return db.insert(notifications).values(n).returning({ id: notifications.id });
}

/** The ids a notificationInsert's batch result holds. */
export const insertedIds = (result: unknown): number[] => (result as { id: number }[]).map((r) => r.id);

/** The resident's notifications, newest first, with the dossier code each one is about. */
export async function listNotifications(db: Db, userId: string, before: number | undefined, limit: number) {
  const rows = await db
    .select({
      id: notifications.id,
      topic: notifications.topic,
      code: dossiers.code,
      subjectId: notifications.subjectId,
      title: notifications.title,
      body: notifications.body,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .leftJoin(dossiers, eq(dossiers.id, notifications.dossierId))
    .where(and(eq(notifications.userId, userId), before ? lt(notifications.id, before) : undefined))
    .orderBy(desc(notifications.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? String(items.at(-1)!.id) : null };
}

/** Marks read the notifications up to `upTo`, so one that arrived after the list was shown stays unread. */
export async function markNotificationsRead(db: Db, userId: string, upTo: number) {
  await db
    .update(notifications)
    .set({ readAt: new Date().toISOString() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), lte(notifications.id, upTo)));
}
