import { eq } from "drizzle-orm";
import { expect, inject } from "vitest";
import type { Session } from "../../shared/src/auth/api";
import type { FeeView, PaymentStartResponse } from "../../shared/src/payment/fee";
import { paymentNotices, payments } from "../../worker/src/db/schema";
import { hmacSha512Hex } from "../../worker/src/lib/crypto";
import { canonicalQuery } from "../../worker/src/payments/gateway";
import { api, bearer, db, testEnv } from "./helpers";
import { drive, type Filed, fileDossier, staffMember } from "./staff-fixtures";

export const COMMUNE = "phuong-an-hoa";
/** Đăng ký thường trú filed online: 10.000 đ (the counter rate is 20.000 đ). */
export const ONLINE_FEE = 10_000;

export const sandboxUrl = () => inject("paymentGatewayUrl");

/** The worker's bindings with online payment through the gateway sandbox. */
export const gatewayEnv = (overrides: Partial<CloudflareBindings> = {}): CloudflareBindings => ({
  ...testEnv(),
  PAYMENT_PROVIDER: "gateway",
  PAYMENT_GATEWAY_URL: sandboxUrl(),
  API_PUBLIC_URL: "http://localhost",
  ...overrides,
});

export const payApi = (path: string, init?: RequestInit, env = gatewayEnv()) => api(path, init, env);

/** A dossier filed online and accepted (its fee is due), and the officer of its commune. */
export async function accepted(): Promise<Filed & { officer: Session }> {
  const officer = await staffMember(COMMUNE);
  const filed = await fileDossier();
  await drive(officer, filed, ["accept"]);
  return { ...filed, officer };
}

export async function feeOf(session: Session, code: string, env = gatewayEnv()) {
  const res = await payApi(`/api/dossiers/${code}/fee`, { headers: bearer(session) }, env);
  return { status: res.status, body: (await res.json()) as FeeView };
}

export async function startPayment(session: Session, code: string, key = crypto.randomUUID(), env = gatewayEnv()) {
  const res = await payApi(
    `/api/dossiers/${code}/payments`,
    { method: "POST", headers: { ...bearer(session), "Idempotency-Key": key } },
    env,
  );
  return { status: res.status, body: (await res.json()) as PaymentStartResponse, headers: res.headers };
}

/** Tells the sandbox how to treat one order (see scripts/payment-sandbox.ts). */
export async function behave(orderRef: string, behaviour: Record<string, unknown>) {
  const res = await fetch(`${sandboxUrl()}/_sandbox/orders/${orderRef}`, { method: "POST", body: JSON.stringify(behaviour) });
  expect(res.status).toBe(200);
  await res.body?.cancel();
}

/**
 * Plays the payer's browser at the sandbox: opens the payment page the worker redirected to and
 * clicks "Thanh toán" (or "Hủy"); returns where the sandbox sends the browser back.
 */
export async function payAtSandbox(start: PaymentStartResponse, choice: "pay" | "cancel" = "pay"): Promise<URL> {
  if (start.start.kind !== "redirect") throw new Error("not a redirect");
  const page = await fetch(start.start.url);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain("Thanh toán");
  const res = await fetch(`${sandboxUrl()}/paymentv2/pay`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ref: start.orderRef, choice }).toString(),
    redirect: "manual",
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("Location")!);
}

/** The IPN query strings the sandbox built for an order (delivered here by the test: the worker has no port). */
export async function ipnsOf(orderRef: string): Promise<string[]> {
  const res = await fetch(`${sandboxUrl()}/_sandbox/orders/${orderRef}`);
  return ((await res.json()) as { ipns: string[] }).ipns;
}

/** Delivers an IPN as the gateway does (GET with the signed query); returns the worker's JSON answer. */
export async function deliverIpn(query: string, env = gatewayEnv()) {
  const res = await payApi(`/api/payments/gateway/notify?${query}`, undefined, env);
  expect(res.status).toBe(200);
  return (await res.json()) as { RspCode: string; Message: string };
}

/** Signs `params` as the gateway would, for notifications the sandbox would never send. */
export async function signedQuery(params: Record<string, string>, secret = testEnv().PAYMENT_GATEWAY_SECRET ?? "") {
  const query = canonicalQuery(params);
  return `${query}&vnp_SecureHash=${await hmacSha512Hex(secret, query)}`;
}

/** Pays a dossier's fee end to end: start, pay at the sandbox, deliver its IPN. */
export async function paid(d: Filed) {
  const started = await startPayment(d.owner, d.code);
  expect(started.status).toBe(201);
  await payAtSandbox(started.body);
  const [ipn] = await ipnsOf(started.body.orderRef);
  expect(await deliverIpn(ipn!)).toEqual({ RspCode: "00", Message: "Confirm Success" });
  return started.body;
}

export const paymentRow = async (orderRef: string) =>
  (await db().select().from(payments).where(eq(payments.orderRef, orderRef)).get())!;

export async function noticesOf(orderRef: string) {
  const { id } = await paymentRow(orderRef);
  return db().select().from(paymentNotices).where(eq(paymentNotices.paymentId, id)).orderBy(paymentNotices.id);
}
