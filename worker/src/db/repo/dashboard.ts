import { asc, eq, type SQL, sql } from "drizzle-orm";
import type { Channel } from "../../../../shared/src/dossier/channel";
import { STATUS_GROUPS } from "../../../../shared/src/dossier/status";
import type { DrillFigure } from "../../../../shared/src/figures/api";
import type { Db } from "../client";
import { units } from "../schema";

/** The province's units as the figures name and group them, active or not, in the province's order. */
export async function figureUnits(db: Db, provinceId: string) {
  return db
    .select({ id: units.id, name: units.name, kind: units.kind, cohort: units.cohort, deactivatedAt: units.deactivatedAt })
    .from(units)
    .where(eq(units.provinceId, provinceId))
    .orderBy(asc(units.sortOrder), asc(units.name));
}
export type FigureUnit = Awaited<ReturnType<typeof figureUnits>>[number];

/** Where the dossiers behind a figure are, for one unit and local month (UTC instants [from, to)). */
export type DrillFilter = {
  unitId: string;
  figure: DrillFigure;
  from: string;
  to: string;
  /** The last local day of the period: overdue means open and due before it. */
  asOf: string;
  /** Today in Vietnam: what "overdue now" is measured against. */
  today: string;
};

/** The keyset of the drill-down's order: overdue now first, then by due date, then by code. */
export type DrillCursor = [group: number, due: string, code: string];

export type DrillRow = {
  code: string;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
  status: number;
  channel: Channel;
  receivedAt: string | null;
  dueDate: string | null;
  finishedAt: string | null;
  group: number;
};

const statuses = (group: readonly number[]) => sql.raw(`(${group.join(",")})`);
const localDay = (column: SQL) => sql`date(${column}, '+7 hours')`;

/** Each figure's dossiers, each through an index on the handling unit (see the EXPLAIN QUERY PLAN test). */
function figureWhere(f: DrillFilter): SQL {
  const receivedInMonth = sql`d.handling_unit_id = ${f.unitId} AND d.received_at >= ${f.from} AND d.received_at < ${f.to}`;
  const closedInMonth = (type: string, status: number) =>
    sql`d.handling_unit_id = ${f.unitId} AND d.status = ${status} AND EXISTS (SELECT 1 FROM dossier_events e
      WHERE e.dossier_id = d.id AND e.type = ${type} AND e.at >= ${f.from} AND e.at < ${f.to})`;
  switch (f.figure) {
    case "overdue":
      return sql`d.handling_unit_id = ${f.unitId} AND d.status IN ${statuses(STATUS_GROUPS.clockRunning)}
        AND d.due_date < ${f.asOf}`;
    case "late":
      return sql`d.handling_unit_id = ${f.unitId} AND d.status IN ${statuses(STATUS_GROUPS.resolved)}
        AND d.finished_at >= ${f.from} AND d.finished_at < ${f.to} AND ${localDay(sql`d.finished_at`)} > d.due_date`;
    case "received":
      return receivedInMonth;
    case "online":
      return sql`${receivedInMonth} AND d.channel = 'online'`;
    case "supplemented":
      return sql`${receivedInMonth} AND EXISTS (SELECT 1 FROM dossier_events e
        WHERE e.dossier_id = d.id AND e.type = 'supplement_requested')`;
    case "withdrawn":
      return closedInMonth("withdrawn", STATUS_GROUPS.withdrawn[0]);
    case "stopped":
      return closedInMonth("stopped", STATUS_GROUPS.stopped[0]);
  }
}

/** The query of a page of the dossiers behind a figure, overdue now first; it reads only what the list shows. */
export function drillQuery(f: DrillFilter, cursor: DrillCursor | null, limit: number): SQL {
  const group = sql`(CASE WHEN d.status IN ${statuses(STATUS_GROUPS.clockRunning)} AND d.due_date < ${f.today} THEN 0 ELSE 1 END)`;
  const due = sql`coalesce(d.due_date, '9999-12-31')`;
  return sql`
    SELECT d.code, p.code AS procedureCode, p.name AS procedureName, d.applicant_name AS applicantName, d.status,
      d.channel, d.received_at AS receivedAt, d.due_date AS dueDate, d.finished_at AS finishedAt, ${group} AS "group"
    FROM dossiers d JOIN procedures p ON p.id = d.procedure_id
    WHERE ${figureWhere(f)} ${cursor ? sql`AND (${group}, ${due}, d.code) > (${cursor[0]}, ${cursor[1]}, ${cursor[2]})` : sql``}
    ORDER BY ${group}, ${due}, d.code
    LIMIT ${limit + 1}`;
}

export const drillDossiers = (db: Db, f: DrillFilter, cursor: DrillCursor | null, limit: number) =>
  db.all<DrillRow>(drillQuery(f, cursor, limit));
