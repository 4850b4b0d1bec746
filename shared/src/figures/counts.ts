import type { Channel } from "../dossier/channel";

/**
 * The additive flow counters of the figures (DOMAIN §8), one per `figures_daily` column: what
 * happened in a period. See worker/src/db/schema.ts for what each counts.
 */
export const FLOW_COUNTERS = [
  "received",
  "receivedAssisted",
  "receivedDigitised",
  "receivedReused",
  "receivedSupplemented",
  "refused",
  "finishedEarly",
  "finishedOnDue",
  "finishedLate",
  "finishedEResult",
  "elapsedDays",
  "allowedDays",
  "stopped",
  "stoppedLate",
  "withdrawn",
  "ratedVerySatisfied",
  "ratedSatisfied",
  "ratedDissatisfied",
] as const;
export type FlowCounter = (typeof FLOW_COUNTERS)[number];
export type FlowCounts = Record<FlowCounter, number>;

export const zeroFlows = (): FlowCounts => Object.fromEntries(FLOW_COUNTERS.map((k) => [k, 0])) as FlowCounts;

/**
 * Everything the metrics of a unit (or a procedure, or the province) over a period [a, b] need: the
 * flows per channel, and the stocks the on-time rate reads — open at the start of a (set C), open
 * and overdue open at the end of b (set O).
 */
export type PeriodCounts = {
  flows: Record<Channel, FlowCounts>;
  openAtStart: number;
  openAtEnd: number;
  overdueAtEnd: number;
};

/** One officer's figures over a period (Bình Tân): dossiers accepted and decided by them, supplements asked. */
export type OfficerCounts = {
  accepted: number;
  decidedOnTime: number;
  decidedLate: number;
  supplementRequests: number;
  /** Dossiers they accepted that are open and overdue at the end of the period. */
  overdueAtEnd: number;
};
