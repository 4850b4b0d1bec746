// The national portal sync's throughput for `npm run bench`: dossier events per second from the
// local queue through the consumer to the portal's stand-in. The events are written first, through
// the API, with no portal configured (the consumer leaves every row pending); then the API restarts
// with the stand-in as its portal, the rows are marked long waiting, and the every-minute sweep puts
// them all on the queue at once. Timed from the first sweep to the stand-in holding every event.
import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import type { Session } from "../shared/src/auth/api";
import type { ProcedureDetail } from "../shared/src/catalogue/api";
// @ts-expect-error plain ESM helper without types
import { prepareDatabase, startApi, waitUntilUp } from "./local-api.mjs";
import { startPortalStandin } from "./portal-standin";

const PORT = 8792;
const API = `http://127.0.0.1:${PORT}`;
const PERSIST = ".wrangler/bench-portal";
const PROCEDURE = "1.004222";
/** Concurrent writers while the events are produced. */
const WRITERS = 8;
const SWEEP_PER_RUN = 100;

async function call<T>(method: string, pathname: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(`${API}${pathname}`, {
    method,
    headers: { "Content-Type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${pathname}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<T>;
}

/**
 * Counter intake, then processing and a supplement request: three events, each one the portal gets.
 * A request wrangler dev drops (it restarts workerd under memory pressure) ends that dossier early;
 * the events that committed are counted from the database afterwards.
 */
async function produce(dossiers: number): Promise<void> {
  const session = await call<Session>("POST", "/api/auth/dev", { persona: "can-bo-phuong" });
  const auth = { Authorization: `Bearer ${session.accessToken}` };
  const procedure = await call<ProcedureDetail>("GET", `/api/procedures/${PROCEDURE}`, undefined);
  const form = sampleForm(procedure);
  const body = {
    procedureCode: PROCEDURE,
    procedureVersion: procedure.version,
    receivingUnitId: "phuong-an-hoa",
    form,
    documents: [],
    paperDocuments: procedure.documents.flatMap((d, i) => (d.required ? [i] : [])),
    channel: "counter",
    applicant: { fullName: "Trần Văn Quầy" },
  };
  let next = 0;
  const act = async (code: string, version: number, action: Record<string, unknown>) =>
    call<{ version: number }>("POST", `/api/staff/dossiers/${code}/actions`, action, { ...auth, "If-Match": `"${version}"` });
  const writer = async () => {
    while (next < dossiers) {
      next++;
      try {
        const { code } = await call<{ code: string }>("POST", "/api/staff/dossiers", body, {
          ...auth,
          "Idempotency-Key": `bench-portal-${crypto.randomUUID()}`,
        });
        const processing = await act(code, 1, { action: "start_processing" });
        await act(code, processing.version, { action: "request_supplement", items: ["Bản sao giấy tờ chứng minh chỗ ở"] });
      } catch (error) {
        console.warn(`  (one dossier cut short: ${(error as Error).message.slice(0, 120)})`);
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
}

function d1(config: string, command: string): unknown {
  const out = execFileSync(
    "node_modules/.bin/wrangler",
    ["d1", "execute", "DB", "--local", "--json", "--config", config, "--persist-to", PERSIST, "--command", command],
    { encoding: "utf8", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
  return (JSON.parse(out) as { results: unknown[] }[])[0]!.results;
}

/** Runs `work` against wrangler dev over the section's database with `vars`, then stops it. */
async function withApi<T>(config: string, vars: string[], work: () => Promise<T>): Promise<T> {
  const api = startApi(PERSIST, PORT, { quiet: true, config, extraArgs: ["--test-scheduled", ...vars] });
  try {
    await waitUntilUp(`${API}/api/health`);
    return await work();
  } finally {
    api.kill("SIGTERM");
    await once(api, "exit");
  }
}

export async function portalSyncSection(config: string, dossiers = Number(process.env.BENCH_PORTAL_DOSSIERS ?? 300)) {
  rmSync(PERSIST, { recursive: true, force: true });
  prepareDatabase(PERSIST);
  await withApi(config, [], () => produce(dossiers));
  const [{ events }] = d1(config, "SELECT count(*) AS events FROM dossier_events") as [{ events: number }];
  // Every row waited "long enough" for the sweep to take it.
  d1(config, "UPDATE portal_sync SET queued_at = '2000-01-01T00:00:00.000Z'");
  const portal = await startPortalStandin();
  try {
    return await withApi(config, ["--var", `PORTAL_URL:${portal.url}`], async () => {
      const received = async () =>
        ((await (await fetch(`${portal.url}/api/standin/received`)).json()) as { calls: unknown[] }).calls.length;
      const start = performance.now();
      for (let i = 0; i < Math.ceil(dossiers / SWEEP_PER_RUN); i++)
        await fetch(`${API}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent("* * * * *")}`);
      for (let got = await received(); got < events; got = await received()) {
        if (performance.now() - start > 600_000) throw new Error(`only ${got} of ${events} events reached the stand-in`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const seconds = (performance.now() - start) / 1000;
      return {
        dossiers,
        events,
        seconds: Math.round(seconds * 100) / 100,
        eventsPerSecond: Math.round((events / seconds) * 10) / 10,
        batch: "max_batch_size 10, max_batch_timeout 1 s (local configuration)",
      };
    });
  } finally {
    portal.server.close();
  }
}

/** A complete eForm for `procedure`: a plausible value for every field by its type. */
export function sampleForm(procedure: ProcedureDetail): Record<string, unknown> {
  const byType: Record<string, unknown> = {
    date: "1990-05-17",
    number: 2,
    checkbox: true,
    citizenId: "001090012345",
    phone: "0912345678",
    email: "an@example.vn",
  };
  return Object.fromEntries(
    procedure.eform.fields.map((f) => [f.key, (f.type === "select" ? f.options?.[0]?.value : byType[f.type]) ?? "Nguyễn Văn An"]),
  );
}
