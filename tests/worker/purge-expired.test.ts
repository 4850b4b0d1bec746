import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { idempotencyKeys, oidcRequests, sessions } from "../../worker/src/db/schema";
import worker from "../../worker/src/index";
import { IDEMPOTENCY_RETENTION_MS, purgeExpired } from "../../worker/src/jobs/purge-expired";
import { db, signIn } from "./helpers";

const count = async (table: typeof idempotencyKeys | typeof oidcRequests | typeof sessions) =>
  (await db().select({ n: sql<number>`count(*)` }).from(table))[0]!.n;

describe("nightly clean-up", () => {
  it("removes only expired idempotency keys, OIDC requests and long-ended sessions", async () => {
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
    await db().insert(sessions).values({
      id: "00000000-0000-4000-8000-000000000001",
      userId: session.user.id,
      refreshHash: "x",
      refreshExpiresAt: "2020-01-01T00:00:00.000Z",
    });
    const before = { keys: await count(idempotencyKeys), requests: await count(oidcRequests), sessions: await count(sessions) };

    expect(await purgeExpired(db(), now)).toEqual({ idempotencyKeys: 1, oidcRequests: 1, sessions: 1 });
    expect(await count(idempotencyKeys)).toBe(before.keys - 1);
    expect(await count(oidcRequests)).toBe(before.requests - 1);
    expect(await count(sessions)).toBe(before.sessions - 1);
    expect(await db().query.sessions.findFirst({ where: eq(sessions.id, session.refreshToken.split(".")[0]!) })).toBeDefined();
    // Running it again finds nothing more.
    expect(await purgeExpired(db(), now)).toEqual({ idempotencyKeys: 0, oidcRequests: 0, sessions: 0 });
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
