import type { z } from "zod";
import type {
  TargetMetric,
  TargetSuggestions,
  TargetsBody,
  TargetsQuery as TargetsQuerySchema,
  TargetsSet,
} from "../../../shared/src/figures/api";
import type { PeriodCounts } from "../../../shared/src/figures/counts";
import { type Metrics, periodMetrics, sumPeriodCounts, zeroPeriodCounts } from "../../../shared/src/figures/metrics";
import { suggestTargets } from "../../../shared/src/figures/targets";
import type { Db } from "../db/client";
import { figureUnits } from "../db/repo/dashboard";
import { getFigureSettings } from "../db/repo/figure-settings";
import { insertTargets, targetsInForce } from "../db/repo/targets";
import type { AuthUser } from "../db/repo/users";
import { monthCounts } from "../figures/read";
import { catchUp } from "../figures/refresh";
import { invalidField } from "../lib/errors";
import { figuresMonth, monthsBetween } from "./period";

type TargetsQuery = z.infer<typeof TargetsQuerySchema>;

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

const MAX_BASELINE_MONTHS = 24;

const rateOf = (metric: TargetMetric, m: Metrics) => (metric === "online_rate" ? m.onlineRate : m.onTimeRate);

/** Several consecutive months as one period: flows add up, the stocks are the first month's start and the last one's end. */
function overMonths(parts: PeriodCounts[]): PeriodCounts {
  const sum = sumPeriodCounts(parts);
  const [first, last] = [parts[0], parts.at(-1)];
  return {
    ...sum,
    openAtStart: first?.openAtStart ?? 0,
    openAtEnd: last?.openAtEnd ?? 0,
    overdueAtEnd: last?.overdueAtEnd ?? 0,
  };
}

/**
 * The Hải Phòng suggestion for a metric and period: each active unit's rate over the baseline
 * months and its share of their dossiers, the target that closes the same fraction of every gap
 * to 100% (suggestTargets), the target in force and the current month's value so far.
 */
export async function targetSuggestions(db: Db, provinceId: string, query: TargetsQuery, now: Date): Promise<TargetSuggestions> {
  const { metric, period, goal, baselineFrom, baselineTo } = query;
  figuresMonth(baselineTo, now);
  const months = monthsBetween(baselineFrom, baselineTo);
  if (months.length > MAX_BASELINE_MONTHS) throw invalidField("baselineFrom", `Kỳ gốc dài tối đa ${MAX_BASELINE_MONTHS} tháng`);
  const thisMonth = figuresMonth(undefined, now).month;
  await catchUp(db);
  const [units, settings, inForce, current, ...baseline] = await Promise.all([
    figureUnits(db, provinceId),
    getFigureSettings(db, provinceId),
    targetsInForce(db, provinceId, [period], metric),
    monthCounts(db, thisMonth, now),
    ...months.map((m) => monthCounts(db, m, now)),
  ]);
  const active = units.filter((u) => u.deactivatedAt === null);
  const measured = active.map((u) => {
    const m = periodMetrics(overMonths(baseline.map((b) => b.get(u.id) ?? zeroPeriodCounts())), settings);
    return { unitId: u.id, baseline: rateOf(metric, m), volume: m.received };
  });
  const suggestion = suggestTargets(measured, goal);
  const targetOf = new Map(inForce.map((t) => [t.unitId, t]));
  return {
    metric,
    period,
    goal,
    baselineFrom,
    baselineTo,
    provinceBaseline: suggestion.provinceBaseline,
    k: suggestion.provinceBaseline === null ? null : suggestion.k,
    items: active.map((u, i) => {
      const s = suggestion.targets[i]!;
      return {
        unitId: u.id,
        name: u.name,
        cohort: u.cohort,
        baseline: s.baseline,
        volume: measured[i]!.volume,
        share: s.share,
        suggested: s.suggested,
        current: targetOf.get(u.id) ?? null,
        currentValue: rateOf(metric, periodMetrics(current.get(u.id) ?? zeroPeriodCounts(), settings)),
      };
    }),
  };
}
