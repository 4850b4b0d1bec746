import type { UnitCohort } from "../../../shared/src/catalogue/schemas";
import type { Dashboard, OfficerFigureList, Trends, UnitDrill, UnitFigures } from "../../../shared/src/figures/api";
import type { PeriodCounts } from "../../../shared/src/figures/counts";
import { estimateD766 } from "../../../shared/src/figures/d766";
import {
  type MetricSettings,
  type Metrics,
  periodMetrics,
  sumPeriodCounts,
  zeroPeriodCounts,
} from "../../../shared/src/figures/metrics";
import { dailyPaceNeeded, monthProjection, stillNeeded, targetStatus } from "../../../shared/src/figures/targets";
import type { Db } from "../db/client";
import { type FigureUnit, figureUnits } from "../db/repo/dashboard";
import { getFigureSettings } from "../db/repo/figure-settings";
import type { StaffScope } from "../db/repo/staff";
import { provinceOf } from "../db/repo/units";
import { requireFiguresUnit } from "../dossiers/access";
import { monthCounts, officerCounts, procedureCounts, trendCounts } from "../figures/read";
import { catchUp } from "../figures/refresh";
import { notFound } from "../lib/errors";
import { addMonths, type FiguresMonth, figuresMonth, monthsBetween } from "./period";
import { monthTargets } from "./targets";

export const COHORT_LABEL: Record<UnitCohort, string> = {
  department: "Sở, ban, ngành",
  commune: "Phường, xã",
  special_zone: "Đặc khu",
};
const COHORT_ORDER: readonly UnitCohort[] = ["department", "commune", "special_zone"];

type Targets = Awaited<ReturnType<typeof monthTargets>>;

/**
 * One unit's month against its targets. The online target is measured on the online rate's own
 * denominator (without postal dossiers when the province leaves them out), and so is what is still needed.
 */
function againstTargets(unitId: string, m: Metrics, targets: Targets, period: FiguresMonth) {
  const target = targets(unitId, "online_rate");
  const onTimeTarget = targets(unitId, "on_time_rate");
  const soFar = {
    received: m.received - (m.onlineRateCountsPostal ? 0 : m.receivedPostal),
    receivedOnline: m.receivedOnline,
    daysElapsed: period.daysElapsed,
    daysInMonth: period.daysInMonth,
  };
  const projection = monthProjection(soFar);
  return {
    target,
    stillNeeded: target === null ? null : stillNeeded(target, soFar.received, soFar.receivedOnline),
    projection: { received: projection.received, receivedOnline: projection.receivedOnline, onlineRate: projection.rate },
    pacePerDay: target === null ? null : dailyPaceNeeded(target, soFar),
    status: targetStatus(m.onlineRate, target),
    onTimeTarget,
    onTimeStatus: targetStatus(m.onTimeRate, onTimeTarget),
  };
}

/** Best first: the higher online rate, then on-time rate; a rate not measured ranks after every measured one. */
const byRank = (a: UnitFigures, b: UnitFigures) =>
  (b.onlineRate ?? -1) - (a.onlineRate ?? -1) ||
  (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
  a.name.localeCompare(b.name, "vi");

/** Ranks every unit within its cohort, in place; answers the units by cohort, best first. */
function rankInCohorts(units: UnitFigures[]) {
  const cohorts = COHORT_ORDER.map((cohort) => ({ cohort, units: units.filter((u) => u.cohort === cohort).sort(byRank) }));
  for (const { units: members } of cohorts)
    members.forEach((u, i) => {
      u.rankInCohort = i + 1;
      u.cohortSize = members.length;
    });
  return cohorts.filter((c) => c.units.length > 0);
}

export type ProvinceFigures = {
  settings: MetricSettings;
  units: UnitFigures[];
  counts: Map<string, PeriodCounts>;
  cohorts: ReturnType<typeof rankInCohorts>;
};

/**
 * Every unit's figures of a month with its targets and rank in its cohort: the active units, and a
 * deactivated (merged) one while it still has figures that month.
 */
export async function provinceFigures(db: Db, provinceId: string, period: FiguresMonth, now: Date): Promise<ProvinceFigures> {
  const [units, counts, settings, targets] = await Promise.all([
    figureUnits(db, provinceId),
    monthCounts(db, period.month, now),
    getFigureSettings(db, provinceId),
    monthTargets(db, provinceId, period.month),
  ]);
  const listed = units.filter((u) => u.deactivatedAt === null || counts.has(u.id));
  const figures = listed.map((u): UnitFigures => {
    const metrics = periodMetrics(counts.get(u.id) ?? zeroPeriodCounts(), settings);
    return {
      unitId: u.id,
      name: u.name,
      kind: u.kind,
      cohort: u.cohort,
      ...metrics,
      ...againstTargets(u.id, metrics, targets, period),
      rankInCohort: 1,
      cohortSize: 1,
    };
  });
  const cohorts = rankInCohorts(figures);
  return { settings, units: figures, counts: new Map([...counts].filter(([id]) => listed.some((u) => u.id === id))), cohorts };
}

const visibleTo = (scope: StaffScope) => (unitId: string) => scope.unitIds === "all" || scope.unitIds.includes(unitId);

/**
 * The month's dashboard for what the caller may see: the whole province for an admin, a leader's
 * own units (their totals, their rows, their ranks among all units). The figures are brought up to
 * date first, so a step taken a moment ago shows.
 */
export async function dashboard(db: Db, scope: StaffScope, month: string | undefined, now: Date): Promise<Dashboard> {
  const period = figuresMonth(month, now);
  await catchUp(db);
  const all = await provinceFigures(db, scope.provinceId, period, now);
  const visible = visibleTo(scope);
  const counts = [...all.counts].filter(([id]) => visible(id)).map(([, c]) => c);
  const province = periodMetrics(sumPeriodCounts(counts), all.settings);
  return {
    month: period.month,
    asOf: period.asOf,
    onlineRateCountsPostal: all.settings.onlineRateCountsPostal,
    scope: scope.unitIds === "all" ? "province" : "units",
    province,
    units: all.units.filter((u) => visible(u.unitId)),
    cohorts: all.cohorts
      .map(({ cohort, units }) => ({
        cohort,
        label: COHORT_LABEL[cohort],
        units: units
          .filter((u) => visible(u.unitId))
          .map((u) => ({
            unitId: u.unitId,
            name: u.name,
            rank: u.rankInCohort,
            onlineRate: u.onlineRate,
            onTimeRate: u.onTimeRate,
          })),
      }))
      .filter((c) => c.units.length > 0),
    // The share of procedures offered online is not measured yet: its criterion says so.
    estimate766: estimateD766(province, { onlineProceduresShare: null }),
  };
}

/** The last `months` months of the province, of one unit or of a leader's units, oldest first. */
export async function trends(db: Db, scope: StaffScope, unitId: string | undefined, months: number, now: Date): Promise<Trends> {
  if (unitId) requireFiguresUnit(scope, unitId);
  await catchUp(db);
  const last = figuresMonth(undefined, now).month;
  const [units, settings, province] = await Promise.all([
    figureUnits(db, scope.provinceId),
    getFigureSettings(db, scope.provinceId),
    provinceOf(db, scope.provinceId),
  ]);
  const unitIds = unitId ? [unitId] : scope.unitIds === "all" ? null : scope.unitIds;
  const named = (ids: readonly string[]) => units.filter((u) => ids.includes(u.id)).map((u) => u.name);
  const series = await trendCounts(db, unitIds, monthsBetween(addMonths(last, 1 - months), last), now);
  return {
    unitId: unitId ?? null,
    name: unitIds === null ? (province?.name ?? "") : named(unitIds).join(", "),
    onlineRateCountsPostal: settings.onlineRateCountsPostal,
    points: series.map(({ month, counts }) => {
      const m = periodMetrics(counts, settings);
      return {
        month,
        received: m.received,
        receivedOnline: m.receivedOnline,
        receivedCounter: m.receivedCounter,
        receivedPostal: m.receivedPostal,
        onlineRate: m.onlineRate,
        onTimeRate: m.onTimeRate,
        overdueOpen: m.overdueOpen,
      };
    }),
  };
}

async function unitFiguresOf(db: Db, scope: StaffScope, unitId: string, period: FiguresMonth, now: Date) {
  requireFiguresUnit(scope, unitId);
  const all = await provinceFigures(db, scope.provinceId, period, now);
  const unit = all.units.find((u) => u.unitId === unitId);
  if (!unit) throw notFound("Không tìm thấy đơn vị này.");
  return { unit, settings: all.settings };
}

/** One unit's month and each procedure's, the busiest first. */
export async function unitDrill(
  db: Db,
  scope: StaffScope,
  unitId: string,
  month: string | undefined,
  now: Date,
): Promise<UnitDrill> {
  const period = figuresMonth(month, now);
  await catchUp(db);
  const { unit, settings } = await unitFiguresOf(db, scope, unitId, period, now);
  const procedures = [...(await procedureCounts(db, unitId, period.month, now))]
    .map(([procedureCode, { name, counts }]) => ({ procedureCode, name, ...periodMetrics(counts, settings) }))
    .sort((a, b) => b.received - a.received || a.procedureCode.localeCompare(b.procedureCode));
  return { month: period.month, asOf: period.asOf, unit, procedures };
}

/** A unit's officers' month (Bình Tân): accepted, decided on time and late, overdue, supplements asked. */
export async function unitOfficers(
  db: Db,
  unit: Pick<FigureUnit, "id" | "name">,
  month: string | undefined,
  now: Date,
): Promise<OfficerFigureList> {
  const period = figuresMonth(month, now);
  await catchUp(db);
  const officers = await officerCounts(db, unit.id, period.month, now);
  const items = [...officers]
    .map(([userId, { name, counts: c }]) => ({
      userId,
      name,
      accepted: c.accepted,
      decidedOnTime: c.decidedOnTime,
      decidedLate: c.decidedLate,
      overdueOpen: c.overdueAtEnd,
      supplementRequests: c.supplementRequests,
      onTimeRate: c.decidedOnTime + c.decidedLate === 0 ? null : c.decidedOnTime / (c.decidedOnTime + c.decidedLate),
    }))
    .sort(
      (a, b) =>
        b.accepted + b.decidedOnTime + b.decidedLate - (a.accepted + a.decidedOnTime + a.decidedLate) ||
        a.name.localeCompare(b.name, "vi"),
    );
  return { month: period.month, asOf: period.asOf, unitId: unit.id, unitName: unit.name, items };
}

/** A unit of the province whose figures the caller may read. */
export async function figuresUnit(db: Db, scope: StaffScope, unitId: string) {
  requireFiguresUnit(scope, unitId);
  const unit = (await figureUnits(db, scope.provinceId)).find((u) => u.id === unitId);
  if (!unit) throw notFound("Không tìm thấy đơn vị này.");
  return unit;
}
