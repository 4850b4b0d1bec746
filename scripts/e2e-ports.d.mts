export declare const E2E_API_PORT: number;
export declare const E2E_APP_PORT: number;
export declare const E2E_SSO_PORT: number;
export declare const E2E_PAYMENT_PORT: number;
export declare const E2E_PORTAL_PORT: number;
export declare const E2E_CHECKOUT_PORT: number;
export declare const E2E_ZALO_PORT: number;
