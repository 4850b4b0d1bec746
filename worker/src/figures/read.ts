import { CHANNELS, type Channel } from "../../../shared/src/dossier/channel";
import {
  FLOW_COUNTERS,
  type FlowCounts,
  type OfficerCounts,
  type PeriodCounts,
  zeroFlows,
} from "../../../shared/src/figures/counts";
import type { FigureCounts } from "../../../shared/src/figures/facts";
import { vietnamDate } from "../../../shared/src/time/vietnam";
import type { Db } from "../db/client";
import { monthRows, officerRows, procedureNames, procedureRows, trendRows } from "../db/repo/figures";

/** The last day of a month (YYYY-MM). */
export const monthEnd = (month: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** The period a month's figures cover as of an instant: its first day to its last, or to today in Vietnam if earlier. */
export function monthPeriod(month: string, asOf: Date) {
  const end = monthEnd(month);
  const today = vietnamDate(asOf);
  return { start: `${month}-01`, end, b: [today, end].sort()[0] as string };
}

const emptyCounts = (): PeriodCounts => ({
  flows: Object.fromEntries(CHANNELS.map((c) => [c, zeroFlows()])) as Record<Channel, FlowCounts>,
  openAtStart: 0,
  openAtEnd: 0,
  overdueAtEnd: 0,
});

type Counted = { channel: Channel } & Partial<FigureCounts>;

/** Adds (or with -1 takes out) a row's flows and stock changes into the period's counts. */
function addRow(into: PeriodCounts, row: Counted, sign: 1 | -1 = 1) {
  const flows = into.flows[row.channel];
  for (const k of FLOW_COUNTERS) flows[k] += sign * (row[k] ?? 0);
  into.openAtEnd += sign * (row.openDelta ?? 0);
  into.overdueAtEnd += sign * (row.overdueDelta ?? 0);
}

const counts = <K>(map: Map<K, PeriodCounts>, key: K) => {
  const c = map.get(key) ?? emptyCounts();
  map.set(key, c);
  return c;
};

/**
 * Every unit's counts for a month as of an instant (DOMAIN §8, P = [month start, b], b the month's
 * end or today if earlier): flows from the monthly rows, less any dated after b; the stocks as the
 * sums of their changes up to the start and to the end of b (overdue starts dated after b, which a
 * due date in the past month's end puts in the future, are left out).
 */
export async function monthCounts(db: Db, month: string, asOf: Date): Promise<Map<string, PeriodCounts>> {
  const { end, b } = monthPeriod(month, asOf);
  const { rows, after, before } = await monthRows(db, month, b, end);
  const result = new Map<string, PeriodCounts>();
  for (const r of before) {
    const c = counts(result, r.unitId);
    c.openAtStart = r.openDelta;
    c.openAtEnd += r.openDelta;
    c.overdueAtEnd += r.overdueDelta;
  }
  for (const r of rows) addRow(counts(result, r.unitId), r);
  for (const r of after) addRow(counts(result, r.unitId), r, -1);
  return result;
}

/** Counts per month over some units together (null: the whole province), oldest first, in one round trip. */
export async function trendCounts(
  db: Db,
  unitIds: readonly string[] | null,
  months: readonly string[],
  asOf: Date,
): Promise<{ month: string; counts: PeriodCounts }[]> {
  const sorted = [...months].sort();
  const last = sorted.at(-1);
  if (!last) return [];
  const { end, b } = monthPeriod(last, asOf);
  const { rows, after, before } = await trendRows(db, unitIds, sorted[0] as string, last, b, end);
  const byMonth = new Map<string, PeriodCounts>();
  for (const r of rows) addRow(counts(byMonth, r.month), r);
  for (const r of after) addRow(counts(byMonth, last), r, -1);
  // Stocks carry over: a month's changes added to everything before it.
  const carried = new Map<string, PeriodCounts>();
  let open = before.openDelta;
  let overdue = before.overdueDelta;
  for (const month of [...new Set([...byMonth.keys(), ...sorted])].sort()) {
    const c = byMonth.get(month) ?? emptyCounts();
    const openAtStart = open;
    open += c.openAtEnd;
    overdue += c.overdueAtEnd;
    carried.set(month, { ...c, openAtStart, openAtEnd: open, overdueAtEnd: overdue });
  }
  return sorted.map((month) => ({ month, counts: carried.get(month) as PeriodCounts }));
}

/** A unit's counts for a month per procedure code (versions together), with the procedure's current name. */
export async function procedureCounts(
  db: Db,
  unitId: string,
  month: string,
  asOf: Date,
): Promise<Map<string, { name: string; counts: PeriodCounts }>> {
  const { start, b } = monthPeriod(month, asOf);
  const rows = await procedureRows(db, unitId, start, b);
  const byCode = new Map<string, PeriodCounts>();
  for (const r of rows) {
    const c = counts(byCode, r.code);
    addRow(c, r);
    c.openAtStart += r.openAtStart;
    c.openAtEnd += r.openAtEnd;
    c.overdueAtEnd += r.overdueAtEnd;
  }
  const names = await procedureNames(db, [...byCode.keys()]);
  return new Map([...byCode].map(([code, c]) => [code, { name: names.get(code) ?? code, counts: c }]));
}

/** A unit's officers' counts for a month (Bình Tân), with their names; officers with nothing to show are left out. */
export async function officerCounts(
  db: Db,
  unitId: string,
  month: string,
  asOf: Date,
): Promise<Map<string, { name: string; counts: OfficerCounts }>> {
  const { start, b } = monthPeriod(month, asOf);
  const rows = await officerRows(db, unitId, start, b);
  return new Map(
    rows
      .filter((r) => r.accepted || r.decidedOnTime || r.decidedLate || r.supplementRequests || r.overdueAtEnd)
      .map(({ userId, name, ...c }) => [userId, { name, counts: c }]),
  );
}
