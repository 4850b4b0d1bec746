import { asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Session } from "../../shared/src/auth/api";
import type { FeeView, PaymentStartResponse } from "../../shared/src/payment/fee";
import { paymentNotices, payments } from "../../worker/src/db/schema";
import { RECONCILE_AFTER_MS, reconcilePayments } from "../../worker/src/payments/payments";
import { ABANDONED_MS } from "../../worker/src/payments/zalo-checkout";
import { newKey } from "./dossier-fixtures";
import { api, bearer, db, errorOf, json } from "./helpers";
import { actionBody, clockAt, dossierRow, eventsOf, type Filed, fileDossier, staffMember, step } from "./staff-fixtures";
import { checkoutEnv, payInSandbox, sandboxControls, sentCallbacks } from "./zalo-checkout-fixtures";

/**
 * Zalo Checkout end to end through the API, with PAYMENT_PROVIDER=zalo_checkout and the sandbox:
 * the resident starts paying, the mini app hands the order to Checkout (the sandbox) and reports
 * Checkout's order id, and Zalo's callback (delivered here as the sandbox recorded it) or the
 * reconciliation's status query settles the fee.
 */

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

type CheckoutStart = Extract<PaymentStartResponse["start"], { kind: "zalo_checkout" }>;

/** A dossier filed online and accepted by `officer`, so its fee is due and payable online. */
async function acceptedDossier(): Promise<Filed & { officer: Session }> {
  const filed = await fileDossier();
  const officer = await staffMember("phuong-an-hoa");
  await step(officer, filed.code, actionBody("accept"));
  return { ...filed, officer };
}

/** A Checkout-configured API whose sandbox app only records its callbacks, with these controls. */
async function checkoutApi(controls: Parameters<typeof sandboxControls>[1] = {}) {
  const env = checkoutEnv();
  await sandboxControls(env.ZALO_MINI_APP_ID, { deliver: "record", ...controls });
  return env;
}

async function startPayment(env: CloudflareBindings, filed: Filed) {
  const res = await api(
    `/api/dossiers/${filed.code}/payments`,
    { method: "POST", headers: { ...bearer(filed.owner), "Idempotency-Key": newKey() } },
    env,
  );
  expect(res.status).toBe(201);
  const body = (await res.json()) as PaymentStartResponse;
  expect(body.provider).toBe("zalo_checkout");
  expect(body.start.kind).toBe("zalo_checkout");
  return { ...body, start: body.start as CheckoutStart };
}

const reportOrder = (env: CloudflareBindings, filed: Filed, orderRef: string, orderId: string) =>
  api(`/api/dossiers/${filed.code}/payments/checkout-order`, json("POST", { orderRef, orderId }, bearer(filed.owner)), env);

/** Starts paying, has the sandbox pay, and reports Checkout's order id as the mini app does. */
async function payThroughCheckout(env: CloudflareBindings, filed: Filed, { report = true } = {}) {
  const started = await startPayment(env, filed);
  const paid = await payInSandbox(env.ZALO_MINI_APP_ID, started.start.order);
  expect(paid.error).toBe(0);
  const orderId = paid.data!.orderId;
  if (report) expect((await reportOrder(env, filed, started.orderRef, orderId)).status).toBe(204);
  return { ...started, orderId, transId: paid.data!.transId, callbacks: await sentCallbacks(orderId) };
}

/** Delivers a callback to the API as Zalo's server would; the answer is Zalo's `{ returnCode, returnMessage }`. */
async function deliver(env: CloudflareBindings, body: unknown) {
  const res = await api("/api/payments/zalo_checkout/notify", json("POST", body), env);
  expect(res.status).toBe(200);
  return (await res.json()) as { returnCode: number; returnMessage: string };
}

async function fee(env: CloudflareBindings, filed: Filed) {
  const res = await api(`/api/dossiers/${filed.code}/fee`, { headers: bearer(filed.owner) }, env);
  expect(res.status).toBe(200);
  return (await res.json()) as FeeView;
}

const paymentOf = (orderRef: string) => db().select().from(payments).where(eq(payments.orderRef, orderRef)).get();

async function noticesOf(orderRef: string) {
  const payment = await paymentOf(orderRef);
  return db().select().from(paymentNotices).where(eq(paymentNotices.paymentId, payment!.id)).orderBy(asc(paymentNotices.id));
}

const later = (ms: number) => new Date(Date.now() + ms);

const confirmations = async (code: string) => (await eventsOf(code)).filter((e) => e.type === "payment_confirmed");

describe("Zalo Checkout through the API", () => {
  it("hands the mini app a signed Checkout order for what the dossier owes", async () => {
    const env = await checkoutApi();
    const filed = await acceptedDossier();
    const due = (await fee(env, filed)).amountDue;
    expect(due).toBeGreaterThan(0);
    const started = await startPayment(env, filed);
    expect(started.amount).toBe(due);
    expect(started.start.order).toMatchObject({ amount: due, item: [{ id: filed.code, amount: due }] });
    expect(JSON.parse(started.start.order.extradata)).toEqual({
      orderRef: started.orderRef,
      notifyUrl: `${env.API_PUBLIC_URL}/api/payments/zalo_checkout/notify`,
    });
    expect(started.start.order.mac).toMatch(/^[0-9a-f]{64}$/);
  });

  it("settles the fee on Zalo's callback: one receipt, one state change, and Zalo hears returnCode 1", async () => {
    const env = await checkoutApi();
    const filed = await acceptedDossier();
    const before = await dossierRow(filed.code);
    const { orderRef, orderId, transId, callbacks } = await payThroughCheckout(env, filed);
    expect(callbacks).toHaveLength(1);
    expect(await deliver(env, callbacks[0]!.body)).toMatchObject({ returnCode: 1 });

    const view = await fee(env, filed);
    expect(view.status).toBe("paid");
    expect(view.payments).toMatchObject([{ orderRef, provider: "zalo_checkout", state: "paid" }]);
    expect(view.receipts).toHaveLength(1);
    expect(view.receipts[0]).toMatchObject({ dossierCode: filed.code, provider: "zalo_checkout", transactionId: transId });
    expect(view.receipts[0]!.number).toMatch(/^BL-\d{4}-\d{6}$/);
    expect(await paymentOf(orderRef)).toMatchObject({ providerOrderId: orderId, transactionId: transId, state: "paid" });
    expect(await confirmations(filed.code)).toHaveLength(1);
    expect((await dossierRow(filed.code)).version).toBe(before.version + 1);
  });

  it("takes a callback replayed three times at once as one payment and one state change", async () => {
    const env = await checkoutApi({ callback: "twice" });
    const filed = await acceptedDossier();
    const before = await dossierRow(filed.code);
    const { orderRef, callbacks } = await payThroughCheckout(env, filed);
    expect(callbacks).toHaveLength(2);
    const bodies = [callbacks[0]!.body, callbacks[1]!.body, callbacks[0]!.body];
    const answers = await Promise.all(bodies.map((body) => deliver(env, body)));
    // Zalo hears "handled" every time, so it stops resending.
    expect(answers.map((a) => a.returnCode)).toEqual([1, 1, 1]);

    const view = await fee(env, filed);
    expect(view.status).toBe("paid");
    expect(view.receipts).toHaveLength(1);
    expect(await confirmations(filed.code)).toHaveLength(1);
    expect((await dossierRow(filed.code)).version).toBe(before.version + 1);
    const outcomes = (await noticesOf(orderRef)).map((n) => n.outcome).sort();
    expect(outcomes).toEqual(["applied", "duplicate", "duplicate"]);
  });

  it("refuses and logs a callback whose amount does not match the quote", async () => {
    const env = await checkoutApi({ callback: "wrong_amount" });
    const filed = await acceptedDossier();
    const info = vi.spyOn(console, "info");
    const { orderRef, amount, callbacks } = await payThroughCheckout(env, filed);
    const paidAmount = callbacks[0]!.body.data.amount;
    expect(paidAmount).not.toBe(amount);
    expect(await deliver(env, callbacks[0]!.body)).toMatchObject({ returnCode: 0 });

    const view = await fee(env, filed);
    expect(view.status).toBe("due");
    expect(view.receipts).toEqual([]);
    expect((await paymentOf(orderRef))!.state).toBe("pending");
    expect(await confirmations(filed.code)).toEqual([]);
    expect(await noticesOf(orderRef)).toMatchObject([{ kind: "notification", outcome: "amount_mismatch", amount: paidAmount }]);
    const logged = info.mock.calls.map(([line]) => String(line)).filter((line) => line.includes("payment_amount_mismatch"));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(orderRef);
  });

  it("refuses a forged callback and changes nothing", async () => {
    const env = await checkoutApi();
    const filed = await acceptedDossier();
    const { orderRef, callbacks } = await payThroughCheckout(env, filed);
    const { data, mac, overallMac } = callbacks[0]!.body;
    for (const forged of [
      { data: { ...data, resultCode: 1, amount: 1000 }, mac, overallMac },
      { data: { ...data, extradata: encodeURIComponent(JSON.stringify({ orderRef })) }, mac, overallMac },
    ]) {
      expect(await deliver(env, forged)).toMatchObject({ returnCode: 0 });
    }
    expect((await fee(env, filed)).status).toBe("due");
    expect((await paymentOf(orderRef))!.state).toBe("pending");
    expect(await confirmations(filed.code)).toEqual([]);
  });

  it("records a failed payment once and lets the resident start again", async () => {
    const env = await checkoutApi({ payment: "failed" });
    const filed = await acceptedDossier();
    const { orderRef, callbacks } = await payThroughCheckout(env, filed);
    expect(await deliver(env, callbacks[0]!.body)).toMatchObject({ returnCode: 1 });
    expect((await paymentOf(orderRef))!.state).toBe("failed");
    const view = await fee(env, filed);
    expect(view).toMatchObject({ status: "due", canPay: true });
  });
});

describe("Zalo Checkout reconciliation (no callback within 20 minutes)", () => {
  it("asks get-status after 20 minutes and settles a paid order whose callback never came", async () => {
    const env = await checkoutApi({ callback: "never" });
    const filed = await acceptedDossier();
    const { orderRef, transId, callbacks } = await payThroughCheckout(env, filed);
    expect(callbacks).toEqual([]);

    await reconcilePayments(db(), env, later(RECONCILE_AFTER_MS - 60_000));
    expect((await paymentOf(orderRef))!.state).toBe("pending");
    expect((await fee(env, filed)).status).toBe("due");

    await reconcilePayments(db(), env, later(RECONCILE_AFTER_MS + 60_000));
    expect(await paymentOf(orderRef)).toMatchObject({ state: "paid", transactionId: transId });
    const view = await fee(env, filed);
    expect(view.status).toBe("paid");
    expect(view.receipts).toHaveLength(1);
    expect(await confirmations(filed.code)).toHaveLength(1);
    expect(await noticesOf(orderRef)).toMatchObject([{ kind: "query", outcome: "applied" }]);
  });

  it("settles nothing while Checkout is down, and settles once it answers again", async () => {
    const env = await checkoutApi({ callback: "never", api: "fail" });
    const filed = await acceptedDossier();
    const { orderRef } = await payThroughCheckout(env, filed);
    await reconcilePayments(db(), env, later(RECONCILE_AFTER_MS + 60_000));
    expect(await paymentOf(orderRef)).toMatchObject({ state: "pending" });
    expect((await paymentOf(orderRef))!.checkedAt).not.toBeNull();

    await sandboxControls(env.ZALO_MINI_APP_ID, { api: "ok" });
    await reconcilePayments(db(), env, later(RECONCILE_AFTER_MS + 10 * 60_000));
    expect(await paymentOf(orderRef)).toMatchObject({ state: "paid" });
  });

  it("refuses a reconciled payment whose amount does not match the quote", async () => {
    const env = await checkoutApi({ callback: "wrong_amount" });
    const filed = await acceptedDossier();
    const { orderRef, callbacks } = await payThroughCheckout(env, filed);
    expect(callbacks).toHaveLength(1);
    await reconcilePayments(db(), env, later(RECONCILE_AFTER_MS + 60_000));
    expect((await paymentOf(orderRef))!.state).toBe("pending");
    expect(await noticesOf(orderRef)).toMatchObject([{ kind: "query", outcome: "amount_mismatch" }]);
  });

  it("cannot ask without Checkout's order id, and gives the order up as abandoned after an hour", async () => {
    const env = await checkoutApi({ callback: "never" });
    const filed = await acceptedDossier();
    const { orderRef } = await payThroughCheckout(env, filed, { report: false });
    await reconcilePayments(db(), env, later(RECONCILE_AFTER_MS + 60_000));
    expect((await paymentOf(orderRef))!.state).toBe("pending");
    // The provider judges abandonment by the clock, so the clock moves on an hour.
    clockAt(later(ABANDONED_MS + 60_000).toISOString());
    await reconcilePayments(db(), env);
    vi.useRealTimers();
    expect((await paymentOf(orderRef))!.state).toBe("failed");
    expect((await fee(env, filed)).canPay).toBe(true);
  });
});

describe("POST /api/dossiers/:code/payments/checkout-order", () => {
  it("records Checkout's order id once; the same report again is a replay", async () => {
    const env = await checkoutApi({ callback: "never" });
    const filed = await acceptedDossier();
    const { orderRef, orderId } = await payThroughCheckout(env, filed);
    expect((await paymentOf(orderRef))!.providerOrderId).toBe(orderId);
    expect((await reportOrder(env, filed, orderRef, orderId)).status).toBe(204);
    const other = await reportOrder(env, filed, orderRef, "another-order-id");
    expect(other.status).toBe(409);
    expect((await errorOf(other)).code).toBe("conflict");
    expect((await paymentOf(orderRef))!.providerOrderId).toBe(orderId);
  });

  it("does not let a resident take another Checkout order for their payment", async () => {
    const env = await checkoutApi({ callback: "never" });
    const mine = await acceptedDossier();
    const theirs = await acceptedDossier();
    const paidByThem = await payThroughCheckout(env, theirs);
    const started = await startPayment(env, mine);
    // Their paid order id, reported for my payment, is recorded but settles nothing of mine.
    expect((await reportOrder(env, mine, started.orderRef, paidByThem.orderId)).status).toBe(204);
    await reconcilePayments(db(), env, later(RECONCILE_AFTER_MS + 60_000));
    expect((await paymentOf(started.orderRef))!.state).toBe("pending");
    expect((await fee(env, mine)).status).toBe("due");
    expect((await paymentOf(paidByThem.orderRef))!.state).toBe("paid");
  });

  it("answers 404 for another resident's dossier or payment, and 400 for a malformed body", async () => {
    const env = await checkoutApi();
    const mine = await acceptedDossier();
    const theirs = await acceptedDossier();
    const started = await startPayment(env, theirs);
    const asMe = (code: string, body: unknown) =>
      api(`/api/dossiers/${code}/payments/checkout-order`, json("POST", body, bearer(mine.owner)), env);
    expect((await asMe(theirs.code, { orderRef: started.orderRef, orderId: "x" })).status).toBe(404);
    expect((await asMe(mine.code, { orderRef: started.orderRef, orderId: "x" })).status).toBe(404);
    for (const body of [
      {},
      { orderRef: started.orderRef },
      { orderRef: started.orderRef, orderId: "" },
      { orderRef: "a", orderId: "b", x: 1 },
    ]) {
      const res = await asMe(mine.code, body);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe("validation_failed");
    }
    expect((await paymentOf(started.orderRef))!.providerOrderId).toBeNull();
  });
});

describe("Zalo Checkout refunds through the API", () => {
  it("refunds a paid dossier withdrawn afterwards: redone after Checkout was down, finished when the cron asks", async () => {
    const env = await checkoutApi({ refund: "async", refundPolls: 1 });
    const filed = await acceptedDossier();
    const { orderRef, callbacks } = await payThroughCheckout(env, filed);
    expect(await deliver(env, callbacks[0]!.body)).toMatchObject({ returnCode: 1 });
    const withdrawn = await api(
      `/api/dossiers/${filed.code}/withdraw`,
      json("POST", { reason: "Tôi không còn nhu cầu" }, bearer(filed.owner)),
      env,
    );
    expect(withdrawn.status).toBe(200);
    await step(filed.officer, filed.code, actionBody("confirm_withdrawal"));
    const refund = () =>
      api(
        `/api/staff/dossiers/${filed.code}/refunds`,
        json("POST", { orderRef, reason: "Công dân rút hồ sơ" }, bearer(filed.officer)),
        env,
      );

    // Checkout down: nothing was refunded, and the officer may ask again.
    await sandboxControls(env.ZALO_MINI_APP_ID, { api: "fail" });
    expect((await refund()).status).toBe(200);
    expect(await paymentOf(orderRef)).toMatchObject({ refundState: "failed", refundedAmount: 0 });

    await sandboxControls(env.ZALO_MINI_APP_ID, { api: "ok" });
    expect((await refund()).status).toBe(200);
    const processing = await paymentOf(orderRef);
    expect(processing).toMatchObject({ refundState: "processing", refundedAmount: 0 });
    expect(processing!.refundId).toMatch(/^rf_/);
    expect((await refund()).status).toBe(409);

    // Checkout says "in progress" to the first poll and "done" to the next (each at most every five minutes).
    await reconcilePayments(db(), env, later(6 * 60_000));
    expect((await paymentOf(orderRef))!.refundState).toBe("processing");
    await reconcilePayments(db(), env, later(12 * 60_000));
    expect(await paymentOf(orderRef)).toMatchObject({
      state: "paid",
      refundState: "refunded",
      refundedAmount: processing!.amount,
    });
    expect((await noticesOf(orderRef)).map((n) => [n.kind, n.outcome])).toEqual([
      ["notification", "applied"],
      ["refund", "failed"],
      ["refund", "applied"],
    ]);
  });
});
