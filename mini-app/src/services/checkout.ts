import type { PaymentStartResponse } from "../../../shared/src/payment/fee";
import { sendAuthed } from "./authed-api";
import { createCheckoutOrder } from "./zalo";

/**
 * Pays a dossier's fee through Zalo Checkout with the order the API prepared (the answer of
 * `POST /api/dossiers/:code/payments` when its start is kind "zalo_checkout"), then tells the API
 * the order id Checkout gave it, so the API can ask Zalo if the callback never comes. False when
 * the resident closed Checkout or it is not available here. The fee is paid only once the API
 * hears so from Zalo: the caller reads the dossier's fee again.
 */
export async function payWithCheckout(code: string, answer: PaymentStartResponse): Promise<boolean> {
  if (answer.start.kind !== "zalo_checkout") return false;
  const created = await createCheckoutOrder(answer.start.order);
  if (!created) return false;
  await sendAuthed((api) =>
    api.dossiers[":code"].payments["checkout-order"].$post({
      param: { code },
      json: { orderRef: answer.orderRef, orderId: created.orderId },
    }),
  );
  return true;
}
