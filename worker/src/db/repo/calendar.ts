import { and, asc, eq, like } from "drizzle-orm";
import type { CalendarDay } from "../../../../shared/src/deadline/api";
import { calendarFrom, type WorkCalendar } from "../../../../shared/src/deadline/due-date";
import { TtlCache } from "../../lib/ttl-cache";
import type { Db } from "../client";
import { calendarDays } from "../schema";

/** The calendar changes a few times a year; each isolate keeps it for a minute. */
const cache = new TtlCache<WorkCalendar>(8, 60_000);

export async function workCalendar(db: Db, provinceId: string): Promise<WorkCalendar> {
  const cached = cache.get(provinceId);
  if (cached) return cached;
  const rows = await db
    .select({ date: calendarDays.date, kind: calendarDays.kind })
    .from(calendarDays)
    .where(eq(calendarDays.provinceId, provinceId));
  const calendar = calendarFrom(rows);
  cache.set(provinceId, calendar);
  return calendar;
}

const toDay = (r: typeof calendarDays.$inferSelect): CalendarDay => ({
  date: r.date,
  kind: r.kind,
  name: r.name,
  source: r.source,
  verified: r.verified,
});

export async function listCalendarDays(db: Db, provinceId: string, year?: number): Promise<CalendarDay[]> {
  const rows = await db
    .select()
    .from(calendarDays)
    .where(and(eq(calendarDays.provinceId, provinceId), year ? like(calendarDays.date, `${year}-%`) : undefined))
    .orderBy(asc(calendarDays.date));
  return rows.map(toDay);
}

/** Publishes or corrects one day. Due dates already set are not recomputed. */
export async function putCalendarDay(db: Db, provinceId: string, day: CalendarDay, adminId: string): Promise<CalendarDay> {
  const values = { ...day, updatedBy: adminId, updatedAt: new Date().toISOString() };
  const [row] = await db
    .insert(calendarDays)
    .values({ provinceId, ...values })
    .onConflictDoUpdate({ target: [calendarDays.provinceId, calendarDays.date], set: values })
    .returning();
  cache.delete(provinceId); // other isolates follow within the minute
  return toDay(row!);
}

/** Adds published days the calendar lacks, in one batch; a day already there (an admin's correction) is kept. */
export async function addMissingCalendarDays(db: Db, provinceId: string, days: readonly CalendarDay[]) {
  const inserts = days.map((day) =>
    db
      .insert(calendarDays)
      .values({ provinceId, ...day })
      .onConflictDoNothing(),
  );
  if (inserts.length > 0) await db.batch(inserts as [(typeof inserts)[number], ...typeof inserts]);
  cache.delete(provinceId);
}

export async function deleteCalendarDay(db: Db, provinceId: string, date: string): Promise<boolean> {
  const deleted = await db
    .delete(calendarDays)
    .where(and(eq(calendarDays.provinceId, provinceId), eq(calendarDays.date, date)))
    .returning({ date: calendarDays.date });
  cache.delete(provinceId);
  return deleted.length > 0;
}
