import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import type { Session } from "../../shared/src/auth/api";
import type { Role } from "../../shared/src/auth/roles";
import { invitationPath } from "../../shared/src/links/deep-link";
import { disableUser, upsertUser } from "../../worker/src/db/repo/users";
import { oidcRequests, signInCodes, users } from "../../worker/src/db/schema";
import { sha256Hex } from "../../worker/src/lib/crypto";
import { COMMUNE } from "./dossier-fixtures";
import { api, bearer, db, json, signInZalo, testEnv } from "./helpers";
import { authorizationUrl, authorize, CLIENT, oidcEnv } from "./oidc-fixtures";
import { admin, changesOf, invite } from "./people-fixtures";
import { clockAt, staffMember } from "./staff-fixtures";

const call = (path: string, init?: RequestInit) => api(path, init, oidcEnv());
const unique = (prefix: string) => `${prefix}-${crypto.randomUUID()}`;
const SIGN_IN_PAGE = `${env.STAFF_APP_URL}/dang-nhap`;

afterEach(() => vi.useRealTimers());

/** An account of `role` bound to a fresh SSO subject, as an invitation or a link leaves it. */
async function boundAccount(role: Role, unitId: string | null = role === "admin" || role === "resident" ? null : COMMUNE) {
  const subject = unique("sso");
  const id = unique(`user-${role}`);
  await upsertUser(db(), "an-hoa", { id, role, unitId, displayName: `Người dùng ${id}` });
  await db().update(users).set({ ssoSubject: subject }).where(eq(users.id, id));
  return { id, subject };
}

const startSignIn = async (returnPath = "/can-bo") =>
  authorizationUrl(await call("/api/auth/sso/start", json("POST", { returnPath })));

/** The staff app's sign-in page with what the callback put in its fragment. */
function landing(res: Response) {
  expect(res.status).toBe(302);
  const location = res.headers.get("Location")!;
  expect(location.startsWith(`${SIGN_IN_PAGE}#`)).toBe(true);
  const url = new URL(location);
  expect(url.search).toBe("");
  return new URLSearchParams(url.hash.slice(1));
}

/** Signs in at the provider as `subject` and returns the one-time code the callback handed the app. */
async function codeFor(subject: string): Promise<string> {
  const fragment = landing(await call(await authorize(await startSignIn(), `login=${subject}`)));
  expect(fragment.get("error")).toBeNull();
  return fragment.get("code")!;
}

const exchange = (code: string) => call("/api/auth/sso/exchange", json("POST", { code }));

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  return body.error.message;
}

describe("POST /api/auth/sso/start", () => {
  it("sends the browser to the provider with the staff redirect URI, state, nonce and a PKCE challenge", async () => {
    const url = new URL(await startSignIn("/can-bo"));
    expect(url.origin).toBe(inject("oidcIssuer"));
    const q = url.searchParams;
    expect(q.get("redirect_uri")).toBe(CLIENT.SSO_REDIRECT_URI);
    expect(q.get("code_challenge_method")).toBe("S256");
    const row = await db().query.oidcRequests.findFirst({ where: eq(oidcRequests.state, q.get("state")!) });
    expect(row).toMatchObject({ purpose: "sso_sign_in", userId: null, nonce: q.get("nonce"), returnPath: "/can-bo" });
  });

  it("answers a clear error when the SSO is not configured, and refuses a return path outside the app", async () => {
    const message = await expectError(
      await api("/api/auth/sso/start", json("POST", { returnPath: "/" }), testEnv()),
      503,
      "upstream_failed",
    );
    expect(message).toBe("Chức năng đăng nhập bằng tài khoản một cửa của tỉnh chưa được cấu hình.");
    const noRedirect = { ...oidcEnv(), SSO_REDIRECT_URI: "" };
    await expectError(await api("/api/auth/sso/start", json("POST", { returnPath: "/" }), noRedirect), 503, "upstream_failed");
    for (const returnPath of ["https://evil.example/", "//evil.example", "/a?b=c"]) {
      await expectError(await call("/api/auth/sso/start", json("POST", { returnPath })), 400, "validation_failed");
    }
  });
});

describe("staff sign-in through the SSO", () => {
  it("signs a bound officer in end to end: provider, callback, one-time code, session, the unit's inbox", async () => {
    const officer = await boundAccount("officer");
    const fragment = landing(await call(await authorize(await startSignIn("/can-bo"), `login=${officer.subject}`)));
    expect(fragment.get("next")).toBe("/can-bo");
    const code = fragment.get("code")!;
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the code's hash is kept, for a minute.
    const stored = await db().query.signInCodes.findFirst({ where: eq(signInCodes.userId, officer.id) });
    expect(stored?.codeHash).toBe(await sha256Hex(code));
    const ttl = Date.parse(stored!.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);

    const res = await exchange(code);
    expect(res.status).toBe(200);
    const session = (await res.json()) as Session;
    expect(session.user).toMatchObject({ id: officer.id, role: "officer", unitId: COMMUNE });
    const inbox = await call("/api/staff/dossiers", { headers: bearer(session) });
    expect(inbox.status).toBe(200);
    expect(await db().query.signInCodes.findFirst({ where: eq(signInCodes.userId, officer.id) })).toBeUndefined();
  });

  it("signs in every staff role and the admin", async () => {
    for (const role of ["leader", "helper", "admin"] as const) {
      const account = await boundAccount(role);
      const res = await exchange(await codeFor(account.subject));
      expect(res.status).toBe(200);
      expect(((await res.json()) as Session).user).toMatchObject({ id: account.id, role });
    }
  });

  it("refuses an unknown subject, a resident and a disabled account, with a reason and no code", async () => {
    const resident = await boundAccount("resident");
    const disabled = await boundAccount("officer");
    await disableUser(db(), disabled.id);
    const cases = [
      [unique("nobody"), "unknown_account"],
      [resident.subject, "not_staff"],
      [disabled.subject, "disabled"],
    ] as const;
    for (const [subject, reason] of cases) {
      const fragment = landing(await call(await authorize(await startSignIn(), `login=${subject}`)));
      expect(Object.fromEntries(fragment)).toEqual({ error: reason, next: "/can-bo" });
    }
    for (const { id } of [resident, disabled]) {
      expect(await db().query.signInCodes.findFirst({ where: eq(signInCodes.userId, id) })).toBeUndefined();
    }
  });

  it("refuses a replayed callback (single-use state) and a VNeID request's state", async () => {
    const officer = await boundAccount("officer");
    const callback = await authorize(await startSignIn(), `login=${officer.subject}`);
    expect(landing(await call(callback)).get("code")).toBeTruthy();
    expect(Object.fromEntries(landing(await call(callback)))).toEqual({ error: "expired", next: "/" });

    const resident = await signInZalo(unique("zalo"));
    const vneidState = new URL(
      await authorizationUrl(await call("/api/auth/vneid/start", json("POST", { returnPath: "/" }, bearer(resident)))),
    ).searchParams.get("state")!;
    expect(landing(await call(`/api/auth/sso/callback?state=${vneidState}&code=x`)).get("error")).toBe("expired");
    // The VNeID request is left for its own callback.
    expect(await db().query.oidcRequests.findFirst({ where: eq(oidcRequests.state, vneidState) })).toBeDefined();
  });

  it("returns with a reason when the person cancels at the provider or the issuer does not match", async () => {
    expect(landing(await call(await authorize(await startSignIn(), "deny=1"))).get("error")).toBe("cancelled");
    const officer = await boundAccount("officer");
    const callback = new URL(await authorize(await startSignIn(), `login=${officer.subject}`), "http://localhost");
    callback.searchParams.set("iss", "https://evil.example");
    expect(landing(await call(callback.pathname + callback.search)).get("error")).toBe("rejected");
  });
});

describe("POST /api/auth/sso/exchange", () => {
  it("exchanges a code once, within its minute", async () => {
    const officer = await boundAccount("officer");
    const startedAt = Date.now();
    clockAt(new Date(startedAt).toISOString());
    const [first, second] = [await codeFor(officer.subject), await codeFor(officer.subject)];
    clockAt(new Date(startedAt + 59_000).toISOString());
    expect((await exchange(first)).status).toBe(200);
    const message = await expectError(await exchange(first), 400, "bad_request");
    expect(message).toBe("Mã đăng nhập đã hết hạn hoặc đã được dùng. Vui lòng đăng nhập lại.");
    clockAt(new Date(startedAt + 61_000).toISOString());
    await expectError(await exchange(second), 400, "bad_request");
  });

  it("refuses a code whose account was disabled after the callback, and a code never issued", async () => {
    const officer = await boundAccount("officer");
    const code = await codeFor(officer.subject);
    await disableUser(db(), officer.id);
    await expectError(await exchange(code), 400, "bad_request");
    await expectError(await exchange("A".repeat(43)), 400, "bad_request");
    await expectError(await exchange("short"), 400, "validation_failed");
  });
});

describe("POST /api/auth/sso/link", () => {
  const startLink = async (session: Session) =>
    authorizationUrl(await call("/api/auth/sso/link", json("POST", { returnPath: "/can-bo" }, bearer(session))));
  const linked = (res: Response, outcome: string) => {
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`${env.QR_LINK_BASE}/can-bo?sso=${outcome}`);
  };
  const subjectOf = async (id: string) => (await db().query.users.findFirst({ where: eq(users.id, id) }))?.ssoSubject;

  it("binds the signed-in staff member's SSO account, which then signs in to the same account", async () => {
    const officer = await staffMember(COMMUNE);
    const subject = unique("sso");
    linked(await call(await authorize(await startLink(officer), `login=${subject}`)), "linked");
    expect(await subjectOf(officer.user.id)).toBe(subject);
    const res = await exchange(await codeFor(subject));
    expect(((await res.json()) as Session).user.id).toBe(officer.user.id);
  });

  it("keeps one subject per account and one account per subject; the same pair again is fine", async () => {
    const holder = await boundAccount("officer");
    const officer = await staffMember(COMMUNE);
    linked(await call(await authorize(await startLink(officer), `login=${holder.subject}`)), "failed&reason=identity_taken");
    expect(await subjectOf(officer.user.id)).toBeNull();

    const own = unique("sso");
    linked(await call(await authorize(await startLink(officer), `login=${own}`)), "linked");
    linked(await call(await authorize(await startLink(officer), `login=${unique("sso")}`)), "failed&reason=account_linked");
    linked(await call(await authorize(await startLink(officer), `login=${own}`)), "linked");
    expect(await subjectOf(officer.user.id)).toBe(own);
    expect(await subjectOf(holder.id)).toBe(holder.subject);
  });

  it("is for signed-in staff only", async () => {
    await expectError(await call("/api/auth/sso/link", json("POST", { returnPath: "/" })), 401, "unauthorized");
    const resident = await signInZalo(unique("zalo"));
    await expectError(await call("/api/auth/sso/link", json("POST", { returnPath: "/" }, bearer(resident))), 403, "forbidden");
  });
});

describe("accepting an invitation through the SSO", () => {
  const startInvited = async (token: string) =>
    call("/api/auth/sso/start", json("POST", { returnPath: invitationPath(token), invitation: token }));
  /** Signs in at the provider for the invitation and returns the one-time code. */
  async function invitedCode(token: string, subject: string) {
    const fragment = landing(await call(await authorize(await authorizationUrl(await startInvited(token)), `login=${subject}`)));
    expect(fragment.get("next")).toBe(invitationPath(token));
    return fragment.get("code")!;
  }
  const exchangeInvited = (code: string, invitation: string) =>
    call("/api/auth/sso/exchange", json("POST", { code, invitation }));

  it("binds a new SSO account to the invitation's role and unit, records it, and signs in as staff", async () => {
    const invitation = await invite(await admin(), { role: "leader" });
    const subject = unique("sso");
    const res = await exchangeInvited(await invitedCode(invitation.token, subject), invitation.token);
    expect(res.status).toBe(200);
    const session = (await res.json()) as Session;
    expect(session.user).toMatchObject({ role: "leader", unitId: COMMUNE });
    expect((await db().query.users.findFirst({ where: eq(users.id, session.user.id) }))?.ssoSubject).toBe(subject);
    expect((await changesOf("invitation", invitation.id))[0]).toMatchObject({ action: "accept", actorId: session.user.id });
    expect((await call("/api/staff/dossiers", { headers: bearer(session) })).status).toBe(200);
    // From now on the SSO account signs in on its own.
    expect(((await (await exchange(await codeFor(subject))).json()) as Session).user.id).toBe(session.user.id);
  });

  it("refuses at the start an invitation that can no longer be accepted, and a used one at the exchange", async () => {
    const invitation = await invite(await admin());
    const first = await invitedCode(invitation.token, unique("sso"));
    const second = await invitedCode(invitation.token, unique("sso"));
    expect((await exchangeInvited(first, invitation.token)).status).toBe(200);
    const message = await expectError(await exchangeInvited(second, invitation.token), 409, "conflict");
    expect(message).toBe("Lời mời này đã được sử dụng. Mỗi lời mời chỉ dùng được một lần.");
    await expectError(await startInvited(invitation.token), 404, "not_found");
    await expectError(await startInvited("x".repeat(43)), 404, "not_found");
  });

  it("refuses an SSO account that is already staff, and a code exchanged without its invitation", async () => {
    const staff = await boundAccount("officer");
    const invitation = await invite(await admin());
    await expectError(
      await exchangeInvited(await invitedCode(invitation.token, staff.subject), invitation.token),
      409,
      "conflict",
    );
    // A new account that has not accepted anything is a resident's: no session without the invitation.
    await expectError(await exchange(await invitedCode(invitation.token, unique("sso"))), 400, "bad_request");
    expect((await exchangeInvited(await invitedCode(invitation.token, unique("sso")), invitation.token)).status).toBe(200);
  });
});
