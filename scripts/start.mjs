// `npm start`: install what is missing, migrate and seed the local D1, then run the API
// (wrangler dev, offline) and the mini app (Vite on localhost) until Ctrl-C.
import { spawn } from "node:child_process";
import { ensureInstalled } from "./ensure-install.mjs";
import { prepareDatabase, startApi, waitUntilUp } from "./local-api.mjs";

ensureInstalled();
prepareDatabase(".wrangler/state");

// Each child leads its own process group, so stopping the group stops everything under it
// (npm → sh → vite; wrangler → workerd) however this script itself is stopped.
const children = [
  startApi(".wrangler/state", 8787, { detached: true }),
  spawn("npm", ["run", "dev", "--prefix", "mini-app"], { stdio: "inherit", detached: true }),
];

waitUntilUp("http://127.0.0.1:8787/api/health")
  .then(() => waitUntilUp("http://localhost:5173/"))
  .then(() => {
    console.log("\n  API:      http://127.0.0.1:8787/api/health");
    console.log("  Mini app: http://localhost:5173   (open it in Chromium; try “dang ky khai sinh”, “so do”, “bang lai”)");
    console.log("  Ctrl-C to stop.\n");
  })
  .catch((error) => {
    console.error(error.message);
    stop();
  });

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  setTimeout(() => process.exit(0), 1000);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children) child.on("exit", stop);
