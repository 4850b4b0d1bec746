import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the fake Zalo Graph API (tests/support/fake-zalo.ts). */
    zaloGraphUrl: string;
  }
}
