import type { CalendarDay } from "../../../shared/src/deadline/api";
import { fetchAuthed } from "./authed-api";

/**
 * Province administration (`/api/admin/*`), typed by the shared contract. Only the admin pages
 * import this module.
 */

type CalendarDayInput = Omit<CalendarDay, "date">;

const dayPath = (date: string) => `/api/admin/calendar/${encodeURIComponent(date)}`;

export const adminApi = {
  /** The published holidays and compensatory working days of one year, by date. */
  calendar: (year: number) => fetchAuthed<{ items: CalendarDay[] }>(`/api/admin/calendar?year=${year}`),
  /** Publishes or corrects one day (the same date is replaced). */
  putDay: (date: string, day: CalendarDayInput) =>
    fetchAuthed<CalendarDay>(dayPath(date), {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(day),
    }),
  deleteDay: (date: string) => fetchAuthed<void>(dayPath(date), { method: "DELETE" }),
};
