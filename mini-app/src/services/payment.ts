import type { PaymentStartData } from "./authed-api";
import { openExternal } from "./zalo";

/**
 * Sends the resident to pay, by what the province's provider answered: the gateway's page (Zalo's
 * web view, or this tab in a browser), from which the gateway returns to the dossier page. False
 * when this build cannot open that kind of payment.
 */
export async function openPayment(start: PaymentStartData["start"]): Promise<boolean> {
  switch (start.kind) {
    case "redirect":
      await openExternal(start.url);
      return true;
    case "zalo_checkout":
      // Zalo Checkout's order is handed to zmp-sdk's Payment.createOrder by the Checkout adapter.
      return false;
  }
}
