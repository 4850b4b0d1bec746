import type { Db } from "../db/client";
import { dossierByCode, dossierEventsOf } from "../db/repo/dossiers";
import { commitStep, type SystemActor, transitionOf } from "./steps";

/** Steps no person takes: a payment provider's confirmation, and next the jobs that run on their own. */

export const PAYMENT_GATEWAY: SystemActor = { role: "system", name: "payment-gateway" };

/** What a payment provider reports: the dossier, its own transaction id, and the amount paid in VND. */
export type PaymentReceipt = { code: string; transactionId: string; amount: number };

/**
 * "already_confirmed": this transaction was confirmed before (a webhook's retry);
 * "not_awaiting_payment": no payment is requested now (never, or an officer confirmed it first).
 */
export type PaymentOutcome = "confirmed" | "already_confirmed" | "not_awaiting_payment" | "amount_mismatch" | "unknown_dossier";

/** A lost race means another step committed in between; the next read sees it. */
const ATTEMPTS = 3;

/**
 * The fee of a dossier waiting for payment (6) was paid: processing resumes (4). Providers deliver
 * a callback at least once, so a retry of a confirmation already written changes nothing, and the
 * amount must be the one requested. Written like any step: through the state machine, at the
 * dossier's next version, in one batch with the applicant's notification.
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
    if (!requested || data(requested).amount !== receipt.amount) return "amount_mismatch";
    const paid = { gateway: PAYMENT_GATEWAY.name, transactionId: receipt.transactionId, amount: receipt.amount };
    if (await commitStep(db, auditKey, row, PAYMENT_GATEWAY, moved, { data: paid }, now)) return "confirmed";
  }
  throw new Error("payment confirmation kept losing to concurrent steps");
}
