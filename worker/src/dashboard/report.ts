import type { ReportData, ReportReason, ReportUnit, UnitFigures } from "../../../shared/src/figures/api";
import { periodMetrics, sumPeriodCounts } from "../../../shared/src/figures/metrics";
import { vietnamDate } from "../../../shared/src/time/vietnam";
import type { Db } from "../db/client";
import { storeReport } from "../db/repo/reports";
import { provinceOf } from "../db/repo/units";
import { catchUp } from "../figures/refresh";
import { invalidField } from "../lib/errors";
import { provinceFigures } from "./figures";
import { addMonths, currentMonth, figuresMonth } from "./period";

/** The month whose report the nightly job prepares: on the 1st in Vietnam, the month that just ended. */
export function monthToReport(now: Date): string | null {
  return vietnamDate(now).endsWith("-01") ? addMonths(currentMonth(now), -1) : null;
}

/** Below a target (near counts: it was not reached). */
const below = (status: UnitFigures["status"]) => status === "behind" || status === "near";

/**
 * Why a unit is praised or reminded. Praise: it met every target it has, or it is first of its
 * cohort with dossiers. Reminder: it missed a target, or it has overdue dossiers open at the month's end.
 */
function reasonsOf(u: UnitFigures): ReportReason[] {
  const statuses = [u.status, u.onTimeStatus].filter((s) => s !== "no_target");
  const reasons: ReportReason[] = [];
  if (statuses.length > 0 && statuses.every((s) => s === "met")) reasons.push("met_target");
  if (u.rankInCohort === 1 && u.received > 0) reasons.push("top_of_cohort");
  if (statuses.some(below)) reasons.push("behind_target");
  if (u.overdueOpen > 0) reasons.push("overdue");
  return reasons;
}

const reportUnit = (u: UnitFigures): ReportUnit => ({
  unitId: u.unitId,
  name: u.name,
  kind: u.kind,
  cohort: u.cohort,
  received: u.received,
  receivedOnline: u.receivedOnline,
  onlineRate: u.onlineRate,
  onlineTarget: u.target,
  onlineStatus: u.status,
  stillNeeded: u.stillNeeded,
  onTimeRate: u.onTimeRate,
  onTimeTarget: u.onTimeTarget,
  onTimeStatus: u.onTimeStatus,
  finished: u.finished,
  finishedLate: u.finishedLate,
  overdueOpen: u.overdueOpen,
  rankInCohort: u.rankInCohort,
  cohortSize: u.cohortSize,
  reasons: reasonsOf(u),
});

/**
 * Prepares the praise and reminder report of a month that ended, from the figures at its end. The
 * job keeps a month's first report (preparing it twice changes nothing); `replace` (an admin's
 * re-run, with their reason) prepares it again. Answers whether a report was written.
 */
export async function prepareMonthlyReport(
  db: Db,
  provinceId: string,
  month: string,
  replace?: { actorId: string; reason: string },
  now = new Date(),
): Promise<boolean> {
  if (month >= currentMonth(now)) throw invalidField("month", "Tháng này chưa kết thúc");
  const period = figuresMonth(month, now);
  await catchUp(db);
  const [all, province] = await Promise.all([provinceFigures(db, provinceId, period, now), provinceOf(db, provinceId)]);
  const units = all.cohorts.flatMap((c) => c.units.map(reportUnit));
  const data: ReportData = {
    provinceName: province?.name ?? "",
    month,
    asOf: period.asOf,
    onlineRateCountsPostal: all.settings.onlineRateCountsPostal,
    province: periodMetrics(sumPeriodCounts([...all.counts.values()]), all.settings),
    praise: units.filter((u) => u.reasons.includes("met_target") || u.reasons.includes("top_of_cohort")),
    remind: units.filter((u) => u.reasons.includes("behind_target") || u.reasons.includes("overdue")),
    units,
  };
  return storeReport(db, provinceId, month, data, replace);
}

/** The nightly job's part: on the 1st in Vietnam, the report of the month that ended (kept if already prepared). */
export async function prepareEndedMonth(db: Db, provinceId: string, now: Date) {
  const month = monthToReport(now);
  if (!month) return { month: null, prepared: false };
  return { month, prepared: await prepareMonthlyReport(db, provinceId, month, undefined, now) };
}
