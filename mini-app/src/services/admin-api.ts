import type { InferRequestType } from "hono/client";
import { type Authed, callAuthed, sendAuthed } from "./authed-api";

/**
 * Province administration (`/api/admin/*`) through the typed client: answers are typed by the
 * routes. Only the admin pages import this module.
 */

type CalendarDayBody = InferRequestType<Authed["admin"]["calendar"][":date"]["$put"]>["json"];

export const adminApi = {
  /** The published holidays and compensatory working days of one year, by date. */
  calendar: (year: number) => callAuthed((api) => api.admin.calendar.$get({ query: { year: String(year) } })),
  /** Publishes or corrects one day (the same date is replaced). */
  putDay: (date: string, day: CalendarDayBody) =>
    callAuthed((api) => api.admin.calendar[":date"].$put({ param: { date }, json: day })),
  deleteDay: (date: string) =>
    sendAuthed((api) => api.admin.calendar[":date"].$delete({ param: { date } })).then(() => undefined),
};

export type CalendarDay = Awaited<ReturnType<typeof adminApi.putDay>>;
