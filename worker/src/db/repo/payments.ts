import { and, asc, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { NoticeOutcome, PaymentProviderName, RefundState } from "../../../../shared/src/payment/api";
import type { Db } from "../client";
import { paymentNotices, payments, receiptCounters } from "../schema";

export type PaymentRow = typeof payments.$inferSelect;
type NoticeKind = (typeof paymentNotices.$inferInsert)["kind"];

/** Payments that may still become paid: the only ones a confirmation moves. */
const OPEN = ["created", "pending"] as const;

export const insertPayment = (db: Db, row: typeof payments.$inferInsert) => db.insert(payments).values(row);

export const paymentByOrderRef = (db: Db, orderRef: string) =>
  db.select().from(payments).where(eq(payments.orderRef, orderRef)).get();

export const paymentsOfDossier = (db: Db, dossierId: string) =>
  db.select().from(payments).where(eq(payments.dossierId, dossierId)).orderBy(asc(payments.createdAt), asc(payments.id));

export type NoticeRecord = {
  paymentId: string | null;
  provider: PaymentProviderName;
  kind: NoticeKind;
  outcome: NoticeOutcome;
  amount?: number | null;
  transactionId?: string | null;
};

export const noticeStatement = (db: Db, n: NoticeRecord) =>
  db.insert(paymentNotices).values({ ...n, amount: n.amount ?? null, transactionId: n.transactionId ?? null });

export const logNotice = (db: Db, n: NoticeRecord) => noticeStatement(db, n).run();

/**
 * A verified "paid" is the provider saying it took the money, so it settles any payment not yet
 * paid, one already marked failed or abandoned included (a late notification after the page expired).
 */
const notYetPaid = (paymentId: string) =>
  sql`EXISTS (SELECT 1 FROM ${payments} WHERE ${payments.id} = ${paymentId} AND ${payments.state} <> 'paid')`;

/**
 * The statements that mark a payment paid, for one batch, each conditional on the payment still
 * being open so a replay changes nothing: the notice (applied, or duplicate if another batch came
 * first), the year's receipt counter, and the payment with its receipt number from that counter
 * (BL-2026-000123).
 */
export function paidStatements(
  db: Db,
  payment: PaymentRow,
  report: { transactionId: string; providerOrderId?: string | undefined; amount: number },
  kind: NoticeKind,
  year: string,
  at: string,
) {
  const open = notYetPaid(payment.id);
  return [
    // Columns in table order; a NULL id takes the next autoincrement value.
    db
      .insert(paymentNotices)
      .select(
        sql`SELECT NULL, ${payment.id}, ${payment.provider}, ${kind}, CASE WHEN ${open} THEN 'applied' ELSE 'duplicate' END, ${report.amount}, ${report.transactionId}, ${at}`,
      ),
    db
      .insert(receiptCounters)
      .select(sql`SELECT ${year}, 1 WHERE ${open}`)
      .onConflictDoUpdate({ target: receiptCounters.year, set: { seq: sql`${receiptCounters.seq} + 1` } }),
    db
      .update(payments)
      .set({
        state: "paid",
        transactionId: report.transactionId,
        ...(report.providerOrderId ? { providerOrderId: report.providerOrderId } : {}),
        paidAt: at,
        updatedAt: at,
        receiptNumber: sql`'BL-' || ${year} || '-' || printf('%06d', (SELECT ${receiptCounters.seq} FROM ${receiptCounters} WHERE ${receiptCounters.year} = ${year}))`,
      })
      .where(and(eq(payments.id, payment.id), ne(payments.state, "paid"))),
  ] as const;
}

/** Marks an open payment failed (the provider said so); a paid one stays paid. */
export const failPayment = (db: Db, paymentId: string, at: string) =>
  db
    .update(payments)
    .set({ state: "failed", updatedAt: at, checkedAt: at })
    .where(and(eq(payments.id, paymentId), inArray(payments.state, OPEN)));

/** Open payments older than `createdBefore` not asked about since `checkedBefore`, oldest first. */
export const paymentsToReconcile = (db: Db, createdBefore: string, checkedBefore: string, limit: number) =>
  db
    .select()
    .from(payments)
    .where(
      and(
        inArray(payments.state, OPEN),
        lt(payments.createdAt, createdBefore),
        or(isNull(payments.checkedAt), lt(payments.checkedAt, checkedBefore)),
      ),
    )
    .orderBy(asc(payments.createdAt))
    .limit(limit);

export const markChecked = (db: Db, paymentId: string, at: string) =>
  db.update(payments).set({ checkedAt: at }).where(eq(payments.id, paymentId));

/** Claims a paid payment for a refund: only one refund per payment, whoever asks twice. */
export const claimRefund = (db: Db, paymentId: string, at: string) =>
  db
    .update(payments)
    .set({ refundState: "processing", updatedAt: at })
    .where(
      and(
        eq(payments.id, paymentId),
        eq(payments.state, "paid"),
        or(isNull(payments.refundState), eq(payments.refundState, "failed")),
      ),
    )
    .returning({ id: payments.id });

/** Records what became of a refund still processing. */
export const setRefund = (
  db: Db,
  paymentId: string,
  result: { state: RefundState; refundId?: string | undefined },
  amount: number,
  at: string,
) =>
  db
    .update(payments)
    .set({
      refundState: result.state,
      ...(result.refundId ? { refundId: result.refundId } : {}),
      ...(result.state === "refunded" ? { refundedAmount: amount } : {}),
      updatedAt: at,
      checkedAt: at,
    })
    .where(and(eq(payments.id, paymentId), eq(payments.refundState, "processing")));

/** Refunds still processing, not asked about since `checkedBefore`. */
export const refundsToPoll = (db: Db, checkedBefore: string, limit: number) =>
  db
    .select()
    .from(payments)
    .where(and(eq(payments.refundState, "processing"), or(isNull(payments.checkedAt), lt(payments.checkedAt, checkedBefore))))
    .orderBy(asc(payments.updatedAt))
    .limit(limit);

/** The latest amount an officer requested (payment_requested), for what a dossier in status 6 owes. */
export const requestedAmount = async (db: Db, dossierId: string): Promise<number | null> => {
  const row = await db.get<{ amount: number | null }>(
    sql`SELECT json_extract(data, '$.amount') AS amount FROM dossier_events WHERE dossier_id = ${dossierId} AND type = 'payment_requested' ORDER BY seq DESC LIMIT 1`,
  );
  return row?.amount ?? null;
};

/** Records Checkout's order id for a payment that has none yet; empty when it already had one. */
export const setProviderOrderId = (db: Db, paymentId: string, providerOrderId: string, at: string) =>
  db
    .update(payments)
    .set({ providerOrderId, updatedAt: at })
    .where(and(eq(payments.id, paymentId), isNull(payments.providerOrderId)))
    .returning({ id: payments.id });
