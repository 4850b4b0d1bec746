import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { FileMeta } from "../../../../shared/src/dossier/api";
import type { Db } from "../client";
import { dossierDocuments, dossiers, eventFiles, files } from "../schema";
import { firstVisible } from "./staff";
import type { AuthUser } from "./users";

export type FileRow = typeof files.$inferSelect;

export const toFileMeta = (f: FileRow): FileMeta => ({
  id: f.id,
  name: f.name,
  mime: f.mime,
  size: f.size,
  sha256: f.sha256,
  createdAt: f.createdAt,
});

export async function insertFile(
  db: Db,
  row: Omit<FileRow, "createdAt" | "source"> & { source?: FileRow["source"] },
): Promise<FileRow> {
  const [file] = await db.insert(files).values(row).returning();
  return file!;
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

/**
 * A file the caller may download: their own, or one attached to a dossier they may see (a
 * submitted document, a result, a reply); then `dossierId` names that dossier.
 */
export async function readableFile(
  db: Db,
  user: AuthUser,
  fileId: string,
): Promise<{ file: FileRow; dossierId?: string } | undefined> {
  const file = await db.query.files.findFirst({ where: eq(files.id, fileId) });
  if (!file) return undefined;
  if (file.ownerId === user.id) return { file };
  const linked = await db
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
  const dossier = await firstVisible(db, user, linked);
  return dossier ? { file, dossierId: dossier.id } : undefined;
}
