import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";

/**
 * A stand-in for the national public-service portal (DVCQG) on loopback, speaking the protocol
 * worker/src/services/portal.ts expects: `POST /api/dvcqg/DongBoHoSoMC` with a bearer token, an
 * Idempotency-Key and `{ isUpdating, data: [dossier] }`; answers `{ error_code, message }` with
 * 0 done, 1 "MaHoSo already exists" (a create), 2 "MaHoSo unknown" (an update). A repeated key
 * gets the first answer again, flagged `duplicate`, and records nothing.
 *
 * For tests and `npm start`:
 * - `GET /api/standin/received[?MaHoSo=…]`: every call recorded, and per dossier its creates,
 *   updates and latest content;
 * - `POST /api/standin/faults` `{ mode, count, MaHoSo?, delayMs? }`: the next `count` calls (for
 *   that dossier, or any) fail with a 503 ("fail", nothing recorded), answer only after `delayMs`
 *   ("timeout", recorded: the caller gave up on a call that got through), or are recorded and
 *   answered as a duplicate ("duplicate"); `DELETE /api/standin/faults` clears them.
 *
 * `tsx scripts/portal-standin.ts <port> [token]` runs it on its own (scripts/start.mjs, e2e).
 */

export type Fault = { mode: "fail" | "timeout" | "duplicate"; count: number; MaHoSo?: string; delayMs?: number };
type Call = { key: string; isUpdating: boolean; at: string; MaHoSo: string; TrangThaiHoSo: string; dossier: unknown };
type Held = { creates: number; updates: number; latest: unknown };
type Answer = { status: number; body: { error_code: number; message: string; duplicate?: boolean } };

export const STANDIN_TOKEN = "dev-portal-token";
const SYNC_PATH = "/api/dvcqg/DongBoHoSoMC";

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

export async function startPortalStandin({ port = 0, token = STANDIN_TOKEN } = {}): Promise<{ url: string; server: Server }> {
  const calls: Call[] = [];
  const held = new Map<string, Held>();
  const answered = new Map<string, Answer>();
  let faults: Fault[] = [];

  const takeFault = (maHoSo: string): Fault | undefined => {
    const fault = faults.find((f) => f.count > 0 && (!f.MaHoSo || f.MaHoSo === maHoSo));
    if (fault) fault.count--;
    faults = faults.filter((f) => f.count > 0);
    return fault;
  };

  function apply(key: string, isUpdating: boolean, dossier: Record<string, unknown>): Answer {
    const maHoSo = String(dossier.MaHoSo);
    const current = held.get(maHoSo);
    if (!isUpdating && current) return { status: 409, body: { error_code: 1, message: "Hồ sơ đã tồn tại" } };
    if (isUpdating && !current) return { status: 404, body: { error_code: 2, message: "Không tìm thấy hồ sơ" } };
    held.set(maHoSo, {
      creates: (current?.creates ?? 0) + (isUpdating ? 0 : 1),
      updates: (current?.updates ?? 0) + (isUpdating ? 1 : 0),
      latest: dossier,
    });
    calls.push({
      key,
      isUpdating,
      at: new Date().toISOString(),
      MaHoSo: maHoSo,
      TrangThaiHoSo: String(dossier.TrangThaiHoSo),
      dossier,
    });
    return { status: 200, body: { error_code: 0, message: "Thành công" } };
  }

  async function sync(req: IncomingMessage, res: ServerResponse) {
    if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { error_code: -1, message: "Sai mã xác thực" });
    const key = String(req.headers["idempotency-key"] ?? "");
    const body = (await readJson(req)) as { isUpdating?: unknown; data?: unknown } | null;
    const dossier = Array.isArray(body?.data) ? (body.data[0] as Record<string, unknown> | undefined) : undefined;
    if (!key || typeof body?.isUpdating !== "boolean" || !dossier || typeof dossier.MaHoSo !== "string")
      return send(res, 400, { error_code: -2, message: "Yêu cầu không hợp lệ" });
    const fault = takeFault(dossier.MaHoSo);
    if (fault?.mode === "fail") return send(res, 503, { error_code: -3, message: "Hệ thống đang bận" });
    const earlier = answered.get(key);
    if (earlier) return send(res, earlier.status, { ...earlier.body, duplicate: true });
    const answer = apply(key, body.isUpdating, dossier);
    answered.set(key, answer);
    if (fault?.mode === "timeout") await new Promise((r) => setTimeout(r, fault.delayMs ?? 10_000));
    if (fault?.mode === "duplicate") return send(res, answer.status, { ...answer.body, duplicate: true });
    return send(res, answer.status, answer.body);
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "POST" && url.pathname === SYNC_PATH) return sync(req, res);
    if (req.method === "GET" && url.pathname === "/api/standin/received") {
      const only = url.searchParams.get("MaHoSo");
      const dossiers = Object.fromEntries([...held].filter(([code]) => !only || code === only));
      return send(res, 200, { calls: calls.filter((c) => !only || c.MaHoSo === only), dossiers });
    }
    if (url.pathname === "/api/standin/faults") {
      if (req.method === "DELETE") {
        faults = [];
        return send(res, 200, { faults });
      }
      if (req.method === "POST") {
        const fault = (await readJson(req)) as Fault | null;
        if (!fault || !["fail", "timeout", "duplicate"].includes(fault.mode) || !(fault.count > 0))
          return send(res, 400, { error_code: -2, message: "Lỗi giả lập không hợp lệ" });
        faults.push(fault);
        return send(res, 200, { faults });
      }
    }
    if (req.method === "GET" && url.pathname === "/health") return send(res, 200, { ok: true });
    send(res, 404, { error_code: -4, message: "Không có đường dẫn này" });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [port, token] = process.argv.slice(2);
  if (!port) throw new Error("usage: portal-standin.ts <port> [token]");
  const { url, server } = await startPortalStandin({ port: Number(port), token: token ?? STANDIN_TOKEN });
  console.log(`portal stand-in on ${url}`);
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
