import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { VneidClaims } from "../../../../shared/src/identity/claims";
import type { EarlierDossier } from "../../../../shared/src/identity/prefill";
import type { Relaxation } from "../../../../shared/src/identity/relaxations";
import type { Db } from "../client";
import { dossiers, procedures, users, vneidRelaxations } from "../schema";
import { recordChange } from "./changes";

/** Whether the province lets residents file `procedureCode` online without a linked VNeID identity. */
export async function isRelaxed(db: Db, provinceId: string, procedureCode: string): Promise<boolean> {
  const row = await db
    .select({ code: vneidRelaxations.procedureCode })
    .from(vneidRelaxations)
    .where(and(eq(vneidRelaxations.provinceId, provinceId), eq(vneidRelaxations.procedureCode, procedureCode)))
    .get();
  return row !== undefined;
}

/** The province's relaxations by procedure code, with the published version's name and who decided. */
export async function listRelaxations(db: Db, provinceId: string, procedureCode?: string): Promise<Relaxation[]> {
  const rows = await db
    .select({ r: vneidRelaxations, procedureName: procedures.name, actorName: users.displayName })
    .from(vneidRelaxations)
    .innerJoin(users, eq(users.id, vneidRelaxations.decidedBy))
    .leftJoin(
      procedures,
      and(
        eq(procedures.provinceId, vneidRelaxations.provinceId),
        eq(procedures.code, vneidRelaxations.procedureCode),
        eq(procedures.status, "published"),
      ),
    )
    .where(
      and(
        eq(vneidRelaxations.provinceId, provinceId),
        procedureCode ? eq(vneidRelaxations.procedureCode, procedureCode) : undefined,
      ),
    )
    .orderBy(asc(vneidRelaxations.procedureCode));
  return rows.map(({ r, procedureName, actorName }) => ({
    procedureCode: r.procedureCode,
    procedureName,
    reason: r.reason,
    decidedAt: r.decidedAt,
    decidedBy: { id: r.decidedBy, name: actorName },
  }));
}

const relaxationRow = (provinceId: string, procedureCode: string) =>
  sql`SELECT 1 FROM ${vneidRelaxations} WHERE ${vneidRelaxations.provinceId} = ${provinceId} AND ${vneidRelaxations.procedureCode} = ${procedureCode}`;

/** Relaxes the rule for a procedure and records it, in one batch; a procedure already relaxed changes nothing. */
export async function insertRelaxation(
  db: Db,
  provinceId: string,
  procedureCode: string,
  actor: { id: string; reason: string; procedureName: string },
) {
  const at = new Date().toISOString();
  await db.batch([
    db
      .insert(vneidRelaxations)
      .values({ provinceId, procedureCode, reason: actor.reason, decidedBy: actor.id, decidedAt: at })
      .onConflictDoNothing(),
    recordChange(
      db,
      {
        provinceId,
        actorId: actor.id,
        entity: "vneid_relaxation",
        entityId: procedureCode,
        action: "relax",
        reason: actor.reason,
        data: { procedureName: actor.procedureName },
      },
      sql`EXISTS (${relaxationRow(provinceId, procedureCode)} AND ${vneidRelaxations.decidedAt} = ${at} AND ${vneidRelaxations.decidedBy} = ${actor.id})`,
    ),
  ]);
}

/** Revokes a relaxation and records it, in one batch; the record only if there was one to revoke. */
export async function deleteRelaxation(
  db: Db,
  provinceId: string,
  procedureCode: string,
  actor: { id: string; reason: string; before: Relaxation },
) {
  await db.batch([
    recordChange(
      db,
      {
        provinceId,
        actorId: actor.id,
        entity: "vneid_relaxation",
        entityId: procedureCode,
        action: "revoke",
        reason: actor.reason,
        data: { before: { reason: actor.before.reason, decidedAt: actor.before.decidedAt, decidedBy: actor.before.decidedBy } },
      },
      sql`EXISTS (${relaxationRow(provinceId, procedureCode)})`,
    ),
    db
      .delete(vneidRelaxations)
      .where(and(eq(vneidRelaxations.provinceId, provinceId), eq(vneidRelaxations.procedureCode, procedureCode))),
  ]);
}

/** The claims the SSO gave at the account's last link, if any. */
export async function vneidClaimsOf(db: Db, userId: string): Promise<VneidClaims | null> {
  const row = await db.select({ claims: users.vneidClaims }).from(users).where(eq(users.id, userId)).get();
  return row?.claims ?? null;
}

/** How many earlier dossiers prefill looks through. */
const EARLIER_LIMIT = 20;

/** The applicant's own most recent dossiers, newest first: what prefill reuses. */
export async function earlierDossiers(db: Db, applicantId: string): Promise<EarlierDossier[]> {
  return db
    .select({ code: dossiers.code, procedureCode: procedures.code, submittedAt: dossiers.submittedAt, form: dossiers.form })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .where(eq(dossiers.applicantId, applicantId))
    .orderBy(desc(dossiers.submittedAt))
    .limit(EARLIER_LIMIT);
}
