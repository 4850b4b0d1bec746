import { defineConfig, devices } from "@playwright/test";
import { E2E_API_PORT, E2E_APP_PORT, E2E_CHECKOUT_PORT } from "./scripts/e2e-ports.mjs";

const CI = !!process.env.CI;
// The system Chromium (Debian's `chromium` package); Playwright cannot download its own here.
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/warm-up.ts",
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: 1,
  // A loaded CI machine may take longer than a laptop to show the next screen, and the longest
  // journeys (file, receipt, track from a second browser) then need more than 30 s in all.
  timeout: CI ? 60_000 : 30_000,
  expect: { timeout: CI ? 10_000 : 5_000 },
  reporter: CI ? "line" : "list",
  use: { baseURL: `http://localhost:${E2E_APP_PORT}`, trace: "retain-on-failure" },
  webServer: [
    {
      command: "node scripts/e2e-api.mjs",
      url: `http://127.0.0.1:${E2E_API_PORT}/api/health`,
      reuseExistingServer: !CI,
      timeout: CI ? 240_000 : 120_000,
    },
    {
      command: `npm run dev --prefix mini-app -- --port ${E2E_APP_PORT}`,
      url: `http://localhost:${E2E_APP_PORT}`,
      reuseExistingServer: !CI,
      timeout: CI ? 240_000 : 120_000,
      // The Checkout sandbox only runs, and the API only uses it, with E2E_PAYMENT_PROVIDER=zalo_checkout.
      env: {
        VITE_API_URL: `http://127.0.0.1:${E2E_API_PORT}`,
        VITE_ZALO_CHECKOUT_SANDBOX_URL: `http://127.0.0.1:${E2E_CHECKOUT_PORT}`,
      },
    },
  ],
  projects: [
    {
      name: "chromium-mobile",
      use: { ...devices["Pixel 7"], launchOptions: { executablePath: chromiumPath, args: chromiumArgs } },
    },
  ],
});
