import { vietnamDate } from "../../../shared/src/time/vietnam";
import { invalidField } from "../lib/errors";

/** Months of the figures (YYYY-MM): local months in Vietnam. */

export const currentMonth = (now: Date) => vietnamDate(now).slice(0, 7);

/** The month `delta` months after `month` (negative: before). */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export const daysInMonth = (month: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

export const monthEnd = (month: string) => `${month}-${String(daysInMonth(month)).padStart(2, "0")}`;

/** The last `count` months up to and including `last`, oldest first. */
export const monthsUpTo = (last: string, count: number) =>
  Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));

/** The month a figure reads and the last local day it covers: the month's end, or today while it runs. */
export function monthPeriod(month: string | undefined, now: Date) {
  const today = vietnamDate(now);
  const chosen = month ?? today.slice(0, 7);
  if (chosen > today.slice(0, 7)) throw invalidField("month", "Tháng này chưa bắt đầu");
  const end = monthEnd(chosen);
  const asOf = today.localeCompare(end) > 0 ? end : today;
  return { month: chosen, asOf, daysElapsed: Number(asOf.slice(8)), daysInMonth: daysInMonth(chosen) };
}
export type MonthPeriod = ReturnType<typeof monthPeriod>;
