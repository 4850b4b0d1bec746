import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { dossiers, procedures, units, users } from "../schema";

/**
 * The public tracking row of a dossier with what proves the applicant for a lookup by code: the
 * form as filed, the fields of its eForm, the applicant's registered phone and VNeID claims. One
 * query whether or not the code exists.
 */
export async function lookupRow(db: Db, code: string) {
  return db
    .select({
      d: dossiers,
      procedureName: procedures.name,
      unitName: units.name,
      eform: procedures.eform,
      phone: users.phone,
      claims: users.vneidClaims,
    })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .innerJoin(units, eq(units.id, dossiers.handlingUnitId))
    .innerJoin(users, eq(users.id, dossiers.applicantId))
    .where(eq(dossiers.code, code))
    .get();
}

export type LookupRow = NonNullable<Awaited<ReturnType<typeof lookupRow>>>;
