import { env } from "cloudflare:workers";
import { sign } from "hono/jwt";
import { describe, expect, it } from "vitest";
import type { Session } from "../../shared/src/auth/api";
import { disableUser } from "../../worker/src/db/repo/users";
import {
  type Answer,
  type Api,
  api,
  bearer,
  db,
  errorOf,
  freshRateWindow,
  getJson,
  json,
  newAddress,
  signIn,
  signInZalo,
  testEnv,
} from "./helpers";

describe("POST /api/auth/zalo", () => {
  it("verifies the token with Zalo's Graph API and starts a session", async () => {
    const { status, body } = await getJson<Session>("/api/auth/zalo", json("POST", { accessToken: "valid-zalo-1001" }));
    expect(status).toBe(200);
    expect(body.user).toMatchObject({
      role: "resident",
      displayName: "Người dùng zalo-1001",
      vneidVerified: false,
      phoneHint: null,
    });
    expect(body.refreshToken).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}\.[0-9a-f]{64}$/);
    const me = await getJson("/api/me", { headers: bearer(body) });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(body.user.id);
  });

  it("gives the same user for the same Zalo id", async () => {
    const a = await signInZalo("zalo-same");
    const b = await signInZalo("zalo-same");
    expect(a.user.id).toBe(b.user.id);
    expect(a.refreshToken).not.toBe(b.refreshToken);
  });

  it("refuses a token Zalo rejects in the body (error != 0) with 401", async () => {
    const { status, body } = await getJson("/api/auth/zalo", json("POST", { accessToken: "expired-abc" }));
    expect(status).toBe(401);
    expect(body.error.code).toBe("unauthorized");
  });

  it("refuses when the appsecret_proof does not match (wrong app secret)", async () => {
    const res = await api("/api/auth/zalo", json("POST", { accessToken: "valid-zalo-2" }), {
      ...testEnv(),
      ZALO_APP_SECRET: "another-secret",
    });
    expect(res.status).toBe(401);
  });

  it("answers 502 when Zalo is unreachable or answers garbage", async () => {
    expect((await getJson("/api/auth/zalo", json("POST", { accessToken: "broken-1" }))).status).toBe(502);
    const res = await api("/api/auth/zalo", json("POST", { accessToken: "valid-x" }), {
      ...env,
      ZALO_GRAPH_URL: "http://127.0.0.1:9",
    });
    expect(res.status).toBe(502);
    expect((await errorOf(res)).code).toBe("upstream_failed");
  });

  it("validates the body", async () => {
    for (const body of [{}, { accessToken: "" }, { accessToken: 5 }, { accessToken: "x", extra: 1 }]) {
      const { status, body: err } = await getJson("/api/auth/zalo", json("POST", body));
      expect(status).toBe(400);
      expect(err.error.code).toBe("validation_failed");
    }
    const res = await api("/api/auth/zalo", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
  });
});

describe("sessions", () => {
  it("rotates the refresh token, and a replayed one revokes the session", async () => {
    const first = await signIn("cu-dan-an");
    const second = await getJson<Session>("/api/auth/refresh", json("POST", { refreshToken: first.refreshToken }));
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    // The old token again: theft is assumed, the whole session ends.
    expect((await getJson("/api/auth/refresh", json("POST", { refreshToken: first.refreshToken }))).status).toBe(401);
    expect((await getJson("/api/auth/refresh", json("POST", { refreshToken: second.body.refreshToken }))).status).toBe(401);
    expect((await getJson("/api/me", { headers: bearer(second.body) })).status).toBe(401);
  });

  it("a wrong secret or a forged token for a known session changes nothing", async () => {
    const session = await signInZalo(`victim-${crypto.randomUUID()}`);
    const [sessionId, random, mac] = session.refreshToken.split(".") as [string, string, string];
    const flip = (s: string) => `${s.slice(0, -1)}${s.endsWith("a") ? "b" : "a"}`;
    const attempts = [
      `${sessionId}.${flip(random)}.${mac}`,
      `${sessionId}.${random}.${flip(mac)}`,
      `${sessionId}.${"A".repeat(43)}.${"0".repeat(64)}`,
      `${sessionId}.${random}`,
      sessionId,
    ];
    for (const refreshToken of attempts) {
      const res = await getJson("/api/auth/refresh", json("POST", { refreshToken }));
      expect(res.status, refreshToken).toBe(401);
      expect(res.body.error.code).toBe("unauthorized");
    }
    // The owner is still signed in and can still renew.
    expect((await api("/api/me", { headers: bearer(session) })).status).toBe(200);
    expect((await getJson("/api/auth/refresh", json("POST", { refreshToken: session.refreshToken }))).status).toBe(200);
  });

  it("a token from before the last rotation revokes the session, whichever generation it is", async () => {
    const first = await signInZalo(`stolen-${crypto.randomUUID()}`);
    const tokens = [first.refreshToken];
    let latest = first;
    for (let i = 0; i < 3; i++) {
      latest = (await getJson<Session>("/api/auth/refresh", json("POST", { refreshToken: latest.refreshToken }))).body;
      tokens.push(latest.refreshToken);
    }
    expect((await api("/api/me", { headers: bearer(latest) })).status).toBe(200);
    // The very first token, three rotations ago.
    expect((await getJson("/api/auth/refresh", json("POST", { refreshToken: tokens[0] }))).status).toBe(401);
    expect((await api("/api/me", { headers: bearer(latest) })).status).toBe(401);
    expect((await getJson("/api/auth/refresh", json("POST", { refreshToken: tokens[3] }))).status).toBe(401);
  });

  it("refuses forged, expired, wrong-algorithm and alg:none tokens", async () => {
    const session = await signIn("cu-dan-binh");
    const [, payload] = session.accessToken.split(".");
    const claims = JSON.parse(atob(payload!.replaceAll("-", "+").replaceAll("_", "/")));
    const b64 = (o: unknown) => btoa(JSON.stringify(o)).replaceAll("=", "").replaceAll("+", "-").replaceAll("/", "_");
    const now = Math.floor(Date.now() / 1000);
    const tokens = [
      await sign({ ...claims }, "not-the-secret", "HS256"),
      await sign({ ...claims, exp: now - 10 }, env.SESSION_SECRET!, "HS256"),
      await sign({ ...claims }, env.SESSION_SECRET!, "HS512"),
      `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`,
      `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.x`,
      await sign({ ...claims, sub: "dev-cu-dan-an" }, env.SESSION_SECRET!, "HS256"),
      "garbage",
    ];
    for (const token of tokens) {
      const res = await api("/api/me", { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status, token).toBe(401);
    }
    expect((await api("/api/me")).status).toBe(401);
  });

  it("signing out and disabling an account end sessions at once", async () => {
    const a = await signIn("can-bo-phuong");
    expect((await api("/api/auth/logout", { method: "POST", headers: bearer(a) })).status).toBe(204);
    expect((await api("/api/me", { headers: bearer(a) })).status).toBe(401);

    const b = await signInZalo("to-be-disabled");
    await disableUser(db(), b.user.id);
    expect((await api("/api/me", { headers: bearer(b) })).status).toBe(401);
    expect((await getJson("/api/auth/refresh", json("POST", { refreshToken: b.refreshToken }))).status).toBe(401);
  });
});

describe("sign-in and renewal limits", () => {
  const zalo = (zaloId: string, address: Record<string, string>) =>
    api("/api/auth/zalo", json("POST", { accessToken: `valid-${zaloId}` }, address));
  const renew = (refreshToken: string, address: Record<string, string>) =>
    api("/api/auth/refresh", json("POST", { refreshToken }, address));
  const statuses = async (requests: (() => Response | Promise<Response>)[]) => {
    const out: number[] = [];
    for (const request of requests) out.push((await request()).status);
    return out;
  };

  it("lets more residents sign in from one address (carrier NAT) than one person may", { timeout: 90_000 }, async () => {
    await freshRateWindow();
    const address = newAddress();
    const run = crypto.randomUUID();
    const residents = Array.from({ length: 45 }, (_, i) => () => zalo(`nat-${run}-${i}`, address));
    expect(await statuses(residents)).toEqual(Array(45).fill(200));
  });

  it("limits one verified identity to 30 sign-ins a minute, from any address", { timeout: 90_000 }, async () => {
    await freshRateWindow();
    const zaloId = `hammer-${crypto.randomUUID()}`;
    const attempts = Array.from({ length: 32 }, () => () => zalo(zaloId, newAddress()));
    expect(await statuses(attempts)).toEqual([...Array(30).fill(200), 429, 429]);
    // Someone else behind the same address is not affected.
    expect((await zalo(`neighbour-${crypto.randomUUID()}`, newAddress())).status).toBe(200);
  });

  it("holds a ceiling of 600 sign-in requests a minute per address, before reading the body", { timeout: 90_000 }, async () => {
    await freshRateWindow();
    const address = newAddress();
    // Refused early by validation, the cheapest flood; each still counts against the address.
    const flood = Array.from({ length: 600 }, () => () => api("/api/auth/zalo", json("POST", {}, address)));
    expect(new Set(await statuses(flood))).toEqual(new Set([400]));
    let read = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          read += 1;
          controller.enqueue(new TextEncoder().encode(JSON.stringify({ accessToken: "valid-flooder" })));
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const refused = await api("/api/auth/zalo", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...address },
      body,
      duplex: "half",
    } as RequestInit);
    expect(refused.status).toBe(429);
    expect((await errorOf(refused)).code).toBe("rate_limited");
    expect(read).toBe(0);
    expect((await renew("not-a-token", address)).status).toBe(429);
    // Another address is not.
    expect((await zalo(`elsewhere-${crypto.randomUUID()}`, newAddress())).status).toBe(200);
  });

  it("counts an IPv6 client by its /64, which a single subscriber holds", { timeout: 90_000 }, async () => {
    await freshRateWindow();
    const prefix = `2001:db8:${crypto
      .getRandomValues(new Uint16Array(2))
      .map((n) => n || 1)
      .join(":")}`;
    const flood = Array.from(
      { length: 600 },
      (_, i) => () => api("/api/auth/zalo", json("POST", {}, { "CF-Connecting-IP": `${prefix}:${(i + 1).toString(16)}::1` })),
    );
    expect(new Set(await statuses(flood))).toEqual(new Set([400]));
    expect((await api("/api/auth/zalo", json("POST", {}, { "CF-Connecting-IP": `${prefix}:0:0:ffff:1` }))).status).toBe(429);
    expect((await api("/api/auth/zalo", json("POST", {}, { "CF-Connecting-IP": "2001:db8::1" }))).status).toBe(400);
  });

  it("limits renewal per session, not per address", { timeout: 90_000 }, async () => {
    await freshRateWindow();
    const address = newAddress();
    const run = crypto.randomUUID();
    // 35 residents renew from one address.
    const sessions = await Promise.all(Array.from({ length: 35 }, (_, i) => signInZalo(`renew-${run}-${i}`)));
    expect(await statuses(sessions.map((s) => () => renew(s.refreshToken, address)))).toEqual(Array(35).fill(200));
    // One session renewing over and over is stopped after 30, and stays signed in.
    let token = (await signInZalo(`renew-hammer-${run}`)).refreshToken;
    const seen: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await renew(token, newAddress());
      seen.push(res.status);
      if (res.status === 200) token = ((await res.json()) as Session).refreshToken;
    }
    expect(seen).toEqual([...Array(30).fill(200), 429]);
  });
});

describe("POST /api/me/phone", () => {
  it("exchanges the getPhoneNumber() token server-side, answers the number to its owner once, then only a hint", async () => {
    const session = await signInZalo("phone-user");
    const { status, body } = await getJson(
      "/api/me/phone",
      json("POST", { accessToken: "valid-phone-user", code: "phone-84912345678" }, bearer(session)),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ phone: "0912345678", phoneHint: "••• ••• 678" });
    const me = await getJson("/api/me", { headers: bearer(session) });
    expect(me.body.phoneHint).toBe("••• ••• 678");
    expect(JSON.stringify(me.body)).not.toContain("912345678");
  });

  it("refuses a code Zalo does not accept", async () => {
    const session = await signInZalo("phone-user-2");
    const { status } = await getJson(
      "/api/me/phone",
      json("POST", { accessToken: "valid-phone-user-2", code: "bogus" }, bearer(session)),
    );
    expect(status).toBe(400);
  });
});

describe("development personas", () => {
  it("lists residents, officers of two units, a leader, a helper and a province admin", async () => {
    const { status, body } = await getJson<Answer<Api["auth"]["dev"]["personas"]["$get"]>>("/api/auth/dev/personas");
    expect(status).toBe(200);
    const roles = body.items.map((p) => `${p.role}:${p.unitId ?? "-"}`);
    expect(roles.filter((r: string) => r.startsWith("resident")).length).toBeGreaterThanOrEqual(2);
    expect(new Set(roles.filter((r: string) => r.startsWith("officer"))).size).toBeGreaterThanOrEqual(2);
    expect(roles).toContain("admin:-");
  });

  it("refuses unknown personas", async () => {
    expect((await getJson("/api/auth/dev", json("POST", { persona: "khong-co" }))).status).toBe(404);
  });
});
