import { env } from "cloudflare:workers";
import { sign } from "hono/jwt";
import { describe, expect, it } from "vitest";
import type { Session } from "../../shared/src/auth/api";
import { disableUser } from "../../worker/src/db/repo/users";
import { api, bearer, db, getJson, json, signIn, signInZalo, testEnv } from "./helpers";

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
    expect(body.refreshToken).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
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
    expect(((await res.json()) as any).error.code).toBe("upstream_failed");
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
  it("lists residents, staff of two units and a province admin", async () => {
    const { status, body } = await getJson("/api/auth/dev/personas");
    expect(status).toBe(200);
    const roles = body.items.map((p: any) => `${p.role}:${p.unitId ?? "-"}`);
    expect(roles.filter((r: string) => r.startsWith("resident")).length).toBeGreaterThanOrEqual(2);
    expect(new Set(roles.filter((r: string) => r.startsWith("staff"))).size).toBeGreaterThanOrEqual(2);
    expect(roles).toContain("admin:-");
  });

  it("refuses unknown personas", async () => {
    expect((await getJson("/api/auth/dev", json("POST", { persona: "khong-co" }))).status).toBe(404);
  });
});
