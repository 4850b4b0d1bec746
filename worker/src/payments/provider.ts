import type { PaymentProviderName, RefundState } from "../../../shared/src/payment/api";

/**
 * What every payment provider module implements (one module per provider, each the only code that
 * talks to that provider, at a configurable base URL). The payment domain (./payments.ts) decides
 * what a verified answer does to a payment and its dossier; a provider only speaks the protocol:
 * signing requests, verifying signatures and MACs, and mapping answers to these shapes.
 */
export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /** Starts paying `order`: where to send the resident, or the order the mini app hands to Zalo's SDK. */
  start(order: PaymentOrder): Promise<PaymentStart>;
  /**
   * Reads and verifies a server-to-server notification (IPN, callback). Anything whose signature
   * or MAC does not verify is `{ valid: false }` and changes nothing.
   */
  verifyNotification(request: Request): Promise<VerifiedNotice>;
  /** The body the provider expects back for a notification, by what was done with it. */
  acknowledge(outcome: NoticeAnswer): Response;
  /** Asks the provider what became of an order (reconciliation, and after the mini app's return). */
  queryStatus(payment: PaymentRef): Promise<ProviderStatus>;
  /** Refunds `amount` of a paid order; a provider may answer "processing" and finish later. */
  refund(payment: PaymentRef, amount: number, reason: string): Promise<RefundResult>;
  /** Asks about a refund that was "processing". */
  refundStatus(payment: PaymentRef & { refundId: string }): Promise<RefundResult>;
}

/** One order as sent to a provider; `orderRef` is unique and maps every answer back to one payment. */
export type PaymentOrder = {
  orderRef: string;
  amount: number;
  /** Shown to the payer by the provider: ASCII-safe where the protocol needs it. */
  description: string;
  dossierCode: string;
  /** Where the resident's browser comes back to (never trusted to change state). */
  returnUrl: string;
  /** Where the provider posts its notification. */
  notifyUrl: string;
  createdAt: Date;
};

export type PaymentStart =
  | { kind: "redirect"; url: string }
  /** The arguments of zmp-sdk's `Payment.createOrder`, with the MAC computed here on the server. */
  | {
      kind: "zalo_checkout";
      order: { amount: number; desc: string; item: unknown[]; extradata: string; method: string; mac: string };
    };

/** The identifiers a provider needs to ask about an order. */
export type PaymentRef = {
  orderRef: string;
  providerOrderId: string | null;
  transactionId: string | null;
  amount: number;
  createdAt: string;
};

export type VerifiedNotice =
  | { valid: false; reason: "bad_signature" | "malformed" }
  | {
      valid: true;
      orderRef: string;
      /** The provider's order id, when it has its own (Zalo Checkout). */
      providerOrderId?: string;
      transactionId: string;
      amount: number;
      state: "paid" | "failed";
    };

/** What the payment domain did with a notification, for the provider's expected answer. */
export type NoticeAnswer = "applied" | "duplicate" | "bad_signature" | "amount_mismatch" | "unknown_order" | "failed";

export type ProviderStatus =
  | { state: "paid"; transactionId: string; amount: number }
  | { state: "pending" }
  | { state: "failed" }
  /** The provider could not be reached or answered something unusable: ask again later. */
  | { state: "unknown" };

export type RefundResult = { state: RefundState; refundId?: string };
