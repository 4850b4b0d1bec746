import type { Db } from "../client";
import { upsertFields, upsertProcedures, upsertProvince, upsertUnits } from "../repo/catalogue";
import { sampleProvince } from "./sample-province";

/** Loads the illustrative sample province; safe to run again. */
export async function seedSampleProvince(db: Db) {
  const { province, units, fields, procedures } = sampleProvince;
  await upsertProvince(db, province);
  await upsertUnits(db, province.id, units);
  await upsertFields(db, province.id, fields);
  await upsertProcedures(db, province.id, procedures);
  return { units: units.length, fields: fields.length, procedures: procedures.length };
}
