// The local Zalo Checkout sandbox (scripts/zalo-checkout-sandbox.ts) for `npm start` with
// PAYMENT_PROVIDER=zalo_checkout: the API signs orders for it and asks it about them, and the mini
// app's browser fallback pays there (VITE_ZALO_CHECKOUT_SANDBOX_URL); it posts the callback back.
import { spawn } from "node:child_process";

/** Starts the sandbox on `port`, for the development app id and private key of worker/wrangler.jsonc. */
export function startCheckoutSandbox(port, { detached = false } = {}) {
  return spawn("node_modules/.bin/tsx", ["scripts/zalo-checkout-sandbox.ts", String(port)], {
    stdio: ["ignore", "inherit", "inherit"],
    detached,
  });
}

export const checkoutSandboxUrl = (port) => `http://127.0.0.1:${port}`;

/** wrangler dev arguments that make the API on this machine take fees through the sandbox. */
export const checkoutVars = (port) => [
  "--var",
  "PAYMENT_PROVIDER:zalo_checkout",
  "--var",
  `ZALO_CHECKOUT_URL:${checkoutSandboxUrl(port)}`,
];
