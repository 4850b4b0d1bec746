import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations(path.join(import.meta.dirname, "drizzle"));

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./worker/wrangler.jsonc" },
            miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
          }),
        ],
        test: {
          name: "worker",
          include: ["tests/worker/**/*.test.ts"],
          // Each file's first filing of a procedure whose declaration is generated initialises pdf-lib
          // and fontkit in a fresh isolate, which takes seconds on a loaded machine.
          testTimeout: 20_000,
          hookTimeout: 30_000,
          setupFiles: ["./tests/worker/setup.ts"],
          globalSetup: ["./tests/support/global-setup.ts"],
        },
      },
      {
        // The production configuration, to prove what it does not expose (development sign-in).
        plugins: [cloudflareTest({ wrangler: { configPath: "./worker/wrangler.jsonc", environment: "production" } })],
        test: { name: "worker-production", include: ["tests/worker-production/**/*.test.ts"] },
      },
      {
        test: {
          name: "unit",
          include: [
            "shared/src/**/*.test.ts",
            "worker/src/lib/**/*.test.ts",
            "worker/src/declaration/**/*.test.ts",
            "worker/src/search/**/*.test.ts",
            "scripts/**/*.test.ts",
          ],
          environment: "node",
        },
      },
    ],
  },
});
