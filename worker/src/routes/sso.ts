import { OidcCallbackQuery, SsoExchangeBody, SsoLinkBody, SsoStartBody } from "../../../shared/src/auth/api";
import { STAFF_ROLES } from "../../../shared/src/auth/roles";
import { addressCeiling, rateLimit, requireUser } from "../auth/middleware";
import { completeSsoRequest, redeemSignInCode } from "../auth/sso";
import { saveOidcRequest, takeOidcRequest } from "../db/repo/oidc-requests";
import { securityLog } from "../lib/errors";
import { factory } from "../lib/factory";
import { validate } from "../lib/validate";
import { previewInvitation } from "../people/invitations";
import { startAuthorization } from "../services/oidc";

/**
 * Staff on a desktop, through the province's SSO: `/start` signs in (no bearer; with an invitation
 * token, the invited person accepts it with their SSO account at the exchange), `/link` binds the
 * signed-in staff member's SSO account to their account, `/callback` is the provider's redirect
 * (the single-use `state` row says what it was for), `/exchange` turns the callback's one-time code
 * into a session.
 */

export const ssoRoutes = factory
  .createApp()
  .post("/start", addressCeiling, validate("json", SsoStartBody), async (c) => {
    const { returnPath, invitation } = c.req.valid("json");
    // An invitation that can no longer be accepted is refused now, with its reason, not after the SSO.
    if (invitation) await previewInvitation(c.var.db, c.env.PROVINCE_ID, invitation);
    const { authorizationUrl, ...pending } = await startAuthorization(c.env, "staff");
    await saveOidcRequest(c.var.db, { ...pending, returnPath, purpose: invitation ? "invitation" : "sso_sign_in" });
    return c.json({ authorizationUrl }, 200);
  })
  .post(
    "/link",
    requireUser(...STAFF_ROLES),
    rateLimit("AUTH_LIMITER", (c) => `sso-link:${c.var.user.id}`),
    validate("json", SsoLinkBody),
    async (c) => {
      const { authorizationUrl, ...pending } = await startAuthorization(c.env, "staff");
      await saveOidcRequest(c.var.db, {
        ...pending,
        returnPath: c.req.valid("json").returnPath,
        purpose: "sso_link",
        userId: c.var.user.id,
      });
      return c.json({ authorizationUrl }, 200);
    },
  )
  /**
   * The browser lands here from the provider, so every outcome is a redirect. A sign-in returns to
   * the staff app's `/dang-nhap#code=<one-time code>&next=<path>` (a fragment never reaches a server
   * or a Referer) or `#error=<reason>&next=<path>`; a link returns into the mini app at its path with
   * `?sso=linked` or `?sso=failed&reason=<reason>`. Reasons: SSO_FAILURES (shared/src/auth/api.ts).
   */
  .get("/callback", validate("query", OidcCallbackQuery), async (c) => {
    const request = await takeOidcRequest(c.var.db, c.req.valid("query").state, ["sso_sign_in", "sso_link", "invitation"]);
    const outcome = await completeSsoRequest(c.var.db, c.env, request, new URL(c.req.url).searchParams);
    const failure = "failure" in outcome ? outcome.failure : null;
    securityLog(c, `${request?.purpose ?? "sso_callback"}_${failure ?? "ok"}`, outcome.userId, failure ? "warn" : "info");
    const returnPath = request?.returnPath ?? "/";
    if (request?.purpose === "sso_link") {
      return c.redirect(`${c.env.QR_LINK_BASE}${returnPath}?sso=${failure ? `failed&reason=${failure}` : "linked"}`, 302);
    }
    const result = "code" in outcome ? `code=${outcome.code}` : `error=${failure}`;
    return c.redirect(`${c.env.STAFF_APP_URL}/dang-nhap#${result}&next=${encodeURIComponent(returnPath)}`, 302);
  })
  .post("/exchange", addressCeiling, validate("json", SsoExchangeBody), async (c) => {
    const { code, invitation } = c.req.valid("json");
    const session = await redeemSignInCode(c.var.db, c.env, code, invitation);
    securityLog(c, "login_sso", session.user.id, "info");
    return c.json(session, 200);
  });
