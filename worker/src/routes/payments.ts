import { sql } from "drizzle-orm";
import { bodyLimit } from "hono/body-limit";
import { PROCESSING_ROLES, WORKSPACE_ROLES } from "../../../shared/src/auth/roles";
import { DossierCodeParam } from "../../../shared/src/dossier/api";
import { CheckoutOrderBody } from "../../../shared/src/payment/api";
import { ProviderParam, RefundBody } from "../../../shared/src/payment/fee";
import { requireRole, requireUser } from "../auth/middleware";
import { actionableDossier, applicantDossier, staffScope, visibleDossier } from "../dossiers/access";
import { ApiError, notFound } from "../lib/errors";
import { factory } from "../lib/factory";
import { completeIdempotencyKey, createOnce, requireIdempotencyKey } from "../lib/idempotency";
import { validate } from "../lib/validate";
import { recordCheckoutOrder } from "../payments/checkout-order";
import { feeView, handleNotification, refundPayment, returnTarget, startPayment } from "../payments/payments";
import { providerNamed } from "../payments/providers";

const provider = (env: CloudflareBindings, name: string) => {
  const found = providerNamed(env, name);
  if (!found) throw notFound("Không có nhà cung cấp thanh toán này.");
  return found;
};

/** A notification is a few hundred bytes; nothing larger is read. */
const notificationLimit = bodyLimit({
  maxSize: 16 * 1024,
  onError: () => {
    throw new ApiError(413, "payload_too_large");
  },
});

/**
 * What the payment providers call, without a session: the server-to-server notification (the
 * gateway's IPN is a GET, Zalo Checkout's callback a POST) and the browser's return.
 */
export const paymentRoutes = factory
  .createApp()
  .on(["GET", "POST"], "/:provider/notify", notificationLimit, validate("param", ProviderParam), async (c) =>
    handleNotification(c.var.db, c.env, provider(c.env, c.req.valid("param").provider), c.req.raw),
  )
  .get("/:provider/return", validate("param", ProviderParam), async (c) =>
    c.redirect(await returnTarget(c.var.db, c.env, provider(c.env, c.req.valid("param").provider), c.req.raw), 302),
  );

/** A dossier's fee and its online payment, for its applicant (and staff who see the dossier). */
export const dossierPaymentRoutes = factory
  .createApp()
  .use(requireUser())
  .get("/:code/fee", validate("param", DossierCodeParam), async (c) => {
    const { db, user } = c.var;
    const row = await visibleDossier(db, user, c.req.valid("param").code);
    c.header("Cache-Control", "private, no-store");
    return c.json(await feeView(db, c.env, row, row.d.applicantId !== user.id), 200);
  })
  .post("/:code/payments", validate("param", DossierCodeParam), async (c) => {
    const key = requireIdempotencyKey(c.req.header("Idempotency-Key"));
    const { db, user } = c.var;
    const code = c.req.valid("param").code;
    return createOnce(c, key, { code }, async () => {
      const row = await applicantDossier(db, user, code);
      return startPayment(db, c.env, user, row, (body) => completeIdempotencyKey(db, user.id, key, body, "", sql`''`));
    });
  })
  .post("/:code/payments/checkout-order", validate("param", DossierCodeParam), validate("json", CheckoutOrderBody), async (c) => {
    const { db, user } = c.var;
    const row = await applicantDossier(db, user, c.req.valid("param").code);
    await recordCheckoutOrder(db, row, c.req.valid("json"));
    return c.body(null, 204);
  });

/** Refunds, by staff who act on the dossier. */
export const staffPaymentRoutes = factory
  .createApp()
  .use(requireUser(...WORKSPACE_ROLES))
  .post(
    "/dossiers/:code/refunds",
    requireRole(...PROCESSING_ROLES),
    validate("param", DossierCodeParam),
    validate("json", RefundBody),
    async (c) => {
      const { db, user } = c.var;
      const scope = await staffScope(db, user);
      const row = await actionableDossier(db, user, scope, c.req.valid("param").code);
      await refundPayment(db, c.env, row, c.req.valid("json"));
      return c.json(await feeView(db, c.env, row, true), 200);
    },
  );
