import type {
  Dashboard,
  DrillDossierList,
  DrillFigure,
  FigureSettings,
  MonthlyReport,
  OfficerFigureList,
  PublicProvinceStats,
  PublicUnitStats,
  ReportList,
  TargetHistory,
  TargetMetric,
  TargetSuggestions,
  TargetsBody,
  TargetsSet,
  Trends,
  UnitDrill,
} from "../../../shared/src/figures/api";
import type { PortalCoverage } from "../../../shared/src/portal/sync";
import { call, client } from "./api";
import { callAuthed, sendAuthed } from "./authed-api";

/**
 * The province's figures through the typed client: the dashboard and its drill-down (admins, and
 * unit leaders for their units), targets, settings and monthly reports (admins), and the public
 * figures (anyone). Only the pages that show figures import this module.
 */

const monthQuery = (month?: string): { month?: string } => (month ? { month } : {});

export type TargetsQuery = { metric: TargetMetric; period: string; goal: number; baselineFrom: string; baselineTo: string };

export const dashboardApi = {
  /** A month's dashboard (default: the current month in Vietnam). */
  get: (month?: string): Promise<Dashboard> => callAuthed((api) => api.admin.dashboard.$get({ query: monthQuery(month) })),
  /** Monthly series, oldest first: the caller's whole scope, or one unit. */
  trends: (unitId?: string, months = 12): Promise<Trends> =>
    callAuthed((api) => api.admin.dashboard.trends.$get({ query: { ...(unitId ? { unitId } : {}), months: String(months) } })),
  unit: (unitId: string, month?: string): Promise<UnitDrill> =>
    callAuthed((api) => api.admin.dashboard.units[":unitId"].$get({ param: { unitId }, query: monthQuery(month) })),
  /** The dossiers behind one figure, overdue ones first; pass `nextCursor` for the next page. */
  dossiers: (unitId: string, figure: DrillFigure, month?: string, cursor?: string): Promise<DrillDossierList> =>
    callAuthed((api) =>
      api.admin.dashboard.units[":unitId"].dossiers.$get({
        param: { unitId },
        query: { figure, ...monthQuery(month), ...(cursor ? { cursor } : {}) },
      }),
    ),
  officers: (unitId: string, month?: string): Promise<OfficerFigureList> =>
    callAuthed((api) => api.admin.dashboard.units[":unitId"].officers.$get({ param: { unitId }, query: monthQuery(month) })),
};

/** National portal sync coverage and lag per unit (province admins). */
export const portalCoverageApi = {
  get: (month?: string): Promise<PortalCoverage> =>
    callAuthed((api) => api.admin["portal-sync"].$get({ query: monthQuery(month) })),
};

export const targetApi = {
  /** Each unit's baseline, share and suggested target, with the target in force. */
  suggest: (q: TargetsQuery): Promise<TargetSuggestions> =>
    callAuthed((api) => api.admin.targets.$get({ query: { ...q, goal: String(q.goal) } })),
  set: (body: TargetsBody): Promise<TargetsSet> => callAuthed((api) => api.admin.targets.$post({ json: body })),
  history: (filter: { unitId?: string; metric?: TargetMetric } = {}): Promise<TargetHistory> =>
    callAuthed((api) => api.admin.targets.history.$get({ query: filter })),
};

export const figureSettingsApi = {
  get: (): Promise<FigureSettings> => callAuthed((api) => api.admin["figure-settings"].$get()),
  put: (onlineRateCountsPostal: boolean, reason: string): Promise<FigureSettings> =>
    callAuthed((api) => api.admin["figure-settings"].$put({ json: { onlineRateCountsPostal, reason } })),
};

export const reportApi = {
  list: (): Promise<ReportList> => callAuthed((api) => api.admin.reports.$get()),
  get: (month: string): Promise<MonthlyReport> => callAuthed((api) => api.admin.reports[":month"].$get({ param: { month } })),
  /** Prepares the month again from the figures at its end; the review starts over. */
  prepare: (month: string, reason: string): Promise<MonthlyReport> =>
    callAuthed((api) => api.admin.reports[":month"].prepare.$post({ param: { month }, json: { reason } })),
  review: (month: string, note: string): Promise<MonthlyReport> =>
    callAuthed((api) => api.admin.reports[":month"].review.$post({ param: { month }, json: { note } })),
  /** The CSV for Excel (the bearer is needed, so this is a blob for utils/download's saveBlob). */
  csv: async (month: string): Promise<Blob> =>
    (await sendAuthed((api) => api.admin.reports[":month"].csv.$get({ param: { month } }))).blob(),
};

export const statsApi = {
  /** The province's public figures (default: the last month that ended). */
  province: (month?: string): Promise<PublicProvinceStats> =>
    call(() => client.stats.province.$get({ query: monthQuery(month) })),
  unit: (id: string, month?: string): Promise<PublicUnitStats> =>
    call(() => client.stats.units[":id"].$get({ param: { id }, query: monthQuery(month) })),
};
