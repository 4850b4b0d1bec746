// Notification delivery throughput for `npm run bench`: messages per second from the outbox through
// the local queue and its consumer to the Zalo stand-in (scripts/zalo-standin.ts). The notifications
// (one per synthetic resident with a phone, so ZNS) are written straight into a fresh local D1 as
// waiting rows; the every-minute sweep puts them on the queue. Timed from the first sweep to the
// stand-in holding every message; the health endpoint is sampled meanwhile, beside it.
import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import { inQuietHours } from "../shared/src/notify/delivery";
// @ts-expect-error plain ESM helper without types
import { prepareDatabase, startApi, waitUntilUp } from "./local-api.mjs";
import { startZaloStandin } from "./zalo-standin";

const PORT = 8793;
const API = `http://127.0.0.1:${PORT}`;
const PERSIST = ".wrangler/bench-notify";
const SWEEP_PER_RUN = 100;

function d1(config: string, command: string) {
  execFileSync(
    "node_modules/.bin/wrangler",
    ["d1", "execute", "DB", "--local", "--config", config, "--persist-to", PERSIST, "--command", command],
    { stdio: "ignore", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
}

export async function notifySection(config: string, messages = Number(process.env.BENCH_NOTIFY_MESSAGES ?? 500)) {
  // The notices are not urgent, so quiet hours in Vietnam would hold them all (by design).
  if (inQuietHours(new Date())) return { skipped: "quiet hours in Vietnam (22:00–06:00): non-urgent notices wait" };
  rmSync(PERSIST, { recursive: true, force: true });
  prepareDatabase(PERSIST);
  const created = new Date(Date.now() - 5 * 60_000).toISOString();
  d1(
    config,
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${messages})
     INSERT INTO users (id, province_id, role, display_name, phone) SELECT 'bench-notify-' || i, 'an-hoa', 'resident', 'Cư dân ' || i, '09' || printf('%08d', i) FROM n;`,
  );
  d1(
    config,
    `INSERT INTO notifications (user_id, topic, subject_id, title, body, created_at)
     SELECT id, 'feedback', id, 'Phản ánh đã được trả lời', 'Đơn vị đã trả lời phản ánh của bạn.', '${created}' FROM users WHERE id LIKE 'bench-notify-%';`,
  );
  const zalo = await startZaloStandin({ acceptUnknownRefresh: true });
  const vars = ["ZALO_OA_URL", "ZALO_ZNS_URL", "ZALO_OAUTH_URL"].flatMap((v) => ["--var", `${v}:${zalo.url}`]);
  const api = startApi(PERSIST, PORT, {
    quiet: true,
    config,
    extraArgs: ["--test-scheduled", ...vars, "--var", `ZALO_OA_REFRESH_TOKEN:seed-bench`, "--var", "NOTIFY_DAILY_CAP:1000000"],
  });
  try {
    await waitUntilUp(`${API}/api/health`);
    const sent = async () => ((await (await fetch(`${zalo.url}/api/standin/sent`)).json()) as { sends: unknown[] }).sends.length;
    const health: number[] = [];
    const start = performance.now();
    for (let i = 0; i < Math.ceil(messages / SWEEP_PER_RUN); i++)
      await fetch(`${API}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent("* * * * *")}`);
    for (let got = await sent(); got < messages; got = await sent()) {
      if (performance.now() - start > 600_000) throw new Error(`only ${got} of ${messages} messages reached the stand-in`);
      const t = performance.now();
      await fetch(`${API}/api/health`);
      health.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - start) / 1000;
    const { duplicates } = (await (await fetch(`${zalo.url}/api/standin/sent`)).json()) as { duplicates: unknown[] };
    health.sort((a, b) => a - b);
    return {
      messages,
      seconds: Math.round(seconds * 100) / 100,
      messagesPerSecond: Math.round((messages / seconds) * 10) / 10,
      duplicates: duplicates.length,
      healthDuringMs: {
        samples: health.length,
        p50: Math.round(health[Math.floor(health.length / 2)] ?? 0),
        p95: Math.round(health[Math.floor(health.length * 0.95)] ?? 0),
      },
      batch: "max_batch_size 20, max_batch_timeout 1 s (local configuration), ZNS to the stand-in",
    };
  } finally {
    api.kill("SIGTERM");
    await once(api, "exit");
    zalo.server.closeAllConnections();
    zalo.server.close();
  }
}
