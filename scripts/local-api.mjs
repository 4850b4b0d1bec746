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

/** Runs the worker's scheduled handler for `cron` through wrangler dev's test endpoint. */
export const runCron = (port, cron) =>
  fetch(`http://127.0.0.1:${port}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent(cron)}`).then(async (res) => {
    await res.body?.cancel();
    if (!res.ok) throw new Error(`scheduled ${cron}: ${res.status}`);
  });

/**
 * wrangler dev never fires cron triggers: ticks `cron` every `everyMs` at the start of a minute, as
 * the platform would. Quiet: a failure is reported once (no bodies, only the status), and again
 * only after it recovered. Returns a function that stops the ticking.
 */
export function tickCron(port, cron, everyMs = 60_000) {
  let failing = false;
  const tick = () =>
    runCron(port, cron).then(
      () => {
        if (failing) console.log(`  cron ${cron}: running again`);
        failing = false;
      },
      (error) => {
        if (!failing) console.error(`  cron ${cron} failed (${error.message}); retrying every minute`);
        failing = true;
      },
    );
  let interval;
  const first = setTimeout(
    () => {
      void tick();
      interval = setInterval(tick, everyMs);
    },
    everyMs - (Date.now() % everyMs),
  );
  return () => {
    clearTimeout(first);
    clearInterval(interval);
  };
}
