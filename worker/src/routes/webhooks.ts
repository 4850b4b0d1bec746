import { bodyLimit } from "hono/body-limit";
import { ApiError, notFound, unauthorized } from "../lib/errors";
import { factory } from "../lib/factory";
import { handleZaloEvent, verifiedEvent } from "../notify/webhooks";
import { messagesConfigured } from "../services/zalo-messages";

/** An OA event is a few hundred bytes; nothing larger is read. */
const eventLimit = bodyLimit({
  maxSize: 64 * 1024,
  onError: () => {
    throw new ApiError(413, "payload_too_large");
  },
});

/**
 * Zalo's OA webhook, without a session: the signature (OA secret key) is the only proof. A bad
 * signature is a 401; any event with a good one is a 200 at once, handled or ignored.
 */
export const webhookRoutes = factory.createApp().post("/zalo", eventLimit, async (c) => {
  if (!messagesConfigured(c.env)) throw notFound();
  const event = await verifiedEvent(c.env, await c.req.text(), c.req.header("X-ZEvent-Signature"));
  if (!event) throw unauthorized("Chữ ký không hợp lệ.");
  const { handled } = await handleZaloEvent(c.env, c.var.db, event, new Date().toISOString());
  return c.json({ ok: true, handled }, 200);
});
