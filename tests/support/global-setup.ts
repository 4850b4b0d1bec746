import type { TestProject } from "vitest/node";
import { startFakeZalo } from "./fake-zalo";

// The app secret the worker's local configuration uses (worker/wrangler.jsonc).
export const DEV_ZALO_APP_SECRET = "dev-zalo-app-secret";

/** Real HTTP servers on loopback that stand in for external services during worker tests. */
export default async function setup(project: TestProject) {
  const zalo = await startFakeZalo(DEV_ZALO_APP_SECRET);
  project.provide("zaloGraphUrl", zalo.url);
  return async () => {
    await new Promise((resolve) => zalo.server.close(resolve));
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    zaloGraphUrl: string;
  }
}
