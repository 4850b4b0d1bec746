import { exports } from "cloudflare:workers";
import { createDb } from "../../worker/src/db/client";
import { env } from "cloudflare:workers";

/** A request through the worker's real fetch handler, as a client would send it. */
export function api(path: string, init?: RequestInit) {
  return exports.default.fetch(new Request(`http://localhost${path}`, init));
}

export async function getJson<T = any>(path: string, init?: RequestInit): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await api(path, init);
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

export const db = () => createDb(env.DB);
