import type { ProcessingTime } from "../catalogue/schemas";
import { formatDate } from "../format/vi";
import { vietnamDate, vietnamHour } from "../time/vietnam";

/** Published calendar data in local dates (YYYY-MM-DD): public holidays and compensatory working days. */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  /**
   * Years with published days (YYYY). A due date reaching another year says that year's holidays
   * were not counted. Absent: every year has weekends only.
   */
  publishedYears?: ReadonlySet<string>;
}

export const WEEKENDS_ONLY: WorkCalendar = { holidays: new Set(), workdays: new Set() };

/** Work arriving after this local hour counts from the next working day (DOMAIN §5). */
export const CUT_OFF_HOUR = 15;
const HOURS_PER_WORKING_DAY = 8;

export const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function nextWorkingDay(date: string, calendar: WorkCalendar): string {
  let d = addDays(date, 1);
  while (!isWorkingDay(d, calendar)) d = addDays(d, 1);
  return d;
}

/** The working day `n` working days after `date` (n ≥ 0; 0 gives `date` itself). */
export function addWorkingDays(date: string, n: number, calendar: WorkCalendar): string {
  let d = date;
  for (let left = n; left > 0; left--) d = nextWorkingDay(d, calendar);
  return d;
}

/** Working days d with from < d ≤ to: what a pause from `from` to `to` (local dates) costs the clock. */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) count++;
  return count;
}

/** Builds a calendar from published rows. */
export function calendarFrom(rows: readonly { date: string; kind: "holiday" | "workday" }[]): WorkCalendar {
  return {
    holidays: new Set(rows.filter((r) => r.kind === "holiday").map((r) => r.date)),
    workdays: new Set(rows.filter((r) => r.kind === "workday").map((r) => r.date)),
    publishedYears: new Set(rows.map((r) => r.date.slice(0, 4))),
  };
}

/**
 * Says which years from `from` to `to` (local dates) have no published calendar, so that their
 * holidays could not be counted; null when every year has one.
 */
function unpublishedYearsNote(from: string, to: string, calendar: WorkCalendar): string | null {
  if (!calendar.publishedYears) return null;
  const years: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++)
    if (!calendar.publishedYears.has(String(year))) years.push(year);
  return years.length > 0 ? `chưa tính ngày nghỉ lễ năm ${years.join(", ")} vì lịch nghỉ lễ chưa được công bố` : null;
}

/** A dossier is "due soon" when its due date is at most this many working days away. */
const DUE_SOON_WORKING_DAYS = 2;

/** The local-date bounds that make a running clock overdue or due soon today. */
export function dueThresholds(today: string, calendar: WorkCalendar) {
  return { overdueBefore: today, soonUntil: addWorkingDays(today, DUE_SOON_WORKING_DAYS, calendar) };
}

/** Derived, never stored: overdue once the due date has passed, soon within two working days. */
export function dueState(due: string, today: string, calendar: WorkCalendar): "overdue" | "soon" | "ok" {
  const { overdueBefore, soonUntil } = dueThresholds(today, calendar);
  if (due < overdueBefore) return "overdue";
  return due <= soonUntil ? "soon" : "ok";
}

/**
 * The due date after a pause for a supplement: moved by the working days the pause lasted.
 * The explanation gains the pause, e.g. "tạm dừng 3 ngày làm việc chờ bổ sung".
 */
export function resumeAfterPause(
  due: DueDate,
  pausedAt: Date,
  resumedAt: Date,
  calendar: WorkCalendar,
): DueDate & { pausedDays: number } {
  const pausedDays = workingDaysBetween(vietnamDate(pausedAt), vietnamDate(resumedAt), calendar);
  if (pausedDays === 0) return { ...due, pausedDays };
  const date = addWorkingDays(due.date, pausedDays, calendar);
  const parts = [due.explanation, `tạm dừng ${pausedDays} ngày làm việc chờ bổ sung`];
  // Only the years the pause newly reaches: the explanation already speaks of the due date's own.
  const unpublished = unpublishedYearsNote(`${Number(due.date.slice(0, 4)) + 1}-01-01`, date, calendar);
  if (unpublished) parts.push(unpublished);
  return { date, explanation: parts.join("; "), pausedDays };
}

export type DueDate = { date: string; explanation: string };

/**
 * The local date a result is due when the clock starts at `start`: N working days after the
 * day of receipt (which does not count; after 15:00 or on a day off, receipt moves to the next
 * working day), N calendar days moved off a day off, hours as 8-hour working days.
 * Pauses for supplements are added by the caller once they exist.
 */
export function dueDate(start: Date, time: ProcessingTime, calendar: WorkCalendar): DueDate {
  let day = vietnamDate(start);
  const skipped: string[] = [];
  if (!isWorkingDay(day, calendar) || vietnamHour(start) >= CUT_OFF_HOUR) {
    // Counts as received on the next working day.
    const next = nextWorkingDay(day, calendar);
    for (let d = addDays(day, 1); d < next; d = addDays(d, 1)) if (calendar.holidays.has(d)) skipped.push(d);
    day = next;
  }
  let due = day;
  let label: string;
  switch (time.unit) {
    case "same_day":
      label = "Trong ngày làm việc";
      break;
    case "day":
      due = addDays(day, time.value);
      while (!isWorkingDay(due, calendar)) due = addDays(due, 1);
      label = `${time.value} ngày`;
      break;
    default: {
      const days = time.unit === "hour" ? Math.ceil(time.value / HOURS_PER_WORKING_DAY) : time.value;
      for (let left = days; left > 0; left--) {
        let next = addDays(due, 1);
        while (!isWorkingDay(next, calendar)) {
          if (calendar.holidays.has(next)) skipped.push(next);
          next = addDays(next, 1);
        }
        due = next;
      }
      label = time.unit === "hour" ? `${time.value} giờ làm việc` : `${time.value} ngày làm việc`;
    }
  }
  const holidays = [...new Set(skipped)].sort();
  const parts = [`${label} kể từ khi tiếp nhận`];
  if (holidays.length > 0) parts.push(`không tính ngày nghỉ lễ ${holidays.map(formatDate).join(", ")}`);
  const unpublished = unpublishedYearsNote(vietnamDate(start), due, calendar);
  if (unpublished) parts.push(unpublished);
  return { date: due, explanation: parts.join("; ") };
}
