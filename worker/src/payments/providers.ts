import type { PaymentProviderName } from "../../../shared/src/payment/api";
import { gatewayProvider } from "./gateway";
import type { PaymentProvider } from "./provider";
import { zaloCheckoutProvider } from "./zalo-checkout";

/** The provider implementations by name. */
const PROVIDERS: Partial<Record<PaymentProviderName, (env: CloudflareBindings) => PaymentProvider>> = {
  gateway: gatewayProvider,
  zalo_checkout: zaloCheckoutProvider,
};

const isProviderName = (name: string): name is PaymentProviderName => Object.hasOwn(PROVIDERS, name);

/**
 * The provider new payments go through, by the province's PAYMENT_PROVIDER; null when online
 * payment is off (empty) or names a provider this build does not have.
 */
export function providerFor(env: CloudflareBindings): PaymentProvider | null {
  return providerNamed(env, env.PAYMENT_PROVIDER);
}

/**
 * The provider a notification or an earlier payment names, whatever is configured for new payments
 * now, so that a province switching providers still settles the orders already under way.
 */
export function providerNamed(env: CloudflareBindings, name: string): PaymentProvider | null {
  return isProviderName(name) ? PROVIDERS[name]!(env) : null;
}
