import type { TestProject } from "vitest/node";
import { startOidcProvider } from "../../scripts/oidc-provider";
import { startPaymentSandbox } from "../../scripts/payment-sandbox";
import { startPortalStandin } from "../../scripts/portal-standin";
import { SAMPLE_CITIZEN_CLAIMS } from "../../scripts/sample-citizens";
import { readCatalogue } from "../../scripts/seed/read";
import { startZaloCheckoutSandbox } from "../../scripts/zalo-checkout-sandbox";
import { startZaloStandin } from "../../scripts/zalo-standin";
import type { ProvinceCatalogue } from "../../shared/src/catalogue/province-catalogue";
import { startFakeZalo } from "./fake-zalo";

// The app secret the worker's local configuration uses (worker/wrangler.jsonc).
export const DEV_ZALO_APP_SECRET = "dev-zalo-app-secret";
// The Checkout private key of the same configuration.
const DEV_ZALO_CHECKOUT_PRIVATE_KEY = "dev-zalo-checkout-private-key";

// The relying party registered at the test OpenID provider; tests/worker/oidc-fixtures.ts configures the worker with the same values.
const OIDC_TEST_CLIENT = {
  clientId: "mot-cua-zalo-test",
  clientSecret: "test-oidc-client-secret",
  redirectUris: ["http://localhost/api/auth/vneid/callback", "http://localhost/api/auth/sso/callback"],
};

/**
 * Real HTTP servers on loopback that stand in for external services during worker tests, and the
 * sample province read from its data files (workerd has no file system).
 */
export default async function setup(project: TestProject) {
  const zalo = await startFakeZalo(DEV_ZALO_APP_SECRET);
  const oidc = await startOidcProvider(OIDC_TEST_CLIENT, { claims: SAMPLE_CITIZEN_CLAIMS });
  const oidcForeignKey = await startOidcProvider(OIDC_TEST_CLIENT, { publishForeignKey: true });
  const checkout = await startZaloCheckoutSandbox({ privateKey: DEV_ZALO_CHECKOUT_PRIVATE_KEY });
  const portal = await startPortalStandin();
  // The worker under test is not listening on a port: the stand-in keeps its webhooks for the tests to deliver.
  const zaloMessages = await startZaloStandin();
  project.provide("zaloMessagesUrl", zaloMessages.url);
  project.provide("sampleCatalogue", readCatalogue());
  project.provide("zaloGraphUrl", zalo.url);
  project.provide("oidcIssuer", oidc.url);
  project.provide("oidcIssuerForeignKey", oidcForeignKey.url);
  project.provide("zaloCheckoutUrl", checkout.url);
  // The worker under test is not listening on a port, so the sandbox keeps its IPNs for the tests to deliver.
  const gateway = await startPaymentSandbox();
  project.provide("paymentGatewayUrl", gateway.url);
  project.provide("portalUrl", portal.url);
  return async () => {
    gateway.server.closeAllConnections();
    await new Promise((resolve) => gateway.server.close(resolve));
    await new Promise((resolve) => zalo.server.close(resolve));
    await new Promise((resolve) => oidc.server.close(resolve));
    await new Promise((resolve) => oidcForeignKey.server.close(resolve));
    checkout.server.closeAllConnections();
    await new Promise((resolve) => checkout.server.close(resolve));
    await new Promise((resolve) => portal.server.close(resolve));
    zaloMessages.server.closeAllConnections();
    await new Promise((resolve) => zaloMessages.server.close(resolve));
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    sampleCatalogue: ProvinceCatalogue;
    zaloGraphUrl: string;
    oidcIssuer: string;
    oidcIssuerForeignKey: string;
    zaloCheckoutUrl: string;
    paymentGatewayUrl: string;
    portalUrl: string;
    zaloMessagesUrl: string;
  }
}
