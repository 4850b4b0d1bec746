import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { signInCodes } from "../schema";

export async function saveSignInCode(db: Db, code: typeof signInCodes.$inferInsert) {
  await db.insert(signInCodes).values(code);
}

/** Consumes the code with this hash: only one exchange can ever use it. Expiry is the caller's to check. */
export async function takeSignInCode(db: Db, codeHash: string) {
  const [row] = await db.delete(signInCodes).where(eq(signInCodes.codeHash, codeHash)).returning();
  return row;
}
