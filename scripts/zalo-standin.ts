import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";

/**
 * A stand-in for Zalo's message APIs on loopback, speaking what worker/src/services/zalo-messages.ts
 * expects: `POST /v4/oa/access_token` (form, `secret_key` header; a refresh token works once, a
 * reused one answers error -14020; any `seed-…` token works once, as a fresh authorisation),
 * `POST /v3.0/oa/message/transaction` and `POST /message/template` (header `access_token`; an
 * unknown or expired token answers -216 / -124), `GET /message/status`. Like Zalo it never
 * deduplicates: it counts every accepted send, so a test can prove there were no duplicates.
 * After each accepted send it prepares the signed `user_received_message` webhook.
 *
 * Controls, for tests and `npm start`:
 * - `GET /api/standin/sent`: every accepted send `{ channel, key, to, trackingId, msgId }`, the
 *   keys sent more than once (`duplicates`), and the count of token refreshes;
 * - `POST /api/standin/faults` `{ mode: "error" | "timeout" | "http500", count, code?, channel?, to?, delayMs? }`:
 *   the next `count` sends (of that channel, to that phone or OA user id) answer HTTP 200 with
 *   `error: code`, or a 500, or are accepted and answered only after `delayMs` (the caller gave up
 *   on a send that got through); `DELETE` clears them;
 * - a phone `0999<3-digit code>…` always answers that error code (0999108… → -108);
 * - `POST /api/standin/expire-tokens`: every access token issued so far is refused from now on;
 * - `GET /api/standin/webhooks`: the signed webhooks not yet sent `{ body, signature }`;
 *   `POST /api/standin/webhooks/deliver` `{ url?, times? }` posts them (each `times`, default 1)
 *   to `url` or the configured webhook URL; with `autoDeliver` every send's webhook goes at once, twice.
 *
 * `tsx scripts/zalo-standin.ts <port> [webhookUrl]` runs it on its own (scripts/start.mjs, e2e).
 */

export const STANDIN_APP_ID = "dev-oa-app";
export const STANDIN_APP_SECRET = "dev-oa-app-secret";
export const STANDIN_OA_SECRET_KEY = "dev-oa-secret-key";

type Channel = "oa" | "zns";
export type ZaloFault = {
  mode: "error" | "timeout" | "http500";
  count: number;
  code?: number;
  channel?: Channel;
  to?: string;
  delayMs?: number;
};
type Send = { channel: Channel; key: string; to: string; trackingId: string | null; msgId: string; at: string };
type Webhook = { body: string; signature: string };

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

/** sha256(app_id + body + timestamp + OA secret key), as Zalo signs its webhooks. */
export const signWebhook = (body: string, appId: string, timestamp: string, secretKey: string) =>
  createHash("sha256").update(`${appId}${body}${timestamp}${secretKey}`).digest("hex");

export async function startZaloStandin({
  port = 0,
  webhookUrl = "",
  autoDeliver = false,
  appId = STANDIN_APP_ID,
  appSecret = STANDIN_APP_SECRET,
  oaSecretKey = STANDIN_OA_SECRET_KEY,
  /** `npm start` keeps its D1 across restarts while the stand-in forgets: accept a stored refresh token it never issued, once. */
  acceptUnknownRefresh = false,
} = {}): Promise<{ url: string; server: Server }> {
  const sends: Send[] = [];
  const statuses = new Map<string, { phone: string; deliveredAt: number }>();
  let faults: ZaloFault[] = [];
  let webhooks: Webhook[] = [];
  let refreshes = 0;
  let issued = 0;
  const accessTokens = new Set<string>();
  const refreshTokens = new Set<string>();
  const usedRefreshTokens = new Set<string>();

  const takeFault = (channel: Channel, to: string) => {
    const fault = faults.find((f) => f.count > 0 && (!f.channel || f.channel === channel) && (!f.to || f.to === to));
    if (fault) fault.count--;
    faults = faults.filter((f) => f.count > 0);
    return fault;
  };

  function prepareWebhook(s: Send) {
    const timestamp = String(Date.now());
    const body = JSON.stringify({
      app_id: appId,
      event_name: "user_received_message",
      timestamp,
      sender: { id: "oa" },
      recipient: { id: s.channel === "oa" ? s.to : "" },
      message: { msg_id: s.msgId, ...(s.trackingId ? { tracking_id: s.trackingId } : {}) },
    });
    const hook = { body, signature: `mac=${signWebhook(body, appId, timestamp, oaSecretKey)}` };
    if (autoDeliver && webhookUrl) void deliver([hook, hook], webhookUrl);
    else webhooks.push(hook);
  }

  async function deliver(hooks: Webhook[], url: string) {
    let delivered = 0;
    for (const h of hooks) {
      try {
        const res = await fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-ZEvent-Signature": h.signature },
          body: h.body,
        });
        if (res.ok) delivered++;
      } catch {
        // the API is not up: the webhook is lost, as Zalo's would be after its retries
      }
    }
    return delivered;
  }

  async function accept(
    res: ServerResponse,
    channel: Channel,
    to: string,
    key: string,
    trackingId: string | null,
    fault: ZaloFault | undefined,
  ) {
    const msgId = `${channel}-${sends.length + 1}-${Date.now()}`;
    const s: Send = { channel, key, to, trackingId, msgId, at: new Date().toISOString() };
    sends.push(s);
    if (channel === "zns") statuses.set(msgId, { phone: to, deliveredAt: Date.now() });
    prepareWebhook(s);
    if (fault?.mode === "timeout") await new Promise((r) => setTimeout(r, fault.delayMs ?? 10_000));
    const data =
      channel === "zns"
        ? { msg_id: msgId, sent_time: String(Date.now()), quota: { dailyQuota: "5000", remainingQuota: "4999" } }
        : { message_id: msgId, user_id: to };
    send(res, 200, { error: 0, message: "Success", data });
  }

  async function message(req: IncomingMessage, res: ServerResponse, channel: Channel) {
    const raw = await readBody(req);
    let body: any;
    try {
      body = JSON.parse(raw);
    } catch {
      return send(res, 200, { error: -201, message: "Invalid parameter" });
    }
    if (!accessTokens.has(String(req.headers.access_token ?? "")))
      return send(res, 200, { error: channel === "oa" ? -216 : -124, message: "Access token is invalid" });
    const to = channel === "oa" ? String(body?.recipient?.user_id ?? "") : String(body?.phone ?? "");
    if (!to) return send(res, 200, { error: channel === "oa" ? -201 : -108, message: "Invalid recipient" });
    const pattern = channel === "zns" ? /^(?:84|0)999(\d{3})/.exec(to) : null;
    if (pattern) return send(res, 200, { error: -Number(pattern[1]), message: "Simulated error" });
    const fault = takeFault(channel, to);
    if (fault?.mode === "http500") return send(res, 500, { message: "Internal error" });
    if (fault?.mode === "error") return send(res, 200, { error: fault.code ?? -100, message: "Simulated error" });
    if (channel === "zns") {
      if (!body.template_id || typeof body.template_data !== "object")
        return send(res, 200, { error: -111, message: "Template data empty" });
      return accept(res, "zns", to, `zns:${body.tracking_id}`, String(body.tracking_id ?? ""), fault);
    }
    const key = `oa:${to}:${createHash("sha256").update(JSON.stringify(body.message)).digest("hex").slice(0, 16)}`;
    return accept(res, "oa", to, key, null, fault);
  }

  async function token(req: IncomingMessage, res: ServerResponse) {
    const form = new URLSearchParams(await readBody(req));
    if (req.headers.secret_key !== appSecret || form.get("app_id") !== appId)
      return send(res, 200, { error: -14002, error_name: "Invalid app secret" });
    const given = form.get("refresh_token") ?? "";
    const usable =
      form.get("grant_type") === "refresh_token" &&
      !usedRefreshTokens.has(given) &&
      (refreshTokens.has(given) || given.startsWith("seed-") || (acceptUnknownRefresh && given !== ""));
    if (!usable) return send(res, 200, { error: -14020, error_name: "Invalid refresh token" });
    usedRefreshTokens.add(given);
    refreshTokens.delete(given);
    refreshes++;
    issued++;
    const access = `oa-access-${issued}-${Date.now()}`;
    const refresh = `oa-refresh-${issued}-${Date.now()}`;
    accessTokens.add(access);
    refreshTokens.add(refresh);
    send(res, 200, { access_token: access, refresh_token: refresh, expires_in: "90000" });
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case "POST /v4/oa/access_token":
        return token(req, res);
      case "POST /v3.0/oa/message/transaction":
        return message(req, res, "oa");
      case "POST /message/template":
        return message(req, res, "zns");
      case "GET /message/status": {
        if (!accessTokens.has(String(req.headers.access_token ?? "")))
          return send(res, 200, { error: -124, message: "Access token is invalid" });
        const known = statuses.get(url.searchParams.get("message_id") ?? "");
        if (!known) return send(res, 200, { error: 0, data: { status: -1 } });
        return send(res, 200, { error: 0, data: { status: 1, delivery_time: String(known.deliveredAt) } });
      }
      case "GET /api/standin/sent": {
        const byKey = new Map<string, number>();
        for (const s of sends) byKey.set(s.key, (byKey.get(s.key) ?? 0) + 1);
        const duplicates = [...byKey].filter(([, n]) => n > 1).map(([key, n]) => ({ key, n }));
        return send(res, 200, { sends, duplicates, refreshes });
      }
      case "POST /api/standin/faults": {
        const fault = JSON.parse((await readBody(req)) || "null") as ZaloFault | null;
        if (!fault || !["error", "timeout", "http500"].includes(fault.mode) || !(fault.count > 0))
          return send(res, 400, { message: "Lỗi giả lập không hợp lệ" });
        faults.push(fault);
        return send(res, 200, { faults });
      }
      case "DELETE /api/standin/faults":
        faults = [];
        return send(res, 200, { faults });
      case "POST /api/standin/expire-tokens":
        accessTokens.clear();
        return send(res, 200, { ok: true });
      case "GET /api/standin/webhooks": {
        const pending = webhooks;
        webhooks = [];
        return send(res, 200, { webhooks: pending });
      }
      case "POST /api/standin/webhooks/deliver": {
        const options = JSON.parse((await readBody(req)) || "{}") as { url?: string; times?: number };
        const pending = webhooks;
        webhooks = [];
        const target = options.url ?? webhookUrl;
        const delivered = await deliver(
          pending.flatMap((h) => Array.from({ length: options.times ?? 1 }, () => h)),
          target,
        );
        return send(res, 200, { delivered });
      }
      case "GET /health":
        return send(res, 200, { ok: true });
      default:
        return send(res, 404, { message: "Không có đường dẫn này" });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [port, webhookUrl] = process.argv.slice(2);
  if (!port) throw new Error("usage: zalo-standin.ts <port> [webhookUrl]");
  const { url, server } = await startZaloStandin({
    port: Number(port),
    webhookUrl: webhookUrl ?? "",
    autoDeliver: Boolean(webhookUrl),
    acceptUnknownRefresh: true,
  });
  console.log(`Zalo stand-in on ${url}`);
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
