import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { PROCESSING_ROLES, processes, type Role } from "../../../../shared/src/auth/roles";
import { dueThresholds, type WorkCalendar } from "../../../../shared/src/deadline/due-date";
import { type DossierStatus, inStatusGroup, officialStatusLabel, STATUS_GROUPS } from "../../../../shared/src/dossier/status";
import type { Inbox, InboxCounts, InboxQuery } from "../../../../shared/src/staff/api";
import {
  type Assignment,
  NEWS_LABELS,
  type NewsType,
  type StaffSummary,
  urgentScope,
  urgentUntil,
} from "../../../../shared/src/staff/changes";
import { INBOX_TAB_KEYS, INBOX_TABS } from "../../../../shared/src/staff/inbox";
import { classifyInboxQuery, inboxSearchRanges, prefixEnd } from "../../../../shared/src/staff/search";
import { vietnamDate } from "../../../../shared/src/time/vietnam";
import type { Db } from "../client";
import {
  dossierAssignments,
  dossierEvents,
  dossierReads,
  dossierSearch,
  dossiers,
  dossierViews,
  inboxStamps,
  procedures,
  staffUnitGrants,
  units,
  users,
} from "../schema";
import type { DossierRow } from "./dossiers";
import type { AuthUser } from "./users";

/** What a staff member or admin may see: their own unit and explicit grants, or the whole province. */
export type StaffScope = { provinceId: string; unitIds: string[] | "all" };

/**
 * The units of `provinceId` a staff member works for: their own unit, those granted to them
 * (staff_unit_grants), and every unit merged into one of these, following merges of merges, so
 * the dossiers a merged unit still handles stay in the hands of its successor's staff.
 */
export async function scopeUnitIds(db: Db, user: Pick<AuthUser, "id" | "unitId" | "provinceId">): Promise<string[]> {
  const rows = await db.all<{ id: string }>(sql`
    WITH RECURSIVE scope(id) AS (
      SELECT id FROM units WHERE id = ${user.unitId} AND province_id = ${user.provinceId}
      UNION SELECT g.unit_id FROM staff_unit_grants g JOIN units u ON u.id = g.unit_id
        WHERE g.user_id = ${user.id} AND u.province_id = ${user.provinceId}
      UNION SELECT u.id FROM units u JOIN scope s ON u.merged_into_id = s.id)
    SELECT id FROM scope`);
  return rows.map((r) => r.id);
}

// The unit ids of a staff scope all belong to its province (staffScope), so a unit filter needs no
// province filter, and the (handling_unit_id, status, due_date) index covers the tab counts.
function scopeFilter(scope: StaffScope, unit?: string): SQL {
  const province = eq(dossiers.provinceId, scope.provinceId);
  if (unit) {
    if (scope.unitIds === "all") return and(province, eq(dossiers.handlingUnitId, unit))!;
    // A unit outside the scope matches nothing (the access module refuses such a filter first).
    return eq(dossiers.handlingUnitId, scope.unitIds.includes(unit) ? unit : "");
  }
  if (scope.unitIds === "all") return province;
  return inArray(dossiers.handlingUnitId, scope.unitIds.length > 0 ? scope.unitIds : [""]);
}

/** The units a staff member works for (own and granted), or every unit of the province for an admin. */
export async function scopeUnits(db: Db, scope: StaffScope) {
  return db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(
      and(
        eq(units.provinceId, scope.provinceId),
        scope.unitIds === "all" ? undefined : inArray(units.id, scope.unitIds.length > 0 ? scope.unitIds : [""]),
      ),
    )
    .orderBy(units.sortOrder, units.name);
}

const statusIn = (group: readonly DossierStatus[]) => sql.raw(`(${group.join(",")})`);
const running = statusIn(STATUS_GROUPS.clockRunning);
const open = statusIn(STATUS_GROUPS.open);

/** Who reads the inbox: "new since I looked", "assigned to me" and "due within a day" are theirs. */
export type Viewer = { id: string; role: Role };

/** The step the viewer last saw of the dossier of the current row (0: never opened). */
const seenSeq = (viewer: Viewer) =>
  sql`coalesce((SELECT ${dossierViews.seenSeq} FROM ${dossierViews} WHERE ${dossierViews.officerId} = ${viewer.id} AND ${dossierViews.dossierId} = ${dossiers.id}), 0)`;

/** An open dossier with a step for officers after the last one the viewer saw (the dossiers_attention index). */
const changedFor = (viewer: Viewer) =>
  sql`(${dossiers.status} IN ${open} AND ${dossiers.attentionSeq} > 0 AND ${dossiers.attentionSeq} > ${seenSeq(viewer)})`;

/** Due within one working day while the clock runs: the unit's for a leader, the viewer's own otherwise. */
function urgentFor(viewer: Viewer, today: string, calendar: WorkCalendar) {
  const due = sql`(${dossiers.status} IN ${running} AND ${dossiers.dueDate} >= ${today} AND ${dossiers.dueDate} <= ${urgentUntil(today, calendar)})`;
  return urgentScope(viewer.role) === "unit" ? due : and(due, eq(dossiers.assignedTo, viewer.id))!;
}

/** The keyset cursor: the urgency rank, due date, submission time and id of the last row seen. */
export type InboxCursor = [number, string, string, string];

/** The cursor a previous inbox page handed out, or null for anything else. */
export function decodeInboxCursor(raw: string): InboxCursor | null {
  try {
    const value = JSON.parse(atob(raw.replaceAll("-", "+").replaceAll("_", "/"))) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 4 &&
      Number.isInteger(value[0]) &&
      value.slice(1).every((v) => typeof v === "string")
    )
      return value as InboxCursor;
  } catch {
    // not a cursor of ours
  }
  return null;
}

const encodeCursor = (c: InboxCursor) => btoa(JSON.stringify(c)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");

/** The handling units a scope (and an optional unit filter) reads, for the search index's first column. */
function scopeUnitsSql(scope: StaffScope, unit?: string): SQL {
  const list = (ids: string[]) =>
    sql`(${sql.join(
      (ids.length > 0 ? ids : [""]).map((id) => sql`${id}`),
      sql`, `,
    )})`;
  if (unit) return list(scope.unitIds === "all" || scope.unitIds.includes(unit) ? [unit] : []);
  if (scope.unitIds === "all") return sql`(SELECT ${units.id} FROM ${units} WHERE ${units.provinceId} = ${scope.provinceId})`;
  return list(scope.unitIds);
}

/**
 * The dossiers in scope a text query matches, as a compound SELECT of distinct
 * (dossier_id, status, due_date) rows of the search index (shared/src/staff/search.ts): each range
 * of terms is a prefix scan inside the scope's units; a name needs every word (INTERSECT), a code
 * or digits any of their ranges (UNION). `statuses` narrows the ranges themselves (the status rides
 * in the index), so a page of open dossiers never builds the set of every closed match.
 */
function textMatches(scope: StaffScope, unit: string | undefined, q: string, statuses?: readonly number[]): SQL {
  const search = classifyInboxQuery(q);
  const { combine, prefixes } = inboxSearchRanges(search);
  if (prefixes.length === 0) return sql`SELECT NULL AS dossier_id, NULL AS status, NULL AS due_date WHERE 0`;
  const inUnits = scopeUnitsSql(scope, unit);
  // INTERSECT and UNION keep distinct rows. A single range needs DISTINCT when two words of a name
  // share the prefix; a code query holds a letter, so only a dossier's one whole-code term matches.
  const distinct = prefixes.length === 1 && search.kind === "name" ? sql`DISTINCT ` : sql``;
  const range = (prefix: string) =>
    sql`SELECT ${distinct}${dossierSearch.dossierId} AS dossier_id, ${dossierSearch.status} AS status, ${dossierSearch.dueDate} AS due_date FROM ${dossierSearch} WHERE ${dossierSearch.handlingUnitId} IN ${inUnits} AND ${dossierSearch.term} >= ${prefix} AND ${dossierSearch.term} < ${prefixEnd(prefix)}${statuses ? sql` AND ${dossierSearch.status} IN ${statusIn(statuses as DossierStatus[])}` : sql``}`;
  return sql.join(prefixes.map(range), combine === "all" ? sql` INTERSECT ` : sql` UNION `);
}

/**
 * The staff inbox: dossiers in scope, filtered, sorted by urgency (overdue, due soon, waiting for
 * acceptance, other open ones, closed last; then by due date), with the count of every tab.
 * "Due soon" and "overdue" are derived from today's local date and the calendar, never stored.
 */
export async function staffInbox(
  db: Db,
  scope: StaffScope,
  viewer: Viewer,
  query: InboxQuery,
  after: InboxCursor | null,
  calendar: WorkCalendar,
  now = new Date(),
): Promise<Inbox> {
  const today = vietnamDate(now);
  const { overdueBefore, soonUntil } = dueThresholds(today, calendar);
  const overdue = sql`(${dossiers.status} IN ${running} AND ${dossiers.dueDate} < ${overdueBefore})`;
  const soon = sql`(${dossiers.status} IN ${running} AND ${dossiers.dueDate} >= ${overdueBefore} AND ${dossiers.dueDate} <= ${soonUntil})`;
  const rank = sql<number>`(CASE WHEN ${overdue} THEN 0 WHEN ${soon} THEN 1 WHEN ${dossiers.status} IN ${statusIn(STATUS_GROUPS.awaitingAcceptance)} THEN 2 WHEN ${dossiers.status} IN ${statusIn(STATUS_GROUPS.open)} THEN 3 ELSE 4 END)`;
  const due = sql<string>`coalesce(${dossiers.dueDate}, '9999-12-31')`;

  const filters: (SQL | undefined)[] = [scopeFilter(scope, query.unit)];
  if (query.procedure)
    filters.push(
      sql`${dossiers.procedureId} IN (SELECT ${procedures.id} FROM ${procedures} WHERE ${procedures.code} = ${query.procedure})`,
    );
  if (query.channel) filters.push(eq(dossiers.channel, query.channel));
  const base = and(...filters);
  const matches = query.q ? textMatches(scope, query.unit, query.q) : null;
  const matching = (set: SQL) => sql`${dossiers.id} IN (SELECT dossier_id FROM (${set}))`;
  // The statuses a page can hold: its tab's, or the running clock's for a due filter.
  const pageStatuses = query.status ?? (query.due ? STATUS_GROUPS.clockRunning : undefined);

  const listFilters = [base];
  if (query.status) listFilters.push(inArray(dossiers.status, query.status));
  if (query.due === "overdue") listFilters.push(overdue);
  if (query.due === "soon") listFilters.push(soon);
  if (query.due === "day") listFilters.push(urgentFor(viewer, today, calendar));
  if (query.mine) listFilters.push(eq(dossiers.assignedTo, viewer.id));
  if (query.changed) listFilters.push(changedFor(viewer));
  if (after) {
    const [r, d, s, id] = after;
    listFilters.push(sql`(${rank}, ${due}, ${dossiers.submittedAt}, ${dossiers.id}) > (${r}, ${d}, ${s}, ${id})`);
  }

  const listQuery = (openOnly = false) =>
    db
      .select({
        d: dossiers,
        rank,
        // Aliased: a D1 batch returns rows keyed by column name, where procedures.code would overwrite dossiers.code.
        procedureCode: sql<string>`${procedures.code}`.as("procedure_code"),
        procedureName: sql<string>`${procedures.name}`.as("procedure_name"),
        unitName: sql<string>`(SELECT ${units.name} FROM ${units} WHERE ${units.id} = ${dossiers.handlingUnitId})`.as(
          "unit_name",
        ),
        assigneeName: sql<
          string | null
        >`(SELECT ${users.displayName} FROM ${users} WHERE ${users.id} = ${dossiers.assignedTo})`.as("assignee_name"),
        newsType:
          sql<NewsType | null>`(CASE WHEN ${changedFor(viewer)} THEN (SELECT ${dossierEvents.type} FROM ${dossierEvents} WHERE ${dossierEvents.dossierId} = ${dossiers.id} AND ${dossierEvents.seq} = ${dossiers.attentionSeq}) END)`.as(
            "news_type",
          ),
      })
      .from(dossiers)
      .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
      .where(
        and(
          ...listFilters,
          openOnly ? inArray(dossiers.status, STATUS_GROUPS.open) : undefined,
          query.q ? matching(textMatches(scope, query.unit, query.q, openOnly ? STATUS_GROUPS.open : pageStatuses)) : undefined,
        ),
      )
      .orderBy(rank, due, dossiers.submittedAt, dossiers.id)
      .limit(query.limit + 1);
  // Rows per status plus the two due-date ranges: with no text filter the index alone answers them;
  // with one (and no procedure or channel filter) the search index's rows do, without a dossier read.
  const count = sql<number>`count(*)`.as("n");
  // One pass over the matches: rows per status, and how many of them are overdue or due soon.
  const textCounts =
    matches && !query.procedure && !query.channel
      ? db
          .select({
            s: sql<number>`status`.as("s"),
            n: count,
            overdue: sql<number>`sum(status IN ${running} AND due_date < ${overdueBefore})`.as("overdue"),
            soon: sql<number>`sum(status IN ${running} AND due_date >= ${overdueBefore} AND due_date <= ${soonUntil})`.as("soon"),
          })
          .from(sql`(${matches}) AS m`)
          .groupBy(sql`status`)
      : null;
  const countsQuery = db
    .select({ s: dossiers.status, n: count })
    .from(dossiers)
    .where(and(base, matches ? matching(matches) : undefined))
    .groupBy(dossiers.status)
    .unionAll(
      db
        .select({ s: sql<number>`-1`.as("s"), n: count })
        .from(dossiers)
        .where(and(base, matches ? matching(matches) : undefined, overdue)),
    )
    .unionAll(
      db
        .select({ s: sql<number>`-2`.as("s"), n: count })
        .from(dossiers)
        .where(and(base, matches ? matching(matches) : undefined, soon)),
    );
  // Open dossiers (ranks 0–3) rank before closed ones: while they fill the page, the closed majority need not be sorted.
  const openFirst = !query.status && !query.due && (!after || after[0] < 4);
  const firstList = listQuery(openFirst);
  const [[firstRows, countRows], watch] = await Promise.all([
    textCounts
      ? db
          .batch([firstList, textCounts])
          .then(
            ([list, rows]) =>
              [
                list,
                [
                  ...rows.map(({ s, n }) => ({ s, n })),
                  { s: -1, n: rows.reduce((sum, r) => sum + Number(r.overdue ?? 0), 0) },
                  { s: -2, n: rows.reduce((sum, r) => sum + Number(r.soon ?? 0), 0) },
                ],
              ] as const,
          )
      : db.batch([firstList, countsQuery]),
    // The caller's own counts go with the first page, to those who act (an admin only reads).
    !after && processes(viewer.role) ? staffSummary(db, scope, viewer, calendar, now) : null,
  ]);
  const rows = openFirst && firstRows.length <= query.limit ? await listQuery() : firstRows;
  const by = new Map(countRows.map((r) => [Number(r.s), Number(r.n)]));
  const n = (...keys: number[]) => keys.reduce((sum, k) => sum + (by.get(k) ?? 0), 0);
  const counts = Object.fromEntries(
    INBOX_TAB_KEYS.map((tab) => {
      const group = INBOX_TABS[tab];
      return [tab, "statuses" in group ? n(...group.statuses) : n(group.due === "overdue" ? -1 : -2)];
    }),
  ) as InboxCounts;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const until = urgentUntil(today, calendar);
  const urgent = (d: (typeof page)[number]["d"]) =>
    inStatusGroup("clockRunning", d.status) &&
    d.dueDate !== null &&
    d.dueDate >= today &&
    d.dueDate <= until &&
    (urgentScope(viewer.role) === "unit" || d.assignedTo === viewer.id);
  return {
    items: page.map(({ d, rank: r, procedureCode, procedureName, unitName, assigneeName, newsType }) => ({
      code: d.code,
      procedure: { code: procedureCode, name: procedureName },
      applicantName: d.applicantName,
      status: d.status,
      statusLabel: officialStatusLabel(d.status as DossierStatus),
      channel: d.channel,
      submittedAt: d.submittedAt,
      receivedAt: d.receivedAt,
      dueDate: d.dueDate,
      promisedDate: d.promisedDate,
      pausedAt: d.pausedAt,
      dueState: r === 0 ? "overdue" : r === 1 ? "soon" : inStatusGroup("clockRunning", d.status) ? "ok" : null,
      withdrawalRequested: d.withdrawalRequested,
      handlingUnit: { id: d.handlingUnitId, name: unitName },
      assignee: d.assignedTo ? { id: d.assignedTo, name: assigneeName ?? "" } : null,
      news: newsType && newsType in NEWS_LABELS ? { type: newsType, label: NEWS_LABELS[newsType] } : null,
      urgent: urgent(d),
    })),
    counts,
    watch,
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor([last.rank, last.d.dueDate ?? "9999-12-31", last.d.submittedAt, last.d.id])
        : null,
  };
}

/** Records that staff opened a dossier, and why. */
export async function recordRead(db: Db, dossierId: string, actor: AuthUser, reason: string) {
  await db.insert(dossierReads).values({ dossierId, actorId: actor.id, at: new Date().toISOString(), reason });
}

export async function dossierReadLog(db: Db, dossierId: string) {
  return db
    .select({ actorId: dossierReads.actorId, actorName: users.displayName, at: dossierReads.at, reason: dossierReads.reason })
    .from(dossierReads)
    .innerJoin(users, eq(users.id, dossierReads.actorId))
    .where(eq(dossierReads.dossierId, dossierId))
    .orderBy(dossierReads.at, dossierReads.id);
}

/**
 * What the inbox's ETag is made of: the change stamps of the scope's units (bumped by triggers on
 * every write of their dossiers) and when the viewer last opened a dossier. One statement, two
 * index lookups: an unchanged inbox is answered without reading a dossier.
 */
export async function inboxStamp(db: Db, scope: StaffScope, viewer: Viewer): Promise<{ units: number; seen: string }> {
  const unitIds =
    scope.unitIds === "all"
      ? sql`(SELECT ${units.id} FROM ${units} WHERE ${units.provinceId} = ${scope.provinceId})`
      : sql`(${sql.join(
          (scope.unitIds.length > 0 ? scope.unitIds : [""]).map((id) => sql`${id}`),
          sql`, `,
        )})`;
  const row = await db.get<{ units: number; seen: string | null }>(sql`
    SELECT (SELECT coalesce(sum(${inboxStamps.stamp}), 0) FROM ${inboxStamps} WHERE ${inboxStamps.unitId} IN ${unitIds}) AS units,
      (SELECT max(${dossierViews.seenAt}) FROM ${dossierViews} WHERE ${dossierViews.officerId} = ${viewer.id}) AS seen`);
  return { units: Number(row?.units ?? 0), seen: row?.seen ?? "" };
}

/** The workspace entry's counts: new since the viewer looked, due within a working day, assigned to them. */
export async function staffSummary(
  db: Db,
  scope: StaffScope,
  viewer: Viewer,
  calendar: WorkCalendar,
  now = new Date(),
): Promise<StaffSummary> {
  const inScope = scopeFilter(scope);
  const count = (where: SQL) => sql`(SELECT count(*) FROM ${dossiers} WHERE ${inScope} AND ${where})`;
  const row = await db.get<{ changed: number; urgent: number; mine: number }>(sql`
    SELECT ${count(changedFor(viewer))} AS changed,
      ${count(urgentFor(viewer, vietnamDate(now), calendar))} AS urgent,
      ${count(sql`${dossiers.assignedTo} = ${viewer.id} AND ${dossiers.status} IN ${open}`)} AS mine`);
  return { changed: Number(row?.changed ?? 0), urgent: Number(row?.urgent ?? 0), mine: Number(row?.mine ?? 0) };
}

/** The officer saw the dossier as of step `seq`: later steps for officers are new to them. */
export const markSeen = (db: Db, officerId: string, dossierId: string, seq: number, at: string) =>
  db
    .insert(dossierViews)
    .values({ officerId, dossierId, seenSeq: seq, seenAt: at })
    .onConflictDoUpdate({
      target: [dossierViews.officerId, dossierViews.dossierId],
      set: { seenSeq: sql`max(${dossierViews.seenSeq}, excluded.seen_seq)`, seenAt: at },
    });

/**
 * Active officers and leaders who work for `unitId`: their own unit or a grant is the unit, or a
 * unit it was merged into (as staffScope reaches it).
 */
export async function unitStaff(db: Db, unitId: string): Promise<{ id: string; name: string; role: Role }[]> {
  const rows = await db.all<{ id: string; name: string; role: Role }>(sql`
    WITH RECURSIVE up(id) AS (
      SELECT ${unitId}
      UNION SELECT u.merged_into_id FROM units u JOIN up ON u.id = up.id WHERE u.merged_into_id IS NOT NULL)
    SELECT ${users.id} AS id, ${users.displayName} AS name, ${users.role} AS role FROM ${users}
    WHERE ${users.disabledAt} IS NULL AND ${users.role} IN ${sql.raw(`(${PROCESSING_ROLES.map((r) => `'${r}'`).join(",")})`)}
      AND (${users.unitId} IN (SELECT id FROM up)
        OR ${users.id} IN (SELECT ${staffUnitGrants.userId} FROM ${staffUnitGrants} WHERE ${staffUnitGrants.unitId} IN (SELECT id FROM up)))
    ORDER BY ${users.displayName}, ${users.id}`);
  return rows;
}

/** Assigns the dossier (or withdraws the assignment, `assignedTo` null) and records who did it, at once. */
export async function writeAssignment(db: Db, dossierId: string, assignedTo: string | null, assignedBy: string, at: string) {
  await db.batch([
    db.update(dossiers).set({ assignedTo }).where(eq(dossiers.id, dossierId)),
    db.insert(dossierAssignments).values({ dossierId, assignedTo, assignedBy, at }),
  ]);
}

/**
 * The dossier's current assignment: the latest record, with both names; null when nobody holds it
 * (a transfer to another unit withdraws it without a record; the transfer's event says why).
 */
export async function currentAssignment(db: Db, d: Pick<DossierRow, "id" | "assignedTo">): Promise<Assignment | null> {
  if (!d.assignedTo) return null;
  const dossierId = d.id;
  const assignee = alias(users, "assignee");
  const row = await db
    .select({
      assigneeId: dossierAssignments.assignedTo,
      assigneeName: assignee.displayName,
      byId: dossierAssignments.assignedBy,
      byName: users.displayName,
      at: dossierAssignments.at,
    })
    .from(dossierAssignments)
    .innerJoin(users, eq(users.id, dossierAssignments.assignedBy))
    .leftJoin(assignee, eq(assignee.id, dossierAssignments.assignedTo))
    .where(eq(dossierAssignments.dossierId, dossierId))
    .orderBy(desc(dossierAssignments.id))
    .limit(1)
    .get();
  if (!row?.assigneeId) return null;
  return {
    assignee: { id: row.assigneeId, name: row.assigneeName ?? "" },
    assignedBy: { id: row.byId, name: row.byName },
    at: row.at,
  };
}
