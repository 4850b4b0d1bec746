// `npm start`: install what is missing, migrate and seed the local D1, then run the API
// (wrangler dev, offline) and the mini app (Vite on localhost) until Ctrl-C.
import { spawn } from "node:child_process";
import { ensureInstalled } from "./ensure-install.mjs";
import { prepareDatabase, runCron, startApi, tickCron, waitUntilUp } from "./local-api.mjs";
import { checkoutSandboxUrl, checkoutVars, startCheckoutSandbox } from "./local-checkout.mjs";
import { paymentSandboxUrl, paymentSandboxVars, startPaymentSandbox } from "./local-payments.mjs";
import { localPortalUrl, localPortalVars, startLocalPortal } from "./local-portal.mjs";
import {
  LOCAL_CITIZEN_USERNAMES,
  LOCAL_SSO_PASSWORD,
  LOCAL_STAFF_USERNAMES,
  localSsoUrl,
  localSsoVars,
  startLocalSso,
} from "./local-sso.mjs";
import { localZaloUrl, localZaloVars, startLocalZalo } from "./local-zalo.mjs";

const API_PORT = 8787;
const APP_URL = "http://localhost:5173";
const SSO_PORT = 8786;
const PAYMENT_PORT = 8785;
// PAYMENT_PROVIDER=zalo_checkout npm start: fees are paid through a local Zalo Checkout sandbox instead.
const CHECKOUT_PORT = process.env.PAYMENT_PROVIDER === "zalo_checkout" ? 8784 : null;
const PORTAL_PORT = 8783;
const ZALO_PORT = 8782;

ensureInstalled();
// A synthetic year of dossiers, so that the dashboard has figures to show.
prepareDatabase(".wrangler/state", { history: 3000 });

// Each child leads its own process group, so stopping the group stops everything under it
// (npm → sh → vite; wrangler → workerd) however this script itself is stopped.
// The local SSO serves staff sign-in on a desktop and the VNeID link; the link returns into the app
// here rather than to Zalo's deep link.
const children = [
  startLocalSso(SSO_PORT, API_PORT, { detached: true }),
  startPaymentSandbox(PAYMENT_PORT, API_PORT, { detached: true }),
  startLocalPortal(PORTAL_PORT, { detached: true }),
  startLocalZalo(ZALO_PORT, API_PORT, { detached: true }),
  startApi(".wrangler/state", API_PORT, {
    detached: true,
    extraArgs: [
      ...localSsoVars(SSO_PORT, API_PORT),
      ...paymentSandboxVars(PAYMENT_PORT, API_PORT),
      ...localPortalVars(PORTAL_PORT),
      ...localZaloVars(ZALO_PORT),
      "--var",
      `QR_LINK_BASE:${APP_URL}`,
      // Later values win: Checkout replaces the gateway as the provider.
      ...(CHECKOUT_PORT ? checkoutVars(CHECKOUT_PORT) : []),
    ],
  }),
  spawn("npm", ["run", "dev", "--prefix", "mini-app"], {
    stdio: "inherit",
    detached: true,
    env: CHECKOUT_PORT ? { ...process.env, VITE_ZALO_CHECKOUT_SANDBOX_URL: checkoutSandboxUrl(CHECKOUT_PORT) } : process.env,
  }),
  ...(CHECKOUT_PORT ? [startCheckoutSandbox(CHECKOUT_PORT, { detached: true })] : []),
];

let stopTicking = () => {};
waitUntilUp(`http://127.0.0.1:${API_PORT}/api/health`)
  // wrangler dev never fires cron triggers: run the nightly job once, so the figures take in the
  // seeded year (and any dossier filed since the last start) before anyone opens the dashboard,
  // then the every-minute one every minute (figures, payments, portal sync and notices left behind).
  .then(() => runCron(API_PORT, "0 19 * * *"))
  .then(() => {
    stopTicking = tickCron(API_PORT, "* * * * *");
  })
  .then(() => waitUntilUp(`${APP_URL}/`))
  .then(() => waitUntilUp(`${localSsoUrl(SSO_PORT)}/.well-known/openid-configuration`))
  .then(() => waitUntilUp(`${localPortalUrl(PORTAL_PORT)}/health`))
  .then(() => {
    console.log(`\n  API:      http://127.0.0.1:${API_PORT}/api/health`);
    console.log(`  Mini app: ${APP_URL}   (open it in Chromium; try “dang ky khai sinh”, “so do”, “bang lai”)`);
    console.log(
      `  SSO:      ${localSsoUrl(SSO_PORT)}   (local stand-in for the province's SSO; password of every account: ${LOCAL_SSO_PASSWORD})`,
    );
    console.log(`    staff on a desktop, at ${APP_URL}/dang-nhap: ${LOCAL_STAFF_USERNAMES.join(", ")}`);
    console.log(`    citizens for the VNeID link: ${LOCAL_CITIZEN_USERNAMES.join(", ")}`);
    console.log(
      `  Payments: ${paymentSandboxUrl(PAYMENT_PORT)}   (payment gateway sandbox: fees of accepted dossiers are paid there online)`,
    );
    if (CHECKOUT_PORT)
      console.log(`  Checkout: ${checkoutSandboxUrl(CHECKOUT_PORT)}   (local Zalo Checkout sandbox: fees are paid there)`);
    console.log(
      `  Portal:   ${localPortalUrl(PORTAL_PORT)}/api/standin/received   (stand-in for the national public-service portal: what the sync sent)`,
    );
    console.log(
      `  Zalo:     ${localZaloUrl(ZALO_PORT)}/api/standin/sent   (stand-in for Zalo's OA and ZNS messages: what was sent)`,
    );
    console.log("  Ctrl-C to stop.\n");
  })
  .catch((error) => {
    console.error(error.message);
    stop();
  });

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  stopTicking();
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  setTimeout(() => process.exit(0), 1000);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children) child.on("exit", stop);
