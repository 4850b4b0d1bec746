import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import type { Session } from "../../shared/src/auth/api";
import { oidcRequests, users } from "../../worker/src/db/schema";
import { resident } from "./dossier-fixtures";
import { api, bearer, db, json, signIn, signInZalo, testEnv } from "./helpers";
import { authorize, CLIENT, oidcEnv } from "./oidc-fixtures";
import { clockAt } from "./staff-fixtures";

const RETURN_PATH = "/p/1.004222/nop";

const call = (path: string, init?: RequestInit, issuer?: string) => api(path, init, oidcEnv(issuer));
const unique = (prefix: string) => `${prefix}-${crypto.randomUUID()}`;

async function start(session: Session, issuer?: string): Promise<string> {
  const res = await call("/api/auth/vneid/start", json("POST", { returnPath: RETURN_PATH }, bearer(session)), issuer);
  expect(res.status).toBe(200);
  return ((await res.json()) as { authorizationUrl: string }).authorizationUrl;
}

afterEach(() => vi.useRealTimers());

const user = (id: string) => db().query.users.findFirst({ where: eq(users.id, id) });
const pendingRequest = (state: string) => db().query.oidcRequests.findFirst({ where: eq(oidcRequests.state, state) });

async function me(session: Session) {
  const res = await call("/api/me", { headers: bearer(session) });
  expect(res.status).toBe(200);
  return (await res.json()) as { vneidVerified: boolean };
}

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  return body.error.message;
}

/** Every callback outcome returns the browser to the mini app; a failure names its reason. */
function expectReturn(res: Response, reason: string, returnPath = RETURN_PATH) {
  expect(res.status).toBe(302);
  expect(res.headers.get("Location")).toBe(`${env.QR_LINK_BASE}${returnPath}?vneid=failed&reason=${reason}`);
}

async function sha256Base64Url(text: string) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...digest))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

describe("POST /api/auth/vneid/start", () => {
  it("sends the resident to the provider with state, nonce and an S256 challenge of a stored verifier", async () => {
    const session = await signInZalo(unique("zalo"));
    const url = new URL(await start(session));
    expect(url.origin).toBe(inject("oidcIssuer"));
    const q = url.searchParams;
    expect(
      Object.fromEntries(
        ["client_id", "redirect_uri", "response_type", "scope", "code_challenge_method"].map((k) => [k, q.get(k)]),
      ),
    ).toEqual({
      client_id: CLIENT.OIDC_CLIENT_ID,
      redirect_uri: CLIENT.OIDC_REDIRECT_URI,
      response_type: "code",
      scope: "openid profile address citizen_id",
      code_challenge_method: "S256",
    });
    const row = await pendingRequest(q.get("state")!);
    expect(row).toMatchObject({ userId: session.user.id, nonce: q.get("nonce"), returnPath: RETURN_PATH });
    expect(q.get("code_challenge")).toBe(await sha256Base64Url(row!.codeVerifier));
    expect(q.get("code_challenge")).not.toBe(row!.codeVerifier);
    const ttl = Date.parse(row!.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(9 * 60 * 1000);
    expect(ttl).toBeLessThanOrEqual(10 * 60 * 1000);
  });

  it("needs a signed-in person; an officer links VNeID to file their own dossiers", async () => {
    await expectError(await call("/api/auth/vneid/start", json("POST", { returnPath: "/" })), 401, "unauthorized");
    const officer = await signIn("can-bo-phuong");
    const res = await call("/api/auth/vneid/start", json("POST", { returnPath: "/" }, bearer(officer)));
    expect(res.status).toBe(200);
    const state = new URL(((await res.json()) as { authorizationUrl: string }).authorizationUrl).searchParams.get("state")!;
    expect(await pendingRequest(state)).toMatchObject({ userId: officer.user.id, purpose: "vneid" });
  });

  it("refuses a return path that is not an in-app path", async () => {
    const session = await signInZalo(unique("zalo"));
    for (const returnPath of ["https://evil.example/", "//evil.example/p", "p/1", "/a?b=c"]) {
      await expectError(
        await call("/api/auth/vneid/start", json("POST", { returnPath }, bearer(session))),
        400,
        "validation_failed",
      );
    }
  });

  it("answers a clear error when the SSO is not configured or unreachable", async () => {
    const session = await signInZalo(unique("zalo"));
    const body = json("POST", { returnPath: "/" }, bearer(session));
    // The local configuration has no issuer.
    const message = await expectError(await api("/api/auth/vneid/start", body, testEnv()), 503, "upstream_failed");
    expect(message).toBe("Chức năng xác thực VNeID chưa được cấu hình.");
    const down = { ...oidcEnv(), OIDC_ISSUER: "http://127.0.0.1:9" };
    await expectError(await api("/api/auth/vneid/start", body, down), 502, "upstream_failed");
    const rows = await db().query.oidcRequests.findMany({ where: eq(oidcRequests.userId, session.user.id) });
    expect(rows).toEqual([]);
  });
});

describe("GET /api/auth/vneid/callback", () => {
  it("links the VNeID identity after login at the provider and returns to the mini app", async () => {
    const session = await signInZalo(unique("zalo"));
    expect((await me(session)).vneidVerified).toBe(false);
    const account = unique("cccd");
    const callback = await authorize(await start(session), `login=${account}`);
    const state = new URL(callback, "http://localhost").searchParams.get("state")!;

    const res = await call(callback);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`${env.QR_LINK_BASE}${RETURN_PATH}?vneid=ok`);
    expect((await me(session)).vneidVerified).toBe(true);
    expect(await user(session.user.id)).toMatchObject({ vneidSubject: account, vneidVerifiedAt: expect.any(String) });
    expect(await pendingRequest(state)).toBeUndefined();
  });

  it("refuses a replayed callback: the state is single-use", async () => {
    const session = await signInZalo(unique("zalo"));
    const callback = await authorize(await start(session), `login=${unique("cccd")}`);
    expect((await call(callback)).status).toBe(302);
    const linkedAt = (await user(session.user.id))!.vneidVerifiedAt;
    expectReturn(await call(callback), "expired", "/");
    expect((await user(session.user.id))!.vneidVerifiedAt).toBe(linkedAt);
  });

  it("refuses a tampered state and links nothing", async () => {
    const session = await signInZalo(unique("zalo"));
    const callback = new URL(await authorize(await start(session), `login=${unique("cccd")}`), "http://localhost");
    const genuine = callback.pathname + callback.search;
    callback.searchParams.set("state", `${callback.searchParams.get("state")}x`);
    expectReturn(await call(callback.pathname + callback.search), "expired", "/");
    expect(await user(session.user.id)).toMatchObject({ vneidSubject: null, vneidVerifiedAt: null });
    // The genuine callback was not disturbed by the forged one.
    expect((await call(genuine)).status).toBe(302);
    expect((await me(session)).vneidVerified).toBe(true);
  });

  it("refuses a callback whose issuer is not the configured provider (mix-up)", async () => {
    const session = await signInZalo(unique("zalo"));
    const callback = new URL(await authorize(await start(session), `login=${unique("cccd")}`), "http://localhost");
    expect(callback.searchParams.get("iss")).toBe(inject("oidcIssuer"));
    callback.searchParams.set("iss", "https://evil.example");
    expectReturn(await call(callback.pathname + callback.search), "rejected");
    expect((await me(session)).vneidVerified).toBe(false);
  });

  it("refuses a code redeemed with another request's PKCE verifier", async () => {
    const session = await signInZalo(unique("zalo"));
    const first = new URL(await authorize(await start(session), `login=${unique("cccd")}`), "http://localhost");
    const secondState = new URL(await start(session)).searchParams.get("state")!;
    // The first request's code, presented under the second request (its verifier does not match the challenge).
    const swapped = new URL(first);
    swapped.searchParams.set("state", secondState);
    expectReturn(await call(swapped.pathname + swapped.search), "rejected");
    expect(await user(session.user.id)).toMatchObject({ vneidSubject: null, vneidVerifiedAt: null });
  });

  it("refuses an ID token whose nonce is not the request's", async () => {
    const session = await signInZalo(unique("zalo"));
    const url = await start(session);
    const state = new URL(url).searchParams.get("state")!;
    await db().update(oidcRequests).set({ nonce: "another-nonce" }).where(eq(oidcRequests.state, state));
    const callback = await authorize(url, `login=${unique("cccd")}`);
    expectReturn(await call(callback), "unavailable");
    expect((await me(session)).vneidVerified).toBe(false);
  });

  it("refuses an ID token whose signature does not verify with the provider's published keys", async () => {
    const issuer = inject("oidcIssuerForeignKey");
    const session = await signInZalo(unique("zalo"));
    const callback = await authorize(await start(session, issuer), `login=${unique("cccd")}`);
    expectReturn(await call(callback, undefined, issuer), "unavailable");
    expect(await user(session.user.id)).toMatchObject({ vneidSubject: null, vneidVerifiedAt: null });
  });

  it("returns with vneid=failed and links nothing when the resident cancels at the provider", async () => {
    const session = await signInZalo(unique("zalo"));
    const callback = await authorize(await start(session), "deny=1");
    expect(new URL(callback, "http://localhost").searchParams.get("error")).toBe("access_denied");
    const res = await call(callback);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`${env.QR_LINK_BASE}${RETURN_PATH}?vneid=failed&reason=cancelled`);
    expect(await user(session.user.id)).toMatchObject({ vneidSubject: null, vneidVerifiedAt: null });
    // The request was used up.
    expectReturn(await call(callback), "expired", "/");
  });

  it("refuses an expired request", async () => {
    const session = await signInZalo(unique("zalo"));
    const url = await start(session);
    const state = new URL(url).searchParams.get("state")!;
    await db()
      .update(oidcRequests)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(oidcRequests.state, state));
    const callback = await authorize(url, `login=${unique("cccd")}`);
    expectReturn(await call(callback), "expired", "/");
    expect((await me(session)).vneidVerified).toBe(false);
  });

  it("keeps a request for 10 minutes: a callback a second earlier links, a second later is expired", async () => {
    const startedAt = Date.now();
    clockAt(new Date(startedAt).toISOString());
    const [early, late] = [await resident(unique("vneid-early"), false), await resident(unique("vneid-late"), false)];
    const [earlyCallback, lateCallback] = [
      await authorize(await start(early), `login=${unique("cccd")}`),
      await authorize(await start(late), `login=${unique("cccd")}`),
    ];
    clockAt(new Date(startedAt + 10 * 60_000 - 1000).toISOString());
    expect((await call(earlyCallback)).headers.get("Location")).toBe(`${env.QR_LINK_BASE}${RETURN_PATH}?vneid=ok`);
    clockAt(new Date(startedAt + 10 * 60_000 + 1000).toISOString());
    expectReturn(await call(lateCallback), "expired", "/");
    expect((await user(late.user.id))?.vneidVerifiedAt).toBeNull();
  });

  it("refuses to link one VNeID identity to a second resident", async () => {
    const account = unique("cccd");
    const first = await signInZalo(unique("zalo"));
    expect((await call(await authorize(await start(first), `login=${account}`))).status).toBe(302);

    const second = await signInZalo(unique("zalo"));
    expectReturn(await call(await authorize(await start(second), `login=${account}`)), "identity_taken");
    expect(await user(second.user.id)).toMatchObject({ vneidSubject: null, vneidVerifiedAt: null });
    expect(await user(first.user.id)).toMatchObject({ vneidSubject: account });
  });

  it("refuses to switch a linked resident to another VNeID identity, and accepts the same one again", async () => {
    const session = await signInZalo(unique("zalo"));
    const account = unique("cccd");
    expect((await call(await authorize(await start(session), `login=${account}`))).status).toBe(302);
    expectReturn(await call(await authorize(await start(session), `login=${unique("cccd")}`)), "account_linked");
    expect(await user(session.user.id)).toMatchObject({ vneidSubject: account });
    expect((await call(await authorize(await start(session), `login=${account}`))).status).toBe(302);
  });
});
