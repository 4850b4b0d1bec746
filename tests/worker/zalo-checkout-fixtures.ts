import { expect, inject } from "vitest";
import type { SandboxControls, SentCallback } from "../../scripts/zalo-checkout-sandbox";
import type { PaymentOrder, PaymentStart } from "../../worker/src/payments/provider";
import { zaloCheckoutProvider } from "../../worker/src/payments/zalo-checkout";
import { testEnv } from "./helpers";

/** The Zalo Checkout sandbox the global setup started (scripts/zalo-checkout-sandbox.ts). */
export const sandboxUrl = () => inject("zaloCheckoutUrl");

/**
 * The worker's configuration pointed at the sandbox, under a Checkout app id of its own: the
 * sandbox keeps its controls per app id, so tests running side by side do not steer each other.
 */
export function checkoutEnv(overrides: Partial<CloudflareBindings> = {}): CloudflareBindings {
  return {
    ...testEnv(),
    PAYMENT_PROVIDER: "zalo_checkout",
    ZALO_CHECKOUT_URL: sandboxUrl(),
    ZALO_MINI_APP_ID: `app-${crypto.randomUUID()}`,
    ...overrides,
  };
}

export const providerFor = (env: CloudflareBindings) => zaloCheckoutProvider(env);

/** Sets the sandbox's behaviour for one app id. */
export async function sandboxControls(appId: string, controls: Partial<SandboxControls>) {
  const res = await fetch(`${sandboxUrl()}/sandbox/apps/${encodeURIComponent(appId)}/controls`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(controls),
  });
  expect(res.status).toBe(200);
}

type CheckoutOrder = Extract<PaymentStart, { kind: "zalo_checkout" }>["order"];

/** What the mini app does with the order: hands it to Checkout (here the sandbox), which pays it. */
export async function payInSandbox(appId: string, order: CheckoutOrder) {
  const res = await fetch(`${sandboxUrl()}/sandbox/pay`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ appId, ...order }),
  });
  return (await res.json()) as { error: number; msg: string; data?: { orderId: string; transId: string; resultCode: number } };
}

/** The callbacks the sandbox sent (or recorded) for a Checkout order. */
export async function sentCallbacks(orderId: string): Promise<SentCallback[]> {
  const res = await fetch(`${sandboxUrl()}/sandbox/callbacks?orderId=${encodeURIComponent(orderId)}`);
  return ((await res.json()) as { callbacks: SentCallback[] }).callbacks;
}

/** A callback body as Zalo posts it to the notify URL. */
export const callbackRequest = (body: unknown) =>
  new Request("http://localhost/api/payments/zalo_checkout/notify", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

let sequence = 0;

/** An order as the payment domain hands it to a provider. */
export function paymentOrder(overrides: Partial<PaymentOrder> = {}): PaymentOrder {
  sequence += 1;
  return {
    orderRef: `ord-${crypto.randomUUID()}`,
    amount: 7000,
    description: `Lệ phí hồ sơ AH-TEST-${sequence}`,
    dossierCode: `AH-TEST-${sequence}`,
    returnUrl: "http://localhost:5173/ho-so",
    notifyUrl: "http://localhost/api/payments/zalo_checkout/notify",
    createdAt: new Date(),
    ...overrides,
  };
}
