import { and, eq, sql } from "drizzle-orm";
import type { DraftBody } from "../../../../shared/src/dossier/api";
import type { Db } from "../client";
import { drafts } from "../schema";

export async function getDraft(db: Db, userId: string, procedureCode: string) {
  const row = await db.query.drafts.findFirst({ where: and(eq(drafts.userId, userId), eq(drafts.procedureCode, procedureCode)) });
  return row ? { ...(row.data as DraftBody), updatedAt: row.updatedAt } : null;
}

/**
 * Saves the draft, in one statement so concurrent saves cannot pass the cap together: a new
 * draft is written only while the resident has fewer than `maxDrafts`. Undefined when refused.
 */
export async function saveDraft(db: Db, userId: string, procedureCode: string, data: DraftBody, maxDrafts: number) {
  const row = await db.get<{ updatedAt: string } | undefined>(sql`
    INSERT INTO ${drafts} (user_id, procedure_code, data, updated_at)
    SELECT ${userId}, ${procedureCode}, ${JSON.stringify(data)}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (SELECT count(*) FROM ${drafts} WHERE user_id = ${userId}) < ${maxDrafts}
       OR EXISTS (SELECT 1 FROM ${drafts} WHERE user_id = ${userId} AND procedure_code = ${procedureCode})
    ON CONFLICT (user_id, procedure_code) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at
    RETURNING updated_at AS updatedAt`);
  return row?.updatedAt;
}

export async function deleteDraft(db: Db, userId: string, procedureCode: string) {
  await db.delete(drafts).where(and(eq(drafts.userId, userId), eq(drafts.procedureCode, procedureCode)));
}
