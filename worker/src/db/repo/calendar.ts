import { and, asc, eq, like, sql } from "drizzle-orm";
import type { CalendarDay } from "../../../../shared/src/deadline/api";
import { calendarFrom, type WorkCalendar } from "../../../../shared/src/deadline/due-date";
import { TtlCache } from "../../lib/ttl-cache";
import type { Db } from "../client";
import { calendarDays } from "../schema";
import { recordChange } from "./changes";

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

const dayOf = (db: Db, provinceId: string, date: string) =>
  db
    .select()
    .from(calendarDays)
    .where(and(eq(calendarDays.provinceId, provinceId), eq(calendarDays.date, date)))
    .get();

/**
 * Publishes or corrects one day, recorded as an admin change (the announcing document is its
 * reason). Due dates already set are not recomputed.
 */
export async function putCalendarDay(db: Db, provinceId: string, day: CalendarDay, adminId: string): Promise<CalendarDay> {
  const before = await dayOf(db, provinceId, day.date);
  const values = { ...day, updatedBy: adminId, updatedAt: new Date().toISOString() };
  const [[row]] = await db.batch([
    db
      .insert(calendarDays)
      .values({ provinceId, ...values })
      .onConflictDoUpdate({ target: [calendarDays.provinceId, calendarDays.date], set: values })
      .returning(),
    recordChange(db, {
      provinceId,
      actorId: adminId,
      entity: "calendar",
      entityId: day.date,
      action: before ? "change" : "add",
      reason: day.source,
      data: { before: before ? toDay(before) : null, after: day },
    }),
  ]);
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

/** Removes one day, recorded as an admin change; false if the calendar did not have it. */
export async function deleteCalendarDay(db: Db, provinceId: string, date: string, adminId: string): Promise<boolean> {
  const before = await dayOf(db, provinceId, date);
  if (!before) return false;
  const [deleted] = await db.batch([
    db
      .delete(calendarDays)
      .where(and(eq(calendarDays.provinceId, provinceId), eq(calendarDays.date, date)))
      .returning({ date: calendarDays.date }),
    recordChange(
      db,
      {
        provinceId,
        actorId: adminId,
        entity: "calendar",
        entityId: date,
        action: "remove",
        reason: "",
        data: { before: toDay(before) },
      },
      sql`NOT EXISTS (SELECT 1 FROM ${calendarDays} WHERE ${calendarDays.provinceId} = ${provinceId} AND ${calendarDays.date} = ${date})`,
    ),
  ]);
  cache.delete(provinceId);
  return deleted.length > 0;
}
