import type { BatchItem } from "drizzle-orm/batch";
import { amountDue } from "../../../shared/src/payment/fee";
import type { Db } from "../db/client";
import { dossierByCode, dossierEventsOf } from "../db/repo/dossiers";
import { commitStep, type SystemActor, transitionOf } from "./steps";

/** Steps no person takes: a payment provider's confirmation, and next the jobs that run on their own. */

export const PAYMENT_GATEWAY: SystemActor = { role: "system", name: "payment-gateway" };

/**
 * What a payment provider reports: the dossier, its own transaction id, and the amount paid in VND;
 * `provider` names it in the event, and `extra` are the payment's own writes for the same batch.
 */
export type PaymentReceipt = {
  code: string;
  transactionId: string;
  amount: number;
  provider?: string;
  extra?: BatchItem<"sqlite">[];
};

/**
 * "already_confirmed": this transaction was confirmed before (a webhook's retry);
 * "not_awaiting_payment": no fee is due now, or not at this stage (an officer confirmed it first);
 * "amount_mismatch": the amount is not what the dossier owes.
 */
export type PaymentOutcome = "confirmed" | "already_confirmed" | "not_awaiting_payment" | "amount_mismatch" | "unknown_dossier";

/** A lost race means another step committed in between; the next read sees it. */
const ATTEMPTS = 3;

/**
 * The fee of a dossier was paid: it is settled, and a dossier waiting for payment (6) resumes
 * processing (4). Providers deliver a callback at least once, so a retry of a confirmation already
 * written changes nothing, and the amount must be the one due. Written like any step: through the
 * state machine, at the dossier's next version, in one batch with the applicant's notification.
 */
export async function confirmPaymentReceived(
  db: Db,
  auditKey: string,
  receipt: PaymentReceipt,
  now = new Date(),
): Promise<PaymentOutcome> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const row = await dossierByCode(db, receipt.code);
    if (!row) return "unknown_dossier";
    const events = await dossierEventsOf(db, row.d.id);
    const data = (e: (typeof events)[number]) => e.data as { transactionId?: string; amount?: number };
    if (events.some((e) => e.type === "payment_confirmed" && data(e).transactionId === receipt.transactionId))
      return "already_confirmed";
    const moved = transitionOf(row.d, "confirm_payment");
    if (!moved.ok) return "not_awaiting_payment";
    const requested = events.findLast((e) => e.type === "payment_requested");
    if (amountDue(row.d, requested ? (data(requested).amount ?? null) : null) !== receipt.amount) return "amount_mismatch";
    const paid = {
      gateway: receipt.provider ?? PAYMENT_GATEWAY.name,
      transactionId: receipt.transactionId,
      amount: receipt.amount,
    };
    if (
      await commitStep(
        db,
        auditKey,
        row,
        PAYMENT_GATEWAY,
        moved,
        { data: paid, ...(receipt.extra ? { extra: receipt.extra } : {}) },
        now,
      )
    )
      return "confirmed";
  }
  throw new Error("payment confirmation kept losing to concurrent steps");
}
