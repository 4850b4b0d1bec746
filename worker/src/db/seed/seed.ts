import type { Db } from "../client";
import { upsertFields, upsertProcedures, upsertProvince, upsertUnits } from "../repo/catalogue";
import { calendarDays } from "../schema";
import { calendarSeed } from "./calendar";
import { sampleProvince } from "./sample-province";

/** D1 caps bound parameters per statement at 100; a calendar row binds 6. */
const CALENDAR_ROWS_PER_INSERT = 10;

/** Loads the illustrative sample province; safe to run again. */
export async function seedSampleProvince(db: Db) {
  const { province, units, fields, procedures } = sampleProvince;
  await upsertProvince(db, province);
  await upsertUnits(db, province.id, units);
  await upsertFields(db, province.id, fields);
  await upsertProcedures(db, province.id, procedures);
  // Unverified working-day calendar; rows already there (an admin's edits) are kept.
  const rows = calendarSeed.map(({ date, kind, name, source, verified }) => ({
    provinceId: province.id,
    date,
    kind,
    name,
    source,
    verified,
  }));
  for (let i = 0; i < rows.length; i += CALENDAR_ROWS_PER_INSERT) {
    await db
      .insert(calendarDays)
      .values(rows.slice(i, i + CALENDAR_ROWS_PER_INSERT))
      .onConflictDoNothing();
  }
  return { units: units.length, fields: fields.length, procedures: procedures.length, calendarDays: rows.length };
}
