import type { CheckoutOrderBody } from "../../../shared/src/payment/api";
import type { Db } from "../db/client";
import type { ViewRow } from "../db/repo/dossiers";
import { paymentByOrderRef, setProviderOrderId } from "../db/repo/payments";
import { conflict, notFound } from "../lib/errors";

/**
 * Zalo Checkout names its order only to the mini app (createOrder's answer) and in its callback.
 * The mini app reports it here so that the reconciliation can ask about a payment whose callback
 * never came. The id is only ever used to ask Zalo, whose answer must carry this payment's own
 * orderRef (zalo-checkout.ts), so a wrong id settles nothing.
 */
export async function recordCheckoutOrder(db: Db, row: ViewRow, body: CheckoutOrderBody, now = new Date()) {
  const payment = await paymentByOrderRef(db, body.orderRef);
  if (!payment || payment.dossierId !== row.d.id) throw notFound("Không tìm thấy khoản thanh toán này.");
  if (payment.provider !== "zalo_checkout") throw conflict("Khoản thanh toán này không thanh toán qua Zalo Checkout.");
  if (payment.providerOrderId === body.orderId) return;
  const recorded =
    payment.providerOrderId === null && (await setProviderOrderId(db, payment.id, body.orderId, now.toISOString())).length > 0;
  if (recorded) return;
  // Set meanwhile (the callback came first, or a concurrent report): the same id is a replay.
  const after = await paymentByOrderRef(db, body.orderRef);
  if (after?.providerOrderId !== body.orderId) throw conflict("Khoản thanh toán này đã gắn với một đơn Zalo Checkout khác.");
}
