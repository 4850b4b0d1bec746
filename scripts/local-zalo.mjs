// The stand-in for Zalo's message APIs (scripts/zalo-standin.ts), so that notifications are
// delivered through the local queue under `npm start` and the browser tests, with signed
// delivery webhooks posted back to the API.
import { spawn } from "node:child_process";

const url = (port) => `http://127.0.0.1:${port}`;

/** Starts the stand-in on `port`, posting its webhooks to the API on `apiPort`. */
export function startLocalZalo(port, apiPort, { detached = false } = {}) {
  return spawn("node_modules/.bin/tsx", ["scripts/zalo-standin.ts", String(port), `${url(apiPort)}/api/webhooks/zalo`], {
    stdio: ["ignore", "ignore", "inherit"],
    detached,
  });
}

/** wrangler dev arguments that point the API's Zalo message calls at the stand-in on `port`. */
export const localZaloVars = (port) => [
  "--var",
  `ZALO_OA_URL:${url(port)}`,
  "--var",
  `ZALO_ZNS_URL:${url(port)}`,
  "--var",
  `ZALO_OAUTH_URL:${url(port)}`,
  "--var",
  `ZALO_OA_REFRESH_TOKEN:seed-${Date.now()}`,
];

export const localZaloUrl = url;
