import { and, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { assistedFilings, dossiers, eventFiles, files, procedures, users } from "../schema";

export type AssistedRow = typeof assistedFilings.$inferSelect;

export const insertAssistedFiling = (db: Db, row: typeof assistedFilings.$inferInsert) => db.insert(assistedFilings).values(row);

/** A filing by the hash of its consent token, with the name of who prepared it. */
export async function assistedByTokenHash(db: Db, provinceId: string, tokenHash: string) {
  return db
    .select({ filing: assistedFilings, helperName: users.displayName, helperRole: users.role })
    .from(assistedFilings)
    .innerJoin(users, eq(users.id, assistedFilings.helperId))
    .where(and(eq(assistedFilings.tokenHash, tokenHash), eq(assistedFilings.provinceId, provinceId)))
    .get();
}

export async function assistedById(db: Db, provinceId: string, id: string) {
  return db
    .select()
    .from(assistedFilings)
    .where(and(eq(assistedFilings.id, id), eq(assistedFilings.provinceId, provinceId)))
    .get();
}

const stillOpen = (at: string) =>
  and(isNull(assistedFilings.confirmedAt), isNull(assistedFilings.cancelledAt), gt(assistedFilings.expiresAt, at));

/** A new consent token for a filing not yet confirmed or cancelled (an expired one opens again); false otherwise. */
export const reissueAssistedToken = (db: Db, id: string, tokenHash: string, expiresAt: string) =>
  db
    .update(assistedFilings)
    .set({ tokenHash, expiresAt })
    .where(and(eq(assistedFilings.id, id), isNull(assistedFilings.confirmedAt), isNull(assistedFilings.cancelledAt)))
    .run()
    .then((r) => r.meta.changes === 1);

export const cancelAssistedFiling = (db: Db, id: string, at: string) =>
  db
    .update(assistedFilings)
    .set({ cancelledAt: at })
    .where(and(eq(assistedFilings.id, id), stillOpen(at)))
    .run()
    .then((r) => r.meta.changes === 1);

/**
 * The statements turning a filing into the dossier of the same id, for the batch that inserts that
 * dossier. The claim marks the filing confirmed only while it is still open (not confirmed,
 * cancelled or expired); if it did not take effect the guard breaks a NOT NULL constraint, which
 * rolls the whole batch back (SQLite offers no RAISE outside triggers). The dossier's primary key
 * is the filing's id, so a second confirmation can never create a second dossier. The documents,
 * uploaded by the helper, become the applicant's.
 */
export function claimAssistedStatements(
  db: Db,
  filing: AssistedRow,
  claim: {
    consentKind: "zalo" | "signed_paper";
    consentFileId: string | null;
    applicantId: string;
    fileIds: string[];
    at: string;
  },
) {
  const { at } = claim;
  const claimed = sql`EXISTS (SELECT 1 FROM ${assistedFilings} WHERE ${assistedFilings.id} = ${filing.id} AND ${assistedFilings.confirmedAt} = ${at})`;
  const ownFiles = [...claim.fileIds, ...(claim.consentFileId ? [claim.consentFileId] : [])];
  return [
    db
      .update(assistedFilings)
      .set({ confirmedAt: at, consentKind: claim.consentKind, consentFileId: claim.consentFileId, dossierId: filing.id })
      .where(and(eq(assistedFilings.id, filing.id), stillOpen(at))),
    db
      .update(assistedFilings)
      .set({ applicantName: sql`NULL` })
      .where(and(eq(assistedFilings.id, filing.id), sql`NOT ${claimed}`)),
    ...(ownFiles.length > 0
      ? [
          db
            .update(files)
            .set({ ownerId: claim.applicantId })
            .where(and(inArray(files.id, ownFiles), eq(files.ownerId, filing.helperId))),
        ]
      : []),
    ...(claim.consentFileId ? [db.insert(eventFiles).values({ dossierId: filing.id, seq: 1, fileId: claim.consentFileId })] : []),
  ] as const;
}

/** A helper's assisted filings, newest first, with the dossier each became. */
export async function helperFilings(db: Db, helperId: string, limit = 100) {
  return db
    .select({
      filing: assistedFilings,
      procedureName: sql<
        string | null
      >`(SELECT ${procedures.name} FROM ${procedures} WHERE ${procedures.provinceId} = ${assistedFilings.provinceId} AND ${procedures.code} = json_extract(${assistedFilings.submission}, '$.procedureCode') ORDER BY ${procedures.version} DESC LIMIT 1)`,
      dossierCode: dossiers.code,
      dossierStatus: dossiers.status,
    })
    .from(assistedFilings)
    .leftJoin(dossiers, eq(dossiers.id, assistedFilings.dossierId))
    .where(eq(assistedFilings.helperId, helperId))
    .orderBy(desc(assistedFilings.createdAt), desc(assistedFilings.id))
    .limit(limit);
}
