import { eq, or } from "drizzle-orm";
import { VneidCallbackQuery, VneidStartBody } from "../../../shared/src/auth/api";
import { rateLimit, requireUser } from "../auth/middleware";
import type { Db } from "../db/client";
import { saveOidcRequest, takeOidcRequest } from "../db/repo/oidc-requests";
import { markVneidVerified } from "../db/repo/users";
import { users } from "../db/schema";
import { ApiError, securityLog } from "../lib/errors";
import { factory } from "../lib/factory";
import { validate } from "../lib/validate";
import { type Authorized, completeAuthorization, startAuthorization } from "../services/oidc";

/**
 * Linking a VNeID identity to a signed-in resident through the province's SSO. `/start` is called
 * by the mini app; `/callback` is the browser redirect from the provider, so it has no bearer:
 * the single-use `state` row says whose request it is.
 */

/** The request behind `state`, used up; a VNeID request always names its resident. */
async function takeRequest(db: Db, state: string) {
  const row = await takeOidcRequest(db, state, ["vneid"]);
  return row?.userId ? { ...row, userId: row.userId } : undefined;
}

/** One VNeID identity per account and one account per VNeID identity. */
async function linkIdentity(
  db: Db,
  userId: string,
  { subject, claims }: Authorized,
): Promise<"ok" | "identity_taken" | "account_linked"> {
  const holders = await db
    .select({ id: users.id, subject: users.vneidSubject })
    .from(users)
    .where(or(eq(users.id, userId), eq(users.vneidSubject, subject)));
  if (holders.some((h) => h.id !== userId)) return "identity_taken";
  if (holders.some((h) => h.subject !== null && h.subject !== subject)) return "account_linked";
  await markVneidVerified(db, userId, subject, claims);
  return "ok";
}

export const vneidRoutes = factory
  .createApp()
  .post(
    "/start",
    requireUser(),
    rateLimit("AUTH_LIMITER", (c) => `vneid:${c.var.user.id}`),
    validate("json", VneidStartBody),
    async (c) => {
      const { authorizationUrl, ...pending } = await startAuthorization(c.env, "vneid");
      await saveOidcRequest(c.var.db, {
        ...pending,
        userId: c.var.user.id,
        returnPath: c.req.valid("json").returnPath,
      });
      return c.json({ authorizationUrl }, 200);
    },
  )
  /**
   * The resident's browser lands here from the provider, so every outcome is a redirect back into the
   * mini app: `?vneid=ok`, or `?vneid=failed&reason=` expired | cancelled | rejected | unavailable |
   * identity_taken | account_linked, which the app explains in Vietnamese.
   */
  .get("/callback", validate("query", VneidCallbackQuery), async (c) => {
    const query = c.req.valid("query");
    const request = await takeRequest(c.var.db, query.state);
    const back = (returnPath: string, outcome: string) => {
      securityLog(c, `vneid_${outcome}`, request?.userId, outcome === "ok" ? "info" : "warn");
      return c.redirect(`${c.env.QR_LINK_BASE}${returnPath}?vneid=${outcome === "ok" ? "ok" : `failed&reason=${outcome}`}`, 302);
    };
    if (!request) return back("/", "expired");
    // The resident cancelled or the provider refused (e.g. error=access_denied).
    if (query.error || !query.code) return back(request.returnPath, "cancelled");
    let authorized: Authorized;
    try {
      authorized = await completeAuthorization(c.env, "vneid", new URL(c.req.url).searchParams, request);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return back(request.returnPath, err.status === 400 ? "rejected" : "unavailable");
    }
    return back(request.returnPath, await linkIdentity(c.var.db, request.userId, authorized));
  });
