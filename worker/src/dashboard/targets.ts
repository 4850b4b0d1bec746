import type { TargetMetric, TargetsBody, TargetsSet } from "../../../shared/src/figures/api";
import type { Db } from "../db/client";
import { figureUnits } from "../db/repo/dashboard";
import { insertTargets, targetsInForce } from "../db/repo/targets";
import type { AuthUser } from "../db/repo/users";
import { invalidField } from "../lib/errors";

/** The periods whose targets apply to a month: its own, else its year's. */
export const periodsOf = (month: string) => [month, month.slice(0, 4)];

/** Per unit and metric, the target that applies to a month: the month's own, else its year's. */
export async function monthTargets(db: Db, provinceId: string, month: string) {
  const rows = await targetsInForce(db, provinceId, periodsOf(month));
  const applying = new Map<string, number>();
  for (const row of [...rows].sort((a, b) => b.period.length - a.period.length)) {
    const key = `${row.unitId}/${row.metric}`;
    if (!applying.has(key)) applying.set(key, row.value);
  }
  return (unitId: string, metric: TargetMetric) => applying.get(`${unitId}/${metric}`) ?? null;
}

/** Sets the targets of one decision, for active units of the province only. */
export async function setTargets(db: Db, admin: AuthUser, body: TargetsBody): Promise<TargetsSet> {
  const units = new Map((await figureUnits(db, admin.provinceId)).map((u) => [u.id, u]));
  body.targets.forEach((t, i) => {
    if (units.get(t.unitId)?.deactivatedAt !== null)
      throw invalidField(`targets.${i}.unitId`, "Không có đơn vị đang hoạt động này");
  });
  await insertTargets(
    db,
    {
      provinceId: admin.provinceId,
      metric: body.metric,
      period: body.period,
      decisionNumber: body.decision.number,
      decisionDate: body.decision.date,
      setBy: admin.id,
    },
    body.targets.map((t) => ({ unitId: t.unitId, value: t.value, suggested: t.suggested ?? null, reason: t.reason ?? "" })),
  );
  const chosen = new Set(body.targets.map((t) => t.unitId));
  const inForce = await targetsInForce(db, admin.provinceId, [body.period], body.metric);
  return { items: inForce.filter((t) => chosen.has(t.unitId)) };
}
