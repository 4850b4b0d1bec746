import { and, isNotNull, lt, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { idempotencyKeys, oidcRequests, sessions, signInCodes } from "../db/schema";

/** How long a client may retry a write with the same Idempotency-Key. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3600 * 1000;
/** Ended sessions are kept this long for security investigations, then removed. */
export const SESSION_RETENTION_MS = 90 * 24 * 3600 * 1000;

/** The nightly clean-up of short-lived records; one batch, safe to run twice. */
export async function purgeExpired(db: Db, now = new Date()) {
  const at = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const [keys, requests, codes, ended] = await db.batch([
    db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, at(IDEMPOTENCY_RETENTION_MS))),
    db.delete(oidcRequests).where(lt(oidcRequests.expiresAt, now.toISOString())),
    db.delete(signInCodes).where(lt(signInCodes.expiresAt, now.toISOString())),
    db
      .delete(sessions)
      .where(
        or(
          lt(sessions.refreshExpiresAt, at(SESSION_RETENTION_MS)),
          and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, at(SESSION_RETENTION_MS))),
        ),
      ),
  ]);
  return {
    idempotencyKeys: keys.meta.changes,
    oidcRequests: requests.meta.changes,
    signInCodes: codes.meta.changes,
    sessions: ended.meta.changes,
  };
}
