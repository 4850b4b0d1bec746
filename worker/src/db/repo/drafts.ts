import { and, eq, sql } from "drizzle-orm";
import type { DraftBody } from "../../../../shared/src/dossier/api";
import type { Db } from "../client";
import { drafts } from "../schema";

export async function getDraft(db: Db, userId: string, procedureCode: string) {
  const row = await db.query.drafts.findFirst({ where: and(eq(drafts.userId, userId), eq(drafts.procedureCode, procedureCode)) });
  return row ? { ...(row.data as DraftBody), updatedAt: row.updatedAt } : null;
}

export async function saveDraft(db: Db, userId: string, procedureCode: string, data: DraftBody) {
  const updatedAt = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
  const [row] = await db
    .insert(drafts)
    .values({ userId, procedureCode, data })
    .onConflictDoUpdate({ target: [drafts.userId, drafts.procedureCode], set: { data, updatedAt } })
    .returning({ updatedAt: drafts.updatedAt });
  return row!.updatedAt;
}

export async function deleteDraft(db: Db, userId: string, procedureCode: string) {
  await db.delete(drafts).where(and(eq(drafts.userId, userId), eq(drafts.procedureCode, procedureCode)));
}
