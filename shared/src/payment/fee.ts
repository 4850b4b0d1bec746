import { z } from "zod";
import { FeeQuote } from "../catalogue/fees";
import type { DossierStatus } from "../dossier/status";
import { FeeStatus, PaymentProviderName, PaymentState, Receipt, RefundState } from "./api";
import { FeeExemptionGround } from "./exemption";

/**
 * What a dossier owes now (DOMAIN §6): nothing unless its fee is due; while it waits for a payment
 * an officer requested (6), that request's amount; otherwise the fee quoted at filing, which for an
 * online filing is already the online rate.
 */
export function amountDue(d: { status: number; feeStatus: FeeStatus; fee: FeeQuote }, requestedAmount: number | null): number {
  if (d.feeStatus !== "due") return 0;
  if (d.status === 6 && requestedAmount !== null) return requestedAmount;
  return d.fee.amount;
}

/** What filing online saved over the counter, for the quote a dossier keeps. */
export const quoteSaving = (fee: FeeQuote): number => Math.max(0, fee.counter - fee.amount);

/** Closed without a result: a fee paid for it is refunded (refused, withdrawn, stopped). */
const CLOSED_WITHOUT_RESULT: readonly DossierStatus[] = [3, 7, 8];

/**
 * Why a paid online payment may be refunded, or null when it may not: the dossier ended without a
 * result, or its fee was settled another way (an exemption, or an earlier payment: paid twice).
 */
export function refundGround(
  payment: { id: string; state: PaymentState; refundState: RefundState | null; paidAt: string | null },
  dossier: { status: number; feeStatus: FeeStatus },
  others: readonly { id: string; state: PaymentState; paidAt: string | null }[],
): "closed_without_result" | "exempted" | "paid_twice" | null {
  // A refund the provider refused may be asked for again.
  if (payment.state !== "paid" || (payment.refundState !== null && payment.refundState !== "failed")) return null;
  if (CLOSED_WITHOUT_RESULT.includes(dossier.status as DossierStatus)) return "closed_without_result";
  if (dossier.feeStatus === "exempted") return "exempted";
  const earlier = others.some(
    (p) => p.id !== payment.id && p.state === "paid" && p.paidAt !== null && payment.paidAt !== null && p.paidAt < payment.paidAt,
  );
  return earlier ? "paid_twice" : null;
}

export const PaymentSummary = z.object({
  orderRef: z.string(),
  provider: PaymentProviderName,
  amount: z.number().int(),
  state: PaymentState,
  createdAt: z.string(),
  paidAt: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  refundState: RefundState.nullable(),
  refundedAmount: z.number().int(),
  /** Staff only: whether an officer may refund it now (refundGround). */
  refundable: z.boolean(),
});
export type PaymentSummary = z.infer<typeof PaymentSummary>;

/** `GET /api/dossiers/:code/fee`: the fee, what is due, how to pay it, and the receipts. */
export const FeeView = z.object({
  status: FeeStatus,
  quote: FeeQuote,
  /** What filing online saved over the counter fee (0 when nothing). */
  onlineSaving: z.number().int(),
  amountDue: z.number().int(),
  /** Null when the province has not turned online payment on: the fee is paid at the counter. */
  onlinePayment: z.object({ provider: PaymentProviderName, account: z.string() }).nullable(),
  /** Whether the applicant can pay online now (a fee is due and the dossier is accepted). */
  canPay: z.boolean(),
  exemption: z.object({ ground: FeeExemptionGround, groundLabel: z.string(), legalBasis: z.string(), at: z.string() }).nullable(),
  payments: z.array(PaymentSummary),
  receipts: z.array(Receipt),
});
export type FeeView = z.infer<typeof FeeView>;

/** `POST /api/dossiers/:code/payments`: where the resident pays. */
export const PaymentStartResponse = z.object({
  orderRef: z.string(),
  amount: z.number().int(),
  provider: PaymentProviderName,
  start: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("redirect"), url: z.string() }),
    z.object({
      kind: z.literal("zalo_checkout"),
      order: z.object({
        amount: z.number().int(),
        desc: z.string(),
        item: z.array(z.unknown()),
        extradata: z.string(),
        method: z.string(),
        mac: z.string(),
      }),
    }),
  ]),
});
export type PaymentStartResponse = z.infer<typeof PaymentStartResponse>;

export const ProviderParam = z.object({ provider: PaymentProviderName });

/** `POST /api/staff/dossiers/:code/refunds`. */
export const RefundBody = z.strictObject({
  orderRef: z.string().min(1).max(64),
  reason: z.string().trim().min(3, { error: "Vui lòng ghi rõ lý do hoàn tiền" }).max(500),
});
export type RefundBody = z.infer<typeof RefundBody>;

/** The outcome query the return route hands to the app's dossier page. */
export const PAYMENT_RETURN_PARAM = "thanh-toan";
