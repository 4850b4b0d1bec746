// The local API: a wrangler dev process over a persisted, migrated and seeded D1. Shared by
// `npm start`, the end-to-end tests and the benchmark.
import { execFileSync, spawn } from "node:child_process";

// Offline: no telemetry, no update check (it comes with the banner), no fetch of the Request.cf object.
const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_HIDE_BANNER: "true",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
};
const bin = (name) => `node_modules/.bin/${name}`;

/**
 * Applies migrations and loads the sample province (plus N synthetic procedures, or only those from
 * `syntheticFrom` on, and a synthetic
 * year of `history` dossiers unless one is there already) into `persistTo`.
 */
export function prepareDatabase(persistTo, { synthetic, syntheticFrom, history } = {}) {
  execFileSync(
    bin("wrangler"),
    ["d1", "migrations", "apply", "DB", "--local", "--config", "worker/wrangler.jsonc", "--persist-to", persistTo],
    {
      stdio: ["ignore", "ignore", "inherit"],
      env,
    },
  );
  const args = [
    "scripts/seed.ts",
    "--persist",
    persistTo,
    ...(synthetic ? ["--synthetic", String(synthetic)] : []),
    ...(syntheticFrom ? ["--synthetic-from", String(syntheticFrom)] : []),
    ...(history ? ["--history", String(history)] : []),
  ];
  execFileSync(bin("tsx"), args, { stdio: "inherit", env });
}

/** Starts wrangler dev; stopping it with SIGTERM also stops its workerd. `detached` gives it its own process group. */
export function startApi(
  persistTo,
  port,
  { quiet = false, extraArgs = [], detached = false, config = "worker/wrangler.jsonc" } = {},
) {
  const args = ["dev", "--config", config, "--persist-to", persistTo, "--ip", "127.0.0.1", "--port", String(port)];
  return spawn(bin("wrangler"), [...args, "--show-interactive-dev-session=false", ...extraArgs], {
    stdio: quiet ? "ignore" : "inherit",
    detached,
    env,
  });
}

/** Resolves once `url` answers 2xx; rejects after `timeoutMs`. */
export async function waitUntilUp(url, timeoutMs = 120_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not come up within ${timeoutMs / 1000} s`);
}
