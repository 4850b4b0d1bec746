import { and, desc, eq, gte, inArray, isNull, lt, lte, ne, notInArray, or, sql } from "drizzle-orm";
import type { DeliveryChannel, MessagesAnswer } from "../../../../shared/src/notify/delivery";
import type { Db } from "../client";
import { dossierEvents, dossiers, notifications, procedures, users, zaloOaToken } from "../schema";

/** Delivery of notifications through Zalo (worker/src/notify/): queries and conditional updates only. */

export type DeliveryRow = typeof notifications.$inferSelect;

/**
 * Claims a notification for one send until `leaseUntil`: only a row waiting (created or
 * failed_temporary, due, unleased) or an unconfirmed send whose confirmation window passed. Two
 * consumers, or a redelivered batch, never both get it. Undefined: not claimed.
 */
export async function claimDelivery(db: Db, id: number, now: string, leaseUntil: string) {
  return db
    .update(notifications)
    .set({ leaseUntil })
    .where(
      and(
        eq(notifications.id, id),
        or(
          and(
            inArray(notifications.deliveryStatus, ["created", "failed_temporary"]),
            or(isNull(notifications.nextAttemptAt), lte(notifications.nextAttemptAt, now)),
            or(isNull(notifications.leaseUntil), lte(notifications.leaseUntil, now)),
          ),
          and(
            eq(notifications.deliveryStatus, "sending"),
            isNull(notifications.providerMsgId),
            lte(notifications.leaseUntil, now),
          ),
        ),
      ),
    )
    .returning()
    .get();
}

/** What a message says and to whom: the resident's OA id and phone, the dossier's code and procedure, the step. */
export async function deliverySource(db: Db, id: number) {
  return db
    .select({
      oaUserId: users.oaUserId,
      phone: users.phone,
      code: dossiers.code,
      form: dossiers.form,
      procedureName: procedures.name,
      eventType: dossierEvents.type,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(dossiers, eq(dossiers.id, notifications.dossierId))
    .leftJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .leftJoin(
      dossierEvents,
      and(eq(dossierEvents.dossierId, notifications.dossierId), eq(dossierEvents.seq, notifications.eventSeq)),
    )
    .where(eq(notifications.id, id))
    .get();
}

/** Zalo messages handed to Zalo for the resident since `since` (the start of their day in Vietnam), this one aside. */
export async function sentSince(db: Db, userId: string, since: string, exceptId: number) {
  const row = await db
    .select({ n: sql<number>`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), gte(notifications.sentAt, since), ne(notifications.id, exceptId)))
    .get();
  return row?.n ?? 0;
}

const mine = (id: number, leaseUntil: string) => and(eq(notifications.id, id), eq(notifications.leaseUntil, leaseUntil));

/** Releases a claim without sending: the row waits until `until` (quiet hours, the daily cap). */
export const deferDelivery = (db: Db, id: number, lease: string, until: string, reason: string) =>
  db.update(notifications).set({ nextAttemptAt: until, leaseUntil: null, lastError: reason }).where(mine(id, lease));

/** Zalo accepted the message: sending until a webhook or the status query confirms it. */
export const markSent = (db: Db, id: number, lease: string, channel: DeliveryChannel, msgId: string | null, at: string) =>
  db
    .update(notifications)
    .set({
      deliveryStatus: "sending",
      deliveryChannel: channel,
      deliveryAttempts: sql`${notifications.deliveryAttempts} + 1`,
      providerMsgId: msgId,
      sentAt: at,
      leaseUntil: null,
      nextAttemptAt: null,
      lastError: null,
    })
    .where(mine(id, lease));

/**
 * The call timed out: Zalo may have sent it. It stays "sending" and is not sent again before
 * `confirmUntil`; a delivery webhook (ZNS: by tracking_id) in the meantime settles it.
 */
export const markUnconfirmed = (db: Db, id: number, lease: string, channel: DeliveryChannel, at: string, confirmUntil: string) =>
  db
    .update(notifications)
    .set({
      deliveryStatus: "sending",
      deliveryChannel: channel,
      deliveryAttempts: sql`${notifications.deliveryAttempts} + 1`,
      sentAt: at,
      leaseUntil: confirmUntil,
      lastError: "timeout",
    })
    .where(mine(id, lease));

export const markRetry = (db: Db, id: number, lease: string, channel: DeliveryChannel, error: string, nextAt: string) =>
  db
    .update(notifications)
    .set({
      deliveryStatus: "failed_temporary",
      deliveryChannel: channel,
      deliveryAttempts: sql`${notifications.deliveryAttempts} + 1`,
      nextAttemptAt: nextAt,
      leaseUntil: null,
      lastError: error,
    })
    .where(mine(id, lease));

export const markFailed = (
  db: Db,
  id: number,
  lease: string,
  channel: DeliveryChannel | null,
  error: string,
  attempted: boolean,
) =>
  db
    .update(notifications)
    .set({
      deliveryStatus: "failed_permanent",
      deliveryChannel: channel,
      deliveryAttempts: attempted ? sql`${notifications.deliveryAttempts} + 1` : notifications.deliveryAttempts,
      leaseUntil: null,
      lastError: error,
    })
    .where(mine(id, lease));

/** A confirmation (webhook or status query): delivered, once; a repeat changes nothing. */
export async function markDelivered(db: Db, by: { id: number } | { msgId: string }, at: string, msgId?: string) {
  const row = await db
    .update(notifications)
    .set({
      deliveryStatus: "delivered",
      deliveredAt: at,
      leaseUntil: null,
      ...(msgId ? { providerMsgId: sql`coalesce(${notifications.providerMsgId}, ${msgId})` } : {}),
    })
    .where(
      and(
        "id" in by ? eq(notifications.id, by.id) : eq(notifications.providerMsgId, by.msgId),
        ne(notifications.deliveryStatus, "delivered"),
      ),
    )
    .returning({ id: notifications.id })
    .get();
  return row !== undefined;
}

/** The dead-letter queue gave up on a message: its row, unless already settled, fails. */
export const markDeadLettered = (db: Db, ids: number[]) =>
  db
    .update(notifications)
    .set({ deliveryStatus: "failed_permanent", lastError: "dead_letter", leaseUntil: null })
    .where(and(inArray(notifications.id, ids), notInArray(notifications.deliveryStatus, ["delivered", "failed_permanent"])));

/** Everything older than the deadline that is not settled becomes failed_permanent ("expired"). */
export async function expireDeliveries(db: Db, createdBefore: string) {
  const rows = await db
    .update(notifications)
    .set({
      deliveryStatus: "failed_permanent",
      lastError: sql`coalesce(${notifications.lastError}, 'expired')`,
      leaseUntil: null,
    })
    .where(
      and(
        notInArray(notifications.deliveryStatus, ["delivered", "failed_permanent"]),
        lt(notifications.createdAt, createdBefore),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

/**
 * Rows the queue may have lost: waiting and due (created more than `graceBefore` ago, so a message
 * queued after the commit goes first), or unconfirmed sends whose window passed.
 */
export async function dueDeliveries(db: Db, now: string, graceBefore: string, queuedBefore: string, limit: number) {
  return db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        or(isNull(notifications.queuedAt), lte(notifications.queuedAt, queuedBefore)),
        or(
          and(
            inArray(notifications.deliveryStatus, ["created", "failed_temporary"]),
            or(
              and(isNull(notifications.nextAttemptAt), lte(notifications.createdAt, graceBefore)),
              lte(notifications.nextAttemptAt, graceBefore),
            ),
            or(isNull(notifications.leaseUntil), lte(notifications.leaseUntil, now)),
          ),
          and(
            eq(notifications.deliveryStatus, "sending"),
            isNull(notifications.providerMsgId),
            lte(notifications.leaseUntil, now),
          ),
        ),
      ),
    )
    .orderBy(notifications.id)
    .limit(limit);
}

/** The sweep queued these rows at `at`. */
export const stampQueued = (db: Db, ids: number[], at: string) =>
  db.update(notifications).set({ queuedAt: at }).where(inArray(notifications.id, ids));

/** ZNS messages accepted before `sentBefore` and still unconfirmed: the status query asks about them. */
export async function unconfirmedZns(db: Db, sentBefore: string, limit: number) {
  return db
    .select({ id: notifications.id, msgId: notifications.providerMsgId, phone: users.phone })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(
      and(
        eq(notifications.deliveryStatus, "sending"),
        eq(notifications.deliveryChannel, "zns"),
        sql`${notifications.providerMsgId} IS NOT NULL`,
        lte(notifications.sentAt, sentBefore),
      ),
    )
    .orderBy(notifications.sentAt)
    .limit(limit);
}

export const notificationOf = (db: Db, id: number) => db.select().from(notifications).where(eq(notifications.id, id)).get();

/** A dossier's notifications with their delivery state, newest first (staff view). */
export async function dossierDeliveries(db: Db, dossierId: string) {
  return db.select().from(notifications).where(eq(notifications.dossierId, dossierId)).orderBy(desc(notifications.id)).limit(50);
}

// Residents

/** The OA's follow webhook names the resident by their app-scoped id (our users.zalo_id). */
export async function setOaUserId(db: Db, zaloId: string, oaUserId: string | null) {
  const row = await db.update(users).set({ oaUserId }).where(eq(users.zaloId, zaloId)).returning({ id: users.id }).get();
  return row !== undefined;
}

export const setMessagesAnswer = (db: Db, userId: string, answer: MessagesAnswer, at: string) =>
  db.update(users).set({ messagesAnswer: answer, messagesAnsweredAt: at }).where(eq(users.id, userId));

/** Development personas only: the app asks again. */
export const resetMessagesAnswer = (db: Db, userId: string) =>
  db.update(users).set({ messagesAnswer: null, messagesAnsweredAt: null }).where(eq(users.id, userId));

export const messagesStateOf = (db: Db, userId: string) =>
  db.select({ answer: users.messagesAnswer, oaUserId: users.oaUserId }).from(users).where(eq(users.id, userId)).get();

// The OA token (one row, id 1)

export type TokenRow = typeof zaloOaToken.$inferSelect;
export const readToken = (db: Db) => db.select().from(zaloOaToken).where(eq(zaloOaToken.id, 1)).get();

/** The first use: the row starts from the configured refresh token, already expired, so it is refreshed at once. */
export const seedToken = (db: Db, refreshToken: string) =>
  db
    .insert(zaloOaToken)
    .values({ id: 1, accessToken: "", refreshToken, expiresAt: new Date(0).toISOString() })
    .onConflictDoNothing();

/** Takes the refresh lock while the stored access token is still `stale` and nobody holds the lock. */
export async function takeTokenLock(db: Db, stale: string, lockId: string, now: string, until: string) {
  return db
    .update(zaloOaToken)
    .set({ lockId, lockUntil: until })
    .where(
      and(
        eq(zaloOaToken.id, 1),
        eq(zaloOaToken.accessToken, stale),
        or(isNull(zaloOaToken.lockUntil), lte(zaloOaToken.lockUntil, now)),
      ),
    )
    .returning()
    .get();
}

export const storeToken = (
  db: Db,
  lockId: string,
  t: { accessToken: string; refreshToken: string; expiresAt: string },
  at: string,
) =>
  db
    .update(zaloOaToken)
    .set({ ...t, refreshedAt: at, lockId: null, lockUntil: null })
    .where(and(eq(zaloOaToken.id, 1), eq(zaloOaToken.lockId, lockId)));

export const releaseTokenLock = (db: Db, lockId: string) =>
  db
    .update(zaloOaToken)
    .set({ lockId: null, lockUntil: null })
    .where(and(eq(zaloOaToken.id, 1), eq(zaloOaToken.lockId, lockId)));
