import { createHmac, randomInt } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";

/**
 * A stand-in for Zalo Checkout (payment-mini.zalo.me) on loopback, speaking its protocol as Zalo's
 * documentation describes it, with MACs computed the way the documentation's own samples do
 * (node:crypto), independently of the worker's module:
 *
 * - `POST /api/order/create`: an order as zmp-sdk's `Payment.createOrder` sends it (amount, desc,
 *   item, extradata, method, mac; appId defaults to the sandbox's); the MAC is checked.
 * - `POST /sandbox/pay`: creates such an order (or takes `{ orderId }`), "pays" it, posts the
 *   signed callback `{ data, mac, overallMac }` to the `notifyUrl` in its extradata (Zalo posts to
 *   the Callback URL of the Mini App console) and answers `{ orderId, transId, resultCode }` as
 *   `checkTransaction` would. The mini app's browser fallback calls this.
 * - `GET /api/transaction/get-status`, `POST /api/refund/create`, `GET /api/refund`: the
 *   server-to-server calls, answering `{ error, msg, data }`. A refund is "in progress"
 *   (returnCode 2) at first and done after `refundPolls` status queries.
 * - Controls, per app id (so tests running side by side each use their own app id):
 *   `POST /sandbox/apps/:appId/controls` with any of
 *   `payment` "success" | "failed"; `callback` "once" | "twice" | "never" | "wrong_amount";
 *   `api` "ok" | "fail" (HTTP 500) | "timeout" (no answer) | "busy" (error -2003) | "garbage";
 *   `refund` "async" | "immediate" | "refused"; `refundPolls` n; `deliver` "post" | "record".
 * - `GET /sandbox/callbacks?orderId=…`: every callback sent (or, with deliver "record", only
 *   recorded), so a test can deliver it itself; `GET /sandbox/orders/:orderId`: an order's state.
 *
 * Run alone: `tsx scripts/zalo-checkout-sandbox.ts <port> [appId] [privateKey]`.
 */

export type SandboxControls = {
  payment: "success" | "failed";
  callback: "once" | "twice" | "never" | "wrong_amount";
  api: "ok" | "fail" | "timeout" | "busy" | "garbage";
  refund: "async" | "immediate" | "refused";
  refundPolls: number;
  deliver: "post" | "record";
};

export type SentCallback = {
  orderId: string;
  url: string | null;
  body: { data: Record<string, string | number>; mac: string; overallMac: string };
  /** The HTTP status and body of the answer, or why there was none. */
  status: number | "unreachable" | "recorded";
  answer?: unknown;
};

type Order = {
  orderId: string;
  appId: string;
  amount: number;
  desc: string;
  item: unknown;
  extradata: string;
  method: string;
  state: "created" | "paid" | "failed";
  transId?: string;
  paidAmount?: number;
  transTime?: number;
  refunded: number;
};

type Refund = {
  refundId: string;
  appId: string;
  orderId: string;
  amount: number;
  polls: number;
  state: "processing" | "done" | "failed";
};

const DEFAULT_CONTROLS: SandboxControls = {
  payment: "success",
  callback: "once",
  api: "ok",
  refund: "async",
  refundPolls: 1,
  deliver: "post",
};

/** Methods whose result comes back by callback; COD and bank transfers use Zalo's other flow. */
const CALLBACK_METHODS = new Set(["ZALOPAY", "ZALOPAY_SANDBOX", "MOMO", "MOMO_SANDBOX", "VNPAY", "VNPAY_SANDBOX"]);

const hmac = (key: string, data: string) => createHmac("sha256", key).update(data).digest("hex");

// The MAC of createOrder, as in Zalo's tutorial (step 2).
function orderMac(privateKey: string, params: Record<string, unknown>) {
  const dataMac = Object.keys(params)
    .sort()
    .map((key) => `${key}=${typeof params[key] === "object" ? JSON.stringify(params[key]) : params[key]}`)
    .join("&");
  return hmac(privateKey, dataMac);
}

export async function startZaloCheckoutSandbox({
  privateKey = "dev-zalo-checkout-private-key",
  appId: defaultAppId = "1234567890123456789",
  port = 0,
}: {
  privateKey?: string;
  appId?: string;
  port?: number;
} = {}): Promise<{ url: string; server: Server }> {
  const controls = new Map<string, SandboxControls>();
  const orders = new Map<string, Order>();
  const refunds = new Map<string, Refund>();
  const callbacks: SentCallback[] = [];
  let sequence = 0;

  const controlsOf = (appId: string) => controls.get(appId) ?? DEFAULT_CONTROLS;

  function createOrder(body: Record<string, unknown>): { order: Order } | { error: number; msg: string } {
    const appId = String(body.appId ?? defaultAppId);
    const { amount, desc, item, extradata, method, mac } = body;
    if (typeof amount !== "number" || !Number.isSafeInteger(amount) || amount <= 0)
      return { error: -2103, msg: "amount không hợp lệ" };
    if (typeof desc !== "string" || !Array.isArray(item) || typeof extradata !== "string" || typeof method !== "string") {
      return { error: -2102, msg: "Dữ liệu không hợp lệ" };
    }
    if (typeof mac !== "string" || mac !== orderMac(privateKey, { amount, desc, item, extradata, method })) {
      return { error: -2101, msg: "MAC không hợp lệ" };
    }
    let methodId: unknown;
    try {
      methodId = (JSON.parse(method) as { id?: unknown }).id;
    } catch {
      methodId = undefined;
    }
    if (typeof methodId !== "string" || !CALLBACK_METHODS.has(methodId))
      return { error: -2104, msg: "Mã phương thức không hợp lệ" };
    sequence += 1;
    const order: Order = {
      orderId: `${appId}_${Date.now()}${String(sequence).padStart(4, "0")}`,
      appId,
      amount,
      desc,
      item,
      extradata,
      method: methodId,
      state: "created",
      refunded: 0,
    };
    orders.set(order.orderId, order);
    return { order };
  }

  function signedCallback(order: Order) {
    const data: Record<string, string | number> = {
      appId: order.appId,
      orderId: order.orderId,
      transId: order.transId ?? "",
      transTime: order.transTime ?? Date.now(),
      merchantTransId: `${order.method}_${order.transId}`,
      amount: order.paidAmount ?? order.amount,
      description: order.desc,
      resultCode: order.state === "paid" ? 1 : -1,
      message: order.state === "paid" ? "Giao dịch thành công" : "Giao dịch thất bại",
      // Zalo's tutorial URL-decodes extradata from the callback, so it is sent encoded.
      extradata: encodeURIComponent(order.extradata),
      method: order.method,
    };
    const mac = hmac(
      privateKey,
      `appId=${data.appId}&amount=${data.amount}&description=${data.description}&orderId=${data.orderId}&message=${data.message}&resultCode=${data.resultCode}&transId=${data.transId}`,
    );
    const overallMac = hmac(
      privateKey,
      Object.keys(data)
        .sort()
        .map((key) => `${key}=${data[key]}`)
        .join("&"),
    );
    return { data, mac, overallMac };
  }

  async function deliver(order: Order, times: number) {
    const body = signedCallback(order);
    let url: string | null = null;
    try {
      const notifyUrl = (JSON.parse(order.extradata) as { notifyUrl?: unknown }).notifyUrl;
      url = typeof notifyUrl === "string" ? notifyUrl : null;
    } catch {
      url = null;
    }
    const post = async (): Promise<SentCallback> => {
      if (!url || controlsOf(order.appId).deliver === "record") return { orderId: order.orderId, url, body, status: "recorded" };
      try {
        const res = await fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        return { orderId: order.orderId, url, body, status: res.status, answer: await res.json().catch(() => null) };
      } catch {
        return { orderId: order.orderId, url, body, status: "unreachable" };
      }
    };
    // A duplicate arrives at the same moment, as a retried callback can.
    callbacks.push(...(await Promise.all(Array.from({ length: times }, post))));
  }

  async function pay(order: Order) {
    const c = controlsOf(order.appId);
    if (order.state === "created") {
      order.state = c.payment === "success" ? "paid" : "failed";
      order.transId = String(randomInt(1e11, 1e12));
      order.transTime = Date.now();
      if (c.callback === "wrong_amount") order.paidAmount = order.amount > 1000 ? order.amount - 1000 : order.amount + 1000;
      const times = { once: 1, twice: 2, never: 0, wrong_amount: 1 }[c.callback];
      await deliver(order, times);
    }
    return { orderId: order.orderId, transId: order.transId, resultCode: order.state === "paid" ? 1 : -1 };
  }

  const checkMac = (data: string, mac: unknown) =>
    typeof mac === "string" && mac === hmac(privateKey, `${data}&privateKey=${privateKey}`);

  /** Faults of the server-to-server API; true when the request has been dealt with. */
  function fault(appId: string, res: ServerResponse): boolean {
    switch (controlsOf(appId).api) {
      case "fail":
        res.writeHead(500, { "Content-Type": "text/html" }).end("<html>Internal Server Error</html>");
        return true;
      case "garbage":
        res.writeHead(200, { "Content-Type": "text/html" }).end("<html>Maintenance</html>");
        return true;
      case "busy":
        send(res, { error: -2003, msg: "Too many requests" });
        return true;
      case "timeout": {
        // Never answers in time: the connection is closed when the caller gives up or after a minute.
        const timer = setTimeout(() => res.destroy(), 60_000);
        res.on("close", () => clearTimeout(timer));
        return true;
      }
      default:
        return false;
    }
  }

  const server = createServer(async (req, res) => {
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Access-Control-Allow-Headers", "Content-Type");
    if (req.method === "OPTIONS") return void res.writeHead(204).end();
    const url = new URL(req.url ?? "/", "http://localhost");
    const q = (name: string) => url.searchParams.get(name) ?? "";
    try {
      if (req.method === "POST" && url.pathname === "/api/order/create") {
        const result = createOrder(await readJson(req));
        return send(res, "order" in result ? { error: 0, msg: "Thành công", data: { orderId: result.order.orderId } } : result);
      }

      if (req.method === "POST" && url.pathname === "/sandbox/pay") {
        const body = await readJson(req);
        let order: Order | undefined;
        if (typeof body.orderId === "string") {
          order = orders.get(body.orderId);
          if (!order) return send(res, { error: -2103, msg: "Không tìm thấy đơn hàng" });
        } else {
          const result = createOrder(body);
          if (!("order" in result)) return send(res, result);
          order = result.order;
        }
        return send(res, { error: 0, msg: "Thành công", data: await pay(order) });
      }

      if (req.method === "GET" && url.pathname === "/api/transaction/get-status") {
        const appId = q("appId");
        if (fault(appId, res)) return;
        if (!checkMac(`appId=${appId}&orderId=${q("orderId")}`, q("mac")))
          return send(res, { error: -2101, msg: "MAC không hợp lệ" });
        const order = orders.get(q("orderId"));
        if (!order || order.appId !== appId) return send(res, { error: -2103, msg: "Không tìm thấy đơn hàng" });
        const returnCode = { created: 0, paid: 1, failed: -1 }[order.state];
        return send(res, {
          error: 0,
          msg: "Thành công",
          data: {
            transId: order.transId ?? "",
            method: order.method,
            returnCode,
            returnMessage: { created: "Giao dịch đang thực hiện", paid: "Giao dịch thành công", failed: "Giao dịch thất bại" }[
              order.state
            ],
            isProcessing: false,
            amount: order.paidAmount ?? order.amount,
            transTime: order.transTime ?? 0,
            merchantTransId: order.transId ? `${order.method}_${order.transId}` : "",
            extradata: order.extradata,
          },
        });
      }

      if (req.method === "POST" && url.pathname === "/api/refund/create") {
        const body = await readJson(req);
        const appId = String(body.appId ?? "");
        if (fault(appId, res)) return;
        const { transId, amount, description, mac } = body;
        if (!checkMac(`appId=${appId}&transId=${transId}&amount=${amount}&description=${description}`, mac)) {
          return send(res, { error: -2101, msg: "MAC không hợp lệ" });
        }
        const order = [...orders.values()].find((o) => o.appId === appId && o.state === "paid" && o.transId === String(transId));
        if (!order) return send(res, { error: -2103, msg: "Không tìm thấy giao dịch" });
        const paid = order.paidAmount ?? order.amount;
        if (typeof amount !== "number" || !Number.isSafeInteger(amount) || amount <= 0 || amount > paid - order.refunded) {
          return send(res, { error: -2103, msg: "Số tiền hoàn không hợp lệ" });
        }
        const mode = controlsOf(appId).refund;
        sequence += 1;
        const refund: Refund = {
          refundId: `rf_${Date.now()}${String(sequence).padStart(4, "0")}`,
          appId,
          orderId: order.orderId,
          amount,
          polls: 0,
          state: mode === "immediate" ? "done" : mode === "refused" ? "failed" : "processing",
        };
        refunds.set(refund.refundId, refund);
        if (refund.state !== "failed") order.refunded += amount;
        return send(res, { error: 0, msg: "Thành công", data: { refundId: refund.refundId, ...refundAnswer(refund) } });
      }

      if (req.method === "GET" && url.pathname === "/api/refund") {
        const appId = q("appId");
        if (fault(appId, res)) return;
        if (!checkMac(`appId=${appId}&refundId=${q("refundId")}`, q("mac")))
          return send(res, { error: -2101, msg: "MAC không hợp lệ" });
        const refund = refunds.get(q("refundId"));
        if (!refund || refund.appId !== appId) return send(res, { error: -2103, msg: "Không tìm thấy yêu cầu hoàn tiền" });
        if (refund.state === "processing") {
          refund.polls += 1;
          if (refund.polls > controlsOf(appId).refundPolls) refund.state = "done";
        }
        return send(res, { error: 0, msg: "Thành công", data: refundAnswer(refund) });
      }

      const controlsPath = url.pathname.match(/^\/sandbox\/apps\/([^/]+)\/controls$/);
      if (req.method === "POST" && controlsPath) {
        const appId = decodeURIComponent(controlsPath[1] ?? "");
        const next = { ...controlsOf(appId), ...(await readJson(req)) } as SandboxControls;
        controls.set(appId, next);
        return send(res, next);
      }

      if (req.method === "GET" && url.pathname === "/sandbox/callbacks") {
        return send(res, { callbacks: callbacks.filter((c) => !q("orderId") || c.orderId === q("orderId")) });
      }

      const orderPath = url.pathname.match(/^\/sandbox\/orders\/([^/]+)$/);
      if (req.method === "GET" && orderPath) {
        const order = orders.get(decodeURIComponent(orderPath[1] ?? ""));
        return order ? send(res, order) : void res.writeHead(404).end();
      }

      res.writeHead(404).end();
    } catch {
      send(res, { error: -2102, msg: "Dữ liệu không hợp lệ" });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

function refundAnswer(refund: Refund) {
  if (refund.state === "done") return { returnCode: 1, returnMessage: "Hoàn tiền thành công" };
  if (refund.state === "failed") return { returnCode: -1, returnMessage: "Hoàn tiền thất bại" };
  return { returnCode: 2, returnMessage: "Đang hoàn tiền" };
}

function send(res: ServerResponse, body: unknown) {
  res.writeHead(200, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as unknown;
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new Error("not an object");
  return body as Record<string, unknown>;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [port, appId, privateKey] = process.argv.slice(2);
  const { url, server } = await startZaloCheckoutSandbox({ port: Number(port) || 0, appId, privateKey });
  console.log(`Zalo Checkout sandbox on ${url}`);
  const stop = () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
