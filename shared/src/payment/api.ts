import { z } from "zod";

/**
 * Fees and online payment (DOMAIN §6): the contract between the API, the mini app and the payment
 * providers' modules. Fees belong to State Treasury or agency accounts, so the provider and the
 * account are the province's configuration (PAYMENT_PROVIDER, PAYMENT_ACCOUNT).
 */

/** What a dossier owes: nothing, a fee still due, paid, or exempted on a recorded ground. */
export const FEE_STATUSES = ["none", "due", "paid", "exempted"] as const;
export const FeeStatus = z.enum(FEE_STATUSES);
export type FeeStatus = z.infer<typeof FeeStatus>;

/** The two provider implementations a province can choose between. */
export const PAYMENT_PROVIDERS = ["gateway", "zalo_checkout"] as const;
export const PaymentProviderName = z.enum(PAYMENT_PROVIDERS);
export type PaymentProviderName = z.infer<typeof PaymentProviderName>;

/**
 * One attempt to pay a dossier's fee online. Only a verified notification from the provider, or
 * the provider's own answer to a status query, moves it to "paid" or "failed".
 */
export const PAYMENT_STATES = ["created", "pending", "paid", "failed", "cancelled"] as const;
export const PaymentState = z.enum(PAYMENT_STATES);
export type PaymentState = z.infer<typeof PaymentState>;

/** Refunds may finish later (Zalo Checkout answers "processing" and is polled). */
export const REFUND_STATES = ["processing", "refunded", "failed"] as const;
export const RefundState = z.enum(REFUND_STATES);
export type RefundState = z.infer<typeof RefundState>;

/** How each notification or query about a payment was handled, kept for reconciliation and audit. */
export const NOTICE_OUTCOMES = [
  "applied",
  "duplicate",
  "bad_signature",
  "amount_mismatch",
  "unknown_order",
  "failed",
  "pending",
] as const;
export type NoticeOutcome = (typeof NOTICE_OUTCOMES)[number];

/** The electronic receipt (biên lai điện tử) issued when a fee is paid online. */
export const Receipt = z.object({
  number: z.string(),
  issuedAt: z.string(),
  payerName: z.string(),
  dossierCode: z.string(),
  procedureName: z.string(),
  amount: z.number().int(),
  legalBasis: z.string(),
  /** The account the fee was collected into (the province's Treasury or agency account). */
  collectedInto: z.string(),
  provider: PaymentProviderName,
  transactionId: z.string(),
});
export type Receipt = z.infer<typeof Receipt>;

/**
 * `POST /api/dossiers/:code/payments/checkout-order`: the mini app tells the API the order id Zalo
 * Checkout gave its order, so a payment whose callback never comes can still be asked about.
 */
export const CheckoutOrderBody = z.strictObject({
  orderRef: z.string().min(1).max(64),
  orderId: z.string().trim().min(1).max(128),
});
export type CheckoutOrderBody = z.infer<typeof CheckoutOrderBody>;
