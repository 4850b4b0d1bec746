// The payment gateway sandbox (scripts/payment-sandbox.ts) beside a local API, so that fees can be
// paid online offline under `npm start` and in the browser tests.
import { spawn } from "node:child_process";

const sandboxUrl = (port) => `http://127.0.0.1:${port}`;
const api = (apiPort) => `http://127.0.0.1:${apiPort}`;

/** Starts the sandbox on `port`, sending its IPNs to the API on `apiPort`. */
export function startPaymentSandbox(port, apiPort, { detached = false } = {}) {
  return spawn(
    "node_modules/.bin/tsx",
    ["scripts/payment-sandbox.ts", String(port), `${api(apiPort)}/api/payments/gateway/notify`],
    { stdio: ["ignore", "inherit", "inherit"], detached },
  );
}

/** wrangler dev arguments that turn online payment on through the sandbox on `port`. */
export function paymentSandboxVars(port, apiPort) {
  return [
    ["PAYMENT_PROVIDER", "gateway"],
    ["PAYMENT_GATEWAY_URL", sandboxUrl(port)],
    ["API_PUBLIC_URL", api(apiPort)],
  ].flatMap(([name, value]) => ["--var", `${name}:${value}`]);
}

export const paymentSandboxUrl = sandboxUrl;
