// The API for end-to-end tests: a fresh, seeded local D1 and wrangler dev on port 8788
// (E2E_API_PORT), so a developer's `npm start` (8787) can keep running.
import { rmSync } from "node:fs";
import { E2E_API_PORT, E2E_APP_PORT } from "./e2e-ports.mjs";
import { prepareDatabase, startApi } from "./local-api.mjs";

const persistTo = ".wrangler/e2e";
rmSync(persistTo, { recursive: true, force: true });
prepareDatabase(persistTo);
const api = startApi(persistTo, E2E_API_PORT, { extraArgs: ["--var", `ALLOWED_ORIGINS:http://localhost:${E2E_APP_PORT}`] });
const stop = () => api.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
api.on("exit", (code) => process.exit(code ?? 1));
