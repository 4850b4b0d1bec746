import { describe, expect, it } from "vitest";
import type { PaymentRef } from "../../worker/src/payments/provider";
import { ABANDONED_MS, callbackMacInput, orderMacInput, overallMacInput } from "../../worker/src/payments/zalo-checkout";
import {
  callbackRequest,
  checkoutEnv,
  payInSandbox,
  paymentOrder,
  providerFor,
  sandboxControls,
  sandboxUrl,
  sentCallbacks,
} from "./zalo-checkout-fixtures";

/** A provider on its own sandbox app, with that app's controls set. */
async function setup(controls: Parameters<typeof sandboxControls>[1] = {}) {
  const env = checkoutEnv();
  await sandboxControls(env.ZALO_MINI_APP_ID, { deliver: "record", ...controls });
  return { env, appId: env.ZALO_MINI_APP_ID, provider: providerFor(env) };
}

/** Starts an order, has the sandbox pay it, and returns what came of it. */
async function pay(controls: Parameters<typeof sandboxControls>[1] = {}, amount = 7000) {
  const { env, appId, provider } = await setup(controls);
  const order = paymentOrder({ amount });
  const start = await provider.start(order);
  if (start.kind !== "zalo_checkout") throw new Error("expected a Checkout order");
  const paid = await payInSandbox(appId, start.order);
  expect(paid.error).toBe(0);
  const { orderId, transId } = paid.data!;
  const ref: PaymentRef = {
    orderRef: order.orderRef,
    providerOrderId: orderId,
    transactionId: transId,
    amount,
    createdAt: order.createdAt.toISOString(),
  };
  return { env, appId, provider, order, orderId, transId, ref, callbacks: await sentCallbacks(orderId) };
}

/** The one callback the sandbox sent. */
function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

describe("Zalo Checkout: the order's MAC", () => {
  it("signs the five createOrder fields sorted by key, objects as JSON (worked example)", async () => {
    const provider = providerFor(checkoutEnv({ ZALO_CHECKOUT_METHOD: "ZALOPAY" }));
    const start = await provider.start(
      paymentOrder({
        orderRef: "ord_example",
        amount: 7000,
        description: "Lệ phí hồ sơ AH-2026-000123",
        dossierCode: "AH-2026-000123",
        notifyUrl: "https://api.motcua.an-hoa.gov.vn/api/payments/zalo_checkout/notify",
      }),
    );
    expect(start).toEqual({
      kind: "zalo_checkout",
      order: {
        amount: 7000,
        desc: "Lệ phí hồ sơ AH-2026-000123",
        item: [{ id: "AH-2026-000123", amount: 7000 }],
        extradata: '{"orderRef":"ord_example","notifyUrl":"https://api.motcua.an-hoa.gov.vn/api/payments/zalo_checkout/notify"}',
        method: '{"id":"ZALOPAY","isCustom":false}',
        // Computed with the sample code of Zalo's Checkout tutorial (node:crypto createHmac) and the
        // development private key: the worker's Web Crypto implementation must agree byte for byte.
        mac: "177deff045fafacb923bcf7406690db700a6b9e1f65e081d86cbc146b7491582",
      },
    });
    if (start.kind !== "zalo_checkout") return;
    expect(orderMacInput(start.order)).toBe(
      'amount=7000&desc=Lệ phí hồ sơ AH-2026-000123&extradata={"orderRef":"ord_example","notifyUrl":"https://api.motcua.an-hoa.gov.vn/api/payments/zalo_checkout/notify"}&item=[{"id":"AH-2026-000123","amount":7000}]&method={"id":"ZALOPAY","isCustom":false}',
    );
  });

  it("builds the callback's mac from its seven documented fields and overallMac from all of them, sorted", () => {
    const data = {
      transId: "9",
      resultCode: 1,
      orderId: "o",
      message: "m",
      extradata: "e",
      description: "d",
      amount: 5,
      appId: "a",
    };
    expect(callbackMacInput(data)).toBe("appId=a&amount=5&description=d&orderId=o&message=m&resultCode=1&transId=9");
    expect(overallMacInput(data)).toBe("amount=5&appId=a&description=d&extradata=e&message=m&orderId=o&resultCode=1&transId=9");
  });

  it("is accepted by Checkout as it is, and refused once any signed field changes", async () => {
    const { appId, provider } = await setup();
    const start = await provider.start(paymentOrder());
    if (start.kind !== "zalo_checkout") throw new Error("expected a Checkout order");
    expect((await payInSandbox(appId, start.order)).error).toBe(0);
    for (const tampered of [
      { ...start.order, amount: start.order.amount - 1000 },
      { ...start.order, desc: "Lệ phí khác" },
      { ...start.order, extradata: start.order.extradata.replace("ord-", "xyz-") },
      { ...start.order, item: [{ id: "other", amount: 1 }] },
      { ...start.order, method: '{"id":"MOMO","isCustom":false}' },
    ]) {
      expect((await payInSandbox(appId, tampered)).error).toBe(-2101);
    }
  });

  it("offers only the configured method, which Checkout confirms by callback", async () => {
    const { appId, provider } = await setup();
    const start = await provider.start(paymentOrder());
    if (start.kind !== "zalo_checkout") throw new Error("expected a Checkout order");
    expect(JSON.parse(start.order.method)).toEqual({ id: "ZALOPAY_SANDBOX", isCustom: false });
    const cod = providerFor(checkoutEnv({ ZALO_MINI_APP_ID: appId, ZALO_CHECKOUT_METHOD: "COD" }));
    const codStart = await cod.start(paymentOrder());
    if (codStart.kind !== "zalo_checkout") throw new Error("expected a Checkout order");
    expect((await payInSandbox(appId, codStart.order)).error).toBe(-2104);
  });
});

describe("Zalo Checkout: the callback", () => {
  it("verifies a valid callback and maps it back to the payment by the orderRef in extradata", async () => {
    const { provider, order, orderId, transId, callbacks } = await pay();
    expect(callbacks).toHaveLength(1);
    const notice = await provider.verifyNotification(callbackRequest(only(callbacks).body));
    expect(notice).toEqual({
      valid: true,
      orderRef: order.orderRef,
      providerOrderId: orderId,
      transactionId: transId,
      amount: 7000,
      state: "paid",
    });
  });

  it("reads a failed payment as failed", async () => {
    const { provider, callbacks } = await pay({ payment: "failed" });
    const notice = await provider.verifyNotification(callbackRequest(only(callbacks).body));
    expect(notice).toMatchObject({ valid: true, state: "failed" });
  });

  it("refuses a forged mac: a changed amount, result or transaction, or a MAC under another key", async () => {
    const { provider, callbacks } = await pay();
    const { data, mac, overallMac } = only(callbacks).body;
    for (const body of [
      { data: { ...data, amount: 70 }, mac, overallMac },
      { data: { ...data, resultCode: 1, message: "Giao dịch thành công", transId: "123" }, mac, overallMac },
      { data, mac: mac.replace(/^./, (c) => (c === "0" ? "1" : "0")), overallMac },
    ]) {
      expect(await provider.verifyNotification(callbackRequest(body))).toEqual({ valid: false, reason: "bad_signature" });
    }
    const otherKey = providerFor(checkoutEnv({ ZALO_CHECKOUT_PRIVATE_KEY: "another-private-key" }));
    expect(await otherKey.verifyNotification(callbackRequest(only(callbacks).body))).toEqual({
      valid: false,
      reason: "bad_signature",
    });
  });

  it("refuses a forged overallMac: extradata pointing at another payment keeps a valid mac but not the overallMac", async () => {
    const { provider, callbacks } = await pay();
    const { data, mac, overallMac } = only(callbacks).body;
    const redirected = { ...data, extradata: encodeURIComponent(JSON.stringify({ orderRef: "ord-someone-else" })) };
    // mac does not cover extradata, so only overallMac can catch this.
    expect(callbackMacInput(redirected)).toBe(callbackMacInput(data));
    expect(await provider.verifyNotification(callbackRequest({ data: redirected, mac, overallMac }))).toEqual({
      valid: false,
      reason: "bad_signature",
    });
    expect(await provider.verifyNotification(callbackRequest({ data, mac, overallMac: mac }))).toEqual({
      valid: false,
      reason: "bad_signature",
    });
  });

  it("refuses a callback signed for another mini app", async () => {
    const { callbacks } = await pay();
    const stranger = providerFor(checkoutEnv());
    expect(await stranger.verifyNotification(callbackRequest(only(callbacks).body))).toEqual({
      valid: false,
      reason: "bad_signature",
    });
  });

  it("calls anything that is not a callback malformed", async () => {
    const { provider } = await setup();
    for (const body of [null, "text", [], { data: "x", mac: "a", overallMac: "b" }, { data: {}, mac: 1, overallMac: "b" }]) {
      expect(await provider.verifyNotification(callbackRequest(body))).toEqual({ valid: false, reason: "malformed" });
    }
    const notJson = new Request("http://localhost/", { method: "POST", body: "{not json" });
    expect(await provider.verifyNotification(notJson)).toEqual({ valid: false, reason: "malformed" });
  });

  it("passes a signed wrong amount through as paid, for the domain to compare with the quote", async () => {
    const { provider, order, callbacks } = await pay({ callback: "wrong_amount" });
    const notice = await provider.verifyNotification(callbackRequest(only(callbacks).body));
    expect(notice).toMatchObject({ valid: true, state: "paid", orderRef: order.orderRef, amount: 6000 });
  });

  it("reads both copies of a duplicated callback as the same transaction", async () => {
    const { provider, callbacks, transId } = await pay({ callback: "twice" });
    expect(callbacks).toHaveLength(2);
    const notices = await Promise.all(callbacks.map((c) => provider.verifyNotification(callbackRequest(c.body))));
    expect(notices[0]).toEqual(notices[1]);
    expect(notices[0]).toMatchObject({ valid: true, transactionId: transId });
  });

  it("answers Zalo 1 for a handled callback (also a duplicate or a failure recorded) and 0 for one not taken", async () => {
    const { provider } = await setup();
    const answers = Object.fromEntries(
      await Promise.all(
        (["applied", "duplicate", "bad_signature", "amount_mismatch", "unknown_order", "failed"] as const).map(
          async (outcome) => {
            const res = provider.acknowledge(outcome);
            expect(res.status).toBe(200);
            const body = (await res.json()) as { returnCode: number; returnMessage: string };
            expect(body.returnMessage).not.toBe("");
            return [outcome, body.returnCode];
          },
        ),
      ),
    );
    expect(answers).toEqual({ applied: 1, duplicate: 1, failed: 1, bad_signature: 0, amount_mismatch: 0, unknown_order: 0 });
  });
});

describe("Zalo Checkout: the status query (no callback within 20 minutes)", () => {
  it("settles a paid order whose callback never came", async () => {
    const { provider, ref, transId, callbacks } = await pay({ callback: "never" });
    expect(callbacks).toEqual([]);
    expect(await provider.queryStatus(ref)).toEqual({ state: "paid", transactionId: transId, amount: 7000 });
  });

  it("reports an order not paid yet as pending and a failed one as failed", async () => {
    const { appId, provider } = await setup();
    const order = paymentOrder();
    const start = await provider.start(order);
    if (start.kind !== "zalo_checkout") throw new Error("expected a Checkout order");
    const res = await fetch(`${sandboxUrl()}/api/order/create`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ appId, ...start.order }),
    });
    const { data } = (await res.json()) as { data: { orderId: string } };
    const ref = {
      orderRef: order.orderRef,
      providerOrderId: data.orderId,
      transactionId: null,
      amount: 7000,
      createdAt: order.createdAt.toISOString(),
    };
    expect(await provider.queryStatus(ref)).toEqual({ state: "pending" });
    // Still unpaid an hour on: abandoned.
    const anHourAgo = new Date(Date.now() - ABANDONED_MS - 1000).toISOString();
    expect(await provider.queryStatus({ ...ref, createdAt: anHourAgo })).toEqual({ state: "failed" });

    const failed = await pay({ payment: "failed", callback: "never" });
    expect(await failed.provider.queryStatus(failed.ref)).toEqual({ state: "failed" });
  });

  it("reports the amount actually paid, so a wrong amount is caught on this path too", async () => {
    const { provider, ref } = await pay({ callback: "wrong_amount" });
    expect(await provider.queryStatus(ref)).toMatchObject({ state: "paid", amount: 6000 });
  });

  it("does not take another payment's Checkout order for this one", async () => {
    const { provider, ref } = await pay({ callback: "never" });
    expect(await provider.queryStatus({ ...ref, orderRef: "ord-another-payment" })).toEqual({ state: "unknown" });
  });

  it("has nothing to ask before the mini app or a callback gave Checkout's order id, until it is abandoned", async () => {
    const { provider, ref } = await pay({ callback: "never" });
    expect(await provider.queryStatus({ ...ref, providerOrderId: null })).toEqual({ state: "unknown" });
    const anHourAgo = new Date(Date.now() - ABANDONED_MS - 1000).toISOString();
    expect(await provider.queryStatus({ ...ref, providerOrderId: null, createdAt: anHourAgo })).toEqual({ state: "failed" });
    // A paid order is paid however old it is.
    expect(await provider.queryStatus({ ...ref, createdAt: anHourAgo })).toMatchObject({ state: "paid" });
  });

  it("says unknown when Checkout fails, is busy, answers garbage or refuses the MAC", async () => {
    for (const api of ["fail", "busy", "garbage"] as const) {
      const { appId, provider, ref } = await pay({ callback: "never" });
      await sandboxControls(appId, { api });
      expect(await provider.queryStatus(ref)).toEqual({ state: "unknown" });
    }
    const { env, ref } = await pay({ callback: "never" });
    const wrongKey = providerFor({ ...env, ZALO_CHECKOUT_PRIVATE_KEY: "another-private-key" });
    expect(await wrongKey.queryStatus(ref)).toEqual({ state: "unknown" });
  });

  it("says unknown when Checkout cannot be reached", async () => {
    const { env, ref } = await pay({ callback: "never" });
    const down = providerFor({ ...env, ZALO_CHECKOUT_URL: "http://127.0.0.1:9" });
    expect(await down.queryStatus(ref)).toEqual({ state: "unknown" });
  });

  it("gives up on a Checkout that does not answer in time and says unknown", { timeout: 20_000 }, async () => {
    const { appId, provider, ref } = await pay({ callback: "never" });
    await sandboxControls(appId, { api: "timeout" });
    const started = Date.now();
    expect(await provider.queryStatus(ref)).toEqual({ state: "unknown" });
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe("Zalo Checkout: refunds", () => {
  it("answers processing first, then refunded when polled", async () => {
    const { provider, ref } = await pay({ refund: "async", refundPolls: 1 });
    const started = await provider.refund(ref, 7000, "Hồ sơ bị từ chối");
    expect(started.state).toBe("processing");
    expect(started.refundId).toMatch(/\S/);
    const refundId = started.refundId!;
    expect(await provider.refundStatus({ ...ref, refundId })).toEqual({ state: "processing", refundId });
    expect(await provider.refundStatus({ ...ref, refundId })).toEqual({ state: "refunded", refundId });
  });

  it("takes a partial refund, and refuses more than was paid", async () => {
    const { provider, ref } = await pay({ refund: "immediate" });
    expect(await provider.refund(ref, 2000, "Hoàn một phần")).toMatchObject({ state: "refunded" });
    expect(await provider.refund(ref, 6000, "Hoàn quá số đã thu")).toEqual({ state: "failed" });
  });

  it("reports a refund Checkout refused as failed, to be redone", async () => {
    const { provider, ref } = await pay({ refund: "refused" });
    expect(await provider.refund(ref, 7000, "Hồ sơ bị từ chối")).toMatchObject({ state: "failed" });
  });

  it("cannot refund what was never paid, nor ask about a refund Checkout never named", async () => {
    const { provider, ref } = await pay();
    expect(await provider.refund({ ...ref, transactionId: null }, 7000, "x")).toEqual({ state: "failed" });
    expect(await provider.refundStatus({ ...ref, refundId: "" })).toEqual({ state: "failed" });
  });

  it("reports a refund Checkout could not take as failed, and keeps one in progress while Checkout is down", async () => {
    const { env, appId, provider, ref } = await pay();
    const down = providerFor({ ...env, ZALO_CHECKOUT_URL: "http://127.0.0.1:9" });
    expect(await down.refund(ref, 7000, "Hồ sơ bị từ chối")).toEqual({ state: "failed" });
    // Redone once Checkout answers; asking again for more than was paid is refused, so a retry cannot refund twice.
    const started = await provider.refund(ref, 7000, "Hồ sơ bị từ chối");
    expect(started.state).toBe("processing");
    expect(await provider.refund(ref, 7000, "Hồ sơ bị từ chối")).toEqual({ state: "failed" });
    await sandboxControls(appId, { api: "fail" });
    expect(await provider.refund(ref, 1, "x")).toEqual({ state: "failed" });
    const refundId = started.refundId!;
    expect(await provider.refundStatus({ ...ref, refundId })).toEqual({ state: "processing", refundId });
    await sandboxControls(appId, { api: "ok" });
    expect(await provider.refundStatus({ ...ref, refundId })).toEqual({ state: "processing", refundId });
    expect(await provider.refundStatus({ ...ref, refundId })).toEqual({ state: "refunded", refundId });
  });
});
