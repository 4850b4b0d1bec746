// Ports of the end-to-end API, mini app, local SSO and portal stand-in; override them to run two checkouts' browser tests at once.
export const E2E_API_PORT = Number(process.env.E2E_API_PORT ?? 8788);
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 5174);
export const E2E_SSO_PORT = Number(process.env.E2E_SSO_PORT ?? E2E_API_PORT + 1);
export const E2E_PAYMENT_PORT = Number(process.env.E2E_PAYMENT_PORT ?? E2E_API_PORT + 2);
export const E2E_PORTAL_PORT = Number(process.env.E2E_PORTAL_PORT ?? E2E_API_PORT + 3);
export const E2E_CHECKOUT_PORT = Number(process.env.E2E_CHECKOUT_PORT ?? E2E_API_PORT + 4);
export const E2E_ZALO_PORT = Number(process.env.E2E_ZALO_PORT ?? E2E_API_PORT + 5);
