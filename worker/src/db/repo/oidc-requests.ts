import { and, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "../client";
import { oidcRequests } from "../schema";

export type OidcRequest = typeof oidcRequests.$inferSelect;
export type OidcPurpose = OidcRequest["purpose"];

/** How long a person has at the provider before the callback. */
export const OIDC_REQUEST_TTL_MS = 10 * 60 * 1000;

/** Keeps a pending authorization request until its callback; expired ones are cleared in the same batch. */
export async function saveOidcRequest(db: Db, request: Omit<typeof oidcRequests.$inferInsert, "expiresAt">) {
  const now = Date.now();
  await db.batch([
    db.delete(oidcRequests).where(lt(oidcRequests.expiresAt, new Date(now).toISOString())),
    db.insert(oidcRequests).values({ ...request, expiresAt: new Date(now + OIDC_REQUEST_TTL_MS).toISOString() }),
  ]);
}

/**
 * Consumes the request behind `state` if it has one of `purposes`: at most one callback can ever
 * use it. An expired request counts as absent.
 */
export async function takeOidcRequest(db: Db, state: string, purposes: readonly OidcPurpose[]): Promise<OidcRequest | undefined> {
  const [row] = await db
    .delete(oidcRequests)
    .where(and(eq(oidcRequests.state, state), inArray(oidcRequests.purpose, [...purposes])))
    .returning();
  return row && row.expiresAt >= new Date().toISOString() ? row : undefined;
}
