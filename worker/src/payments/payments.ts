import type { BatchItem } from "drizzle-orm/batch";
import type { Receipt } from "../../../shared/src/payment/api";
import { FEE_EXEMPTION_LABELS, type FeeExemption } from "../../../shared/src/payment/exemption";
import {
  amountDue,
  type FeeView,
  PAYMENT_RETURN_PARAM,
  type PaymentStartResponse,
  quoteSaving,
  type RefundBody,
  refundGround,
} from "../../../shared/src/payment/fee";
import { vietnamDate } from "../../../shared/src/time/vietnam";
import type { Db } from "../db/client";
import { dossierEventsOf, type ViewRow, viewById } from "../db/repo/dossiers";
import {
  claimRefund,
  failPayment,
  insertPayment,
  logNotice,
  markChecked,
  noticeStatement,
  type PaymentRow,
  paidStatements,
  paymentByOrderRef,
  paymentsOfDossier,
  paymentsToReconcile,
  refundsToPoll,
  requestedAmount,
  setRefund,
} from "../db/repo/payments";
import type { AuthUser } from "../db/repo/users";
import { transitionOf } from "../dossiers/steps";
import { confirmPaymentReceived } from "../dossiers/system";
import { auditKey } from "../lib/config";
import { conflict, notFound } from "../lib/errors";
import { gatewayDate } from "./gateway";
import type { NoticeAnswer, PaymentProvider, PaymentRef } from "./provider";
import { providerFor, providerNamed } from "./providers";

/**
 * Online payment of a dossier's fee (DOMAIN §6), whichever provider the province chose: the
 * amount is quoted here, a payment changes only on a verified notification or the provider's own
 * answer to a status query, and paying settles the fee through the lifecycle's confirm_payment
 * step in the same batch that issues the receipt.
 */

/** A payment with no notification after this long is asked about (Zalo Checkout's rule: 20 minutes). */
export const RECONCILE_AFTER_MS = 20 * 60_000;
/** How often one open payment or refund is asked about at most. */
export const CHECK_EVERY_MS = 5 * 60_000;
const PER_RUN = 20;

const log = (event: string, data: object) =>
  console.info(JSON.stringify({ level: "info", at: new Date().toISOString(), event, ...data }));

const refOf = (p: PaymentRow): PaymentRef => ({
  orderRef: p.orderRef,
  providerOrderId: p.providerOrderId,
  transactionId: p.transactionId,
  amount: p.amount,
  createdAt: p.createdAt,
});

/** Unique, alphanumeric and dated, as gateways want their order references. */
function newOrderRef(now: Date): string {
  const random = [...crypto.getRandomValues(new Uint8Array(6))].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `MC${gatewayDate(now).slice(2, 8)}${random.toUpperCase()}`;
}

async function dueNow(db: Db, row: ViewRow): Promise<number> {
  return amountDue(row.d, row.d.status === 6 ? await requestedAmount(db, row.d.id) : null);
}

/** Whether the applicant can pay online now: a fee is due at a stage where a payment settles it. */
const payable = (row: ViewRow) => transitionOf(row.d, "confirm_payment").ok;

/**
 * Starts paying what the applicant's dossier owes through the configured provider. `complete`
 * stores the answer under the request's Idempotency-Key in the same batch as the payment.
 */
export async function startPayment(
  db: Db,
  env: CloudflareBindings,
  user: AuthUser,
  row: ViewRow,
  complete: (body: string) => BatchItem<"sqlite">,
  now = new Date(),
): Promise<PaymentStartResponse> {
  const provider = providerFor(env);
  if (!provider)
    throw conflict("Tỉnh chưa mở thanh toán trực tuyến. Vui lòng nộp phí, lệ phí tại Bộ phận tiếp nhận và trả kết quả.");
  const amount = await dueNow(db, row);
  if (amount <= 0 || !payable(row))
    throw conflict("Hồ sơ không có khoản phí, lệ phí nào cần nộp trực tuyến lúc này.", { feeStatus: row.d.feeStatus });
  const orderRef = newOrderRef(now);
  const base = env.API_PUBLIC_URL.replace(/\/$/, "");
  const start = await provider.start({
    orderRef,
    amount,
    description: `Thanh toan phi, le phi ho so ${row.d.code}`,
    dossierCode: row.d.code,
    returnUrl: `${base}/api/payments/${provider.name}/return`,
    notifyUrl: `${base}/api/payments/${provider.name}/notify`,
    createdAt: now,
  });
  const response: PaymentStartResponse = { orderRef, amount, provider: provider.name, start };
  const at = now.toISOString();
  await db.batch([
    insertPayment(db, {
      id: crypto.randomUUID(),
      dossierId: row.d.id,
      provider: provider.name,
      orderRef,
      amount,
      state: "pending",
      createdBy: user.id,
      createdAt: at,
      updatedAt: at,
    }),
    complete(JSON.stringify(response)),
  ]);
  log("payment_started", { orderRef, provider: provider.name, amount });
  return response;
}

type Report = { state: "paid" | "failed"; transactionId: string; providerOrderId?: string | undefined; amount: number };

/**
 * What a verified report about `payment` (a notification, or a status answer) does. A paid report
 * settles the dossier's fee when the lifecycle allows it; the money is recorded as paid in any
 * case, since the provider took it (a refund undoes it where needed).
 */
async function settle(
  db: Db,
  env: CloudflareBindings,
  payment: PaymentRow,
  report: Report,
  kind: "notification" | "query",
  now: Date,
): Promise<NoticeAnswer> {
  const base = {
    paymentId: payment.id,
    provider: payment.provider,
    kind,
    amount: report.amount,
    transactionId: report.transactionId,
  };
  if (report.amount !== payment.amount) {
    await logNotice(db, { ...base, outcome: "amount_mismatch" });
    log("payment_amount_mismatch", { orderRef: payment.orderRef, kind });
    return "amount_mismatch";
  }
  const at = now.toISOString();
  if (report.state === "failed") {
    if (payment.state === "paid") {
      await logNotice(db, { ...base, outcome: "duplicate" });
      return "duplicate";
    }
    await db.batch([failPayment(db, payment.id, at), noticeStatement(db, { ...base, outcome: "failed" })]);
    return "failed";
  }
  if (payment.state === "paid") {
    await logNotice(db, { ...base, outcome: "duplicate" });
    return "duplicate";
  }
  const row = await viewById(db, payment.dossierId);
  if (!row) throw new Error("a payment's dossier is missing");
  const statements = paidStatements(db, payment, report, kind, vietnamDate(now).slice(0, 4), at);
  const outcome = await confirmPaymentReceived(
    db,
    auditKey(env),
    {
      code: row.d.code,
      transactionId: report.transactionId,
      amount: report.amount,
      provider: payment.provider,
      extra: [...statements],
    },
    now,
  );
  if (outcome === "already_confirmed") {
    await logNotice(db, { ...base, outcome: "duplicate" });
    return "duplicate";
  }
  if (outcome !== "confirmed") {
    // The dossier moved on meanwhile (or its fee was settled otherwise): the payment is still recorded.
    await db.batch([...statements]);
    log("payment_recorded_without_step", { orderRef: payment.orderRef, outcome });
  }
  log("payment_paid", { orderRef: payment.orderRef, kind, step: outcome });
  const after = await paymentByOrderRef(db, payment.orderRef);
  return after?.transactionId === report.transactionId && after.state === "paid" ? "applied" : "duplicate";
}

/**
 * A provider's server-to-server notification: verified by the provider's module, decided here,
 * answered in the provider's own terms. Every notification is logged in payment_notices.
 */
export async function handleNotification(
  db: Db,
  env: CloudflareBindings,
  provider: PaymentProvider,
  request: Request,
  now = new Date(),
): Promise<Response> {
  const notice = await provider.verifyNotification(request);
  if (!notice.valid) {
    await logNotice(db, { paymentId: null, provider: provider.name, kind: "notification", outcome: "bad_signature" });
    console.warn(
      JSON.stringify({ level: "warn", at: now.toISOString(), event: "payment_notice_refused", reason: notice.reason }),
    );
    return provider.acknowledge("bad_signature");
  }
  const payment = await paymentByOrderRef(db, notice.orderRef);
  if (!payment || payment.provider !== provider.name) {
    await logNotice(db, {
      paymentId: null,
      provider: provider.name,
      kind: "notification",
      outcome: "unknown_order",
      amount: notice.amount,
      transactionId: notice.transactionId,
    });
    return provider.acknowledge("unknown_order");
  }
  return provider.acknowledge(await settle(db, env, payment, notice, "notification", now));
}

/**
 * Where the resident's browser lands after paying: never a change of state (only notifications
 * and status queries do that), just back to the dossier in the app. What the gateway says is
 * only a hint for the page, which reads the fee's real state from the API.
 */
export async function returnTarget(
  db: Db,
  env: CloudflareBindings,
  provider: PaymentProvider,
  request: Request,
): Promise<string> {
  const app = env.STAFF_APP_URL.replace(/\/$/, "");
  const notice = await provider.verifyNotification(request);
  if (!notice.valid) return `${app}/ho-so`;
  const payment = await paymentByOrderRef(db, notice.orderRef);
  const row = payment ? await viewById(db, payment.dossierId) : undefined;
  if (!payment || !row) return `${app}/ho-so`;
  await logNotice(db, {
    paymentId: payment.id,
    provider: provider.name,
    kind: "return",
    outcome: "pending",
    amount: notice.amount,
    transactionId: notice.transactionId,
  });
  return `${app}/ho-so/${row.d.code}?${PAYMENT_RETURN_PARAM}=${notice.state === "paid" ? "ok" : "huy"}`;
}

/**
 * The every-minute reconciliation: open payments with no notification after RECONCILE_AFTER_MS are
 * asked about (each at most every CHECK_EVERY_MS) and settled by the provider's answer; an
 * unreachable provider or an unusable answer leaves them for a later run. Refunds in progress are
 * polled the same way.
 */
export async function reconcilePayments(db: Db, env: CloudflareBindings, now = new Date()) {
  const at = now.toISOString();
  const checkedBefore = new Date(now.getTime() - CHECK_EVERY_MS).toISOString();
  const counts = { asked: 0, paid: 0, failed: 0, pending: 0, unknown: 0, refunds: 0 };
  const open = await paymentsToReconcile(db, new Date(now.getTime() - RECONCILE_AFTER_MS).toISOString(), checkedBefore, PER_RUN);
  for (const payment of open) {
    const provider = providerNamed(env, payment.provider);
    if (!provider) continue;
    counts.asked++;
    const status = await provider.queryStatus(refOf(payment));
    if (status.state === "paid" || status.state === "failed") {
      const report: Report =
        status.state === "paid"
          ? { state: "paid", transactionId: status.transactionId, amount: status.amount }
          : { state: "failed", transactionId: payment.transactionId ?? "", amount: payment.amount };
      const answer = await settle(db, env, payment, report, "query", now);
      if (answer === "applied") counts.paid++;
      else if (answer === "failed") counts.failed++;
    } else {
      counts[status.state]++;
      await markChecked(db, payment.id, at);
    }
  }
  for (const payment of await refundsToPoll(db, checkedBefore, PER_RUN)) {
    const provider = providerNamed(env, payment.provider);
    if (!provider) continue;
    const result = await provider.refundStatus({ ...refOf(payment), refundId: payment.refundId ?? "" });
    counts.refunds++;
    await recordRefund(db, payment, result, at);
  }
  return counts;
}

async function recordRefund(
  db: Db,
  payment: PaymentRow,
  result: { state: "processing" | "refunded" | "failed"; refundId?: string },
  at: string,
) {
  if (result.state === "processing") {
    await setRefund(db, payment.id, { state: "processing", refundId: result.refundId }, 0, at);
    return;
  }
  await db.batch([
    setRefund(db, payment.id, result, payment.amount, at),
    noticeStatement(db, {
      paymentId: payment.id,
      provider: payment.provider,
      kind: "refund",
      outcome: result.state === "refunded" ? "applied" : "failed",
      amount: payment.amount,
      transactionId: result.refundId ?? null,
    }),
  ]);
  log("payment_refund", { orderRef: payment.orderRef, state: result.state });
}

/**
 * An officer refunds a paid payment of a dossier they act on, when the rule allows it (a dossier
 * closed without a result, or a fee settled otherwise); a provider may finish it later.
 */
export async function refundPayment(db: Db, env: CloudflareBindings, row: ViewRow, body: RefundBody, now = new Date()) {
  const payment = await paymentByOrderRef(db, body.orderRef);
  if (!payment || payment.dossierId !== row.d.id) throw notFound("Không tìm thấy khoản thanh toán này.");
  const others = await paymentsOfDossier(db, row.d.id);
  if (!refundGround(payment, row.d, others))
    throw conflict(
      "Chỉ hoàn tiền khoản đã thanh toán của hồ sơ bị từ chối, đã rút, dừng giải quyết, được miễn phí hoặc đã nộp hai lần.",
    );
  const provider = providerNamed(env, payment.provider);
  if (!provider) throw conflict("Nhà cung cấp thanh toán của khoản này không còn được cấu hình.");
  const at = now.toISOString();
  if ((await claimRefund(db, payment.id, at)).length === 0) throw conflict("Khoản thanh toán này đang được hoàn tiền.");
  const result = await provider.refund(refOf(payment), payment.amount, body.reason);
  await recordRefund(db, { ...payment, refundState: "processing" }, result, at);
}

function receiptOf(env: CloudflareBindings, row: ViewRow, p: PaymentRow): Receipt | null {
  if (p.state !== "paid" || !p.receiptNumber || !p.paidAt) return null;
  return {
    number: p.receiptNumber,
    issuedAt: p.paidAt,
    payerName: row.d.applicantName,
    dossierCode: row.d.code,
    procedureName: row.procedureName,
    amount: p.amount,
    legalBasis: row.d.fee.legalBasis,
    collectedInto: env.PAYMENT_ACCOUNT,
    provider: p.provider,
    transactionId: p.transactionId ?? "",
  };
}

/** The fee of a dossier the caller may see; `staff` adds whether each payment may be refunded. */
export async function feeView(db: Db, env: CloudflareBindings, row: ViewRow, staff: boolean): Promise<FeeView> {
  const [payments, events] = await Promise.all([paymentsOfDossier(db, row.d.id), dossierEventsOf(db, row.d.id)]);
  const provider = providerFor(env);
  const exempted = events.findLast((e) => e.type === "fee_exempted");
  const exemption = exempted ? (exempted.data as FeeExemption) : null;
  return {
    status: row.d.feeStatus,
    quote: row.d.fee,
    onlineSaving: quoteSaving(row.d.fee),
    amountDue: await dueNow(db, row),
    onlinePayment: provider ? { provider: provider.name, account: env.PAYMENT_ACCOUNT } : null,
    canPay: !!provider && payable(row) && (await dueNow(db, row)) > 0,
    exemption:
      row.d.feeStatus === "exempted" && exemption && exempted
        ? { ...exemption, groundLabel: FEE_EXEMPTION_LABELS[exemption.ground], at: exempted.at }
        : null,
    payments: payments.map((p) => ({
      orderRef: p.orderRef,
      provider: p.provider,
      amount: p.amount,
      state: p.state,
      createdAt: p.createdAt,
      paidAt: p.paidAt,
      receiptNumber: p.receiptNumber,
      refundState: p.refundState,
      refundedAmount: p.refundedAmount,
      refundable: staff && refundGround(p, row.d, payments) !== null,
    })),
    receipts: payments.flatMap((p) => receiptOf(env, row, p) ?? []),
  };
}
