import { secret } from "../lib/config";
import { hmacSha512Hex, timingSafeEqual } from "../lib/crypto";
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
 * The only module that talks to the province's payment gateway, of the common Vietnamese pattern
 * (VNPay's protocol, version 2.1.0), at the configurable PAYMENT_GATEWAY_URL so tests and
 * `npm start` use scripts/payment-sandbox.ts:
 * - the resident's browser is redirected to `/paymentv2/vpcpay.html` with the order's parameters,
 *   sorted, URL-encoded and signed with HMAC-SHA512 (PAYMENT_GATEWAY_SECRET) over that query string;
 * - the gateway calls the IPN URL registered for the merchant with the same kind of signed query,
 *   and only that (or the status query) changes a payment; the browser's return never does;
 * - `querydr` and `refund` are JSON POSTs to `/merchant_webapi/api/transaction`, signed over their
 *   fields joined by "|" in the documented order, and so are their answers.
 */

const TIMEOUT_MS = 8000;
const VERSION = "2.1.0";
/** How long the gateway keeps a payment page open. */
const EXPIRY_MS = 15 * 60_000;
/** An order the gateway has never heard of this long after it was created was abandoned. */
const ABANDONED_MS = EXPIRY_MS + 15 * 60_000;
/** The gateway asks for the payer's address; the order is created on the server, which forwards none. */
const SERVER_IP = "127.0.0.1";

/** The gateway's query encoding: URL-encoded, a space as "+". */
const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");

/** The signed part of a request or notification: every parameter but the hash, sorted by name, encoded. */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== "vnp_SecureHash" && k !== "vnp_SecureHashType" && params[k] !== "")
    .sort()
    .map((k) => `${encode(k)}=${encode(params[k]!)}`)
    .join("&");
}

/** yyyyMMddHHmmss in Vietnam (GMT+7), the gateway's date format. */
export function gatewayDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().replace(/\D/g, "").slice(0, 14);
}

/** The API fields of querydr and refund, in the order their signatures join them. */
export const QUERY_SIGNED = [
  "vnp_RequestId",
  "vnp_Version",
  "vnp_Command",
  "vnp_TmnCode",
  "vnp_TxnRef",
  "vnp_TransactionDate",
  "vnp_CreateDate",
  "vnp_IpAddr",
  "vnp_OrderInfo",
] as const;
export const REFUND_SIGNED = [
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
] as const;
/** The fields of an API answer its signature covers, in order. */
export const ANSWER_SIGNED = [
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
] as const;

export const pipeJoined = (fields: readonly string[], body: Record<string, unknown>) =>
  fields.map((f) => String(body[f] ?? "")).join("|");

/** The IPN answers the gateway expects: it retries anything but a final one. */
const ACKNOWLEDGEMENTS: Record<NoticeAnswer, { RspCode: string; Message: string }> = {
  applied: { RspCode: "00", Message: "Confirm Success" },
  failed: { RspCode: "00", Message: "Confirm Success" },
  duplicate: { RspCode: "02", Message: "Order already confirmed" },
  unknown_order: { RspCode: "01", Message: "Order not found" },
  amount_mismatch: { RspCode: "04", Message: "Invalid amount" },
  bad_signature: { RspCode: "97", Message: "Invalid signature" },
};

type ApiAnswer = Record<string, string | undefined>;

export function gatewayProvider(env: CloudflareBindings): PaymentProvider {
  const key = () => secret(env, "PAYMENT_GATEWAY_SECRET");
  const merchant = env.PAYMENT_GATEWAY_MERCHANT;
  const url = (path: string) => new URL(path, env.PAYMENT_GATEWAY_URL).toString();

  /** One signed call of the merchant API; null when the gateway is unreachable, slow, or its answer does not verify. */
  async function call(body: Record<string, string>, signed: readonly string[]): Promise<ApiAnswer | null> {
    const request = { ...body, vnp_SecureHash: await hmacSha512Hex(key(), pipeJoined(signed, body)) };
    let res: Response;
    try {
      res = await fetch(url("/merchant_webapi/api/transaction"), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      return null;
    }
    const answer = (await res.json().catch(() => null)) as ApiAnswer | null;
    if (!res.ok || !answer || typeof answer !== "object" || typeof answer.vnp_SecureHash !== "string") return null;
    const expected = await hmacSha512Hex(key(), pipeJoined(ANSWER_SIGNED, answer));
    return timingSafeEqual(expected, answer.vnp_SecureHash.toLowerCase()) ? answer : null;
  }

  const common = (command: string, ref: PaymentRef, now: Date) => ({
    vnp_RequestId: crypto.randomUUID().replaceAll("-", ""),
    vnp_Version: VERSION,
    vnp_Command: command,
    vnp_TmnCode: merchant,
    vnp_TxnRef: ref.orderRef,
    vnp_OrderInfo: `${command} ${ref.orderRef}`,
    vnp_TransactionDate: gatewayDate(new Date(ref.createdAt)),
    vnp_CreateDate: gatewayDate(now),
    vnp_IpAddr: SERVER_IP,
  });

  const querydr = (ref: PaymentRef) => call(common("querydr", ref, new Date()), QUERY_SIGNED);

  /** A refund shows in querydr as a transaction of type 02 (full) or 03 (partial). */
  const refundState = (answer: ApiAnswer | null): RefundResult => {
    if (!answer || answer.vnp_ResponseCode !== "00") return { state: "processing" };
    const isRefund = answer.vnp_TransactionType === "02" || answer.vnp_TransactionType === "03";
    if (!isRefund) return { state: "processing" };
    if (answer.vnp_TransactionStatus === "00")
      return { state: "refunded", ...(answer.vnp_TransactionNo ? { refundId: answer.vnp_TransactionNo } : {}) };
    if (answer.vnp_TransactionStatus === "05" || answer.vnp_TransactionStatus === "06") return { state: "processing" };
    return { state: "failed" };
  };

  return {
    name: "gateway",

    async start(order: PaymentOrder): Promise<PaymentStart> {
      const params: Record<string, string> = {
        vnp_Version: VERSION,
        vnp_Command: "pay",
        vnp_TmnCode: merchant,
        vnp_Amount: String(order.amount * 100),
        vnp_CurrCode: "VND",
        vnp_TxnRef: order.orderRef,
        vnp_OrderInfo: order.description,
        vnp_OrderType: "other",
        vnp_Locale: "vn",
        vnp_ReturnUrl: order.returnUrl,
        vnp_IpAddr: SERVER_IP,
        vnp_CreateDate: gatewayDate(order.createdAt),
        vnp_ExpireDate: gatewayDate(new Date(order.createdAt.getTime() + EXPIRY_MS)),
      };
      const query = canonicalQuery(params);
      return {
        kind: "redirect",
        url: `${url("/paymentv2/vpcpay.html")}?${query}&vnp_SecureHash=${await hmacSha512Hex(key(), query)}`,
      };
    },

    async verifyNotification(request: Request): Promise<VerifiedNotice> {
      const params = Object.fromEntries(new URL(request.url).searchParams);
      if (request.method === "POST") {
        const form = await request.formData().catch(() => null);
        for (const [k, v] of form ?? []) if (typeof v === "string") params[k] = v;
      }
      const hash = params.vnp_SecureHash;
      if (!hash) return { valid: false, reason: "malformed" };
      const expected = await hmacSha512Hex(key(), canonicalQuery(params));
      if (!timingSafeEqual(expected, hash.toLowerCase())) return { valid: false, reason: "bad_signature" };
      const amount = Number(params.vnp_Amount);
      if (params.vnp_TmnCode !== merchant || !params.vnp_TxnRef || !Number.isInteger(amount) || amount % 100 !== 0)
        return { valid: false, reason: "malformed" };
      const paid = params.vnp_ResponseCode === "00" && params.vnp_TransactionStatus === "00";
      return {
        valid: true,
        orderRef: params.vnp_TxnRef,
        transactionId: params.vnp_TransactionNo ?? "",
        amount: amount / 100,
        state: paid ? "paid" : "failed",
      };
    },

    acknowledge(outcome: NoticeAnswer): Response {
      return Response.json(ACKNOWLEDGEMENTS[outcome]);
    },

    async queryStatus(ref: PaymentRef): Promise<ProviderStatus> {
      const answer = await querydr(ref);
      if (!answer) return { state: "unknown" };
      // 91: the gateway has no such transaction, i.e. the payer never got as far as paying.
      if (answer.vnp_ResponseCode === "91")
        return Date.now() - new Date(ref.createdAt).getTime() > ABANDONED_MS ? { state: "failed" } : { state: "pending" };
      if (answer.vnp_ResponseCode !== "00" || answer.vnp_TxnRef !== ref.orderRef) return { state: "unknown" };
      switch (answer.vnp_TransactionStatus) {
        case "00":
          return { state: "paid", transactionId: answer.vnp_TransactionNo ?? "", amount: Number(answer.vnp_Amount) / 100 };
        case "01":
          return { state: "pending" };
        default:
          return { state: "failed" };
      }
    },

    async refund(ref: PaymentRef, amount: number, reason: string): Promise<RefundResult> {
      if (!ref.transactionId) return { state: "failed" };
      const body = {
        ...common("refund", ref, new Date()),
        vnp_TransactionType: amount === ref.amount ? "02" : "03",
        vnp_Amount: String(amount * 100),
        vnp_TransactionNo: ref.transactionId,
        vnp_CreateBy: "mot-cua",
        vnp_OrderInfo:
          reason
            .normalize("NFD")
            .replace(/[^\x20-\x7e]/g, "")
            .slice(0, 255) || "Hoan phi",
      };
      const answer = await call(body, REFUND_SIGNED);
      // Unreachable or unreadable: whether the refund was made is unknown, so it is polled like one in progress.
      if (!answer) return { state: "processing" };
      if (answer.vnp_ResponseCode !== "00") return { state: "failed" };
      return answer.vnp_TransactionStatus === "00"
        ? { state: "refunded", ...(answer.vnp_TransactionNo ? { refundId: answer.vnp_TransactionNo } : {}) }
        : { state: "processing", ...(answer.vnp_TransactionNo ? { refundId: answer.vnp_TransactionNo } : {}) };
    },

    async refundStatus(ref: PaymentRef & { refundId: string }): Promise<RefundResult> {
      return refundState(await querydr(ref));
    },
  };
}
