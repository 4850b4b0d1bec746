// The API for end-to-end tests: a fresh, seeded local D1 and wrangler dev on port 8788
// (E2E_API_PORT), so a developer's `npm start` (8787) can keep running; and the local SSO beside
// it (E2E_SSO_PORT), the payment gateway sandbox (E2E_PAYMENT_PORT) and the national portal's
// stand-in (E2E_PORTAL_PORT) and Zalo's message APIs' stand-in (E2E_ZALO_PORT).
import { rmSync } from "node:fs";
import {
  E2E_API_PORT,
  E2E_APP_PORT,
  E2E_CHECKOUT_PORT,
  E2E_PAYMENT_PORT,
  E2E_PORTAL_PORT,
  E2E_SSO_PORT,
  E2E_ZALO_PORT,
} from "./e2e-ports.mjs";
import { prepareDatabase, startApi } from "./local-api.mjs";
import { checkoutVars, startCheckoutSandbox } from "./local-checkout.mjs";
import { paymentSandboxVars, startPaymentSandbox } from "./local-payments.mjs";
import { localPortalVars, startLocalPortal } from "./local-portal.mjs";
import { localSsoVars, startLocalSso } from "./local-sso.mjs";
import { localZaloVars, startLocalZalo } from "./local-zalo.mjs";

const persistTo = ".wrangler/e2e";
rmSync(persistTo, { recursive: true, force: true });
prepareDatabase(persistTo);
const sso = startLocalSso(E2E_SSO_PORT, E2E_API_PORT);
const payments = startPaymentSandbox(E2E_PAYMENT_PORT, E2E_API_PORT);
const portal = startLocalPortal(E2E_PORTAL_PORT);
const zalo = startLocalZalo(E2E_ZALO_PORT, E2E_API_PORT);
// E2E_PAYMENT_PROVIDER=zalo_checkout: fees go through the Zalo Checkout sandbox instead (tests/e2e/pay-checkout.spec.ts).
const checkout = process.env.E2E_PAYMENT_PROVIDER === "zalo_checkout" ? startCheckoutSandbox(E2E_CHECKOUT_PORT) : null;
const app = `http://localhost:${E2E_APP_PORT}`;
const api = startApi(persistTo, E2E_API_PORT, {
  extraArgs: [
    "--var",
    `ALLOWED_ORIGINS:${app}`,
    "--var",
    `STAFF_APP_URL:${app}`,
    ...localSsoVars(E2E_SSO_PORT, E2E_API_PORT),
    ...paymentSandboxVars(E2E_PAYMENT_PORT, E2E_API_PORT),
    ...localPortalVars(E2E_PORTAL_PORT),
    ...localZaloVars(E2E_ZALO_PORT),
    ...(checkout ? checkoutVars(E2E_CHECKOUT_PORT) : []),
  ],
});
const stop = () => {
  sso.kill("SIGTERM");
  payments.kill("SIGTERM");
  portal.kill("SIGTERM");
  zalo.kill("SIGTERM");
  checkout?.kill("SIGTERM");
  api.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
api.on("exit", (code) => {
  sso.kill("SIGTERM");
  payments.kill("SIGTERM");
  portal.kill("SIGTERM");
  zalo.kill("SIGTERM");
  checkout?.kill("SIGTERM");
  process.exit(code ?? 1);
});
