import type { TestProject } from "vitest/node";
import { startOidcProvider } from "../../scripts/oidc-provider";
import { startPortalStandin } from "../../scripts/portal-standin";
import { readCatalogue } from "../../scripts/seed/read";
import type { ProvinceCatalogue } from "../../shared/src/catalogue/province-catalogue";
import { startFakeZalo } from "./fake-zalo";

// The app secret the worker's local configuration uses (worker/wrangler.jsonc).
export const DEV_ZALO_APP_SECRET = "dev-zalo-app-secret";

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
  const oidc = await startOidcProvider(OIDC_TEST_CLIENT);
  const oidcForeignKey = await startOidcProvider(OIDC_TEST_CLIENT, { publishForeignKey: true });
  const portal = await startPortalStandin();
  project.provide("sampleCatalogue", readCatalogue());
  project.provide("zaloGraphUrl", zalo.url);
  project.provide("oidcIssuer", oidc.url);
  project.provide("oidcIssuerForeignKey", oidcForeignKey.url);
  project.provide("portalUrl", portal.url);
  return async () => {
    await new Promise((resolve) => zalo.server.close(resolve));
    await new Promise((resolve) => oidc.server.close(resolve));
    await new Promise((resolve) => oidcForeignKey.server.close(resolve));
    await new Promise((resolve) => portal.server.close(resolve));
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    sampleCatalogue: ProvinceCatalogue;
    zaloGraphUrl: string;
    oidcIssuer: string;
    oidcIssuerForeignKey: string;
    portalUrl: string;
  }
}
