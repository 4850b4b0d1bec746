import { and, eq, isNull } from "drizzle-orm";
import { sign, verify } from "hono/jwt";
import type { Session } from "../../../shared/src/auth/api";
import type { Db } from "../db/client";
import { type AuthUser, toMe, type User } from "../db/repo/users";
import { sessions, users } from "../db/schema";
import { secret } from "../lib/config";
import { hmacSha256Hex, randomToken, sha256Hex, timingSafeEqual } from "../lib/crypto";
import { unauthorized } from "../lib/errors";

/**
 * Our own sessions: a short-lived HS256 access token naming the session, and a refresh token that
 * rotates on every use. Every request re-reads the session, so revoking it (sign-out, a disabled
 * account, a replayed refresh token) takes effect at once.
 *
 * A refresh token is `<session id>.<random>.<MAC>`: the MAC (keyed with SESSION_SECRET) proves the
 * server issued it for that session, so a token with a valid MAC that is no longer the session's
 * current one was valid before and has been rotated away: presenting it again means a copy is in
 * other hands, and only that revokes the session. A wrong secret or MAC is refused and changes
 * nothing, so knowing a session id (it is in every access token) is not enough to end the session.
 */

const ISSUER = "mot-cua-zalo";
export const ACCESS_TTL_S = 15 * 60;
const REFRESH_TTL_S = 30 * 24 * 3600;

const REFRESH_TOKEN = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})\.([0-9a-f]{64})$/;
const refreshMac = (env: CloudflareBindings, sessionId: string, random: string) =>
  hmacSha256Hex(secret(env, "SESSION_SECRET"), `refresh:${sessionId}.${random}`);

async function issueTokens(env: CloudflareBindings, userId: string, sessionId: string) {
  const now = Math.floor(Date.now() / 1000);
  const accessToken = await sign(
    { iss: ISSUER, sub: userId, sid: sessionId, iat: now, exp: now + ACCESS_TTL_S },
    secret(env, "SESSION_SECRET"),
    "HS256",
  );
  const random = randomToken();
  return {
    accessToken,
    accessExpiresAt: new Date((now + ACCESS_TTL_S) * 1000).toISOString(),
    refreshToken: `${sessionId}.${random}.${await refreshMac(env, sessionId, random)}`,
    refreshHash: await sha256Hex(random),
    refreshExpiresAt: new Date((now + REFRESH_TTL_S) * 1000).toISOString(),
  };
}

export async function startSession(db: Db, env: CloudflareBindings, user: User): Promise<Session> {
  const sessionId = crypto.randomUUID();
  const tokens = await issueTokens(env, user.id, sessionId);
  await db
    .insert(sessions)
    .values({ id: sessionId, userId: user.id, refreshHash: tokens.refreshHash, refreshExpiresAt: tokens.refreshExpiresAt });
  return {
    accessToken: tokens.accessToken,
    accessExpiresAt: tokens.accessExpiresAt,
    refreshToken: tokens.refreshToken,
    user: toMe(user),
  };
}

export type IssuedRefreshToken = { sessionId: string; random: string };

/** A refresh token the server issued (current or rotated away), or a 401. Reads nothing from D1. */
export async function issuedRefreshToken(env: CloudflareBindings, refreshToken: string): Promise<IssuedRefreshToken> {
  const [, sessionId, random, mac] = REFRESH_TOKEN.exec(refreshToken) ?? [];
  if (!sessionId || !random || !mac || !timingSafeEqual(mac, await refreshMac(env, sessionId, random))) throw unauthorized();
  return { sessionId, random };
}

/** Rotates the refresh token. Presenting an already-rotated token revokes the session (it was stolen or replayed). */
export async function refreshSession(
  db: Db,
  env: CloudflareBindings,
  { sessionId, random }: IssuedRefreshToken,
): Promise<Session> {
  const row = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId))
    .get();
  if (!row || row.session.revokedAt || row.user.disabledAt || row.session.refreshExpiresAt < new Date().toISOString())
    throw unauthorized();
  const presentedHash = await sha256Hex(random);
  const tokens = await issueTokens(env, row.user.id, sessionId);
  const rotated = timingSafeEqual(presentedHash, row.session.refreshHash)
    ? await db
        .update(sessions)
        .set({ refreshHash: tokens.refreshHash, refreshExpiresAt: tokens.refreshExpiresAt })
        .where(and(eq(sessions.id, sessionId), eq(sessions.refreshHash, presentedHash), isNull(sessions.revokedAt)))
        .run()
    : null;
  // Issued for this session but not (or no longer, after a concurrent rotation) its current token.
  if (rotated?.meta.changes !== 1) {
    await revokeSession(db, sessionId);
    console.warn(
      JSON.stringify({
        level: "warn",
        at: new Date().toISOString(),
        event: "refresh_token_reuse",
        session: sessionId,
        user: row.user.id,
      }),
    );
    throw unauthorized();
  }
  return {
    accessToken: tokens.accessToken,
    accessExpiresAt: tokens.accessExpiresAt,
    refreshToken: tokens.refreshToken,
    user: toMe(row.user),
  };
}

export async function revokeSession(db: Db, sessionId: string) {
  await db.update(sessions).set({ revokedAt: new Date().toISOString() }).where(eq(sessions.id, sessionId));
}

/** The caller behind a bearer access token, or a 401. */
export async function authenticate(
  db: Db,
  env: CloudflareBindings,
  authorization: string | undefined,
): Promise<AuthUser & { sessionId: string }> {
  const token = /^Bearer ([A-Za-z0-9._-]{20,2048})$/.exec(authorization ?? "")?.[1];
  if (!token) throw unauthorized("Vui lòng đăng nhập để tiếp tục.");
  let claims: Record<string, unknown>;
  try {
    claims = await verify(token, secret(env, "SESSION_SECRET"), { alg: "HS256", iss: ISSUER });
  } catch {
    throw unauthorized();
  }
  if (typeof claims.sub !== "string" || typeof claims.sid !== "string") throw unauthorized();
  const row = await db
    .select({
      id: users.id,
      provinceId: users.provinceId,
      role: users.role,
      unitId: users.unitId,
      displayName: users.displayName,
      vneidVerifiedAt: users.vneidVerifiedAt,
      disabledAt: users.disabledAt,
      revokedAt: sessions.revokedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, claims.sid), eq(sessions.userId, claims.sub)))
    .get();
  if (!row || row.revokedAt || row.disabledAt) throw unauthorized();
  const { vneidVerifiedAt, disabledAt: _d, revokedAt: _r, ...user } = row;
  return { ...user, vneidVerified: vneidVerifiedAt !== null, sessionId: claims.sid };
}
