import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { FEE_DUE_MESSAGE } from "../../shared/src/dossier/lifecycle";
import { paymentNotices, payments, receiptCounters } from "../../worker/src/db/schema";
import { reconcilePayments } from "../../worker/src/payments/payments";
import { bearer, db, errorIn, errorOf, signInZalo } from "./helpers";
import {
  accepted,
  behave,
  deliverIpn,
  feeOf,
  gatewayEnv,
  ipnsOf,
  noticesOf,
  ONLINE_FEE,
  paid,
  payApi,
  payAtSandbox,
  paymentRow,
  signedQuery,
  startPayment,
} from "./payment-fixtures";
import { act, actionBody, dossierRow, drive, eventsOf, expectConsistent, fileDossier, staffMember, step } from "./staff-fixtures";

const minutes = (n: number) => new Date(Date.now() + n * 60_000);
const reconcile = (at: Date, env = gatewayEnv()) => reconcilePayments(db(), env, at);
const confirmations = async (code: string) => (await eventsOf(code)).filter((e) => e.type === "payment_confirmed");

describe("paying a fee online through the gateway", () => {
  it("quotes the fee with its online saving, and offers payment only once the dossier is accepted", async () => {
    const filed = await fileDossier();
    const before = await feeOf(filed.owner, filed.code);
    expect(before.body).toMatchObject({
      status: "due",
      quote: { amount: ONLINE_FEE, online: ONLINE_FEE, counter: 20_000 },
      onlineSaving: 10_000,
      amountDue: ONLINE_FEE,
      onlinePayment: { provider: "gateway" },
      canPay: false,
    });
    expect((await startPayment(filed.owner, filed.code)).status).toBe(409);

    const d = await accepted();
    expect((await feeOf(d.owner, d.code)).body).toMatchObject({ canPay: true, amountDue: ONLINE_FEE });
  });

  it("a verified IPN settles the fee: one system step, the payment paid, an electronic receipt", async () => {
    const d = await accepted();
    const before = await dossierRow(d.code);
    const started = await startPayment(d.owner, d.code);
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ amount: ONLINE_FEE, provider: "gateway", start: { kind: "redirect" } });
    const url = new URL((started.body.start as { url: string }).url);
    expect(url.searchParams.get("vnp_Amount")).toBe(String(ONLINE_FEE * 100));
    expect(url.searchParams.get("vnp_TxnRef")).toBe(started.body.orderRef);
    expect(url.searchParams.get("vnp_SecureHash")).toMatch(/^[0-9a-f]{128}$/);
    expect((await paymentRow(started.body.orderRef)).state).toBe("pending");

    await payAtSandbox(started.body);
    const [ipn] = await ipnsOf(started.body.orderRef);
    expect(await deliverIpn(ipn!)).toEqual({ RspCode: "00", Message: "Confirm Success" });

    const after = await dossierRow(d.code);
    expect(after).toMatchObject({ feeStatus: "paid", status: 2, version: before.version + 1 });
    expect((await eventsOf(d.code)).at(-1)).toMatchObject({
      type: "payment_confirmed",
      actorRole: "system",
      data: { gateway: "gateway", amount: ONLINE_FEE },
    });
    const payment = await paymentRow(started.body.orderRef);
    expect(payment).toMatchObject({ state: "paid", amount: ONLINE_FEE });
    expect(payment.receiptNumber).toMatch(/^BL-\d{4}-\d{6}$/);
    await expectConsistent(d.code);

    const fee = (await feeOf(d.owner, d.code)).body;
    expect(fee).toMatchObject({ status: "paid", amountDue: 0, canPay: false });
    expect(fee.receipts).toEqual([
      expect.objectContaining({
        number: payment.receiptNumber,
        dossierCode: d.code,
        amount: ONLINE_FEE,
        legalBasis: "Thông tư 75/2022/TT-BTC",
        collectedInto: gatewayEnv().PAYMENT_ACCOUNT,
        provider: "gateway",
        transactionId: payment.transactionId,
      }),
    ]);
    expect((await noticesOf(started.body.orderRef)).map((n) => [n.kind, n.outcome])).toEqual([["notification", "applied"]]);
  });

  it("the same Idempotency-Key replays the same order; nothing is due once paid", async () => {
    const d = await accepted();
    const key = crypto.randomUUID();
    const first = await startPayment(d.owner, d.code, key);
    const again = await startPayment(d.owner, d.code, key);
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    await payAtSandbox(first.body);
    expect(await deliverIpn((await ipnsOf(first.body.orderRef))[0]!)).toMatchObject({ RspCode: "00" });
    const late = await startPayment(d.owner, d.code);
    expect(late.status).toBe(409);
  });

  it("a notification replayed three times, and concurrently, records one payment and one state change", async () => {
    const d = await accepted();
    const started = await startPayment(d.owner, d.code);
    await behave(started.body.orderRef, { ipn: 3 });
    await payAtSandbox(started.body);
    const [ipn] = await ipnsOf(started.body.orderRef);
    const year = new Date().toISOString().slice(0, 4);
    const counter = async () => (await db().select().from(receiptCounters).where(eq(receiptCounters.year, year)).get())?.seq ?? 0;
    const answers = await Promise.all([deliverIpn(ipn!), deliverIpn(ipn!), deliverIpn(ipn!)]);
    expect(answers.map((a) => a.RspCode).sort()).toEqual(["00", "02", "02"]);
    const settled = await dossierRow(d.code);
    const issued = await counter();
    expect(await deliverIpn(ipn!)).toEqual({ RspCode: "02", Message: "Order already confirmed" });

    expect(await dossierRow(d.code)).toEqual(settled);
    expect(await counter()).toBe(issued);
    expect(await confirmations(d.code)).toHaveLength(1);
    expect((await noticesOf(started.body.orderRef)).map((n) => n.outcome).sort()).toEqual([
      "applied",
      "duplicate",
      "duplicate",
      "duplicate",
    ]);
    await expectConsistent(d.code);
  });

  it("refuses an amount other than the payment's, logs it, and changes nothing", async () => {
    const d = await accepted();
    const before = await dossierRow(d.code);
    const started = await startPayment(d.owner, d.code);
    await behave(started.body.orderRef, { ipnAmount: ONLINE_FEE - 1000 });
    await payAtSandbox(started.body);
    const [ipn] = await ipnsOf(started.body.orderRef);
    expect(await deliverIpn(ipn!)).toEqual({ RspCode: "04", Message: "Invalid amount" });
    expect(await dossierRow(d.code)).toEqual(before);
    expect((await paymentRow(started.body.orderRef)).state).toBe("pending");
    expect(await noticesOf(started.body.orderRef)).toEqual([
      expect.objectContaining({ kind: "notification", outcome: "amount_mismatch", amount: ONLINE_FEE - 1000 }),
    ]);
  });

  it("refuses a forged signature and an unknown order, logging both", async () => {
    const d = await accepted();
    const started = await startPayment(d.owner, d.code);
    await payAtSandbox(started.body);
    const [ipn] = await ipnsOf(started.body.orderRef);
    const forged = new URLSearchParams(ipn!);
    forged.set("vnp_Amount", String(ONLINE_FEE * 10));
    const countBad = async () =>
      (await db().select().from(paymentNotices).where(eq(paymentNotices.outcome, "bad_signature")).all()).length;
    const bad = await countBad();
    expect(await deliverIpn(forged.toString())).toEqual({ RspCode: "97", Message: "Invalid signature" });
    const otherKey = await signedQuery(Object.fromEntries(new URLSearchParams(ipn!.split("&vnp_SecureHashType")[0]!)), "x");
    expect((await deliverIpn(otherKey)).RspCode).toBe("97");
    expect(await countBad()).toBe(bad + 2);
    expect((await dossierRow(d.code)).feeStatus).toBe("due");

    const unknown = await signedQuery({
      vnp_Amount: "1000000",
      vnp_ResponseCode: "00",
      vnp_TmnCode: gatewayEnv().PAYMENT_GATEWAY_MERCHANT,
      vnp_TransactionNo: "12345678",
      vnp_TransactionStatus: "00",
      vnp_TxnRef: "MC000000NOSUCHORDER",
    });
    expect(await deliverIpn(unknown)).toEqual({ RspCode: "01", Message: "Order not found" });
    const logged = await db().select().from(paymentNotices).where(eq(paymentNotices.transactionId, "12345678")).all();
    expect(logged.at(-1)).toMatchObject({ outcome: "unknown_order", paymentId: null });
  });

  it("a cancelled payment is recorded as failed; the fee stays due and can be paid again", async () => {
    const d = await accepted();
    const started = await startPayment(d.owner, d.code);
    await payAtSandbox(started.body, "cancel");
    expect(await deliverIpn((await ipnsOf(started.body.orderRef))[0]!)).toMatchObject({ RspCode: "00" });
    expect((await paymentRow(started.body.orderRef)).state).toBe("failed");
    expect((await dossierRow(d.code)).feeStatus).toBe("due");
    await paid(d);
    expect((await dossierRow(d.code)).feeStatus).toBe("paid");
  });

  it("the browser's return never changes state: it only leads back to the dossier", async () => {
    const d = await accepted();
    const before = await dossierRow(d.code);
    const started = await startPayment(d.owner, d.code);
    const back = await payAtSandbox(started.body);
    expect(back.pathname).toBe("/api/payments/gateway/return");
    const res = await payApi(back.pathname + back.search);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`${gatewayEnv().STAFF_APP_URL}/ho-so/${d.code}?thanh-toan=ok`);
    expect(await dossierRow(d.code)).toEqual(before);
    expect((await paymentRow(started.body.orderRef)).state).toBe("pending");
    expect((await noticesOf(started.body.orderRef)).map((n) => [n.kind, n.outcome])).toEqual([["return", "pending"]]);

    const forged = new URL(back);
    forged.searchParams.set("vnp_TxnRef", "MC000000FORGED");
    const bad = await payApi(forged.pathname + forged.search);
    expect(bad.headers.get("Location")).toBe(`${gatewayEnv().STAFF_APP_URL}/ho-so`);
  });
});

describe("reconciliation (the every-minute cron)", () => {
  it("settles an order whose IPN never came, after 20 minutes, by asking the gateway", async () => {
    const d = await accepted();
    const started = await startPayment(d.owner, d.code);
    await behave(started.body.orderRef, { ipn: 0 });
    await payAtSandbox(started.body);

    const early = await reconcile(minutes(5));
    expect((await paymentRow(started.body.orderRef)).state).toBe("pending");
    expect(early.paid).toBe(0);

    await reconcile(minutes(21));
    const payment = await paymentRow(started.body.orderRef);
    expect(payment.state).toBe("paid");
    expect(payment.receiptNumber).toMatch(/^BL-/);
    expect((await dossierRow(d.code)).feeStatus).toBe("paid");
    expect(await confirmations(d.code)).toHaveLength(1);
    expect((await noticesOf(started.body.orderRef)).map((n) => [n.kind, n.outcome])).toEqual([["query", "applied"]]);

    // The IPN arriving after all changes nothing.
    expect(await deliverIpn((await ipnsOf(started.body.orderRef))[0]!)).toMatchObject({ RspCode: "02" });
    expect(await confirmations(d.code)).toHaveLength(1);
  });

  it("leaves a payment pending while the gateway fails or times out, asks again later, then settles it", {
    timeout: 30_000,
  }, async () => {
    const d = await accepted();
    const started = await startPayment(d.owner, d.code);
    const ref = started.body.orderRef;
    await behave(ref, { ipn: 0, api: "fail" });
    await payAtSandbox(started.body);

    await reconcile(minutes(21));
    const failed = await paymentRow(ref);
    expect(failed).toMatchObject({ state: "pending" });
    expect(failed.checkedAt).not.toBeNull();
    // Asked about at most every five minutes.
    await behave(ref, { api: "ok" });
    await reconcile(minutes(22));
    expect((await paymentRow(ref)).state).toBe("pending");

    await behave(ref, { api: "timeout" });
    await reconcile(minutes(30));
    expect((await paymentRow(ref)).state).toBe("pending");
    expect((await dossierRow(d.code)).feeStatus).toBe("due");

    await behave(ref, { api: "ok" });
    await reconcile(minutes(40));
    expect((await paymentRow(ref)).state).toBe("paid");
  });

  it("marks an order the payer abandoned as failed once the gateway says it never saw it", async () => {
    const d = await accepted();
    const started = await startPayment(d.owner, d.code);
    await reconcile(minutes(21));
    expect((await paymentRow(started.body.orderRef)).state).toBe("pending");
    // The gateway's page expired long ago (the gateway module judges by the order's own time).
    await db()
      .update(payments)
      .set({ createdAt: minutes(-45).toISOString() })
      .where(eq(payments.orderRef, started.body.orderRef));
    await reconcile(minutes(30));
    expect((await paymentRow(started.body.orderRef)).state).toBe("failed");
    expect((await dossierRow(d.code)).feeStatus).toBe("due");

    // The payer did pay after all, and the gateway's notification comes late: the money was taken,
    // so the payment is paid with its receipt, and the fee with it.
    await payAtSandbox(started.body);
    expect(await deliverIpn((await ipnsOf(started.body.orderRef))[0]!)).toMatchObject({ RspCode: "00" });
    const payment = await paymentRow(started.body.orderRef);
    expect(payment.state).toBe("paid");
    expect(payment.receiptNumber).toMatch(/^BL-\d{4}-\d{6}$/);
    expect((await dossierRow(d.code)).feeStatus).toBe("paid");
  });
});

describe("receipts", () => {
  it("numbers are sequential and unique when payments settle at the same time", { timeout: 60_000 }, async () => {
    const dossiers = [];
    for (let i = 0; i < 5; i++) dossiers.push(await accepted());
    const started = [];
    for (const d of dossiers) {
      const s = (await startPayment(d.owner, d.code)).body;
      await payAtSandbox(s);
      started.push(s);
    }
    const ipns = await Promise.all(started.map(async (s) => (await ipnsOf(s.orderRef))[0]!));
    const answers = await Promise.all(ipns.map((q) => deliverIpn(q)));
    expect(answers.every((a) => a.RspCode === "00")).toBe(true);
    const numbers = await Promise.all(started.map(async (s) => (await paymentRow(s.orderRef)).receiptNumber!));
    expect(new Set(numbers).size).toBe(5);
    const seqs = numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 5 }, (_, i) => seqs[0]! + i));
  });
});

describe("the fee in the lifecycle", () => {
  async function finished() {
    const d = await accepted();
    await drive(d.officer, d, ["start_processing", "finish"]);
    return d;
  }

  it("refuses the handover while the fee is due, saying why and what to do", async () => {
    const d = await finished();
    const res = await act(d.officer, d.code, actionBody("hand_over"));
    expect(res.status).toBe(409);
    const error = errorIn(res.body) as { message: string; details: { allowed: string[] } };
    expect(error.message).toBe(FEE_DUE_MESSAGE);
    expect(error.details.allowed).toEqual(["confirm_payment", "exempt_fee", "note", "reply"]);
    expect((await dossierRow(d.code)).status).toBe(9);
  });

  it("allows the handover once paid online", async () => {
    const d = await finished();
    await paid(d);
    expect((await step(d.officer, d.code, actionBody("hand_over"))).status).toBe(10);
  });

  it("allows the handover once the officer confirmed payment at the desk", async () => {
    const d = await finished();
    await step(d.officer, d.code, actionBody("confirm_payment"));
    expect((await dossierRow(d.code)).feeStatus).toBe("paid");
    expect((await step(d.officer, d.code, actionBody("hand_over"))).status).toBe(10);
  });

  it("records an exemption with its ground and legal basis, then allows the handover", async () => {
    const d = await finished();
    const exempted = await step(d.officer, d.code, {
      action: "exempt_fee",
      ground: "merit",
      legalBasis: "Thông tư 75/2022/TT-BTC, Điều 4",
    });
    expect(exempted.timeline.at(-1)).toMatchObject({
      type: "fee_exempted",
      title: "Được miễn phí, lệ phí",
      details: ["Đối tượng miễn: Người có công với cách mạng và thân nhân", "Căn cứ: Thông tư 75/2022/TT-BTC, Điều 4"],
    });
    expect((await eventsOf(d.code)).at(-1)!.data).toEqual({ ground: "merit", legalBasis: "Thông tư 75/2022/TT-BTC, Điều 4" });
    expect((await feeOf(d.owner, d.code)).body).toMatchObject({
      status: "exempted",
      amountDue: 0,
      exemption: { ground: "merit", groundLabel: "Người có công với cách mạng và thân nhân" },
    });
    expect((await act(d.officer, d.code, { action: "exempt_fee", ground: "child", legalBasis: "x" })).status).toBe(400);
    expect((await step(d.officer, d.code, actionBody("hand_over"))).status).toBe(10);
    await expectConsistent(d.code);
  });

  it("a payment an officer requested (6) is paid at its amount and resumes processing", async () => {
    const d = await accepted();
    await drive(d.officer, d, ["start_processing", "request_payment"]);
    const fee = (await feeOf(d.owner, d.code)).body;
    expect(fee).toMatchObject({ amountDue: 20_000, canPay: true });
    const started = await paid(d);
    expect(started.amount).toBe(20_000);
    expect(await dossierRow(d.code)).toMatchObject({ status: 4, feeStatus: "paid" });
  });
});

describe("refunds", () => {
  it("refunds a paid dossier withdrawn afterwards; the gateway finishes it later", async () => {
    const d = await accepted();
    const { orderRef } = await paid(d);
    const refund = (session = d.officer) =>
      payApi(`/api/staff/dossiers/${d.code}/refunds`, {
        method: "POST",
        headers: { ...bearer(session), "Content-Type": "application/json" },
        body: JSON.stringify({ orderRef, reason: "Công dân rút hồ sơ" }),
      });
    // Still in progress: nothing to refund.
    const early = await refund();
    expect(early.status).toBe(409);
    expect((await errorOf(early)).message).toContain("Chỉ hoàn tiền");

    const res = await payApi(`/api/dossiers/${d.code}/withdraw`, {
      method: "POST",
      headers: { ...bearer(d.owner), "Content-Type": "application/json" },
      body: JSON.stringify({ reason: "Tôi không còn nhu cầu" }),
    });
    expect(res.status).toBe(200);
    await step(d.officer, d.code, actionBody("confirm_withdrawal"));

    const stranger = await staffMember("phuong-binh-minh");
    expect((await refund(stranger)).status).toBe(404);
    expect((await refund(d.owner)).status).toBe(403);

    const started = await refund();
    expect(started.status).toBe(200);
    expect((await paymentRow(orderRef)).refundState).toBe("processing");
    expect((await refund()).status).toBe(409);

    // The gateway reports it in progress first, and done when asked again (at most every five minutes).
    await reconcile(minutes(6));
    expect((await paymentRow(orderRef)).refundState).toBe("processing");
    await reconcile(minutes(8));
    expect((await paymentRow(orderRef)).refundState).toBe("processing");
    await reconcile(minutes(12));
    const done = await paymentRow(orderRef);
    expect(done).toMatchObject({ state: "paid", refundState: "refunded", refundedAmount: ONLINE_FEE });
    expect(done.refundId).toMatch(/^\d{8}$/);
    expect((await noticesOf(orderRef)).map((n) => [n.kind, n.outcome])).toEqual([
      ["notification", "applied"],
      ["refund", "applied"],
    ]);
  });
});

describe("who may pay and see", () => {
  it("another resident can neither see the fee nor pay it; staff of another unit cannot exempt it", async () => {
    const d = await accepted();
    const other = await signInZalo(`nguoi-khac-${crypto.randomUUID()}`);
    expect((await feeOf(other, d.code)).status).toBe(404);
    expect((await startPayment(other, d.code)).status).toBe(404);
    expect((await feeOf(d.officer, d.code)).status).toBe(200);
    expect((await startPayment(d.officer, d.code)).status).toBe(404);

    const elsewhere = await staffMember("phuong-binh-minh");
    expect((await act(elsewhere, d.code, actionBody("exempt_fee"))).status).toBe(404);
    expect((await dossierRow(d.code)).feeStatus).toBe("due");
  });

  it("with online payment off the app is told so, and a payment is refused", async () => {
    const d = await accepted();
    const off = gatewayEnv({ PAYMENT_PROVIDER: "" });
    expect((await feeOf(d.owner, d.code, off)).body).toMatchObject({ onlinePayment: null, canPay: false, amountDue: ONLINE_FEE });
    const res = await startPayment(d.owner, d.code, undefined, off);
    expect(res.status).toBe(409);
    expect((res.body as unknown as { error: { message: string } }).error.message).toContain("chưa mở thanh toán trực tuyến");
  });
});
