import { env } from "cloudflare:workers";
import { createDb } from "../../worker/src/db/client";
import app from "../../worker/src/index";

/**
 * A request through the worker's app with the real bindings. (The pool's `exports.default.fetch`
 * slows down quadratically over a thousand requests in one test, which the fuzz tests make.)
 */
export function api(path: string, init?: RequestInit) {
  return app.request(`http://localhost${path}`, init, env);
}

export async function getJson<T = any>(path: string, init?: RequestInit): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await api(path, init);
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

export const db = () => createDb(env.DB);
