import type { ProvinceCatalogue } from "../../shared/src/catalogue/province-catalogue";
import type { Db } from "../../worker/src/db/client";
import { addMissingCalendarDays } from "../../worker/src/db/repo/calendar";
import { publishProcedureVersions, upsertFields, upsertProvince, upsertUnits } from "../../worker/src/db/repo/catalogue";
import { saveLifeEvents, savePaperReplacements } from "../../worker/src/db/repo/life-events";

/**
 * Loads a validated catalogue (see read.ts) through the publishing functions a back office uses;
 * safe to run again. Calendar days already published, life events and papers already there (perhaps
 * corrected by an admin) are kept.
 */
export async function loadCatalogue(
  db: Db,
  { province, units, fields, procedures, calendar, lifeEvents = [], paperReplacements = [] }: ProvinceCatalogue,
) {
  await upsertProvince(db, province);
  await upsertUnits(
    db,
    province.id,
    units.map((unit, sortOrder) => ({ ...unit, sortOrder })),
  );
  await upsertFields(db, province.id, fields);
  await publishProcedureVersions(db, province.id, procedures);
  await addMissingCalendarDays(db, province.id, calendar);
  await saveLifeEvents(db, province.id, lifeEvents, null);
  await savePaperReplacements(db, province.id, paperReplacements, null);
  return {
    units: units.length,
    fields: fields.length,
    procedures: procedures.length,
    calendarDays: calendar.length,
    lifeEvents: lifeEvents.length,
  };
}
