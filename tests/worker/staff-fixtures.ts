import { asc, eq } from "drizzle-orm";
import { expect, vi } from "vitest";
import type { z } from "zod";
import type { Session } from "../../shared/src/auth/api";
import type { DossierDetail } from "../../shared/src/dossier/api";
import { eventTitle } from "../../shared/src/dossier/events";
import {
  type LifecycleAction,
  type LifecycleState,
  RESIDENT_ACTIONS,
  STAFF_ACTIONS,
  type StaffAction,
  transition,
} from "../../shared/src/dossier/lifecycle";
import type { ActionBody, StaffDossierDetail } from "../../shared/src/staff/api";
import { startSession } from "../../worker/src/auth/session";
import type { DossierRow } from "../../worker/src/db/repo/dossiers";
import { upsertUser } from "../../worker/src/db/repo/users";
import { dossierEvents, dossiers, notifications, staffUnitGrants } from "../../worker/src/db/schema";
import { COMMUNE, completeBody, PROCEDURE, pdf, procedureDetail, resident, submit, upload, validForm } from "./dossier-fixtures";
import { type Answer, type Api, api, bearer, db, getJson, json, testEnv } from "./helpers";

/** What a client sends to POST /api/staff/dossiers/:code/actions (defaults not filled in yet). */
export type ActionRequest = z.input<typeof ActionBody>;

let people = 0;
const uniqueId = (prefix: string) => `${prefix}-${++people}-${crypto.randomUUID().slice(0, 8)}`;

/** A fresh staff member of `unitId`, with explicit grants (staff_unit_grants rows) for `grants`, signed in. */
export async function staffMember(unitId: string, grants: string[] = [], { vneidVerified = false } = {}): Promise<Session> {
  const id = uniqueId(`can-bo-${unitId}`);
  const user = await upsertUser(db(), "an-hoa", { id, role: "officer", unitId, displayName: `Cán bộ ${id}`, vneidVerified });
  if (grants.length > 0)
    await db()
      .insert(staffUnitGrants)
      .values(grants.map((g) => ({ userId: id, unitId: g })))
      .onConflictDoNothing();
  return startSession(db(), testEnv(), user);
}

export type Filed = { code: string; owner: Session };

/** A counter or postal intake body: every required document handed over on paper unless `documents` are given. */
export async function intakeBody(overrides: Record<string, unknown> = {}) {
  const procedure = await procedureDetail();
  // The declaration the eForm replaces is generated, never handed over.
  const required = procedure.documents.flatMap((doc, i) => (doc.required && !doc.replacedByEform ? [i] : []));
  return {
    procedureCode: PROCEDURE,
    procedureVersion: procedure.version,
    receivingUnitId: "phuong-an-hoa",
    form: validForm(procedure.eform),
    documents: [],
    paperDocuments: required,
    channel: "counter" as const,
    applicant: { fullName: "Trần Văn Quầy", phone: "0901234567" },
    ...overrides,
  };
}

/** A dossier filed online by a fresh resident (residents are limited to 10 submissions a minute). */
export async function fileDossier(unit = COMMUNE, procedure = PROCEDURE, ownerName = "nguoi-nop"): Promise<Filed> {
  const owner = await resident(uniqueId(ownerName));
  const res = await submit(owner, await completeBody(owner, procedure, unit));
  if (res.status !== 201) throw new Error(`submission failed: ${res.status} ${await res.text()}`);
  return { code: ((await res.json()) as Answer<Api["dossiers"]["$post"]>).code, owner };
}

export const dossierRow = async (code: string): Promise<DossierRow> =>
  (await db().select().from(dossiers).where(eq(dossiers.code, code)).get())!;

/** Arranges a dossier directly in D1 (due dates, pauses) where waiting for real time is not an option. */
export const setDossier = (code: string, patch: Partial<DossierRow>) =>
  db().update(dossiers).set(patch).where(eq(dossiers.code, code));

export async function eventsOf(code: string) {
  const { id } = await dossierRow(code);
  return db().select().from(dossierEvents).where(eq(dossierEvents.dossierId, id)).orderBy(asc(dossierEvents.seq));
}

export async function notificationsOf(code: string) {
  const { id } = await dossierRow(code);
  return db().select().from(notifications).where(eq(notifications.dossierId, id)).orderBy(asc(notifications.id));
}

/** The admin's list of a year's published calendar days. */
export type CalendarList = Answer<Api["admin"]["calendar"]["$get"]>;

/** The staff view of a dossier, with its ETag. */
export async function staffView(session: Session, code: string, query = "") {
  return getJson<StaffDossierDetail>(`/api/staff/dossiers/${code}${query}`, { headers: bearer(session) });
}

export const residentView = (session: Session, code: string) =>
  getJson<DossierDetail>(`/api/dossiers/${code}`, { headers: bearer(session) });

/**
 * POSTs a staff action. `version` goes into If-Match: by default the dossier's current version,
 * `null` sends no If-Match at all.
 */
export async function act(session: Session, code: string, body: ActionRequest, version?: number | null) {
  const v = version === undefined ? (await dossierRow(code)).version : version;
  const headers = { ...bearer(session), ...(v === null ? {} : { "If-Match": `"${v}"` }) };
  return getJson<StaffDossierDetail>(`/api/staff/dossiers/${code}/actions`, json("POST", body, headers));
}

/** A staff action that must succeed; returns the staff view it answers with. */
export async function step(session: Session, code: string, body: ActionRequest) {
  const res = await act(session, code, body);
  if (res.status !== 200) throw new Error(`${body.action} on ${code}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * The invariant every step keeps (state, event and notification in one batch): one event per
 * version, the last one carrying the dossier's status, and exactly one notification for every
 * staff or system event after the first except internal notes.
 */
export async function expectConsistent(code: string) {
  const [row, events, notes] = await Promise.all([dossierRow(code), eventsOf(code), notificationsOf(code)]);
  expect(events.map((e) => e.seq)).toEqual(Array.from({ length: row.version }, (_, i) => i + 1));
  expect(events.at(-1)!.status).toBe(row.status);
  const notified = events.filter((e) => e.actorRole !== "resident" && e.type !== "internal_note" && e.seq > 1);
  expect(notes.map((n) => [n.eventSeq, n.title, n.userId])).toEqual(
    notified.map((e) => [e.seq, eventTitle(e.type), row.applicantId]),
  );
}

/** A PDF the session uploads through POST /api/files (a result, a reply attachment, a supplement). */
export async function uploadPdf(session: Session, name = "ket-qua.pdf", text = "kết quả") {
  const res = await upload(session, pdf(text), name);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status}`);
  return res.body.id as string;
}

const FUTURE = "2099-12-31";

/** A valid body for every staff action; `fileId` is the result file `finish` needs. */
export function actionBody(action: StaffAction, fileId = "00000000-0000-4000-8000-000000000000"): ActionRequest {
  switch (action) {
    case "accept":
    case "start_processing":
    case "confirm_payment":
    case "confirm_withdrawal":
      return { action };
    case "exempt_fee":
      return { action, ground: "poor_household", legalBasis: "Nghị quyết 09/2025/NQ-HĐND tỉnh An Hòa" };
    case "refuse":
      return { action, reason: "Hồ sơ không thuộc thẩm quyền giải quyết" };
    case "stop":
      return { action, reason: "Người nộp không bổ sung đúng hạn" };
    case "request_supplement":
      return { action, items: ["Bản sao giấy tờ chứng minh chỗ ở hợp pháp (rõ nét)"], note: "Ảnh chụp bị mờ" };
    case "request_payment":
      return { action, amount: 20000, legalBasis: "Thông tư 75/2022/TT-BTC" };
    case "finish":
      return { action, resultFileIds: [fileId] };
    case "hand_over":
      return { action, returnChannel: "online" };
    case "apologise":
      return { action, reason: "Cần xác minh thêm tại cơ quan khác", newDate: FUTURE };
    case "transfer":
      return { action, unitId: "phuong-binh-minh", reason: "Chỗ ở thuộc địa bàn phường Bình Minh" };
    case "note":
      return { action, note: "Đã gọi điện cho người nộp" };
    case "reply":
      return { action, message: "Anh/chị vui lòng mang bản chính khi nhận kết quả" };
  }
}

/**
 * The answer to the open supplement request: a file for each item it asks, or, for a request
 * recorded before items existed, a file for document 1.
 */
export async function supplementAnswer(owner: Session, code: string) {
  const fileId = await uploadPdf(owner, "bo-sung.pdf", "bổ sung");
  const { body } = await getJson<DossierDetail>(`/api/dossiers/${code}`, { headers: bearer(owner) });
  const asks = body.supplement?.asks ?? [];
  return asks.length > 0
    ? { answers: asks.map((a) => ({ askId: a.id, fileIds: [fileId] })), note: "Đã bổ sung" }
    : { documents: [{ docIndex: 1, fileIds: [fileId] }], note: "Đã bổ sung" };
}

/** The resident's own steps, through the resident API. */
export async function residentStep(owner: Session, code: string, action: (typeof RESIDENT_ACTIONS)[number]) {
  const res =
    action === "withdraw"
      ? await api(`/api/dossiers/${code}/withdraw`, json("POST", { reason: "Tôi không còn nhu cầu" }, bearer(owner)))
      : await api(`/api/dossiers/${code}/supplement`, json("POST", await supplementAnswer(owner, code), bearer(owner)));
  if (res.status !== 200) throw new Error(`${action} on ${code}: ${res.status} ${await res.text()}`);
}

/** Runs a lifecycle path: staff actions as `officer`, resident actions as the dossier's owner. */
export async function drive(officer: Session, { code, owner }: Filed, path: readonly LifecycleAction[]) {
  for (const action of path) {
    if ((RESIDENT_ACTIONS as readonly string[]).includes(action))
      await residentStep(owner, code, action as (typeof RESIDENT_ACTIONS)[number]);
    else await step(officer, code, actionBody(action as StaffAction, action === "finish" ? await uploadPdf(officer) : undefined));
  }
}

export const stateKey = (s: LifecycleState) =>
  `status ${s.status}${s.received ? ", accepted" : ""}${s.withdrawalRequested ? ", withdrawal requested" : ""}${s.feeDue ? ", fee due" : ""}`;

/**
 * Every lifecycle state reachable from a new online dossier, each with the shortest path of
 * staff and resident actions that reaches it (breadth-first over the shared state machine).
 */
export function reachableStates(): { state: LifecycleState; path: LifecycleAction[] }[] {
  // The sample procedure charges a fee, so a new online dossier owes it.
  const start: LifecycleState = { status: 1, received: false, withdrawalRequested: false, feeDue: true };
  const found = new Map([[stateKey(start), { state: start, path: [] as LifecycleAction[] }]]);
  const queue = [start];
  for (let s = queue.shift(); s; s = queue.shift()) {
    for (const action of [...STAFF_ACTIONS, ...RESIDENT_ACTIONS]) {
      const moved = transition(s, action);
      if (!moved.ok || found.has(stateKey(moved.state))) continue;
      found.set(stateKey(moved.state), { state: moved.state, path: [...found.get(stateKey(s))!.path, action] });
      queue.push(moved.state);
    }
  }
  return [...found.values()];
}

/** Pins `new Date()` (only Date: D1 and timers keep running). Sign in after this: tokens carry the time. */
export function clockAt(iso: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
}

/** Silences the security log lines that every refusal writes, for tests that make hundreds of them. */
export function quietSecurityLog() {
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "info").mockImplementation(() => {});
}
