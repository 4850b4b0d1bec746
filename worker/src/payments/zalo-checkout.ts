import { secret } from "../lib/config";
import { hmacSha256Hex, timingSafeEqual } from "../lib/crypto";
import type {
  NoticeAnswer,
  PaymentOrder,
  PaymentProvider,
  PaymentRef,
  PaymentStart,
  ProviderStatus,
  RefundResult,
  VerifiedNotice,
} from "./provider";

/**
 * The only module that talks to Zalo Checkout (the Zalo Mini App payment platform), at the
 * configurable ZALO_CHECKOUT_URL so tests and `npm start` use scripts/zalo-checkout-sandbox.ts.
 *
 * The protocol (miniapp.zaloplatforms.com/documents/payment and /checkout-sdk):
 * - the server signs the order the mini app hands to zmp-sdk's `Payment.createOrder`;
 * - Zalo posts a callback `{ data, mac, overallMac }` to the Callback URL set in the Mini App
 *   console, and expects `{ returnCode, returnMessage }` back;
 * - with no callback after 20 minutes the merchant asks `GET /api/transaction/get-status`;
 * - refunds (`POST /api/refund/create`) may answer "in progress", finished by `GET /api/refund`.
 * Every MAC is hex HMAC-SHA256 with the Checkout private key.
 */

const TIMEOUT_MS = 5000;
/**
 * An order still unpaid this long after it was created was abandoned (the resident closed
 * Checkout, or never reached it): reported failed so the resident can start again and the
 * reconciliation stops asking about it.
 */
export const ABANDONED_MS = 60 * 60_000;

/** Fields of `Payment.createOrder` that its MAC covers. */
export type CheckoutOrderFields = { amount: number; desc: string; item: unknown[]; extradata: string; method: string };

/** What we put in `extradata`: it comes back in the callback and the status answer, mapping them to one payment. */
type ExtraData = { orderRef: string; notifyUrl?: string };

const field = (value: unknown) => (typeof value === "object" && value !== null ? JSON.stringify(value) : String(value));

/** createOrder's MAC input: its five fields in key order, `key=value` (objects as JSON), joined by `&`. */
export function orderMacInput(order: CheckoutOrderFields): string {
  // Exactly these five, whatever else the object carries (the order handed out also holds its mac).
  const keys = ["amount", "desc", "extradata", "item", "method"] as const;
  return keys.map((key) => `${key}=${field(order[key])}`).join("&");
}

/** The callback's `mac` input: seven fields of `data` in the order Zalo's documentation gives. */
export function callbackMacInput(data: Record<string, unknown>): string {
  return ["appId", "amount", "description", "orderId", "message", "resultCode", "transId"]
    .map((key) => `${key}=${field(data[key] ?? "")}`)
    .join("&");
}

/** The callback's `overallMac` input: every field of `data`, sorted by key. */
export function overallMacInput(data: Record<string, unknown>): string {
  return Object.keys(data)
    .sort()
    .map((key) => `${key}=${field(data[key])}`)
    .join("&");
}

/** The server-to-server calls sign their parameters followed by the private key itself. */
const apiMacInput = (params: [string, string | number][], privateKey: string) =>
  [...params, ["privateKey", privateKey]].map(([key, value]) => `${key}=${value}`).join("&");

type Config = { baseUrl: string; appId: string; privateKey: string; method: string };

function config(env: CloudflareBindings): Config {
  if (!env.ZALO_MINI_APP_ID) throw new Error("Configuration is missing ZALO_MINI_APP_ID");
  return {
    baseUrl: env.ZALO_CHECKOUT_URL,
    appId: env.ZALO_MINI_APP_ID,
    privateKey: secret(env, "ZALO_CHECKOUT_PRIVATE_KEY"),
    method: env.ZALO_CHECKOUT_METHOD || "ZALOPAY",
  };
}

/**
 * Reads our `extradata` back. Zalo may hand it back URL-encoded (its tutorial decodes it), so
 * both forms are accepted; anything else is not ours.
 */
export function readExtraData(value: unknown): ExtraData | null {
  if (typeof value !== "string" || value === "") return null;
  for (const text of [value, safeDecode(value)]) {
    try {
      const parsed = JSON.parse(text ?? "") as Partial<ExtraData>;
      if (parsed && typeof parsed.orderRef === "string" && parsed.orderRef !== "") return { orderRef: parsed.orderRef };
    } catch {
      // try the next form
    }
  }
  return null;
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * Zalo's answers are `{ error, msg, data }`: a non-zero `error` is a refusal in the body (-2101
 * wrong MAC, -2003 too many requests…). A flat body (the fields without `data`) is read too.
 * Null when the service could not be reached, timed out or answered something unusable.
 */
async function call(url: URL, init: RequestInit = {}): Promise<{ error: number; data: Record<string, unknown> } | null> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    return null;
  }
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (!res.ok || !body || typeof body !== "object") return null;
  const error = typeof body.error === "number" ? body.error : 0;
  const data = body.data && typeof body.data === "object" ? (body.data as Record<string, unknown>) : body;
  return { error, data };
}

const integer = (value: unknown): number | null => {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isSafeInteger(n) ? n : null;
};

/** Refund return codes: 1 done, above 1 still in progress, below 1 failed (to be redone). */
function refundState(returnCode: number | null): RefundResult["state"] {
  if (returnCode === 1) return "refunded";
  if (returnCode !== null && returnCode > 1) return "processing";
  return "failed";
}

const ACK_MESSAGES: Record<NoticeAnswer, string> = {
  applied: "Đã ghi nhận kết quả thanh toán",
  duplicate: "Kết quả thanh toán đã được ghi nhận trước đó",
  bad_signature: "Chữ ký (mac) không hợp lệ",
  amount_mismatch: "Số tiền không khớp với lệ phí của hồ sơ",
  unknown_order: "Không tìm thấy đơn hàng",
  failed: "Đã ghi nhận giao dịch không thành công",
};

export function zaloCheckoutProvider(env: CloudflareBindings): PaymentProvider {
  const sign = (input: string) => hmacSha256Hex(config(env).privateKey, input);
  const endpoint = (path: string) => new URL(path, config(env).baseUrl);

  return {
    name: "zalo_checkout",

    async start(order: PaymentOrder): Promise<PaymentStart> {
      const fields: CheckoutOrderFields = {
        amount: order.amount,
        desc: order.description,
        item: [{ id: order.dossierCode, amount: order.amount }],
        // The sandbox posts its callback to notifyUrl; Zalo posts to the console's Callback URL.
        extradata: JSON.stringify({ orderRef: order.orderRef, notifyUrl: order.notifyUrl } satisfies ExtraData),
        method: JSON.stringify({ id: config(env).method, isCustom: false }),
      };
      return { kind: "zalo_checkout", order: { ...fields, mac: await sign(orderMacInput(fields)) } };
    },

    async verifyNotification(request: Request): Promise<VerifiedNotice> {
      const body = (await request.json().catch(() => null)) as { data?: unknown; mac?: unknown; overallMac?: unknown } | null;
      if (!body || typeof body !== "object") return { valid: false, reason: "malformed" };
      const { data, mac, overallMac } = body;
      if (!data || typeof data !== "object" || Array.isArray(data) || typeof mac !== "string" || typeof overallMac !== "string") {
        return { valid: false, reason: "malformed" };
      }
      const fields = data as Record<string, unknown>;
      // Both MACs: `mac` covers the payment itself, `overallMac` everything else we read (extradata).
      const [expectedMac, expectedOverall] = await Promise.all([sign(callbackMacInput(fields)), sign(overallMacInput(fields))]);
      if (!timingSafeEqual(mac.toLowerCase(), expectedMac) || !timingSafeEqual(overallMac.toLowerCase(), expectedOverall)) {
        return { valid: false, reason: "bad_signature" };
      }
      // Signed with our key but for another app: not ours to apply.
      if (String(fields.appId) !== config(env).appId) return { valid: false, reason: "bad_signature" };
      const extra = readExtraData(fields.extradata);
      const amount = integer(fields.amount);
      const resultCode = integer(fields.resultCode);
      const orderId = fields.orderId;
      const transId = fields.transId;
      if (!extra || amount === null || amount <= 0 || (resultCode !== 1 && resultCode !== -1)) {
        return { valid: false, reason: "malformed" };
      }
      if (typeof orderId !== "string" || orderId === "" || (typeof transId !== "string" && typeof transId !== "number")) {
        return { valid: false, reason: "malformed" };
      }
      return {
        valid: true,
        orderRef: extra.orderRef,
        providerOrderId: orderId,
        transactionId: String(transId),
        amount,
        state: resultCode === 1 ? "paid" : "failed",
      };
    },

    acknowledge(outcome: NoticeAnswer): Response {
      // 1 tells Zalo the callback is handled (a failed payment recorded, a duplicate); 0 that it was not taken.
      const returnCode = outcome === "applied" || outcome === "duplicate" || outcome === "failed" ? 1 : 0;
      return Response.json({ returnCode, returnMessage: ACK_MESSAGES[outcome] });
    },

    async queryStatus(payment: PaymentRef): Promise<ProviderStatus> {
      const abandoned = Date.now() - new Date(payment.createdAt).getTime() > ABANDONED_MS;
      // Checkout's order id comes from the mini app or the callback; without it there is nothing to ask.
      if (!payment.providerOrderId) return { state: abandoned ? "failed" : "unknown" };
      const { appId, privateKey } = config(env);
      const url = endpoint("/api/transaction/get-status");
      url.searchParams.set("orderId", payment.providerOrderId);
      url.searchParams.set("appId", appId);
      url.searchParams.set(
        "mac",
        await sign(
          apiMacInput(
            [
              ["appId", appId],
              ["orderId", payment.providerOrderId],
            ],
            privateKey,
          ),
        ),
      );
      const answer = await call(url);
      if (answer?.error !== 0) return { state: "unknown" };
      const { data } = answer;
      // The answer carries our extradata: an order id that belongs to another payment is not this one's.
      const extra = readExtraData(data.extradata);
      if (data.extradata !== undefined && extra?.orderRef !== payment.orderRef) return { state: "unknown" };
      const returnCode = integer(data.returnCode);
      // 0: in progress, or (isProcessing false) never paid.
      if (returnCode === 0) return { state: abandoned && data.isProcessing !== true ? "failed" : "pending" };
      if (returnCode === -1) return { state: "failed" };
      const amount = integer(data.amount);
      const transId = data.transId;
      if (returnCode === 1 && amount !== null && (typeof transId === "string" || typeof transId === "number") && transId !== "") {
        return { state: "paid", transactionId: String(transId), amount };
      }
      return { state: "unknown" };
    },

    async refund(payment: PaymentRef, amount: number, reason: string): Promise<RefundResult> {
      if (!payment.transactionId) return { state: "failed" };
      const { appId, privateKey } = config(env);
      const mac = await sign(
        apiMacInput(
          [
            ["appId", appId],
            ["transId", payment.transactionId],
            ["amount", amount],
            ["description", reason],
          ],
          privateKey,
        ),
      );
      const answer = await call(endpoint("/api/refund/create"), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ appId, transId: payment.transactionId, amount, description: reason, mac }),
      });
      // Unreachable, timed out or refused in the body: reported failed, so the officer can ask
      // again. Redoing is safe even if Zalo did take it: Checkout refuses to refund more than
      // what was paid.
      if (answer?.error !== 0) return { state: "failed" };
      const refundId = answer.data.refundId;
      const state = refundState(integer(answer.data.returnCode));
      return typeof refundId === "string" || typeof refundId === "number" ? { state, refundId: String(refundId) } : { state };
    },

    async refundStatus(payment: PaymentRef & { refundId: string }): Promise<RefundResult> {
      // Checkout never named this refund, so it never confirmed taking it: to be redone.
      if (!payment.refundId) return { state: "failed" };
      const { appId, privateKey } = config(env);
      const url = endpoint("/api/refund");
      url.searchParams.set("appId", appId);
      url.searchParams.set("refundId", payment.refundId);
      url.searchParams.set(
        "mac",
        await sign(
          apiMacInput(
            [
              ["appId", appId],
              ["refundId", payment.refundId],
            ],
            privateKey,
          ),
        ),
      );
      const answer = await call(url);
      // No usable answer says nothing about the refund: it stays in progress and is asked about again.
      if (answer?.error !== 0) return { state: "processing", refundId: payment.refundId };
      return { state: refundState(integer(answer.data.returnCode)), refundId: payment.refundId };
    },
  };
}
