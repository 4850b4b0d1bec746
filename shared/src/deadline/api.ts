import { z } from "zod";
import { LocalDate, vietnamDate } from "../time/vietnam";

/** How many years back an admin may correct the working-day calendar, and how many ahead publish it. */
const CALENDAR_YEARS_BACK = 2;
const CALENDAR_YEARS_AHEAD = 3;

/** The years whose calendar an admin manages, oldest first, around this year in Vietnam. */
export function calendarYears(now = new Date()): number[] {
  const thisYear = Number(vietnamDate(now).slice(0, 4));
  return Array.from({ length: CALENDAR_YEARS_BACK + 1 + CALENDAR_YEARS_AHEAD }, (_, i) => thisYear - CALENDAR_YEARS_BACK + i);
}

/** Checked at each request, so the range moves on with the year. */
const managedYear = {
  check: (year: number) => calendarYears().includes(year),
  error: () => {
    const years = calendarYears();
    return `Chỉ quản lý được lịch các năm ${years[0]}–${years[years.length - 1]}`;
  },
};

/** One published calendar day: a public holiday on a weekday, or a compensatory working day (ngày làm bù). */
export const CalendarDay = z.object({
  date: LocalDate,
  kind: z.enum(["holiday", "workday"]),
  name: z.string(),
  /** The document that announced it (law, decision, official notice). */
  source: z.string(),
  /** False until an admin checked it against the official notice. */
  verified: z.boolean(),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

/** `PUT /api/admin/calendar/:date`. */
export const CalendarDayBody = z.strictObject({
  kind: z.enum(["holiday", "workday"]),
  name: z.string().trim().min(2).max(200),
  source: z.string().trim().min(2).max(500),
  verified: z.boolean().default(false),
});
export const CalendarDateParam = z.object({
  date: LocalDate.refine((date) => managedYear.check(Number(date.slice(0, 4))), { error: managedYear.error }),
});
export const CalendarQuery = z.object({
  year: z.coerce
    .number({ error: "Năm phải là số" })
    .int({ error: "Năm phải là số nguyên" })
    .refine(managedYear.check, { error: managedYear.error })
    .optional(),
});
