import { and, asc, eq, gt, inArray, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { FLOW_COUNTERS } from "../../../../shared/src/figures/counts";
import {
  type Contributions,
  type DossierFacts,
  FIGURE_COUNTERS,
  type FigureCounter,
  OFFICER_COUNTERS,
} from "../../../../shared/src/figures/facts";
import type { Db } from "../client";
import {
  dossierDocuments,
  dossierEvents,
  dossiers,
  figuresDaily,
  figuresDossiers,
  figuresMonthly,
  figuresOfficers,
  figuresRefreshes,
  procedures,
  users,
} from "../schema";

/** The events a dossier's facts read. */
export const FACT_EVENTS = ["accepted", "refused", "supplement_requested", "withdrawn", "stopped", "finished", "rated"] as const;

/**
 * The raw data behind the facts of a page of dossiers, in one round trip: the rows, the events
 * the facts read, which have a digital document, and which reuse a file filed before them (a
 * document of a dossier submitted earlier, or a result finished earlier).
 */
export async function factSources(db: Db, ids: readonly string[]) {
  const [rows, events, digitised, reused] = await db.batch([
    db.select().from(dossiers).where(inArray(dossiers.id, ids)),
    db
      .select({
        dossierId: dossierEvents.dossierId,
        seq: dossierEvents.seq,
        type: dossierEvents.type,
        actorId: dossierEvents.actorId,
        at: dossierEvents.at,
        data: dossierEvents.data,
      })
      .from(dossierEvents)
      .where(and(inArray(dossierEvents.dossierId, ids), inArray(dossierEvents.type, [...FACT_EVENTS])))
      .orderBy(asc(dossierEvents.dossierId), asc(dossierEvents.seq)),
    db
      .selectDistinct({ dossierId: dossierDocuments.dossierId })
      .from(dossierDocuments)
      .where(inArray(dossierDocuments.dossierId, ids)),
    db
      .selectDistinct({ dossierId: dossierDocuments.dossierId })
      .from(dossierDocuments)
      .innerJoin(dossiers, eq(dossiers.id, dossierDocuments.dossierId))
      .where(
        and(
          inArray(dossierDocuments.dossierId, ids),
          eq(dossierDocuments.round, 0),
          sql`(EXISTS (SELECT 1 FROM dossier_documents o JOIN dossiers od ON od.id = o.dossier_id
                 WHERE o.file_id = ${dossierDocuments.fileId} AND o.dossier_id <> ${dossierDocuments.dossierId}
                   AND o.round = 0 AND od.submitted_at < ${dossiers.submittedAt})
            OR EXISTS (SELECT 1 FROM event_files ef JOIN dossier_events e ON e.dossier_id = ef.dossier_id AND e.seq = ef.seq
                 WHERE ef.file_id = ${dossierDocuments.fileId} AND e.type = 'finished' AND e.at < ${dossiers.submittedAt}))`,
        ),
      ),
  ]);
  return {
    rows,
    events,
    digitised: new Set(digitised.map((r) => r.dossierId)),
    reused: new Set(reused.map((r) => r.dossierId)),
  };
}
export type FactSources = Awaited<ReturnType<typeof factSources>>;

/** A page of dossier ids in id order, after `after` (keyset paging). */
export async function dossierIdsAfter(db: Db, after: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(gt(dossiers.id, after))
    .orderBy(asc(dossiers.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** The next events of the log after `cursor`, in order: their ids and dossiers. */
export async function eventsAfter(db: Db, cursor: number, limit: number) {
  return db
    .select({ id: dossierEvents.id, dossierId: dossierEvents.dossierId })
    .from(dossierEvents)
    .where(gt(dossierEvents.id, cursor))
    .orderBy(asc(dossierEvents.id))
    .limit(limit);
}

/** The facts the figures last took from these dossiers. */
export async function keptFacts(db: Db, ids: readonly string[]): Promise<Map<string, unknown>> {
  const rows = await db.select().from(figuresDossiers).where(inArray(figuresDossiers.dossierId, ids));
  return new Map(rows.map((r) => [r.dossierId, r.facts]));
}

/**
 * A recompute holds the refresh row numbered RECOMPUTE_ROW: its `to_event_id` is the last event it
 * covers (the cursor it leaves behind), `dossiers` is RUNNING while it runs and the number of
 * dossiers once done, and `at` names the run.
 */
export const RECOMPUTE_ROW = -1;
export const RUNNING = -1;

/**
 * The cursor: the last event applied. Each refresh starts where the previous one ended, so the row
 * with the largest `from_event_id` (the key) holds it; one index step, however long the log grows.
 */
const cursorSql = () =>
  sql<number>`coalesce((SELECT ${figuresRefreshes.toEventId} FROM ${figuresRefreshes} ORDER BY ${figuresRefreshes.fromEventId} DESC LIMIT 1), 0)`;

/** Where the figures stand: the last event applied, and the recompute running, if any. */
export async function refreshState(db: Db) {
  const [cursor, recompute] = await db.batch([
    db.select({ to: cursorSql() }).from(sql`(SELECT 1)`),
    db.select().from(figuresRefreshes).where(eq(figuresRefreshes.fromEventId, RECOMPUTE_ROW)),
  ]);
  const row = recompute[0];
  return { cursor: cursor[0]?.to ?? 0, running: row && row.dossiers === RUNNING ? row : null };
}

/** Bound parameters per D1 statement are capped at 100, so multi-row statements go in chunks. */
const MAX_PARAMS = 100;

function chunked<T>(rows: readonly T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

const addExcluded = (table: SQLiteTable, counters: readonly string[]) =>
  Object.fromEntries(
    counters.map((k) => {
      const name = (table as unknown as Record<string, SQLiteColumn>)[k]!.name;
      return [k, sql.raw(`"${name}" + excluded."${name}"`)];
    }),
  );

const full = <C extends string>(counters: readonly C[], counts: Partial<Record<C, number>>) =>
  Object.fromEntries(counters.map((k) => [k, counts[k] ?? 0])) as Record<C, number>;

/** Statements adding signed contributions to the three figure tables. */
export function addContributions(db: Db, c: Contributions): BatchItem<"sqlite">[] {
  const daily = c.daily.map((r) => ({ ...r.key, ...full<FigureCounter>(FIGURE_COUNTERS, r.counts) }));
  const monthly = c.monthly.map((r) => ({ ...r.key, ...full<FigureCounter>(FIGURE_COUNTERS, r.counts) }));
  const officers = c.officers.map((r) => ({ ...r.key, ...full(OFFICER_COUNTERS, r.counts) }));
  return [
    ...chunked(daily, FIGURE_COUNTERS.length + 4).map((rows) =>
      db
        .insert(figuresDaily)
        .values(rows)
        .onConflictDoUpdate({
          target: [figuresDaily.unitId, figuresDaily.day, figuresDaily.procedureId, figuresDaily.channel],
          set: addExcluded(figuresDaily, FIGURE_COUNTERS),
        }),
    ),
    ...chunked(monthly, FIGURE_COUNTERS.length + 3).map((rows) =>
      db
        .insert(figuresMonthly)
        .values(rows)
        .onConflictDoUpdate({
          target: [figuresMonthly.month, figuresMonthly.unitId, figuresMonthly.channel],
          set: addExcluded(figuresMonthly, FIGURE_COUNTERS),
        }),
    ),
    ...chunked(officers, OFFICER_COUNTERS.length + 3).map((rows) =>
      db
        .insert(figuresOfficers)
        .values(rows)
        .onConflictDoUpdate({
          target: [figuresOfficers.unitId, figuresOfficers.day, figuresOfficers.userId],
          set: addExcluded(figuresOfficers, OFFICER_COUNTERS),
        }),
    ),
  ];
}

/** Statements keeping the facts each dossier now contributes; `replace` false makes a second copy fail. */
export function keepFacts(db: Db, facts: readonly { dossierId: string; facts: DossierFacts }[], replace: boolean) {
  return chunked(facts, 2).map((rows) => {
    const insert = db.insert(figuresDossiers).values(rows);
    return replace
      ? insert.onConflictDoUpdate({ target: figuresDossiers.dossierId, set: { facts: sql.raw(`excluded."facts"`) } })
      : insert;
  });
}

/**
 * The refresh row of events (from, to]: it commits only while `from` is still the cursor and no
 * recompute runs (else `to_event_id` is NULL and the NOT NULL constraint fails the whole batch);
 * `from_event_id` being the key refuses a second refresh from the same point.
 */
export function claimRefresh(db: Db, from: number, to: number, dossierCount: number) {
  const current: SQL = sql`${cursorSql()} = ${from}
    AND NOT EXISTS (SELECT 1 FROM ${figuresRefreshes} WHERE ${figuresRefreshes.fromEventId} = ${RECOMPUTE_ROW} AND ${figuresRefreshes.dossiers} = ${RUNNING})`;
  return db
    .insert(figuresRefreshes)
    .values({ fromEventId: from, toEventId: sql`CASE WHEN ${current} THEN ${to} END`, dossiers: dossierCount });
}

/** Whether a batch failed because another refresh or a recompute came first. */
export const lostRefresh = (err: unknown) =>
  /(UNIQUE|NOT NULL) constraint failed: figures_(refreshes|dossiers)\./.test(String((err as Error)?.message));

/** Clears the figures and marks a recompute running up to the log's last event, in one batch. */
export async function startRecompute(db: Db, at: string, extra: BatchItem<"sqlite">[]) {
  await db.batch([
    db.delete(figuresDaily),
    db.delete(figuresMonthly),
    db.delete(figuresOfficers),
    db.delete(figuresDossiers),
    db.delete(figuresRefreshes),
    db.insert(figuresRefreshes).values({
      fromEventId: RECOMPUTE_ROW,
      toEventId: sql`(SELECT coalesce(max(${dossierEvents.id}), 0) FROM ${dossierEvents})`,
      dossiers: RUNNING,
      at,
    }),
    ...extra,
  ]);
}

/** The last dossier a recompute has added (it adds them in id order). */
export async function lastKeptDossier(db: Db): Promise<string> {
  const row = await db
    .select({ id: sql<string | null>`max(${figuresDossiers.dossierId})` })
    .from(figuresDossiers)
    .get();
  return row?.id ?? "";
}

/** Fails the batch (NOT NULL) unless the recompute started at `at` still runs. */
export function stillRecomputing(db: Db, at: string) {
  return db
    .update(figuresRefreshes)
    .set({ toEventId: sql`CASE WHEN ${figuresRefreshes.at} = ${at} THEN ${figuresRefreshes.toEventId} END` })
    .where(eq(figuresRefreshes.fromEventId, RECOMPUTE_ROW));
}

/** Marks the recompute started at `at` done; the refreshes continue from its last event. */
export function finishRecompute(db: Db, at: string) {
  return db
    .update(figuresRefreshes)
    .set({ dossiers: sql`(SELECT count(*) FROM ${figuresDossiers})` })
    .where(and(eq(figuresRefreshes.fromEventId, RECOMPUTE_ROW), eq(figuresRefreshes.at, at)));
}

// ---- Reads: the dashboards read these tables only, through their keys (never the dossiers).

const column = (table: SQLiteTable, k: string) => (table as unknown as Record<string, SQLiteColumn>)[k]!;

/** `sum(col)` of each counter (only where `when` holds, if given), named by the counter. */
function sums<C extends string>(table: SQLiteTable, counters: readonly C[], when?: SQL) {
  return Object.fromEntries(
    counters.map((k) => [
      k,
      when
        ? sql<number>`coalesce(sum(CASE WHEN ${when} THEN ${column(table, k)} END), 0)`.mapWith(Number)
        : sql<number>`coalesce(sum(${column(table, k)}), 0)`.mapWith(Number),
    ]),
  ) as Record<C, SQL<number>>;
}

const inUnits = (unitIds: readonly string[] | null, col: SQLiteColumn) =>
  unitIds ? sql`${col} IN (SELECT value FROM json_each(${JSON.stringify(unitIds)}))` : undefined;

/**
 * One month's rows per unit and channel, the changes dated after `b` within it (to take back out:
 * a month read before its end), and the stocks each unit carried in from earlier months.
 */
export async function monthRows(db: Db, month: string, b: string, monthEnd: string) {
  const m = figuresMonthly;
  const d = figuresDaily;
  const [rows, after, before] = await db.batch([
    db
      .select({ unitId: m.unitId, channel: m.channel, ...sums(m, FIGURE_COUNTERS) })
      .from(m)
      .where(eq(m.month, month))
      .groupBy(m.unitId, m.channel),
    db
      .select({ unitId: d.unitId, channel: d.channel, ...sums(d, FIGURE_COUNTERS) })
      .from(d)
      .where(and(gt(d.day, b), sql`${d.day} <= ${monthEnd}`))
      .groupBy(d.unitId, d.channel),
    db
      .select({ unitId: m.unitId, ...sums(m, ["openDelta", "overdueDelta"] as const) })
      .from(m)
      .where(sql`${m.month} < ${month}`)
      // Grouping by an expression keeps the planner on the month range of the key instead of a
      // scan of the whole (unit, month) index in unit order.
      .groupBy(sql`${m.unitId} || ''`),
  ]);
  return { rows, after, before };
}

/**
 * Per month from `firstMonth` to `lastMonth` and channel, over some units (null: all); the changes
 * dated after `b` in the last month; and the stocks carried in from before the first month.
 */
export async function trendRows(
  db: Db,
  unitIds: readonly string[] | null,
  firstMonth: string,
  lastMonth: string,
  b: string,
  monthEnd: string,
) {
  const m = figuresMonthly;
  const d = figuresDaily;
  const [rows, after, before] = await db.batch([
    db
      .select({ month: m.month, channel: m.channel, ...sums(m, FIGURE_COUNTERS) })
      .from(m)
      .where(and(sql`${m.month} >= ${firstMonth}`, sql`${m.month} <= ${lastMonth}`, inUnits(unitIds, m.unitId)))
      .groupBy(m.month, m.channel),
    db
      .select({ channel: d.channel, ...sums(d, FIGURE_COUNTERS) })
      .from(d)
      .where(and(gt(d.day, b), sql`${d.day} <= ${monthEnd}`, inUnits(unitIds, d.unitId)))
      .groupBy(d.channel),
    db
      .select(sums(m, ["openDelta", "overdueDelta"] as const))
      .from(m)
      .where(and(sql`${m.month} < ${firstMonth}`, inUnits(unitIds, m.unitId))),
  ]);
  return { rows, after, before: before[0] ?? { openDelta: 0, overdueDelta: 0 } };
}

/** A unit's days up to `b` per procedure version and channel: flows from `start`, stocks over all time. */
export async function procedureRows(db: Db, unitId: string, start: string, b: string) {
  const d = figuresDaily;
  return db
    .select({
      procedureId: d.procedureId,
      channel: d.channel,
      code: procedures.code,
      ...sums(d, FLOW_COUNTERS, sql`${d.day} >= ${start}`),
      openAtStart: sql<number>`coalesce(sum(CASE WHEN ${d.day} < ${start} THEN ${d.openDelta} END), 0)`.mapWith(Number),
      openAtEnd: sql<number>`coalesce(sum(${d.openDelta}), 0)`.mapWith(Number),
      overdueAtEnd: sql<number>`coalesce(sum(${d.overdueDelta}), 0)`.mapWith(Number),
    })
    .from(d)
    .innerJoin(procedures, eq(procedures.id, d.procedureId))
    .where(and(eq(d.unitId, unitId), sql`${d.day} <= ${b}`))
    .groupBy(d.procedureId, d.channel);
}

/** The current name of each procedure code (its highest version). */
export async function procedureNames(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ code: procedures.code, name: procedures.name, version: procedures.version })
    .from(procedures)
    .where(sql`${procedures.code} IN (SELECT value FROM json_each(${JSON.stringify(codes)}))`);
  const names = new Map<string, { name: string; version: number }>();
  for (const r of rows) if ((names.get(r.code)?.version ?? -1) < r.version) names.set(r.code, r);
  return new Map([...names].map(([code, r]) => [code, r.name]));
}

/** A unit's officers' days up to `b`: flows from `start`, their overdue stock over all time, with names. */
export async function officerRows(db: Db, unitId: string, start: string, b: string) {
  const o = figuresOfficers;
  return db
    .select({
      userId: o.userId,
      name: users.displayName,
      ...sums(o, ["accepted", "decidedOnTime", "decidedLate", "supplementRequests"] as const, sql`${o.day} >= ${start}`),
      overdueAtEnd: sql<number>`coalesce(sum(${o.overdueDelta}), 0)`.mapWith(Number),
    })
    .from(o)
    .innerJoin(users, eq(users.id, o.userId))
    .where(and(eq(o.unitId, unitId), sql`${o.day} <= ${b}`))
    .groupBy(o.userId);
}
