import { vietnamDate } from "../../../shared/src/time/vietnam";
import { monthEnd } from "../figures/read";
import { invalidField } from "../lib/errors";

/** Months of the figures (YYYY-MM): local months in Vietnam. */

export const currentMonth = (now: Date) => vietnamDate(now).slice(0, 7);

/** The month `delta` months after `month` (negative: before). */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The months from `first` to `last`, oldest first. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) months.push(m);
  return months;
}

/**
 * The month a figure reads (default: the current one) and the last local day it covers: its end,
 * or today while it runs. A month that has not begun has no figures.
 */
export function figuresMonth(month: string | undefined, now: Date) {
  const today = vietnamDate(now);
  const chosen = month ?? today.slice(0, 7);
  if (chosen > today.slice(0, 7)) throw invalidField("month", "Tháng này chưa bắt đầu");
  const end = monthEnd(chosen);
  const asOf = today.localeCompare(end) > 0 ? end : today;
  return { month: chosen, asOf, daysElapsed: Number(asOf.slice(8)), daysInMonth: Number(end.slice(8)) };
}
export type FiguresMonth = ReturnType<typeof figuresMonth>;
