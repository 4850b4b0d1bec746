import type { Session, SsoFailure } from "../../../shared/src/auth/api";
import { STAFF_ROLES } from "../../../shared/src/auth/roles";
import type { Db } from "../db/client";
import type { OidcRequest } from "../db/repo/oidc-requests";
import { saveSignInCode, takeSignInCode } from "../db/repo/sign-in-codes";
import { bindSsoSubject, findOrCreateSsoUser, findUserBySsoSubject, getUser, type User } from "../db/repo/users";
import { randomToken, sha256Hex } from "../lib/crypto";
import { ApiError } from "../lib/errors";
import { acceptInvitation } from "../people/invitations";
import { completeAuthorization } from "../services/oidc";
import { startSession } from "./session";

/**
 * Staff sign-in on a desktop through the province's SSO. The SSO subject names an account that an
 * admin created (by invitation) and the person bound; the callback hands the browser a one-time
 * code in the URL fragment, which the app exchanges for a normal session.
 */

/** How long the one-time code of the callback can be exchanged: just the redirect and one request. */
export const SIGN_IN_CODE_TTL_MS = 60_000;

export type SsoOutcome = { userId?: string } & ({ failure: SsoFailure } | { code: string } | { linked: true });

/**
 * Completes the request behind a callback (`request`, already used up; undefined when unknown or
 * expired) with the provider's redirect parameters: a one-time sign-in code, a bound account, or why not.
 */
export async function completeSsoRequest(
  db: Db,
  env: CloudflareBindings,
  request: OidcRequest | undefined,
  callback: URLSearchParams,
): Promise<SsoOutcome> {
  if (!request || (request.purpose === "sso_link" && !request.userId)) return { failure: "expired" };
  const userId = request.userId ?? undefined;
  // The person cancelled or the provider refused (e.g. error=access_denied).
  if (callback.has("error") || !callback.get("code")) return { userId, failure: "cancelled" };
  let subject: string;
  try {
    subject = (await completeAuthorization(env, "staff", callback, request)).subject;
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return { userId, failure: err.status === 400 ? "rejected" : "unavailable" };
  }
  if (request.purpose === "sso_link" && userId) {
    const linked = await linkSsoSubject(db, userId, subject);
    return linked === "ok" ? { userId, linked: true } : { userId, failure: linked };
  }
  const account = await (request.purpose === "invitation" ? invitedAccount : staffAccount)(db, env.PROVINCE_ID, subject);
  if (account.refused) return { failure: account.refused };
  return { userId: account.user.id, code: await issueSignInCode(db, account.user.id) };
}

/** Only staff and admins of this province whose account is active sign in on a desktop; residents use Zalo. */
function refusal(user: User | undefined, provinceId: string): SsoFailure | null {
  if (!user || user.provinceId !== provinceId) return "unknown_account";
  if (user.disabledAt) return "disabled";
  if (!(STAFF_ROLES as readonly string[]).includes(user.role)) return "not_staff";
  return null;
}

/** The account behind an SSO subject if it may sign in, or why not. */
async function staffAccount(
  db: Db,
  provinceId: string,
  subject: string,
): Promise<{ user: User; refused?: never } | { refused: SsoFailure; user?: never }> {
  const user = await findUserBySsoSubject(db, subject);
  const refused = refusal(user, provinceId);
  return refused ? { refused } : { user: user! };
}

/**
 * The account an invited person accepts with on a desktop: the one their SSO subject names, or a
 * new one for it. Whether it may accept is the invitation's to decide, at the exchange.
 */
async function invitedAccount(
  db: Db,
  provinceId: string,
  subject: string,
): Promise<{ user: User; refused?: never } | { refused: SsoFailure; user?: never }> {
  const user = await findOrCreateSsoUser(db, provinceId, subject);
  if (user.provinceId !== provinceId) return { refused: "unknown_account" };
  if (user.disabledAt) return { refused: "disabled" };
  return { user };
}

/** A one-time code for `userId`; only its hash is stored. */
async function issueSignInCode(db: Db, userId: string): Promise<string> {
  const code = randomToken();
  await saveSignInCode(db, {
    codeHash: await sha256Hex(code),
    userId,
    expiresAt: new Date(Date.now() + SIGN_IN_CODE_TTL_MS).toISOString(),
  });
  return code;
}

const codeRefused = () => new ApiError(400, "bad_request", "Mã đăng nhập đã hết hạn hoặc đã được dùng. Vui lòng đăng nhập lại.");

/**
 * Exchanges a one-time code for a session, once, within its minute. With an invitation token the
 * account first accepts it (which refuses what it must, with its reason); either way only an
 * active staff account gets a session.
 */
export async function redeemSignInCode(db: Db, env: CloudflareBindings, code: string, invitation?: string): Promise<Session> {
  const row = await takeSignInCode(db, await sha256Hex(code));
  if (!row || row.expiresAt < new Date().toISOString()) throw codeRefused();
  const user = invitation ? await acceptInvitation(db, env.PROVINCE_ID, invitation, row.userId) : await getUser(db, row.userId);
  if (refusal(user, env.PROVINCE_ID)) throw codeRefused();
  return startSession(db, env, user!);
}

/** One SSO subject per account and one account per SSO subject; binding the same pair again is fine. */
async function linkSsoSubject(db: Db, userId: string, subject: string): Promise<"ok" | "identity_taken" | "account_linked"> {
  if (await bindSsoSubject(db, userId, subject)) return "ok";
  const holder = await findUserBySsoSubject(db, subject);
  if (holder) return holder.id === userId ? "ok" : "identity_taken";
  return "account_linked";
}
