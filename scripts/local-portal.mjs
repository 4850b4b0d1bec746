// The stand-in for the national public-service portal (scripts/portal-standin.ts), so that every
// dossier and status change syncs through the local queue under `npm start` and the browser tests.
import { spawn } from "node:child_process";

const url = (port) => `http://127.0.0.1:${port}`;

/** Starts the stand-in on `port`; the API's development PORTAL_TOKEN is its token. */
export function startLocalPortal(port, { detached = false } = {}) {
  return spawn("node_modules/.bin/tsx", ["scripts/portal-standin.ts", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    detached,
  });
}

/** wrangler dev arguments that point the API at the stand-in on `port`. */
export const localPortalVars = (port) => ["--var", `PORTAL_URL:${url(port)}`];

export const localPortalUrl = url;
