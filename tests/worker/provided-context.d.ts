import "vitest";
import type { ProvinceCatalogue } from "../../shared/src/catalogue/province-catalogue";

declare module "vitest" {
  export interface ProvidedContext {
    /** The sample province, read and validated from scripts/seed/an-hoa (tests/support/global-setup.ts). */
    sampleCatalogue: ProvinceCatalogue;
    /** Base URL of the fake Zalo Graph API (tests/support/fake-zalo.ts). */
    zaloGraphUrl: string;
    /** Issuer of the test OpenID provider standing in for the province's SSO (scripts/oidc-provider.ts). */
    oidcIssuer: string;
    /** The same, except that its published JWKS does not hold the key its ID tokens are signed with. */
    oidcIssuerForeignKey: string;
    /** Base URL of the Zalo Checkout sandbox (scripts/zalo-checkout-sandbox.ts). */
    zaloCheckoutUrl: string;
    /** Base URL of the payment gateway sandbox (scripts/payment-sandbox.ts). */
    paymentGatewayUrl: string;
    /** Base URL of the national portal's stand-in (scripts/portal-standin.ts). */
    portalUrl: string;
    /** Base URL of the stand-in for Zalo's OA and ZNS message APIs (scripts/zalo-standin.ts). */
    zaloMessagesUrl: string;
  }
}
