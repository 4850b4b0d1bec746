import { env } from "cloudflare:workers";
import { hc, type InferResponseType } from "hono/client";
import { inject } from "vitest";
import { ErrorEnvelope } from "../../shared/src/api/errors";
import type { Session } from "../../shared/src/auth/api";
import { createDb } from "../../worker/src/db/client";
import { type AppType, app } from "../../worker/src/index";

/** The worker's bindings, with its outbound services pointed at the loopback fakes the global setup started. */
export const testEnv = (): CloudflareBindings => ({ ...env, ZALO_GRAPH_URL: inject("zaloGraphUrl") });

/**
 * A request through the worker's app with the real bindings. (The pool's `exports.default.fetch`
 * slows down quadratically over a thousand requests in one test, which the fuzz tests make.)
 */
export function api(path: string, init?: RequestInit, bindings: CloudflareBindings = testEnv()) {
  return app.request(`http://localhost${path}`, init, bindings);
}

/** The API as the mini app calls it (hc<AppType>) through the worker's app: responses are typed by the routes. */
export const client = (headers: Record<string, string> = {}) =>
  hc<AppType>("http://localhost", {
    headers,
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => app.request(input, init, testEnv()),
  }).api;

export type Api = ReturnType<typeof client>;

/** What an endpoint of the typed client answers on success, e.g. `Answer<Api["staff"]["units"]["$get"]>`. */
export type Answer<Endpoint> = InferResponseType<Endpoint>;

/** The error of a refused request, read through the shared envelope schema (so a malformed envelope fails too). */
export const errorOf = async (res: Response) => errorIn(await res.json());

/** The error in a body already read, e.g. `getJson`'s for a refused request, through the same envelope schema. */
export const errorIn = (body: unknown) => ErrorEnvelope.parse(body).error;

export async function getJson<T = any>(path: string, init?: RequestInit): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await api(path, init);
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

export const db = () => createDb(env.DB);

export const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify(body),
});

/** Signs in as a development persona and returns its session. */
export async function signIn(persona: string): Promise<Session> {
  const res = await api("/api/auth/dev", json("POST", { persona }));
  if (res.status !== 200) throw new Error(`sign-in as ${persona} failed: ${res.status}`);
  return (await res.json()) as Session;
}

/** Signs in a fresh resident through the (fake) Zalo Graph API. */
export async function signInZalo(zaloId: string): Promise<Session> {
  const res = await api("/api/auth/zalo", json("POST", { accessToken: `valid-${zaloId}` }));
  if (res.status !== 200) throw new Error(`Zalo sign-in of ${zaloId} failed: ${res.status}`);
  return (await res.json()) as Session;
}

export const bearer = (session: Session) => ({ Authorization: `Bearer ${session.accessToken}` });

/**
 * The local rate limiters count in wall-clock windows of their period (60 s here). A test that
 * counts up to a limit starts early in a window, so its burst cannot straddle two.
 */
export async function freshRateWindow(burstMs = 10_000) {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < burstMs) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

/** A distinct client address per call (the CF-Connecting-IP that Cloudflare sets). */
export const newAddress = () => ({ "CF-Connecting-IP": `198.18.${crypto.getRandomValues(new Uint8Array(2)).join(".")}` });

/** A D1 binding that records every statement it prepares, with its bound values. */
export function recording() {
  const seen: { sql: string; values: unknown[] }[] = [];
  const d1 = env.DB;
  const proxy = new Proxy(d1, {
    get(target, prop) {
      if (prop === "prepare")
        return (sql: string) => {
          const entry = { sql, values: [] as unknown[] };
          seen.push(entry);
          const stmt = target.prepare(sql);
          return new Proxy(stmt, {
            get(s, p) {
              if (p === "bind")
                return (...values: unknown[]) => {
                  entry.values = values;
                  return s.bind(...values);
                };
              const v = Reflect.get(s, p);
              return typeof v === "function" ? v.bind(s) : v;
            },
          });
        };
      const v = Reflect.get(target, prop);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
  return { db: createDb(proxy), seen };
}
