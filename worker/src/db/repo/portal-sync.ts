import { and, asc, eq, gt, inArray, isNull, lte, ne, or, type SQLWrapper, sql } from "drizzle-orm";
import type { Db } from "../client";
import { dossierEvents, dossiers, files, portalSync, procedures, units, users } from "../schema";
import { type Change, recordChange } from "./changes";

/** The national portal sync's rows (worker/src/portal/): one per dossier, with its cursor and lease. */

export type PortalSyncRow = typeof portalSync.$inferSelect;

const latestEventId = (dossierId: SQLWrapper | string) =>
  sql`coalesce((SELECT max(${dossierEvents.id}) FROM ${dossierEvents} WHERE ${dossierEvents.dossierId} = ${dossierId}), 0)`;

/** The row of a new dossier, for the batch that creates it. */
export const newSyncRow = (db: Db, dossierId: string, at: string) => db.insert(portalSync).values({ dossierId, queuedAt: at });

/**
 * For a step's batch: the dossier has a new event to send. A synced dossier waits again; a failed
 * one keeps its state (the queue is retrying it) and a dead one its (an admin re-sends it).
 */
export const eventWritten = (db: Db, dossierId: string, at: string) =>
  db
    .update(portalSync)
    .set({ state: sql`CASE WHEN ${portalSync.state} = 'synced' THEN 'pending' ELSE ${portalSync.state} END`, queuedAt: at })
    .where(eq(portalSync.dossierId, dossierId));

/** Dossiers written before the sync existed, or by a path that skipped the row, get one on first use. */
export async function ensureSyncRow(db: Db, dossierId: string) {
  await db.run(
    sql`INSERT OR IGNORE INTO ${portalSync} (dossier_id) SELECT ${dossiers.id} FROM ${dossiers} WHERE ${dossiers.id} = ${dossierId}`,
  );
}

/**
 * Takes the dossier's lease until `until` when nobody holds it (or the holder's lease ran out), so
 * two consumers never send the same dossier at once. Dead rows wait for an admin. Undefined: not
 * taken.
 */
export async function takeLease(db: Db, dossierId: string, leaseId: string, now: string, until: string) {
  return db
    .update(portalSync)
    .set({ leaseId, leaseUntil: until })
    .where(
      and(
        eq(portalSync.dossierId, dossierId),
        ne(portalSync.state, "dead"),
        or(isNull(portalSync.leaseUntil), lte(portalSync.leaseUntil, now)),
      ),
    )
    .returning()
    .get();
}

/** The dossier's events after the cursor, in id order (the order they were written). */
export async function eventsAfter(db: Db, dossierId: string, cursor: number | null) {
  return db
    .select({ id: dossierEvents.id })
    .from(dossierEvents)
    .where(and(eq(dossierEvents.dossierId, dossierId), cursor === null ? undefined : gt(dossierEvents.id, cursor)))
    .orderBy(asc(dossierEvents.id));
}

/** Everything the mapping reads: the dossier, its procedure code, every event with its actor's name. */
export async function syncSource(db: Db, dossierId: string) {
  // Not one db.batch: D1 answers a batch's rows by column name, and dossiers.code and procedures.code collide.
  const dossier = await db
    .select({ d: dossiers, procedureCode: procedures.code })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .where(eq(dossiers.id, dossierId))
    .get();
  const events = await db
    .select({ e: dossierEvents, actorName: users.displayName })
    .from(dossierEvents)
    .leftJoin(users, eq(users.id, dossierEvents.actorId))
    .where(eq(dossierEvents.dossierId, dossierId))
    .orderBy(asc(dossierEvents.id));
  return { dossier, events };
}

export async function unitName(db: Db, unitId: string) {
  return (await db.select({ name: units.name }).from(units).where(eq(units.id, unitId)).get())?.name ?? "";
}

export async function fileNames(db: Db, ids: readonly string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const rows = await db
    .select({ id: files.id, name: files.name })
    .from(files)
    .where(inArray(files.id, [...ids]));
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** Moves the cursor past an acknowledged event and renews the lease; false when the lease is no longer ours. */
export async function advanceCursor(db: Db, dossierId: string, leaseId: string, eventId: number, now: string, until: string) {
  const row = await db
    .update(portalSync)
    .set({ lastEventId: eventId, lastAttemptAt: now, leaseUntil: until })
    .where(and(eq(portalSync.dossierId, dossierId), eq(portalSync.leaseId, leaseId)))
    .returning({ id: portalSync.dossierId })
    .get();
  return row !== undefined;
}

/**
 * Releases the lease after a pass: synced when the cursor reached the dossier's latest event,
 * else pending again (an event committed while this pass ran; its own message follows).
 */
export async function finishPass(db: Db, dossierId: string, leaseId: string, now: string) {
  const caughtUp = sql`${portalSync.lastEventId} >= ${latestEventId(dossierId)}`;
  await db
    .update(portalSync)
    .set({
      state: sql`CASE WHEN ${caughtUp} THEN 'synced' ELSE 'pending' END`,
      syncedAt: sql`CASE WHEN ${caughtUp} THEN ${now} ELSE ${portalSync.syncedAt} END`,
      attempts: 0,
      lastError: null,
      leaseId: null,
      leaseUntil: null,
    })
    .where(and(eq(portalSync.dossierId, dossierId), eq(portalSync.leaseId, leaseId)));
}

/** A failed pass: the cursor stays where the last acknowledgement left it. */
export async function failPass(db: Db, dossierId: string, leaseId: string, error: string, now: string) {
  await db
    .update(portalSync)
    .set({
      state: "failed",
      attempts: sql`${portalSync.attempts} + 1`,
      lastError: error,
      lastAttemptAt: now,
      leaseId: null,
      leaseUntil: null,
    })
    .where(and(eq(portalSync.dossierId, dossierId), eq(portalSync.leaseId, leaseId)));
}

/** The queue gave up on the dossier (its message reached the dead-letter queue). */
export async function markDead(db: Db, dossierId: string) {
  await db
    .update(portalSync)
    .set({ state: "dead", leaseId: null, leaseUntil: null })
    .where(and(eq(portalSync.dossierId, dossierId), ne(portalSync.state, "synced")));
}

/**
 * An admin's re-send: a failed or dead dossier waits again with a fresh count of attempts, and the
 * change is recorded in the same batch, only if the row was in such a state. True when it was.
 */
export async function resendRow(db: Db, dossierId: string, at: string, change: Omit<Change, "entity" | "action">) {
  const [updated] = await db.batch([
    db
      .update(portalSync)
      .set({ state: "pending", attempts: 0, lastError: null, queuedAt: at })
      .where(and(eq(portalSync.dossierId, dossierId), inArray(portalSync.state, ["failed", "dead"])))
      .returning({ id: portalSync.dossierId }),
    recordChange(db, { ...change, entity: "dossier", action: "portal_resend" }, sql`changes() > 0`),
  ]);
  return updated.length > 0;
}

/**
 * Rows whose message was probably lost: pending and not queued since `pendingBefore`, or failed
 * with no attempt since `failedBefore` (longer than the queue's longest backoff); none leased.
 */
export async function lostRows(db: Db, now: string, pendingBefore: string, failedBefore: string, limit: number) {
  return db
    .select({ dossierId: portalSync.dossierId })
    .from(portalSync)
    .where(
      and(
        or(
          and(
            eq(portalSync.state, "pending"),
            lte(sql`coalesce(${portalSync.queuedAt}, ${portalSync.createdAt})`, pendingBefore),
          ),
          and(
            eq(portalSync.state, "failed"),
            lte(sql`coalesce(${portalSync.lastAttemptAt}, ${portalSync.createdAt})`, failedBefore),
          ),
        ),
        or(isNull(portalSync.leaseUntil), lte(portalSync.leaseUntil, now)),
      ),
    )
    .orderBy(asc(sql`coalesce(${portalSync.queuedAt}, ${portalSync.createdAt})`))
    .limit(limit);
}

/** D1 binds at most 100 parameters per statement: the ids go in chunks beside the timestamp. */
const IDS_PER_STATEMENT = 90;

export async function stampQueued(db: Db, dossierIds: readonly string[], at: string) {
  const statements = [];
  for (let i = 0; i < dossierIds.length; i += IDS_PER_STATEMENT)
    statements.push(
      db
        .update(portalSync)
        .set({ queuedAt: at })
        .where(inArray(portalSync.dossierId, dossierIds.slice(i, i + IDS_PER_STATEMENT))),
    );
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

/** A dossier's row and how many of its events the portal has not acknowledged. */
export async function syncRowOf(db: Db, dossierId: string) {
  return db
    .select({
      row: portalSync,
      waiting: sql<number>`(SELECT count(*) FROM ${dossierEvents} WHERE ${dossierEvents.dossierId} = ${dossierId} AND ${dossierEvents.id} > coalesce(${portalSync.lastEventId}, 0))`,
    })
    .from(portalSync)
    .where(eq(portalSync.dossierId, dossierId))
    .get();
}

/** A unit's raw sync figures over the dossiers it accepted in [from, to) (UTC instants). */
export type CoverageRow = {
  unitId: string;
  unitName: string;
  received: number;
  synced: number;
  lagMinutesSum: number;
  oldestWaitingAt: string | null;
  failed: number;
  dead: number;
};

/**
 * Per handling unit of the province (or of `unitIds`): the dossiers accepted in [from, to), how many
 * the portal holds at their latest event, the summed lag of those, the oldest event still waiting.
 */
export async function coverageRows(
  db: Db,
  provinceId: string,
  unitIds: readonly string[] | "all",
  from: string,
  to: string,
): Promise<CoverageRow[]> {
  const d = dossiers;
  const latest = latestEventId(d.id);
  const current = sql`(${portalSync.lastEventId} IS NOT NULL AND ${portalSync.lastEventId} >= ${latest})`;
  const latestAt = sql`(SELECT max(${dossierEvents.at}) FROM ${dossierEvents} WHERE ${dossierEvents.dossierId} = ${d.id})`;
  const firstWaitingAt = sql`(SELECT min(${dossierEvents.at}) FROM ${dossierEvents} WHERE ${dossierEvents.dossierId} = ${d.id} AND ${dossierEvents.id} > coalesce(${portalSync.lastEventId}, 0))`;
  return db
    .select({
      unitId: d.handlingUnitId,
      unitName: units.name,
      received: sql<number>`count(*)`,
      synced: sql<number>`coalesce(sum(CASE WHEN ${current} THEN 1 ELSE 0 END), 0)`,
      lagMinutesSum: sql<number>`coalesce(sum(CASE WHEN ${current} THEN max(0, (julianday(${portalSync.syncedAt}) - julianday(${latestAt})) * 1440) ELSE 0 END), 0)`,
      oldestWaitingAt: sql<string | null>`min(CASE WHEN ${current} THEN NULL ELSE ${firstWaitingAt} END)`,
      failed: sql<number>`coalesce(sum(CASE WHEN ${portalSync.state} = 'failed' THEN 1 ELSE 0 END), 0)`,
      dead: sql<number>`coalesce(sum(CASE WHEN ${portalSync.state} = 'dead' THEN 1 ELSE 0 END), 0)`,
    })
    .from(d)
    .innerJoin(units, eq(units.id, d.handlingUnitId))
    .leftJoin(portalSync, eq(portalSync.dossierId, d.id))
    .where(
      and(
        eq(d.provinceId, provinceId),
        unitIds === "all" ? undefined : inArray(d.handlingUnitId, [...unitIds]),
        sql`${d.receivedAt} >= ${from}`,
        sql`${d.receivedAt} < ${to}`,
      ),
    )
    .groupBy(d.handlingUnitId)
    .orderBy(units.sortOrder, units.name);
}
