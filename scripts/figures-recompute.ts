/**
 * `npm run figures:recompute`: recomputes the figures from the raw dossiers on a running API, a
 * few pages a call, until done. Locally it signs in as the development admin persona
 * "quan-tri-tinh"; against a deployment, set FIGURES_API_URL and ADMIN_TOKEN (an admin's access
 * token). `--restart` discards a recompute left unfinished and starts over; otherwise an unfinished
 * one is continued.
 */
import { hc } from "hono/client";
import type { AppType } from "../worker/src/index";

const base = process.env.FIGURES_API_URL ?? "http://127.0.0.1:8787";
const restart = process.argv.includes("--restart");

async function accessToken(): Promise<string> {
  if (process.env.ADMIN_TOKEN) return process.env.ADMIN_TOKEN;
  const res = await hc<AppType>(base).api.auth.dev.$post({ json: { persona: "quan-tri-tinh" } });
  if (res.status !== 200) throw new Error(`development sign-in failed (${res.status}); set ADMIN_TOKEN for a deployment`);
  return (await res.json()).accessToken;
}

const api = hc<AppType>(base, { headers: { Authorization: `Bearer ${await accessToken()}` } }).api;
let total = 0;
for (let first = true; ; first = false) {
  const res = await api.admin.figures.recompute.$post({ json: { restart: first && restart } });
  if ((res.status as number) === 409) {
    console.warn("Another recompute step ran at the same time; retrying.");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    continue;
  }
  if (res.status !== 200) throw new Error(`recompute failed: ${res.status} ${await res.text()}`);
  const step = await res.json();
  total += step.processed;
  console.info(step.done ? `Done: ${total} dossiers recomputed.` : `${total} dossiers so far (last ${step.next}).`);
  if (step.done) break;
}
