// Installs dependencies when they are missing or older than the lockfiles, so that
// `npm start` and `npm test` work straight from a fresh clone. Plain Node: runs before anything is installed.
import { execSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const stale = (lock, installed) =>
  !existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs);

export function ensureInstalled() {
  const root = stale("package-lock.json", "node_modules/.package-lock.json");
  const miniApp = stale("mini-app/package-lock.json", "mini-app/node_modules/.package-lock.json");
  if (!root && !miniApp) return;
  console.log("Installing dependencies…");
  // The root's postinstall also installs mini-app/.
  execSync("npm install --no-audit --no-fund", { stdio: "inherit", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
}

if (import.meta.url === `file://${process.argv[1]}`) ensureInstalled();
