import type { ProvinceCatalogue } from "../../shared/src/catalogue/province-catalogue";
import type { Db } from "../../worker/src/db/client";
import { addMissingCalendarDays } from "../../worker/src/db/repo/calendar";
import { publishProcedureVersions, upsertFields, upsertProvince, upsertUnits } from "../../worker/src/db/repo/catalogue";

/**
 * Loads a validated catalogue (see read.ts) through the publishing functions a back office uses;
 * safe to run again. Calendar days already published (perhaps corrected by an admin) are kept.
 */
export async function loadCatalogue(db: Db, { province, units, fields, procedures, calendar }: ProvinceCatalogue) {
  await upsertProvince(db, province);
  await upsertUnits(
    db,
    province.id,
    units.map((unit, sortOrder) => ({ ...unit, sortOrder })),
  );
  await upsertFields(db, province.id, fields);
  await publishProcedureVersions(db, province.id, procedures);
  await addMissingCalendarDays(db, province.id, calendar);
  return { units: units.length, fields: fields.length, procedures: procedures.length, calendarDays: calendar.length };
}
