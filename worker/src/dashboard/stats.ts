import type { PublicProvinceStats, PublicUnitStats } from "../../../shared/src/figures/api";
import type { Metrics } from "../../../shared/src/figures/metrics";
import { periodMetrics, sumPeriodCounts } from "../../../shared/src/figures/metrics";
import type { Db } from "../db/client";
import { provinceOf } from "../db/repo/units";
import { notFound } from "../lib/errors";
import { provinceFigures } from "./figures";
import { addMonths, currentMonth, figuresMonth } from "./period";

/** What anyone may read of a month's figures: counts and rates, never a dossier or a person. */
const publicFigures = (m: Metrics) => ({
  received: m.received,
  onTimeRate: m.onTimeRate,
  onlineRate: m.onlineRate,
  averageDays: m.averageDays,
  averageAllowedDays: m.averageAllowedDays,
  satisfaction: m.satisfaction,
});

/** The month public figures show: the one asked for, else the last month that ended. */
const publicMonth = (month: string | undefined, now: Date) => figuresMonth(month ?? addMonths(currentMonth(now), -1), now);

/** Whether the month is still running (its figures change during the day). */
export const isRunning = (month: string, now: Date) => month === currentMonth(now);

export async function provinceStats(
  db: Db,
  provinceId: string,
  month: string | undefined,
  now: Date,
): Promise<PublicProvinceStats> {
  const period = publicMonth(month, now);
  const [all, province] = await Promise.all([provinceFigures(db, provinceId, period, now), provinceOf(db, provinceId)]);
  return {
    month: period.month,
    name: province?.name ?? "",
    onlineRateCountsPostal: all.settings.onlineRateCountsPostal,
    ...publicFigures(periodMetrics(sumPeriodCounts([...all.counts.values()]), all.settings)),
    units: all.cohorts.flatMap((c) => c.units.map((u) => ({ unitId: u.unitId, name: u.name, ...publicFigures(u) }))),
  };
}

export async function unitStats(
  db: Db,
  provinceId: string,
  unitId: string,
  month: string | undefined,
  now: Date,
): Promise<PublicUnitStats> {
  const period = publicMonth(month, now);
  const all = await provinceFigures(db, provinceId, period, now);
  const unit = all.units.find((u) => u.unitId === unitId);
  if (!unit) throw notFound("Không tìm thấy đơn vị này.");
  return {
    month: period.month,
    unitId,
    name: unit.name,
    onlineRateCountsPostal: all.settings.onlineRateCountsPostal,
    ...publicFigures(unit),
  };
}
