import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { TargetEntry, TargetMetric } from "../../../../shared/src/figures/api";
import type { Db } from "../client";
import { targets, units, users } from "../schema";
import { recordChange } from "./changes";

const entry = (t: typeof targets.$inferSelect, unitName: string, setByName: string): TargetEntry => ({
  id: t.id,
  unitId: t.unitId,
  unitName,
  metric: t.metric as TargetMetric,
  period: t.period,
  value: t.value,
  suggested: t.suggested,
  decisionNumber: t.decisionNumber,
  decisionDate: t.decisionDate,
  reason: t.reason,
  setAt: t.setAt,
  setBy: { id: t.setBy, name: setByName },
});

/** Rows are never changed, so the one in force for a unit, metric and period is the latest. */
const isLatest = sql`${targets.id} = (SELECT max(l.id) FROM targets l WHERE l.province_id = ${targets.provinceId}
  AND l.metric = ${targets.metric} AND l.period = ${targets.period} AND l.unit_id = ${targets.unitId})`;

async function selectTargets(db: Db, where: SQL | undefined): Promise<TargetEntry[]> {
  const rows = await db
    .select({ t: targets, unitName: units.name, setByName: users.displayName })
    .from(targets)
    .innerJoin(units, eq(units.id, targets.unitId))
    .innerJoin(users, eq(users.id, targets.setBy))
    .where(where)
    .orderBy(desc(targets.id));
  return rows.map((r) => entry(r.t, r.unitName, r.setByName));
}

/** The targets in force for these periods (e.g. a month and its year), every metric or one. */
export const targetsInForce = (db: Db, provinceId: string, periods: string[], metric?: TargetMetric) =>
  selectTargets(
    db,
    and(
      eq(targets.provinceId, provinceId),
      metric ? eq(targets.metric, metric) : inArray(targets.metric, ["online_rate", "on_time_rate"]),
      inArray(targets.period, periods),
      isLatest,
    ),
  );

/** Every target ever set, newest first. */
export const targetHistory = (db: Db, provinceId: string, filter: { unitId?: string; metric?: TargetMetric }) =>
  selectTargets(
    db,
    and(
      eq(targets.provinceId, provinceId),
      filter.unitId ? eq(targets.unitId, filter.unitId) : undefined,
      filter.metric ? eq(targets.metric, filter.metric) : undefined,
    ),
  );

export type NewTarget = {
  unitId: string;
  value: number;
  suggested: number | null;
  reason: string;
};

export type TargetDecision = {
  provinceId: string;
  metric: TargetMetric;
  period: string;
  decisionNumber: string;
  decisionDate: string;
  setBy: string;
};

/**
 * One batch: per unit, the new target and its record of change. A target equal to the one in force
 * under the same decision is not written again (nor recorded), so a retried request adds nothing.
 */
export async function insertTargets(db: Db, decision: TargetDecision, rows: NewTarget[]) {
  const { provinceId, metric, period, decisionNumber, decisionDate, setBy } = decision;
  const at = new Date().toISOString();
  const statements = rows.flatMap((row) => [
    db.insert(targets).select(
      sql`SELECT NULL, ${provinceId}, ${row.unitId}, ${metric}, ${period}, ${row.value}, ${row.suggested}, ${decisionNumber},
        ${decisionDate}, ${row.reason}, ${setBy}, ${at}
      WHERE NOT EXISTS (SELECT 1 FROM targets l WHERE l.id = (SELECT max(m.id) FROM targets m WHERE m.province_id = ${provinceId}
          AND m.metric = ${metric} AND m.period = ${period} AND m.unit_id = ${row.unitId})
        AND l.value = ${row.value} AND l.decision_number = ${decisionNumber} AND l.decision_date = ${decisionDate})`,
    ),
    recordChange(
      db,
      {
        provinceId,
        actorId: setBy,
        entity: "target",
        entityId: `${row.unitId}/${metric}/${period}`,
        action: "set",
        reason: row.reason || `Quyết định số ${decisionNumber}`,
        data: { metric, period, value: row.value, suggested: row.suggested, decisionNumber, decisionDate },
      },
      sql`changes() > 0`,
    ),
  ]);
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}
