import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { dossierDocuments, dossiers, eventFiles, files } from "../schema";

export type FileRow = typeof files.$inferSelect;

export async function insertFile(
  db: Db,
  row: Omit<FileRow, "createdAt" | "source"> & { source?: FileRow["source"] },
): Promise<FileRow> {
  const [file] = await db.insert(files).values(row).returning();
  return file!;
}

/** Bytes `ownerId` has uploaded (results issued to them do not count). */
export async function uploadedBytes(db: Db, ownerId: string): Promise<number> {
  const row = await db
    .select({ total: sql<number>`coalesce(sum(${files.size}), 0)` })
    .from(files)
    .where(and(eq(files.ownerId, ownerId), eq(files.source, "upload")))
    .get();
  return row?.total ?? 0;
}

/** The resident's personal store: uploads and results, newest first. */
export async function listOwnFiles(db: Db, ownerId: string): Promise<FileRow[]> {
  return db.select().from(files).where(eq(files.ownerId, ownerId)).orderBy(desc(files.createdAt)).limit(200);
}

/** Files of `ids` that belong to `ownerId`; anything else is simply absent from the result. */
export async function ownFilesById(db: Db, ownerId: string, ids: readonly string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(files)
    .where(and(eq(files.ownerId, ownerId), inArray(files.id, [...ids])));
}

export async function filesById(db: Db, ids: readonly string[]): Promise<FileRow[]> {
  return ids.length === 0
    ? []
    : db
        .select()
        .from(files)
        .where(inArray(files.id, [...ids]));
}

export async function fileById(db: Db, id: string): Promise<FileRow | undefined> {
  return db.query.files.findFirst({ where: eq(files.id, id) });
}

/** The dossiers a file is attached to: as a submitted document, or by a step (a result, a reply). */
export async function dossiersWithFile(db: Db, fileId: string) {
  return db
    .select({
      id: dossiers.id,
      applicantId: dossiers.applicantId,
      provinceId: dossiers.provinceId,
      handlingUnitId: dossiers.handlingUnitId,
    })
    .from(dossiers)
    .where(
      sql`${dossiers.id} IN (SELECT ${dossierDocuments.dossierId} FROM ${dossierDocuments} WHERE ${dossierDocuments.fileId} = ${fileId}
          UNION SELECT ${eventFiles.dossierId} FROM ${eventFiles} WHERE ${eventFiles.fileId} = ${fileId})`,
    );
}
