import { NotificationQuery, NotificationsReadBody, PhoneBody } from "../../../shared/src/auth/api";
import { MessagesAnswerBody, type MessagesState } from "../../../shared/src/notify/delivery";
import { rateLimit, requireUser } from "../auth/middleware";
import { messagesStateOf, setMessagesAnswer } from "../db/repo/deliveries";
import { listNotifications, markNotificationsRead } from "../db/repo/notifications";
import { getUser, setPhone, toMe } from "../db/repo/users";
import { notFound } from "../lib/errors";
import { factory } from "../lib/factory";
import { validate } from "../lib/validate";
import { exchangePhoneToken } from "../services/zalo";

export const meRoutes = factory
  .createApp()
  .use(requireUser())
  .get("/", async (c) => {
    const user = await getUser(c.var.db, c.var.user.id);
    if (!user) throw notFound();
    return c.json(toMe(user), 200);
  })
  // What staff did on the caller's dossiers, newest first.
  .get("/notifications", validate("query", NotificationQuery), async (c) => {
    const { cursor, limit: size } = c.req.valid("query");
    return c.json(await listNotifications(c.var.db, c.var.user.id, cursor, size), 200);
  })
  .post("/notifications/read", validate("json", NotificationsReadBody), async (c) => {
    await markNotificationsRead(c.var.db, c.var.user.id, c.req.valid("json").upTo);
    return c.body(null, 204);
  })
  // Whether the app should still ask to allow Zalo messages (after a first submission), and the OA to follow.
  .get("/zalo-messages", async (c) => {
    const row = await messagesStateOf(c.var.db, c.var.user.id);
    const state: MessagesState = { answer: row?.answer ?? null, following: Boolean(row?.oaUserId), oaId: c.env.ZALO_OA_ID };
    return c.json(state, 200);
  })
  // The resident's answer, so they are not asked again; the OA id itself comes only from the signed follow webhook.
  .post("/zalo-messages", validate("json", MessagesAnswerBody), async (c) => {
    await setMessagesAnswer(c.var.db, c.var.user.id, c.req.valid("json").answer, new Date().toISOString());
    return c.body(null, 204);
  })
  // The resident tapped "Dùng số điện thoại Zalo" after being told why: exchange the single-use token.
  .post(
    "/phone",
    rateLimit("AUTH_LIMITER", (c) => `phone:${c.var.user.id}`),
    validate("json", PhoneBody),
    async (c) => {
      const { accessToken, code } = c.req.valid("json");
      const phone = await exchangePhoneToken(c.env, accessToken, code);
      await setPhone(c.var.db, c.var.user.id, phone);
      const user = await getUser(c.var.db, c.var.user.id);
      // The number goes back only to its owner, this once, to fill the form's contact field.
      return c.json({ ...toMe(user!), phone }, 200, { "Cache-Control": "no-store" });
    },
  );
