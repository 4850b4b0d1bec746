/**
 * Targets the Hải Phòng way (DOMAIN §8): each unit's target from its baseline and the province goal,
 * and what a unit still has to do this month to reach it. Rates are fractions 0–1.
 */

/** Products of a fraction and a count are compared as whole dossiers: 0.07 × 100 is 7, not 7.000000000000001. */
const EPSILON = 1e-9;

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

export type TargetSuggestion = {
  /** B = Σ w_u·b_u over the units with a baseline; null when none has one. */
  provinceBaseline: number | null;
  /** The share of every unit's gap to 100% it is asked to close; never negative (see suggestTargets). */
  k: number;
  targets: { unitId: string; baseline: number | null; share: number; suggested: number }[];
};

/**
 * Suggests a target per unit that closes the same fraction k of every unit's gap to 100%:
 * B = Σ w_u·b_u (w_u = the unit's share of the volume), k = (G − B) ÷ (1 − B), t_u = b_u + k·(1 − b_u),
 * so high starters get higher targets and low starters the largest rise.
 *
 * - A unit without a baseline (no dossiers in the base period) is asked for the goal itself.
 * - When the goal is at or below B, the province already meets it: the formula would give k ≤ 0 and
 *   ask units to fall back below their baselines, so k is 0 and each unit is asked to keep its own.
 * - The goal and each target are clamped to [0, 1]; an admin can override any of them.
 */
export const suggestTargets = (
  units: readonly { unitId: string; baseline: number | null; volume: number }[],
  goal: number,
): TargetSuggestion => {
  const g = clamp01(goal);
  const totalVolume = units.reduce((sum, unit) => sum + unit.volume, 0);
  const measured = units.filter((unit) => unit.baseline !== null && unit.volume > 0);
  const measuredVolume = measured.reduce((sum, unit) => sum + unit.volume, 0);
  const provinceBaseline =
    measuredVolume === 0
      ? null
      : measured.reduce((sum, unit) => sum + unit.volume * clamp01(unit.baseline ?? 0), 0) / measuredVolume;
  const k = provinceBaseline === null || g <= provinceBaseline ? 0 : (g - provinceBaseline) / (1 - provinceBaseline);
  return {
    provinceBaseline,
    k,
    targets: units.map(({ unitId, baseline, volume }) => ({
      unitId,
      baseline,
      share: totalVolume === 0 ? 0 : volume / totalVolume,
      suggested: baseline === null ? g : clamp01(clamp01(baseline) + k * (1 - clamp01(baseline))),
    })),
  };
};

/** Online dossiers still needed to reach the target: max(0, ⌈t × |R| − |R online|⌉). */
export const stillNeeded = (target: number, received: number, receivedOnline: number): number =>
  Math.max(0, Math.ceil(target * received - receivedOnline - EPSILON));

export type MonthSoFar = { received: number; receivedOnline: number; daysElapsed: number; daysInMonth: number };

/**
 * The month's end at the pace of the days so far (a straight line), in whole dossiers. The rate of
 * the projection is the rate so far; null before any dossier, and nothing is projected on day 0.
 */
export const monthProjection = ({ received, receivedOnline, daysElapsed, daysInMonth }: MonthSoFar) => {
  const scale = daysElapsed <= 0 ? 1 : Math.max(1, daysInMonth / daysElapsed);
  return {
    received: Math.round(received * scale),
    receivedOnline: Math.round(receivedOnline * scale),
    rate: received === 0 ? null : receivedOnline / received,
  };
};

/**
 * Online dossiers a day, for the rest of the month, that reach the target at the projected volume
 * (rounded up: a pace is a whole number of dossiers). 0 when already reached; null when no day is left.
 */
export const dailyPaceNeeded = (target: number, month: MonthSoFar): number | null => {
  const daysLeft = month.daysInMonth - month.daysElapsed;
  if (daysLeft <= 0) return null;
  const needed = stillNeeded(target, monthProjection(month).received, month.receivedOnline);
  return Math.ceil(needed / daysLeft);
};

/** A rate within this many points below its target is "near". */
export const NEAR_MARGIN = 0.05;

export type TargetStatus = "met" | "near" | "behind" | "no_target" | "no_data";

/** Met at or above the target; near within NEAR_MARGIN below it (5 points: 55% of a 60% target is near). */
export const targetStatus = (actual: number | null, target: number | null): TargetStatus => {
  if (target === null) return "no_target";
  if (actual === null) return "no_data";
  if (actual + EPSILON >= target) return "met";
  if (actual + EPSILON >= target - NEAR_MARGIN) return "near";
  return "behind";
};
