import { z } from "zod";
import { CHANNELS } from "../dossier/channel";
import { FLOW_COUNTERS, type FlowCounts, type PeriodCounts, zeroFlows } from "./counts";

/**
 * The metrics of a unit, a procedure or the province over a period (DOMAIN §8), computed from its
 * counts alone. Rates are fractions 0–1, null when their denominator is 0 (nothing to measure).
 */

const Rate = z.number().min(0).max(1).nullable();
const Count = z.number().int().nonnegative();

/**
 * A figure the platform does not collect yet (online payment). Consumers read
 * `measured` first; when the capability comes, the same field carries `{ measured: true, value }`.
 */
export const MaybeMeasured = z.discriminatedUnion("measured", [
  z.object({ measured: z.literal(true), value: Rate }),
  z.object({ measured: z.literal(false) }),
]);
export type MaybeMeasured = z.infer<typeof MaybeMeasured>;
export const NOT_MEASURED: MaybeMeasured = { measured: false };

export const Metrics = z.object({
  /** |R|: accepted in the period, by channel. */
  received: Count,
  receivedOnline: Count,
  receivedCounter: Count,
  receivedPostal: Count,
  /** Filed online by a community digital team member for the resident. */
  receivedAssisted: Count,
  /** Refused at intake (code 3); never in R. */
  refused: Count,
  /** Online ÷ (online + counter, + postal when `onlineRateCountsPostal`). */
  onlineRate: Rate,
  onlineRateCountsPostal: z.boolean(),
  /** |F|: resolved in the period (codes 9, 10) = early + on the due date + late. */
  finished: Count,
  finishedOnTime: Count,
  finishedEarly: Count,
  finishedLate: Count,
  withdrawn: Count,
  stopped: Count,
  /** |C|: accepted before the period and open at its start. */
  openAtStart: Count,
  /** |O|: open at the end of the period, and of those past their due date. */
  openAtEnd: Count,
  overdueOpen: Count,
  onTimeRate: Rate,
  /**
   * |W| ÷ |R|: watched because withdrawals can mask problems (DOMAIN §8). W also holds dossiers
   * accepted before the period, so in a quiet period it can exceed 1.
   */
  withdrawalRate: z.number().nonnegative().nullable(),
  /** Refused ÷ (refused + |R|): of the dossiers decided at intake, the share turned away. */
  refusalRate: Rate,
  /** Of R, asked for a supplement at least once. */
  supplementRate: Rate,
  /** Calendar days from acceptance to result, and those the law allowed, averaged over F. */
  averageDays: z.number().nonnegative().nullable(),
  averageAllowedDays: z.number().nonnegative().nullable(),
  /** Of F, with an electronic result. */
  eResultRate: Rate,
  /** Of R, with at least one digitised document; reusing at least one earlier file; filed with help. */
  digitisedRate: Rate,
  reuseRate: Rate,
  assistedShare: Rate,
  /** Of F, rated by their applicants (first ratings), per level. */
  ratedVerySatisfied: Count,
  ratedSatisfied: Count,
  ratedDissatisfied: Count,
  onlinePaymentRate: MaybeMeasured,
  /**
   * The Decision 766 ratio over F (DOMAIN §7): (|F| − rated "Không hài lòng") ÷ |F|. Silence counts
   * as satisfied, so it is measured whenever something was finished.
   */
  satisfaction: MaybeMeasured,
});
export type Metrics = z.infer<typeof Metrics>;

export type MetricSettings = { onlineRateCountsPostal: boolean };

const ratio = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);

/** The flows of all channels together. */
export const totalFlows = (counts: PeriodCounts): FlowCounts => {
  const total = zeroFlows();
  for (const channel of CHANNELS) addFlowsInto(total, counts.flows[channel]);
  return total;
};

const addFlowsInto = (into: FlowCounts, from: FlowCounts) => {
  for (const key of FLOW_COUNTERS) into[key] += from[key];
};

export const zeroPeriodCounts = (): PeriodCounts => ({
  flows: { online: zeroFlows(), counter: zeroFlows(), postal: zeroFlows() },
  openAtStart: 0,
  openAtEnd: 0,
  overdueAtEnd: 0,
});

/**
 * The counts of several disjoint parts taken together (procedures into their unit, units into the
 * province): every counter and stock is additive, the rates are then computed from the sums.
 */
export const sumPeriodCounts = (parts: readonly PeriodCounts[]): PeriodCounts => {
  const sum = zeroPeriodCounts();
  for (const part of parts) {
    for (const channel of CHANNELS) addFlowsInto(sum.flows[channel], part.flows[channel]);
    sum.openAtStart += part.openAtStart;
    sum.openAtEnd += part.openAtEnd;
    sum.overdueAtEnd += part.overdueAtEnd;
  }
  return sum;
};

/**
 * On-time rate (DOMAIN §8): (|F on time| + |O not overdue at b| + |W|) ÷ (|R| + |C|).
 *
 * DOMAIN's F leaves out stopped dossiers (code 8), yet they leave the stock like any other decision.
 * We read a stop as a decision: on time when made on or before the due date (stopped − stoppedLate),
 * late otherwise. With that, and since |R| + |C| = |F| + |W| + stopped + |O|, the formula equals the
 * published form 1 − (overdue open + late finished + late stopped) ÷ (|R| + |C|).
 */
const onTimeRate = (flows: FlowCounts, counts: PeriodCounts): number | null =>
  ratio(
    flows.finishedEarly +
      flows.finishedOnDue +
      (flows.stopped - flows.stoppedLate) +
      (counts.openAtEnd - counts.overdueAtEnd) +
      flows.withdrawn,
    flows.received + counts.openAtStart,
  );

export const periodMetrics = (counts: PeriodCounts, settings: MetricSettings): Metrics => {
  const all = totalFlows(counts);
  const online = counts.flows.online.received;
  const counter = counts.flows.counter.received;
  const postal = counts.flows.postal.received;
  const finishedOnTime = all.finishedEarly + all.finishedOnDue;
  const finished = finishedOnTime + all.finishedLate;
  return {
    received: all.received,
    receivedOnline: online,
    receivedCounter: counter,
    receivedPostal: postal,
    receivedAssisted: all.receivedAssisted,
    refused: all.refused,
    onlineRate: ratio(online, online + counter + (settings.onlineRateCountsPostal ? postal : 0)),
    onlineRateCountsPostal: settings.onlineRateCountsPostal,
    finished,
    finishedOnTime,
    finishedEarly: all.finishedEarly,
    finishedLate: all.finishedLate,
    withdrawn: all.withdrawn,
    stopped: all.stopped,
    openAtStart: counts.openAtStart,
    openAtEnd: counts.openAtEnd,
    overdueOpen: counts.overdueAtEnd,
    onTimeRate: onTimeRate(all, counts),
    withdrawalRate: ratio(all.withdrawn, all.received),
    refusalRate: ratio(all.refused, all.refused + all.received),
    supplementRate: ratio(all.receivedSupplemented, all.received),
    averageDays: ratio(all.elapsedDays, finished),
    averageAllowedDays: ratio(all.allowedDays, finished),
    eResultRate: ratio(all.finishedEResult, finished),
    digitisedRate: ratio(all.receivedDigitised, all.received),
    reuseRate: ratio(all.receivedReused, all.received),
    assistedShare: ratio(all.receivedAssisted, all.received),
    ratedVerySatisfied: all.ratedVerySatisfied,
    ratedSatisfied: all.ratedSatisfied,
    ratedDissatisfied: all.ratedDissatisfied,
    onlinePaymentRate: NOT_MEASURED,
    satisfaction: { measured: true, value: ratio(finished - all.ratedDissatisfied, finished) },
  };
};
