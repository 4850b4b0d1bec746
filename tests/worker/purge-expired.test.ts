import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { idempotencyKeys, oidcRequests, sessions, signInCodes } from "../../worker/src/db/schema";
import worker from "../../worker/src/index";
import { IDEMPOTENCY_RETENTION_MS, purgeExpired } from "../../worker/src/jobs/purge-expired";
import { resident } from "./dossier-fixtures";
import { api, bearer, db, signIn } from "./helpers";
import { clockAt } from "./staff-fixtures";

const count = async (table: typeof idempotencyKeys | typeof oidcRequests | typeof sessions | typeof signInCodes) =>
  (await db().select({ n: sql<number>`count(*)` }).from(table))[0]!.n;

describe("nightly clean-up", () => {
  it("removes only expired idempotency keys, OIDC requests, sign-in codes and long-ended sessions", async () => {
    const session = await signIn("cu-dan-an");
    const now = new Date();
    const old = new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS - 60_000).toISOString();
    await db()
      .insert(idempotencyKeys)
      .values([
        { userId: session.user.id, key: "old-key-0000000000", requestHash: "h", createdAt: old },
        { userId: session.user.id, key: "new-key-0000000000", requestHash: "h", createdAt: now.toISOString() },
      ]);
    await db()
      .insert(oidcRequests)
      .values([
        { state: "expired-state", userId: session.user.id, codeVerifier: "v", nonce: "n", returnPath: "/", expiresAt: old },
        {
          state: "live-state",
          userId: session.user.id,
          codeVerifier: "v",
          nonce: "n",
          returnPath: "/",
          expiresAt: new Date(now.getTime() + 60_000).toISOString(),
        },
      ]);
    await db()
      .insert(signInCodes)
      .values([
        { codeHash: "expired-code-hash", userId: session.user.id, expiresAt: old },
        { codeHash: "live-code-hash", userId: session.user.id, expiresAt: new Date(now.getTime() + 60_000).toISOString() },
      ]);
    await db().insert(sessions).values({
      id: "00000000-0000-4000-8000-000000000001",
      userId: session.user.id,
      refreshHash: "x",
      refreshExpiresAt: "2020-01-01T00:00:00.000Z",
    });
    const before = {
      keys: await count(idempotencyKeys),
      requests: await count(oidcRequests),
      codes: await count(signInCodes),
      sessions: await count(sessions),
    };

    expect(await purgeExpired(db(), now)).toEqual({ idempotencyKeys: 1, oidcRequests: 1, signInCodes: 1, sessions: 1 });
    expect(await count(idempotencyKeys)).toBe(before.keys - 1);
    expect(await count(oidcRequests)).toBe(before.requests - 1);
    expect(await count(signInCodes)).toBe(before.codes - 1);
    expect(await db().query.signInCodes.findFirst({ where: eq(signInCodes.codeHash, "live-code-hash") })).toBeDefined();
    expect(await count(sessions)).toBe(before.sessions - 1);
    expect(await db().query.sessions.findFirst({ where: eq(sessions.id, session.refreshToken.split(".")[0]!) })).toBeDefined();
    // Running it again finds nothing more.
    expect(await purgeExpired(db(), now)).toEqual({ idempotencyKeys: 0, oidcRequests: 0, signInCodes: 0, sessions: 0 });
  });

  it("is what the worker's cron trigger runs", async () => {
    const session = await signIn("cu-dan-binh");
    await db()
      .insert(idempotencyKeys)
      .values({ userId: session.user.id, key: "cron-key-000000000", requestHash: "h", createdAt: "2020-01-01T00:00:00.000Z" });
    await worker.scheduled(createScheduledController({ cron: "0 19 * * *" }), env);
    expect(await db().query.idempotencyKeys.findFirst({ where: eq(idempotencyKeys.key, "cron-key-000000000") })).toBeUndefined();
  });
});

describe("nightly clean-up at its boundaries, through the cron trigger", () => {
  afterEach(() => vi.useRealTimers());

  const SECOND = 1000;
  const DAY = 24 * 3600 * SECOND;
  const START = Date.parse("2026-03-02T01:00:00Z");
  const iso = (ms: number) => new Date(ms).toISOString();

  /** Runs the nightly job as the cron trigger does, with the clock at `at`. */
  async function cronAt(at: number) {
    clockAt(iso(at));
    await worker.scheduled(createScheduledController({ cron: "0 19 * * *", scheduledTime: at }), env);
  }

  /** A resident's one session, started at `at`; optionally signed out at once. */
  async function sessionStartedAt(id: string, at: number, { signOut = false } = {}) {
    clockAt(iso(at));
    const session = await resident(`${id}-${crypto.randomUUID().slice(0, 8)}`);
    if (signOut) expect((await api("/api/auth/logout", { method: "POST", headers: bearer(session) })).status).toBe(204);
    return session.user.id;
  }
  const sessionsOf = async (userId: string) => (await db().select().from(sessions).where(eq(sessions.userId, userId))).length;

  it("keeps a signed-out session for 90 days, and removes it a second later", async () => {
    const justInside = await sessionStartedAt("signed-out-inside", START, { signOut: true });
    const justOutside = await sessionStartedAt("signed-out-outside", START - 2 * SECOND, { signOut: true });
    await cronAt(START + 90 * DAY - SECOND);
    expect(await sessionsOf(justInside)).toBe(1);
    expect(await sessionsOf(justOutside)).toBe(0);
  });

  it("keeps a session for 90 days after its 30-day refresh token expired, and removes it a second later", async () => {
    const justInside = await sessionStartedAt("expired-inside", START);
    const justOutside = await sessionStartedAt("expired-outside", START - 2 * SECOND);
    await cronAt(START + 30 * DAY + 90 * DAY - SECOND);
    expect(await sessionsOf(justInside)).toBe(1);
    expect(await sessionsOf(justOutside)).toBe(0);
  });

  it("keeps an Idempotency-Key for 24 hours, and removes it a second later", async () => {
    const userId = await sessionStartedAt("idempotency", START);
    const now = START + 30 * DAY;
    await db()
      .insert(idempotencyKeys)
      .values([
        { userId, key: "key-claimed-24h-minus-1s", requestHash: "h", createdAt: iso(now - DAY + SECOND) },
        { userId, key: "key-claimed-24h-plus-1s", requestHash: "h", createdAt: iso(now - DAY - SECOND) },
      ]);
    await cronAt(now);
    const left = await db().select().from(idempotencyKeys).where(eq(idempotencyKeys.userId, userId));
    expect(left.map((k) => k.key)).toEqual(["key-claimed-24h-minus-1s"]);
  });

  it("removes a VNeID sign-in request once it has expired, not before", async () => {
    const userId = await sessionStartedAt("oidc", START);
    const now = START + DAY;
    const request = { userId, codeVerifier: "v", nonce: "n", returnPath: "/" };
    await db()
      .insert(oidcRequests)
      .values([
        { ...request, state: "state-expires-in-1s", expiresAt: iso(now + SECOND) },
        { ...request, state: "state-expired-1s-ago", expiresAt: iso(now - SECOND) },
      ]);
    await cronAt(now);
    const left = await db().select().from(oidcRequests).where(eq(oidcRequests.userId, userId));
    expect(left.map((r) => r.state)).toEqual(["state-expires-in-1s"]);
  });
});
