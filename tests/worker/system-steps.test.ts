import { describe, expect, it } from "vitest";
import { confirmPaymentReceived, type PaymentReceipt } from "../../worker/src/dossiers/system";
import { auditKey } from "../../worker/src/lib/config";
import { bearer, db, getJson, testEnv } from "./helpers";
import {
  actionBody,
  dossierRow,
  drive,
  eventsOf,
  expectConsistent,
  type Filed,
  fileDossier,
  notificationsOf,
  residentView,
  staffMember,
  staffView,
  step,
} from "./staff-fixtures";

const COMMUNE = "phuong-an-hoa";
const AMOUNT = (actionBody("request_payment") as { amount: number }).amount;

/** A dossier accepted, in processing and waiting for its fee (6), with the officer who asked for it. */
async function awaitingPayment() {
  const officer = await staffMember(COMMUNE);
  const filed = await fileDossier();
  await drive(officer, filed, ["accept", "start_processing", "request_payment"]);
  expect((await dossierRow(filed.code)).status).toBe(6);
  return { officer, filed };
}

const receipt = ({ code }: Filed, transactionId = `txn-${crypto.randomUUID()}`, amount = AMOUNT): PaymentReceipt => ({
  code,
  transactionId,
  amount,
});

const confirm = (r: PaymentReceipt) => confirmPaymentReceived(db(), auditKey(testEnv()), r);

describe("payment confirmed by the payment gateway (a system step)", () => {
  it("resumes processing (6 → 4) as one system event with the applicant's notification", async () => {
    const { officer, filed } = await awaitingPayment();
    const before = await dossierRow(filed.code);
    expect(await confirm(receipt(filed, "txn-first"))).toBe("confirmed");

    const after = await dossierRow(filed.code);
    expect(after.status).toBe(4);
    expect(after.version).toBe(before.version + 1);
    const last = (await eventsOf(filed.code)).at(-1)!;
    expect(last).toMatchObject({
      seq: after.version,
      type: "payment_confirmed",
      actorRole: "system",
      actorId: null,
      status: 4,
      data: { amount: AMOUNT, transactionId: "txn-first", gateway: "payment-gateway" },
    });
    expect((await notificationsOf(filed.code)).at(-1)).toMatchObject({ eventSeq: after.version, userId: before.applicantId });
    await expectConsistent(filed.code);

    const chain = await getJson(`/api/staff/dossiers/${filed.code}/audit`, { headers: bearer(officer) });
    expect(chain.body).toMatchObject({ valid: true, events: after.version });
  });

  it("shows the step as the system's in the resident's and the officer's timeline", async () => {
    const { officer, filed } = await awaitingPayment();
    await confirm(receipt(filed));
    for (const view of [await residentView(filed.owner, filed.code), await staffView(officer, filed.code)]) {
      const timeline = view.body.timeline as { type: string; actor: string; actorLabel: string }[];
      expect(timeline.at(-1)).toMatchObject({ type: "payment_confirmed", actor: "system", actorLabel: "Hệ thống" });
      expect(timeline.filter((e) => e.actor === "system")).toHaveLength(1);
    }
  });

  it("changes nothing when the webhook delivers the same confirmation again, even concurrently", async () => {
    const { filed } = await awaitingPayment();
    const same = receipt(filed);
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => confirm(same)));
    expect(outcomes.filter((o) => o === "confirmed")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "already_confirmed")).toHaveLength(4);
    const settled = await dossierRow(filed.code);

    expect(await confirm(same)).toBe("already_confirmed");
    expect(await dossierRow(filed.code)).toEqual(settled);
    expect((await eventsOf(filed.code)).filter((e) => e.type === "payment_confirmed")).toHaveLength(1);
    await expectConsistent(filed.code);
  });

  it("refuses a payment of another amount, and leaves the dossier waiting", async () => {
    const { filed } = await awaitingPayment();
    const before = await dossierRow(filed.code);
    expect(await confirm(receipt(filed, undefined, AMOUNT - 1))).toBe("amount_mismatch");
    expect(await dossierRow(filed.code)).toEqual(before);
  });

  it("does nothing for a dossier that does not wait for a payment, or does not exist", async () => {
    const { officer, filed } = await awaitingPayment();
    await step(officer, filed.code, actionBody("confirm_payment"));
    const confirmedByOfficer = await dossierRow(filed.code);
    expect(await confirm(receipt(filed))).toBe("not_awaiting_payment");
    expect(await dossierRow(filed.code)).toEqual(confirmedByOfficer);

    const fresh = await fileDossier();
    expect(await confirm(receipt(fresh))).toBe("not_awaiting_payment");
    expect((await dossierRow(fresh.code)).status).toBe(1);
    expect(await confirm({ ...receipt(fresh), code: "000.00.00.H00-260101-9999" })).toBe("unknown_dossier");
  });
});
