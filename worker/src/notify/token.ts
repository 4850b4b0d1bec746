import type { Db } from "../db/client";
import { readToken, releaseTokenLock, seedToken, storeToken, takeTokenLock } from "../db/repo/deliveries";
import { secret } from "../lib/config";
import { refreshOaToken } from "../services/zalo-messages";
import { logNotify } from "./queue";

/**
 * The Official Account's access token, kept in D1. Zalo's refresh token is single-use, so a
 * refresh happens under a lock (a conditional update of the token row with a lease) and everyone
 * who did not get the lock waits and re-reads: ten concurrent expired-token answers cause one refresh.
 */

const LOCK_MS = 30_000;
/** Refresh this long before the access token expires (the cron rotates ahead of time). */
export const ROTATE_BEFORE_MS = 60 * 60_000;
const WAIT_STEP_MS = 100;
const WAIT_STEPS = 100;

export class TokenUnavailable extends Error {}

/** The current access token, refreshed first when it is (about to be) expired. */
export async function accessToken(db: Db, env: CloudflareBindings, now = () => Date.now()): Promise<string> {
  let row = await readToken(db);
  if (!row) {
    await seedToken(db, secret(env, "ZALO_OA_REFRESH_TOKEN"));
    row = (await readToken(db))!;
  }
  if (new Date(row.expiresAt).getTime() <= now() + 60_000) return refreshToken(db, env, row.accessToken, now);
  return row.accessToken;
}

/**
 * Replaces `stale` (the token Zalo just refused, or the expiring one) with a fresh one and answers
 * it. Only the caller that takes the lock calls Zalo; the others wait until the stored token changed.
 */
export async function refreshToken(db: Db, env: CloudflareBindings, stale: string, now = () => Date.now()): Promise<string> {
  for (let step = 0; step < WAIT_STEPS; step++) {
    const lockId = crypto.randomUUID();
    const t = now();
    const locked = await takeTokenLock(db, stale, lockId, new Date(t).toISOString(), new Date(t + LOCK_MS).toISOString());
    if (locked) {
      const fresh = await refreshOaToken(env, locked.refreshToken);
      if (!fresh) {
        await releaseTokenLock(db, lockId);
        // A refused refresh token needs an operator to authorise the OA again; no personal data here.
        logNotify("zalo_alert", { reason: "oa_token_refresh_failed" });
        throw new TokenUnavailable("oa_token_refresh_failed");
      }
      const at = now();
      await storeToken(
        db,
        lockId,
        {
          accessToken: fresh.accessToken,
          refreshToken: fresh.refreshToken,
          expiresAt: new Date(at + fresh.expiresInSeconds * 1000).toISOString(),
        },
        new Date(at).toISOString(),
      );
      return fresh.accessToken;
    }
    const row = await readToken(db);
    if (row && row.accessToken !== stale) return row.accessToken;
    await new Promise((r) => setTimeout(r, WAIT_STEP_MS));
  }
  throw new TokenUnavailable("oa_token_lock_timeout");
}

/** The cron's rotation: refresh when the token expires within ROTATE_BEFORE_MS. */
export async function rotateToken(db: Db, env: CloudflareBindings, now = () => Date.now()) {
  const row = await readToken(db);
  if (!row || new Date(row.expiresAt).getTime() > now() + ROTATE_BEFORE_MS) return false;
  await refreshToken(db, env, row.accessToken, now);
  return true;
}
