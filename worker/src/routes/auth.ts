import { DevLoginBody, RefreshBody, ZaloLoginBody } from "../../../shared/src/auth/api";
import { addressCeiling, limit, requireUser } from "../auth/middleware";
import { DEV_PERSONAS, personaUserId } from "../auth/personas";
import { issuedRefreshToken, refreshSession, revokeSession, startSession } from "../auth/session";
import { resetMessagesAnswer } from "../db/repo/deliveries";
import { upsertUser, upsertZaloUser } from "../db/repo/users";
import { devAuthEnabled } from "../lib/config";
import { notFound, securityLog } from "../lib/errors";
import { factory } from "../lib/factory";
import { validate } from "../lib/validate";
import { verifyAccessToken } from "../services/zalo";

export const authRoutes = factory
  .createApp()
  /**
   * Sign in with the token from zmp-sdk's getAccessToken(), verified server-side with Zalo. The
   * person is limited by the Zalo id Zalo vouched for: a key taken from the unverified token
   * would be whatever the caller chose, so floods are the address ceiling's job.
   */
  .post("/zalo", addressCeiling, validate("json", ZaloLoginBody), async (c) => {
    const profile = await verifyAccessToken(c.env, c.req.valid("json").accessToken);
    await limit(c.env.AUTH_LIMITER, `zalo:${profile.id}`);
    const user = await upsertZaloUser(c.var.db, c.env.PROVINCE_ID, profile.id, profile.name);
    if (user.disabledAt) throw notFound();
    securityLog(c, "login_zalo", user.id, "info");
    return c.json(await startSession(c.var.db, c.env, user), 200);
  })
  // Limited per session, counted only for tokens the server issued, so a stranger cannot use up a session's renewals.
  .post("/refresh", addressCeiling, validate("json", RefreshBody), async (c) => {
    const token = await issuedRefreshToken(c.env, c.req.valid("json").refreshToken);
    await limit(c.env.AUTH_LIMITER, `refresh:${token.sessionId}`);
    return c.json(await refreshSession(c.var.db, c.env, token), 200);
  })
  .post("/logout", requireUser(), async (c) => {
    await revokeSession(c.var.db, c.var.user.sessionId);
    return c.body(null, 204);
  });

/** Persona sign-in for local development; every route answers 404 unless DEV_AUTH is enabled. */
export const devAuthRoutes = factory
  .createApp()
  .use(async (c, next) => {
    if (!devAuthEnabled(c.env)) throw notFound("Không tìm thấy đường dẫn này.");
    await next();
  })
  .get("/personas", (c) =>
    c.json({ items: DEV_PERSONAS.map(({ id, label, role, unitId }) => ({ id, label, role, unitId })) }, 200),
  )
  .post("/", validate("json", DevLoginBody), async (c) => {
    const persona = DEV_PERSONAS.find((p) => p.id === c.req.valid("json").persona);
    if (!persona) throw notFound("Không có người dùng thử này.");
    const user = await upsertUser(c.var.db, c.env.PROVINCE_ID, { ...persona, id: personaUserId(persona.id) });
    // Like its VNeID state, a persona's answer about Zalo messages starts over, so the app asks again.
    await resetMessagesAnswer(c.var.db, user.id);
    securityLog(c, "login_dev_persona", user.id, "info");
    return c.json(await startSession(c.var.db, c.env, user), 200);
  });
