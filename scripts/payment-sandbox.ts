// A loopback stand-in for the province's payment gateway, speaking the common Vietnamese protocol
// (VNPay 2.1.0) that worker/src/payments/gateway.ts implements: the signed payment page, the signed
// IPN to the merchant's registered URL and the browser's return, and the merchant API (querydr,
// refund). It can be told, per order or by default, to fail or time out on API calls, to send the
// IPN several times, never, or with another amount, and to finish refunds at once or later.
//
// Used by the worker tests (tests/support/global-setup.ts), the browser tests and `npm start`:
// `tsx scripts/payment-sandbox.ts <port> <ipn url>`.
import { createHmac, randomInt } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";

export const SANDBOX_MERCHANT = "MOTCUA-DEV";
export const SANDBOX_SECRET = "dev-payment-gateway-secret";

/** How the sandbox treats an order: `ipn` is how many times the IPN is sent (0: never). */
export type Behaviour = {
  ipn: number;
  api: "ok" | "fail" | "timeout";
  refund: "sync" | "async";
  /** Sends the IPN (and return) with this amount in VND instead of the order's. */
  ipnAmount?: number;
};
const NORMAL: Behaviour = { ipn: 1, api: "ok", refund: "async" };

type Order = {
  ref: string;
  amount: number; // VND × 100, as the protocol carries it
  orderInfo: string;
  returnUrl: string;
  state: "open" | "paid" | "cancelled";
  transactionNo: string | null;
  payDate: string | null;
  refund: { state: "processing" | "done"; transactionNo: string; type: "02" | "03"; amount: number } | null;
  /** Every IPN query string built for this order, sent or not. */
  ipns: string[];
};

const encode = (v: string) => encodeURIComponent(v).replace(/%20/g, "+");
const canonical = (params: Record<string, string>) =>
  Object.keys(params)
    .filter((k) => k !== "vnp_SecureHash" && k !== "vnp_SecureHashType" && params[k] !== "")
    .sort()
    .map((k) => `${encode(k)}=${encode(params[k]!)}`)
    .join("&");
const sign = (secret: string, data: string) => createHmac("sha512", secret).update(data, "utf8").digest("hex");
const vnDate = (at = new Date()) => new Date(at.getTime() + 7 * 3_600_000).toISOString().replace(/\D/g, "").slice(0, 14);

const QUERY_SIGNED = [
  "vnp_RequestId",
  "vnp_Version",
  "vnp_Command",
  "vnp_TmnCode",
  "vnp_TxnRef",
  "vnp_TransactionDate",
  "vnp_CreateDate",
  "vnp_IpAddr",
  "vnp_OrderInfo",
];
const REFUND_SIGNED = [
  "vnp_RequestId",
  "vnp_Version",
  "vnp_Command",
  "vnp_TmnCode",
  "vnp_TransactionType",
  "vnp_TxnRef",
  "vnp_Amount",
  "vnp_TransactionNo",
  "vnp_TransactionDate",
  "vnp_CreateBy",
  "vnp_CreateDate",
  "vnp_IpAddr",
  "vnp_OrderInfo",
];
const ANSWER_SIGNED = [
  "vnp_ResponseId",
  "vnp_Command",
  "vnp_ResponseCode",
  "vnp_Message",
  "vnp_TmnCode",
  "vnp_TxnRef",
  "vnp_Amount",
  "vnp_BankCode",
  "vnp_PayDate",
  "vnp_TransactionNo",
  "vnp_TransactionType",
  "vnp_TransactionStatus",
  "vnp_OrderInfo",
  "vnp_PromotionCode",
  "vnp_PromotionAmount",
];
const piped = (fields: string[], body: Record<string, unknown>) => fields.map((f) => String(body[f] ?? "")).join("|");

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const vnd = (amount: number) => `${new Intl.NumberFormat("vi-VN").format(amount)} đ`;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export type PaymentSandbox = { url: string; server: Server; orders: Map<string, Order> };

export async function startPaymentSandbox(
  options: { port?: number; ipnUrl?: string; merchant?: string; secret?: string } = {},
): Promise<PaymentSandbox> {
  const merchant = options.merchant ?? SANDBOX_MERCHANT;
  const secret = options.secret ?? SANDBOX_SECRET;
  const orders = new Map<string, Order>();
  const behaviours = new Map<string, Partial<Behaviour>>();
  let defaults: Behaviour = { ...NORMAL };
  const behaviourOf = (ref: string): Behaviour => ({ ...defaults, ...behaviours.get(ref) });

  const html = (res: ServerResponse, status: number, title: string, body: string) => {
    res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`,
    );
  };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(body));
  };

  /** The signed result parameters of a payment, as the IPN and the return carry them. */
  function resultParams(order: Order): Record<string, string> {
    const amount = behaviourOf(order.ref).ipnAmount;
    const paid = order.state === "paid";
    const params: Record<string, string> = {
      vnp_Amount: String(amount !== undefined ? amount * 100 : order.amount),
      vnp_BankCode: "NCB",
      vnp_CardType: "ATM",
      vnp_OrderInfo: order.orderInfo,
      vnp_PayDate: order.payDate ?? vnDate(),
      vnp_ResponseCode: paid ? "00" : "24",
      vnp_TmnCode: merchant,
      vnp_TransactionNo: order.transactionNo ?? "0",
      vnp_TransactionStatus: paid ? "00" : "02",
      vnp_TxnRef: order.ref,
    };
    const query = canonical(params);
    return { ...params, vnp_SecureHashType: "HmacSHA512", vnp_SecureHash: sign(secret, query) };
  }

  async function deliverIpn(order: Order) {
    const query = new URLSearchParams(resultParams(order)).toString();
    order.ipns.push(query);
    const times = behaviourOf(order.ref).ipn;
    if (!options.ipnUrl) return;
    for (let i = 0; i < times; i++) {
      await fetch(`${options.ipnUrl}?${query}`, { signal: AbortSignal.timeout(10_000) })
        .then((r) => r.text())
        .catch(() => undefined);
    }
  }

  function apiAnswer(body: Record<string, string>, order: Order | undefined, command: string): Record<string, string> {
    const answer: Record<string, string> = {
      vnp_ResponseId: randomInt(1e9, 1e10).toString(),
      vnp_Command: command,
      vnp_TmnCode: merchant,
      vnp_TxnRef: body.vnp_TxnRef ?? "",
      vnp_ResponseCode: "91",
      vnp_Message: "Transaction not found",
    };
    if (order) {
      Object.assign(answer, {
        vnp_ResponseCode: "00",
        vnp_Message: "Success",
        vnp_Amount: String(order.amount),
        vnp_BankCode: "NCB",
        vnp_PayDate: order.payDate ?? "",
        vnp_OrderInfo: order.orderInfo,
        vnp_TransactionNo: order.transactionNo ?? "",
        vnp_TransactionType: "01",
        vnp_TransactionStatus: order.state === "paid" ? "00" : order.state === "open" ? "01" : "02",
      });
      if (order.refund) {
        Object.assign(answer, {
          vnp_Amount: String(order.refund.amount),
          vnp_TransactionNo: order.refund.transactionNo,
          vnp_TransactionType: order.refund.type,
          vnp_TransactionStatus: order.refund.state === "done" ? "00" : "05",
        });
      }
    }
    return { ...answer, vnp_SecureHash: sign(secret, piped(ANSWER_SIGNED, answer)) };
  }

  const hanging = new Set<ServerResponse>();

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const params = Object.fromEntries(url.searchParams);
    try {
      // The payment page the merchant redirects the payer to.
      if (req.method === "GET" && url.pathname === "/paymentv2/vpcpay.html") {
        const hash = params.vnp_SecureHash ?? "";
        if (hash !== sign(secret, canonical(params)) || params.vnp_TmnCode !== merchant)
          return html(res, 400, "Giao dịch không hợp lệ", "<p>Sai chữ ký hoặc mã website (mã lỗi 70).</p>");
        const ref = params.vnp_TxnRef ?? "";
        const order: Order = orders.get(ref) ?? {
          ref,
          amount: Number(params.vnp_Amount),
          orderInfo: params.vnp_OrderInfo ?? "",
          returnUrl: params.vnp_ReturnUrl ?? "",
          state: "open",
          transactionNo: null,
          payDate: null,
          refund: null,
          ipns: [],
        };
        orders.set(ref, order);
        return html(
          res,
          200,
          "Cổng thanh toán (thử nghiệm)",
          `<p>Mã đơn hàng: <strong>${escapeHtml(ref)}</strong></p><p>Nội dung: ${escapeHtml(order.orderInfo)}</p><p>Số tiền: <strong>${vnd(order.amount / 100)}</strong></p>
<form method="post" action="/paymentv2/pay"><input type="hidden" name="ref" value="${escapeHtml(ref)}">
<button type="submit" name="choice" value="pay">Thanh toán</button> <button type="submit" name="choice" value="cancel">Hủy</button></form>`,
        );
      }
      // The payer's choice: the IPN goes to the merchant, then the browser returns to the merchant.
      if (req.method === "POST" && url.pathname === "/paymentv2/pay") {
        const form = new URLSearchParams(await readBody(req));
        const order = orders.get(form.get("ref") ?? "");
        if (!order) return html(res, 404, "Không tìm thấy giao dịch", "");
        if (order.state === "open") {
          if (form.get("choice") === "pay") {
            order.state = "paid";
            order.transactionNo = String(randomInt(10_000_000, 99_999_999));
            order.payDate = vnDate();
          } else order.state = "cancelled";
          await deliverIpn(order);
        }
        const back = new URL(order.returnUrl);
        for (const [k, v] of Object.entries(resultParams(order))) back.searchParams.set(k, v);
        res.writeHead(302, { Location: back.toString() });
        return res.end();
      }
      // The merchant API: querydr and refund.
      if (req.method === "POST" && url.pathname === "/merchant_webapi/api/transaction") {
        const body = JSON.parse((await readBody(req)) || "{}") as Record<string, string>;
        const behaviour = behaviourOf(body.vnp_TxnRef ?? "");
        if (behaviour.api === "fail") return html(res, 503, "Service Unavailable", "");
        if (behaviour.api === "timeout") {
          hanging.add(res);
          return;
        }
        const signed = body.vnp_Command === "refund" ? REFUND_SIGNED : QUERY_SIGNED;
        if (body.vnp_SecureHash !== sign(secret, piped(signed, body)) || body.vnp_TmnCode !== merchant)
          return json(res, 200, { vnp_ResponseCode: "97", vnp_Message: "Invalid Checksum" });
        const order = orders.get(body.vnp_TxnRef ?? "");
        if (body.vnp_Command === "querydr") {
          const answer = apiAnswer(body, order, "querydr");
          // A refund finishes after the merchant has seen it in progress once.
          if (order?.refund?.state === "processing") order.refund.state = "done";
          return json(res, 200, answer);
        }
        if (body.vnp_Command === "refund") {
          if (!order || order.state !== "paid") return json(res, 200, apiAnswer(body, undefined, "refund"));
          const amount = Number(body.vnp_Amount);
          if (!(amount > 0 && amount <= order.amount) || order.refund)
            return json(res, 200, { ...apiAnswer(body, order, "refund"), vnp_ResponseCode: "94" });
          order.refund = {
            state: behaviour.refund === "sync" ? "done" : "processing",
            transactionNo: String(randomInt(10_000_000, 99_999_999)),
            type: body.vnp_TransactionType === "03" ? "03" : "02",
            amount,
          };
          return json(res, 200, apiAnswer(body, order, "refund"));
        }
        return json(res, 200, { vnp_ResponseCode: "99", vnp_Message: "Unknown command" });
      }
      // Controls for tests.
      const control = /^\/_sandbox\/orders\/([^/]+)$/.exec(url.pathname);
      if (control) {
        const ref = decodeURIComponent(control[1]!);
        if (req.method === "POST") {
          behaviours.set(ref, { ...behaviours.get(ref), ...(JSON.parse(await readBody(req)) as Partial<Behaviour>) });
          return json(res, 200, behaviourOf(ref));
        }
        const order = orders.get(ref);
        return order ? json(res, 200, order) : json(res, 404, { error: "unknown order" });
      }
      if (req.method === "POST" && url.pathname === "/_sandbox/defaults") {
        defaults = { ...NORMAL, ...(JSON.parse(await readBody(req)) as Partial<Behaviour>) };
        return json(res, 200, defaults);
      }
      res.writeHead(404).end();
    } catch {
      if (!res.headersSent) json(res, 400, { error: "bad request" });
    }
  });
  server.on("close", () => {
    for (const res of hanging) res.destroy();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server, orders };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [port, ipnUrl] = process.argv.slice(2);
  if (!port || !ipnUrl) throw new Error("usage: payment-sandbox.ts <port> <ipn url>");
  const { server } = await startPaymentSandbox({ port: Number(port), ipnUrl });
  const stop = () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
