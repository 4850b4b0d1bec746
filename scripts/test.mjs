// `npm test`: format and lint, type checks, worker tests in workerd (real local D1), unit tests, then the
// browser tests in the system Chromium. Without a Chromium the browser tests are skipped
// with instructions, except under CI=true where that is a failure.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { ensureInstalled } from "./ensure-install.mjs";

ensureInstalled();
const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_HIDE_BANNER: "true",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
};

function run(label, cmd, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

run("Format and lint (biome check)", "node_modules/.bin/biome", ["check", "."]);
run("Type check (tsc -b)", "node_modules/.bin/tsc", ["-b"]);
run("Worker bundles for production (wrangler deploy --dry-run)", "node_modules/.bin/wrangler", [
  "deploy",
  "--dry-run",
  "--env",
  "production",
  "--config",
  "worker/wrangler.jsonc",
  "--outdir",
  ".wrangler/dry-run",
]);
if (existsSync(".git")) {
  run("Binding types are up to date", "npm", ["run", "--silent", "cf-typegen"]);
  run("…and committed", "git", ["diff", "--exit-code", "--stat", "worker/worker-configuration.d.ts"]);
  run("Commit subjects ≤ 72 characters with a body", "node", ["scripts/check-commits.mjs"]);
}
run("Worker (workerd, local D1) and unit tests (vitest)", "node_modules/.bin/vitest", ["run"]);

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  const message = `No Chromium at ${chromium}. Install one with \`sudo apt-get install -y chromium\` or point CHROMIUM_PATH at a Chromium binary.`;
  if (process.env.CI === "true") {
    console.error(`✖ ${message}`);
    process.exit(1);
  }
  console.warn(`\n⚠ ${message}\n  Skipping the browser tests only.`);
} else {
  run("Browser tests (Playwright, Chromium)", "node_modules/.bin/playwright", ["test"]);
  // The browser tests' API takes fees through one provider at a time: once more with Zalo Checkout.
  env.E2E_PAYMENT_PROVIDER = "zalo_checkout";
  run("Browser test of paying through Zalo Checkout", "node_modules/.bin/playwright", ["test", "tests/e2e/pay-checkout.spec.ts"]);
}
console.log("\n✔ All tests passed");
