import type { PaymentStartData } from "./authed-api";
import { payWithCheckout } from "./checkout";
import { openExternal } from "./zalo";

/**
 * Sends the resident to pay, by what the province's provider answered: the gateway's page (Zalo's
 * web view, or this tab in a browser), from which the gateway returns to the dossier page; or Zalo
 * Checkout inside the app. False when this build cannot open that kind of payment, or the
 * resident left Checkout.
 */
export async function openPayment(code: string, started: PaymentStartData): Promise<boolean> {
  switch (started.start.kind) {
    case "redirect":
      await openExternal(started.start.url);
      return true;
    case "zalo_checkout":
      return payWithCheckout(code, started);
  }
}
