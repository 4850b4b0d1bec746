import { z } from "zod";
import { ChangeReason } from "../admin/changes";
import { ProcedureCode, UnitCohort, UnitId, UnitKind } from "../catalogue/schemas";
import { Channel } from "../dossier/channel";
import { LocalDate } from "../time/vietnam";
import { D766Estimate } from "./d766";
import { Metrics } from "./metrics";
import type { TargetStatus as TargetStatusValue } from "./targets";

/**
 * The contracts of the province's figures: the dashboard, its trends and drill-down, officers'
 * figures, targets, the figures' settings, the monthly praise and reminder report and the public
 * figures. Rates are fractions 0–1, null when their denominator is 0.
 */

const Rate = z.number().min(0).max(1).nullable();
const Count = z.number().int().nonnegative();
const Person = z.object({ id: z.string(), name: z.string() });

/** A calendar month, YYYY-MM. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "Tháng có dạng YYYY-MM" });
/** A target's period: a whole year (YYYY) or one month (YYYY-MM). */
export const TargetPeriod = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { error: "Kỳ chỉ tiêu có dạng YYYY hoặc YYYY-MM" });

export const TARGET_METRICS = ["online_rate", "on_time_rate"] as const;
export const TargetMetric = z.enum(TARGET_METRICS);
export type TargetMetric = z.infer<typeof TargetMetric>;
export const TARGET_METRIC_LABEL: Record<TargetMetric, string> = {
  online_rate: "Tỷ lệ hồ sơ trực tuyến",
  on_time_rate: "Tỷ lệ giải quyết đúng hạn",
};

/** Where a unit stands against its target (targetStatus in ./targets). */
export const TargetStatus = z.enum(["met", "near", "behind", "no_target", "no_data"] satisfies TargetStatusValue[]);
export type TargetStatus = z.infer<typeof TargetStatus>;

export { Metrics };

const UnitRef = z.object({ unitId: UnitId, name: z.string(), kind: UnitKind, cohort: UnitCohort });

// ——— Dashboard ———

/** `GET /api/admin/dashboard?month=` (default: the current month in Vietnam). */
export const DashboardQuery = z.object({ month: Month.optional() });

/** The online-rate target of a month and the way to it. */
const OnlineProgress = z.object({
  /** The online-rate target that applies to the month (its own, else its year's), or null. */
  target: Rate,
  /** Online dossiers still needed this month to reach the target: max(0, ⌈t × |R| − |R online|⌉). */
  stillNeeded: Count.nullable(),
  /** At the pace so far, the month's end: received, online, and the online rate. */
  projection: z.object({ received: Count, receivedOnline: Count, onlineRate: Rate }),
  /** Online dossiers needed per remaining day to reach the target at the projected volume; null without a target or when the month ended. */
  pacePerDay: z.number().nonnegative().nullable(),
  status: TargetStatus,
  /** The on-time target that applies to the month, and where the unit stands against it. */
  onTimeTarget: Rate,
  onTimeStatus: TargetStatus,
});

/** One unit's row of the dashboard. */
export const UnitFigures = UnitRef.extend(Metrics.shape)
  .extend(OnlineProgress.shape)
  .extend({
    /** 1 = the best online rate of its cohort (then on-time rate); units without dossiers rank last. */
    rankInCohort: z.number().int().min(1),
    cohortSize: z.number().int().min(1),
  });
export type UnitFigures = z.infer<typeof UnitFigures>;

/** The Decision 766 early-warning estimate: never the official index, which is computed centrally. */
export const Estimate766 = D766Estimate;
export type Estimate766 = z.infer<typeof Estimate766>;

export const Dashboard = z.object({
  month: Month,
  /** The last local day the figures cover: the month's end, or today for the current month. */
  asOf: LocalDate,
  onlineRateCountsPostal: z.boolean(),
  /** Everything the caller sees: the whole province for an admin, a leader's own units for a leader. */
  scope: z.enum(["province", "units"]),
  province: Metrics,
  units: z.array(UnitFigures),
  /** The units of each cohort, best first (ranks over the whole province). */
  cohorts: z.array(
    z.object({
      cohort: UnitCohort,
      label: z.string(),
      units: z.array(z.object({ unitId: UnitId, name: z.string(), rank: z.number().int(), onlineRate: Rate, onTimeRate: Rate })),
    }),
  ),
  estimate766: Estimate766,
});
export type Dashboard = z.infer<typeof Dashboard>;

/** `GET /api/admin/dashboard/trends?unitId=&months=12`: without unitId, the caller's whole scope. */
export const TrendsQuery = z.object({
  unitId: UnitId.optional(),
  months: z.coerce.number().int().min(1).max(24).default(12),
});
export const TrendPoint = z.object({
  month: Month,
  received: Count,
  receivedOnline: Count,
  receivedCounter: Count,
  receivedPostal: Count,
  onlineRate: Rate,
  onTimeRate: Rate,
  overdueOpen: Count,
});
export type TrendPoint = z.infer<typeof TrendPoint>;
export const Trends = z.object({
  unitId: UnitId.nullable(),
  name: z.string(),
  onlineRateCountsPostal: z.boolean(),
  /** Oldest first, the current month last. */
  points: z.array(TrendPoint),
});
export type Trends = z.infer<typeof Trends>;

// ——— Drill-down ———

export const DashboardUnitParam = z.object({ unitId: UnitId });
export const UnitDrillQuery = z.object({ month: Month.optional() });

export const ProcedureFigures = z.object({ procedureCode: ProcedureCode, name: z.string() }).extend(Metrics.shape);
export type ProcedureFigures = z.infer<typeof ProcedureFigures>;

/** `GET /api/admin/dashboard/units/:unitId?month=`: the unit's figures and each procedure's. */
export const UnitDrill = z.object({
  month: Month,
  asOf: LocalDate,
  unit: UnitFigures,
  /** Most received first. */
  procedures: z.array(ProcedureFigures),
});
export type UnitDrill = z.infer<typeof UnitDrill>;

/** The figures whose dossiers the drill-down lists. */
export const DRILL_FIGURES = ["overdue", "late", "received", "online", "withdrawn", "stopped", "supplemented"] as const;
export const DrillFigure = z.enum(DRILL_FIGURES);
export type DrillFigure = z.infer<typeof DrillFigure>;
export const DRILL_FIGURE_LABEL: Record<DrillFigure, string> = {
  overdue: "Quá hạn đang xử lý",
  late: "Giải quyết trễ hạn",
  received: "Tiếp nhận trong tháng",
  online: "Tiếp nhận trực tuyến",
  withdrawn: "Rút hồ sơ",
  stopped: "Dừng xử lý",
  supplemented: "Yêu cầu bổ sung",
};

/** `GET /api/admin/dashboard/units/:unitId/dossiers?month=&figure=&cursor=`. */
export const DrillDossiersQuery = z.object({
  month: Month.optional(),
  figure: DrillFigure,
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const DrillDossier = z.object({
  code: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  status: z.number().int(),
  channel: Channel,
  receivedAt: z.string().nullable(),
  dueDate: LocalDate.nullable(),
  finishedAt: z.string().nullable(),
  /** Days past the due date: today for an open dossier, the day it closed otherwise; 0 when not late. */
  daysOverdue: Count,
});
export type DrillDossier = z.infer<typeof DrillDossier>;
/** The overdue ones first (most days overdue first), then the others by due date. */
export const DrillDossierList = z.object({ items: z.array(DrillDossier), nextCursor: z.string().nullable() });
export type DrillDossierList = z.infer<typeof DrillDossierList>;

/** `GET /api/admin/dashboard/units/:unitId/officers?month=`: per officer who accepted or decided. */
export const OfficerFigures = z.object({
  userId: z.string(),
  name: z.string(),
  accepted: Count,
  decidedOnTime: Count,
  decidedLate: Count,
  /** Dossiers they accepted that are open and overdue at the period's end. */
  overdueOpen: Count,
  supplementRequests: Count,
  /** Decided on time ÷ decided. */
  onTimeRate: Rate,
});
export type OfficerFigures = z.infer<typeof OfficerFigures>;
export const OfficerFigureList = z.object({
  month: Month,
  asOf: LocalDate,
  unitId: UnitId,
  unitName: z.string(),
  items: z.array(OfficerFigures),
});
export type OfficerFigureList = z.infer<typeof OfficerFigureList>;

// ——— Targets ———

/** `GET /api/admin/targets`: the suggestion from each unit's baseline months and its volume share. */
export const TargetsQuery = z
  .object({
    metric: TargetMetric,
    period: TargetPeriod,
    goal: z.coerce.number().min(0).max(1),
    baselineFrom: Month,
    baselineTo: Month,
  })
  .refine((q) => q.baselineFrom <= q.baselineTo, {
    error: "Tháng đầu của kỳ gốc phải trước tháng cuối",
    path: ["baselineTo"],
  });

/** One stored target: a decision set it, a later row supersedes it. */
export const TargetEntry = z.object({
  id: z.number().int(),
  unitId: UnitId,
  unitName: z.string(),
  metric: TargetMetric,
  period: TargetPeriod,
  value: z.number().min(0).max(1),
  suggested: Rate,
  decisionNumber: z.string(),
  decisionDate: LocalDate,
  reason: z.string(),
  setAt: z.string(),
  setBy: Person,
});
export type TargetEntry = z.infer<typeof TargetEntry>;

export const TargetSuggestion = z.object({
  unitId: UnitId,
  name: z.string(),
  cohort: UnitCohort,
  /** The unit's rate over the baseline months; null without dossiers then. */
  baseline: Rate,
  /** Its dossiers over the baseline months, and their share of the province's. */
  volume: Count,
  share: z.number().min(0).max(1),
  suggested: z.number().min(0).max(1),
  /** The target in force for the period, with its decision; null if none was set. */
  current: TargetEntry.nullable(),
  /** The rate of the current month (in Vietnam) so far. */
  currentValue: Rate,
});
export type TargetSuggestion = z.infer<typeof TargetSuggestion>;

export const TargetSuggestions = z.object({
  metric: TargetMetric,
  period: TargetPeriod,
  goal: z.number(),
  baselineFrom: Month,
  baselineTo: Month,
  /** B = Σ share × baseline, and k = (goal − B) ÷ (1 − B): the fraction of every unit's gap closed. */
  provinceBaseline: Rate,
  k: z.number().nullable(),
  items: z.array(TargetSuggestion),
});
export type TargetSuggestions = z.infer<typeof TargetSuggestions>;

const sameRate = (a: number, b: number) => Math.abs(a - b) < 0.0005;

/** `POST /api/admin/targets`: one decision sets targets for several units at once. */
export const TargetsBody = z.strictObject({
  metric: TargetMetric,
  period: TargetPeriod,
  decision: z.strictObject({
    number: z.string().trim().min(1, { error: "Nhập số quyết định" }).max(100),
    date: LocalDate,
  }),
  targets: z
    .array(
      z
        .strictObject({
          unitId: UnitId,
          value: z.number().min(0, { error: "Chỉ tiêu từ 0% đến 100%" }).max(1, { error: "Chỉ tiêu từ 0% đến 100%" }),
          suggested: z.number().min(0).max(1).optional(),
          reason: ChangeReason.optional(),
        })
        .refine((t) => t.suggested === undefined || sameRate(t.value, t.suggested) || t.reason !== undefined, {
          error: "Ghi lý do khi chỉ tiêu khác đề xuất",
          path: ["reason"],
        }),
    )
    .min(1, { error: "Chọn ít nhất một đơn vị" })
    .max(500)
    .refine((ts) => new Set(ts.map((t) => t.unitId)).size === ts.length, { error: "Mỗi đơn vị chỉ một chỉ tiêu" }),
});
export type TargetsBody = z.infer<typeof TargetsBody>;
export const TargetsSet = z.object({ items: z.array(TargetEntry) });
export type TargetsSet = z.infer<typeof TargetsSet>;

/** `GET /api/admin/targets/history?unitId=&metric=`: every decision, newest first. */
export const TargetHistoryQuery = z.object({ unitId: UnitId.optional(), metric: TargetMetric.optional() });
export const TargetHistory = z.object({ items: z.array(TargetEntry) });
export type TargetHistory = z.infer<typeof TargetHistory>;

// ——— Settings ———

export const FigureSettings = z.object({
  /** Whether postal dossiers count in the online rate's denominator (provinces differ). */
  onlineRateCountsPostal: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: Person.nullable(),
});
export type FigureSettings = z.infer<typeof FigureSettings>;
export const FigureSettingsBody = z.strictObject({ onlineRateCountsPostal: z.boolean(), reason: ChangeReason });

// ——— Monthly report ———

export const ReportMonthParam = z.object({ month: Month });

export const REPORT_REASONS = ["met_target", "top_of_cohort", "behind_target", "overdue"] as const;
export const ReportReason = z.enum(REPORT_REASONS);
export type ReportReason = z.infer<typeof ReportReason>;
export const REPORT_REASON_LABEL: Record<ReportReason, string> = {
  met_target: "Đạt chỉ tiêu",
  top_of_cohort: "Dẫn đầu nhóm",
  behind_target: "Chưa đạt chỉ tiêu",
  overdue: "Còn hồ sơ quá hạn",
};

/** One unit in the report, with its figures against its targets. */
export const ReportUnit = UnitRef.extend({
  received: Count,
  receivedOnline: Count,
  onlineRate: Rate,
  onlineTarget: Rate,
  onlineStatus: TargetStatus,
  /** Online dossiers that would have been needed to reach the target. */
  stillNeeded: Count.nullable(),
  onTimeRate: Rate,
  onTimeTarget: Rate,
  onTimeStatus: TargetStatus,
  finished: Count,
  finishedLate: Count,
  overdueOpen: Count,
  rankInCohort: z.number().int().min(1),
  cohortSize: z.number().int().min(1),
  reasons: z.array(ReportReason),
});
export type ReportUnit = z.infer<typeof ReportUnit>;

/** What the job stores for a month that ended: everything the printed report shows. */
export const ReportData = z.object({
  provinceName: z.string(),
  month: Month,
  /** The last day the figures cover (the month's last day). */
  asOf: LocalDate,
  onlineRateCountsPostal: z.boolean(),
  province: Metrics,
  /** Met their target, or first of their cohort. */
  praise: z.array(ReportUnit),
  /** Behind their target, or with overdue dossiers open. */
  remind: z.array(ReportUnit),
  /** Every unit, by cohort then rank. */
  units: z.array(ReportUnit),
});
export type ReportData = z.infer<typeof ReportData>;

export const MonthlyReport = z.object({
  month: Month,
  preparedAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewedBy: Person.nullable(),
  reviewNote: z.string(),
  data: ReportData,
});
export type MonthlyReport = z.infer<typeof MonthlyReport>;

export const ReportSummary = MonthlyReport.omit({ data: true }).extend({ praise: Count, remind: Count });
export type ReportSummary = z.infer<typeof ReportSummary>;
/** `GET /api/admin/reports`: newest month first. */
export const ReportList = z.object({ items: z.array(ReportSummary) });
export type ReportList = z.infer<typeof ReportList>;

/** `POST /api/admin/reports/:month/prepare`: prepares it again from today's figures. */
export const ReportPrepareBody = z.strictObject({ reason: ChangeReason });
/** `POST /api/admin/reports/:month/review`. */
export const ReportReviewBody = z.strictObject({ note: z.string().trim().max(2000).default("") });

// ——— Public figures ———

/** `GET /api/stats/province?month=`, `GET /api/stats/units/:id?month=` (default: last month). */
export const PublicStatsQuery = z.object({ month: Month.optional() });
export const PublicStatsUnitParam = z.object({ id: UnitId });

/** What anyone may see of a unit or the province in a month: no personal data. */
export const PublicFigures = z.object({
  received: Count,
  onTimeRate: Rate,
  onlineRate: Rate,
  averageDays: z.number().nonnegative().nullable(),
  averageAllowedDays: z.number().nonnegative().nullable(),
  /** Satisfaction is not measured yet; the field will carry a value when it is. */
  satisfaction: Metrics.shape.satisfaction,
});
export const PublicUnitStats = z
  .object({ month: Month, unitId: UnitId, name: z.string(), onlineRateCountsPostal: z.boolean() })
  .extend(PublicFigures.shape);
export type PublicUnitStats = z.infer<typeof PublicUnitStats>;
export const PublicProvinceStats = z
  .object({ month: Month, name: z.string(), onlineRateCountsPostal: z.boolean() })
  .extend(PublicFigures.shape)
  .extend({ units: z.array(z.object({ unitId: UnitId, name: z.string() }).extend(PublicFigures.shape)) });
export type PublicProvinceStats = z.infer<typeof PublicProvinceStats>;
