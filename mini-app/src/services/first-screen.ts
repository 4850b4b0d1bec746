/**
 * The home screen's data, started with the HTML. index.html carries an inline script (written by
 * vite.config.mts from this module) that starts these GETs before the app's JavaScript is even
 * downloaded; the API client then takes each response once instead of fetching it again.
 *
 * This module is also read by vite.config.mts and scripts/bench.ts, so it imports nothing.
 */

/**
 * The API requests the home screen makes, exactly as the API client sends them (same path, same
 * query order): a request the home page does not make would be fetched for nothing, and one spelled
 * differently would not be taken. The one list of preloaded URLs.
 */
export const FIRST_SCREEN_REQUESTS: readonly string[] = [
  // ProcedureResults({ essential: true }, pageSize 6): catalogueApi.searchProcedures({ essential, limit })
  "/api/procedures?essential=true&limit=6",
  // FieldGrid: catalogueApi.listFields()
  "/api/fields",
  // LifeEventGrid: catalogueApi.listLifeEvents()
  "/api/life-events",
];

/** Where the started requests wait, keyed by full URL; a failed one holds null. */
export const FIRST_SCREEN_KEY = "__firstScreenData";

/**
 * Starts the home screen's requests, once per page, only when the page opened on the home screen
 * (`/`, or `/zapps/<appId>/` inside Zalo and in the production build). Self-contained and
 * ES2015 once its types are stripped: index.html inlines its source text. main.tsx calls it too, for when no
 * inline script ran (Zalo does not upload index.html).
 */
export function startFirstScreenRequests(base: string, paths: readonly string[], key: string): void {
  const w = window as unknown as Record<string, Record<string, Promise<Response | null>> | undefined>;
  if (w[key] || typeof fetch !== "function" || !/^(\/zapps\/[^/]+)?\/?(index\.html)?$/.test(location.pathname)) return;
  const started: Record<string, Promise<Response | null>> = {};
  w[key] = started;
  for (let i = 0; i < paths.length; i++) {
    const url = base + paths[i];
    // Plain GETs as the API client sends them (mode cors, credentials same-origin): no preflight.
    started[url] = fetch(url).then(
      (res) => res,
      () => null,
    );
  }
}

type Started = Record<string, Promise<Response | null>>;
const startedRequests = () => (window as unknown as Record<string, Started | undefined>)[FIRST_SCREEN_KEY];

/** Answers that arrived before the app's first render, parsed, by full URL: each taken once. */
const arrived = new Map<string, unknown>();

/**
 * Waits up to `waitMs` for the started requests and parses those that answered, so that the first
 * render can show their data at once (takeFirstScreenAnswer) instead of painting an empty screen
 * and a second one a frame later. One still pending stays with firstScreenFetch.
 */
export async function primeFirstScreen(waitMs: number): Promise<void> {
  const started = startedRequests();
  if (!started) return;
  const parsed = Object.keys(started).map((url) => {
    const body = (started[url] as Promise<Response | null>).then((res) =>
      res?.ok
        ? res.json().then(
            (json: unknown) => ({ json }),
            () => null,
          )
        : null,
    );
    // From here on the asynchronous path reads the parsed body.
    started[url] = body.then((b) =>
      b ? new Response(JSON.stringify(b.json), { headers: { "Content-Type": "application/json" } }) : null,
    );
    return body.then((b) => {
      // Not if the asynchronous path took it meanwhile.
      if (b && url in started) {
        arrived.set(url, b.json);
        delete started[url];
      }
    });
  });
  await Promise.race([Promise.all(parsed), new Promise((resolve) => setTimeout(resolve, waitMs))]);
}

/** The parsed answer to a started request if it has arrived (taken once), else undefined. */
export function takeFirstScreenAnswer(url: string): unknown {
  if (!arrived.has(url)) return undefined;
  const json = arrived.get(url);
  arrived.delete(url);
  return json;
}

/** How long the client waits for a started request before it fetches on its own. */
export const FIRST_SCREEN_PATIENCE_MS = 8_000;

/**
 * `fetch` for the API client: a GET of a started URL takes that response (once; a second request
 * fetches anew). A started request that failed, answered an error status or is still pending after
 * FIRST_SCREEN_PATIENCE_MS falls back to an ordinary fetch, so the screen never waits on it forever.
 */
export function firstScreenFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  const started = startedRequests();
  const pending = started && (!init?.method || init.method.toUpperCase() === "GET") ? started[url] : undefined;
  if (!started || !pending) return fetch(input, init);
  delete started[url];
  return new Promise<Response>((resolve, reject) => {
    let settled = false;
    const fallback = () => fetch(input, init).then(resolve, reject);
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      void fallback();
    }, FIRST_SCREEN_PATIENCE_MS);
    void pending.then((res) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (res?.ok) resolve(res);
      else void fallback();
    });
  });
}
