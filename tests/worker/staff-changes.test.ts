import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Session } from "../../shared/src/auth/api";
import { addWorkingDays } from "../../shared/src/deadline/due-date";
import { type Inbox, InboxQuery } from "../../shared/src/staff/api";
import { type Assignment, type StaffSummary, urgentUntil } from "../../shared/src/staff/changes";
import { vietnamDate } from "../../shared/src/time/vietnam";
import { startSession } from "../../worker/src/auth/session";
import { workCalendar } from "../../worker/src/db/repo/calendar";
import { inboxStamp, staffInbox, staffSummary } from "../../worker/src/db/repo/staff";
import { upsertUser } from "../../worker/src/db/repo/users";
import { dossierAssignments } from "../../worker/src/db/schema";
import { confirmPaymentReceived } from "../../worker/src/dossiers/system";
import { auditKey } from "../../worker/src/lib/config";
import { resident } from "./dossier-fixtures";
import { api, bearer, db, getJson, json, recording, signIn, testEnv } from "./helpers";
import {
  actionBody,
  dossierRow,
  drive,
  type Filed,
  fileDossier,
  quietSecurityLog,
  residentStep,
  setDossier,
  staffMember,
  staffView,
  step,
} from "./staff-fixtures";

const COMMUNE = "phuong-an-hoa";
const OTHER = "phuong-binh-minh";

afterEach(() => vi.restoreAllMocks());

/** A fresh unit leader of `unitId`, signed in. */
async function leaderOf(unitId: string): Promise<Session> {
  const id = `lanh-dao-${unitId}-${crypto.randomUUID().slice(0, 8)}`;
  const user = await upsertUser(db(), "an-hoa", { id, role: "leader", unitId, displayName: `Lãnh đạo ${id}` });
  return startSession(db(), testEnv(), user);
}

const inbox = (session: Session, query = "") =>
  getJson<Inbox>(`/api/staff/dossiers?limit=100${query ? `&${query}` : ""}`, { headers: bearer(session) });
const summary = async (session: Session) =>
  (await getJson<StaffSummary>("/api/staff/summary", { headers: bearer(session) })).body;
const itemOf = async (session: Session, code: string, query = "") =>
  (await inbox(session, query)).body.items.find((i) => i.code === code);
const assign = (session: Session, code: string, userId: string | null) =>
  getJson<{ assignment: Assignment | null }>(`/api/staff/dossiers/${code}/assignee`, json("PUT", { userId }, bearer(session)));

/** A dossier accepted, in processing, then asked for a supplement by `officer`. */
async function awaitingSupplement(officer: Session): Promise<Filed> {
  const filed = await fileDossier(COMMUNE);
  await drive(officer, filed, ["accept", "start_processing", "request_supplement"]);
  return filed;
}

describe("new since the officer last looked", () => {
  let first: Session;
  let second: Session;
  beforeAll(async () => {
    first = await staffMember(COMMUNE);
    second = await staffMember(COMMUNE);
  });

  it("marks a resident's supplement answer for each officer until that officer opens the dossier", async () => {
    const filed = await awaitingSupplement(first);
    await staffView(first, filed.code);
    await staffView(second, filed.code);
    expect(await itemOf(first, filed.code, "changed=1")).toBeUndefined();
    const before = { first: await summary(first), second: await summary(second) };

    await residentStep(filed.owner, filed.code, "submit_supplement");
    for (const officer of [first, second]) {
      const item = await itemOf(officer, filed.code, "changed=1");
      expect(item?.news).toEqual({ type: "supplement_submitted", label: "Người dân đã bổ sung hồ sơ" });
    }
    expect((await summary(first)).changed).toBe(before.first.changed + 1);

    // The first officer's look clears their mark, not their colleague's.
    await staffView(first, filed.code);
    expect(await itemOf(first, filed.code, "changed=1")).toBeUndefined();
    expect((await itemOf(first, filed.code))?.news).toBeNull();
    expect((await summary(first)).changed).toBe(before.first.changed);
    expect((await itemOf(second, filed.code, "changed=1"))?.news?.type).toBe("supplement_submitted");
    expect((await summary(second)).changed).toBe(before.second.changed + 1);
  });

  it("marks a payment made online, never one an officer confirmed at the desk nor the officer's own steps", async () => {
    const online = await fileDossier(COMMUNE);
    const desk = await fileDossier(COMMUNE);
    for (const filed of [online, desk]) {
      await drive(first, filed, ["accept", "start_processing", "request_payment"]);
      await staffView(first, filed.code);
    }
    const amount = (actionBody("request_payment") as { amount: number }).amount;
    const paid = await confirmPaymentReceived(db(), auditKey(testEnv()), {
      code: online.code,
      transactionId: `txn-${crypto.randomUUID()}`,
      amount,
    });
    expect(paid).toBe("confirmed");
    await step(first, desk.code, { action: "confirm_payment" });

    expect((await itemOf(first, online.code))?.news?.type).toBe("payment_confirmed");
    expect((await itemOf(first, desk.code))?.news).toBeNull();
    // The colleague never opened the desk-paid dossier: officers' steps are still nothing new to them.
    expect((await itemOf(second, desk.code))?.news).toBeNull();
  });

  it("marks a withdrawal request, and leaves nothing marked once the dossier is closed", async () => {
    const filed = await fileDossier(COMMUNE);
    await drive(first, filed, ["accept"]);
    await staffView(first, filed.code);
    await residentStep(filed.owner, filed.code, "withdraw");
    expect((await itemOf(first, filed.code))?.news?.type).toBe("withdrawal_requested");

    await step(second, filed.code, { action: "confirm_withdrawal" });
    expect((await itemOf(first, filed.code))?.news).toBeNull();
    expect(await itemOf(first, filed.code, "changed=1")).toBeUndefined();
  });
});

describe("the conditional refresh", () => {
  it("answers 304 while nothing in the officer's units changed, and 200 with a new ETag once something did", async () => {
    const officer = await staffMember(COMMUNE);
    const elsewhere = await staffMember("so-tu-phap");
    const filed = await awaitingSupplement(officer);
    await staffView(officer, filed.code);

    const tagged = async (session: Session, path: string, etag?: string) => {
      const res = await api(path, { headers: { ...bearer(session), ...(etag ? { "If-None-Match": etag } : {}) } });
      return { status: res.status, etag: res.headers.get("ETag"), text: await res.text() };
    };
    const path = "/api/staff/dossiers?limit=30";
    const first = await tagged(officer, path);
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^W\/"[0-9a-f]{24}"$/);
    const unchanged = await tagged(officer, path, first.etag!);
    expect(unchanged).toMatchObject({ status: 304, text: "" });
    // Another query is another answer.
    expect((await tagged(officer, "/api/staff/dossiers?limit=30&mine=1", first.etag!)).status).toBe(200);
    const otherUnit = await tagged(elsewhere, path);

    await residentStep(filed.owner, filed.code, "submit_supplement");
    const changed = await tagged(officer, path, first.etag!);
    expect(changed.status).toBe(200);
    expect(changed.etag).not.toBe(first.etag);
    // A change in another unit is no change for the department's officer.
    expect((await tagged(elsewhere, path, otherUnit.etag!)).status).toBe(304);

    // Opening a dossier changes what "new" means to this officer only.
    await staffView(officer, filed.code);
    expect((await tagged(officer, path, changed.etag!)).status).toBe(200);
    expect((await tagged(elsewhere, path, otherUnit.etag!)).status).toBe(304);

    const counts = await tagged(officer, "/api/staff/summary");
    expect(counts.status).toBe(200);
    expect((await tagged(officer, "/api/staff/summary", counts.etag!)).status).toBe(304);
    await step(officer, filed.code, { action: "note", note: "Đã xem bổ sung" });
    expect((await tagged(officer, "/api/staff/summary", counts.etag!)).status).toBe(200);
  });

  it("changes the ETag of the unit a dossier is transferred out of", async () => {
    const officer = await staffMember(COMMUNE);
    const filed = await fileDossier(COMMUNE);
    await step(officer, filed.code, { action: "accept" });
    const before = await inboxStamp(db(), { provinceId: "an-hoa", unitIds: [COMMUNE] }, { id: officer.user.id, role: "officer" });
    await step(officer, filed.code, actionBody("transfer"));
    const after = await inboxStamp(db(), { provinceId: "an-hoa", unitIds: [COMMUNE] }, { id: officer.user.id, role: "officer" });
    expect(after.units).toBeGreaterThan(before.units);
  });

  it("reads the stamps, the counts and the changed view through indexes: no scan of dossiers or views", async () => {
    const { db: recorded, seen } = recording();
    const officer = await staffMember(COMMUNE, [OTHER]);
    const scope = { provinceId: "an-hoa", unitIds: [COMMUNE, OTHER] };
    const viewer = { id: officer.user.id, role: "leader" as const };
    const calendar = await workCalendar(db(), "an-hoa");
    await inboxStamp(recorded, scope, viewer);
    await staffSummary(recorded, scope, viewer, calendar);
    await staffInbox(recorded, scope, viewer, InboxQuery.parse({ changed: "1" }), null, calendar);
    await staffInbox(recorded, scope, viewer, InboxQuery.parse({ mine: "1" }), null, calendar);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    for (const { sql, values } of seen) {
      const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .bind(...values)
        .all<{ detail: string }>();
      const details = plan.results.map((r) => r.detail);
      const scans = details.filter((d) => /^SCAN (dossiers|dossier_views|inbox_stamps|dossier_events)\b/.test(d));
      expect(scans, `${sql}\n${details.join("\n")}`).toEqual([]);
    }
    const summaryPlan = seen.find((s) => s.sql.includes("attention_seq") && s.sql.includes("count(*)"))!;
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${summaryPlan.sql}`)
      .bind(...summaryPlan.values)
      .all<{ detail: string }>();
    expect(plan.results.map((r) => r.detail).join("\n")).toMatch(/dossiers_attention/);
  });
});

describe("due within one working day", () => {
  it("flags the unit's dossiers to its leader, and to an officer only those assigned to them", async () => {
    const leader = await leaderOf(COMMUNE);
    const officer = await staffMember(COMMUNE);
    const calendar = await workCalendar(db(), "an-hoa");
    const today = vietnamDate(new Date());
    const cases = [
      { due: today, urgent: true },
      { due: urgentUntil(today, calendar), urgent: true },
      { due: addWorkingDays(today, 2, calendar), urgent: false },
      { due: "2020-01-02", urgent: false },
    ];
    const before = { leader: await summary(leader), officer: await summary(officer) };
    const filed: string[] = [];
    for (const c of cases) {
      const { code } = await fileDossier(COMMUNE);
      await step(officer, code, { action: "accept" });
      await setDossier(code, { dueDate: c.due });
      filed.push(code);
    }
    for (const [i, c] of cases.entries()) {
      expect((await itemOf(leader, filed[i]!))?.urgent, c.due).toBe(c.urgent);
      expect((await itemOf(officer, filed[i]!))?.urgent, c.due).toBe(false);
    }
    const leaderDay = (await inbox(leader, "due=day")).body.items.map((i) => i.code);
    expect(filed.filter((code) => leaderDay.includes(code))).toEqual(filed.slice(0, 2));
    expect((await summary(leader)).urgent).toBe(before.leader.urgent + 2);
    expect((await summary(officer)).urgent).toBe(before.officer.urgent);

    // Assigned to the officer, the dossier due today becomes theirs to watch.
    expect((await assign(leader, filed[0]!, officer.user.id)).status).toBe(200);
    expect((await itemOf(officer, filed[0]!))?.urgent).toBe(true);
    expect((await inbox(officer, "due=day")).body.items.map((i) => i.code)).toEqual([filed[0]]);
    expect((await summary(officer)).urgent).toBe(before.officer.urgent + 1);
  });
});

describe("assignment by the unit leader", () => {
  let leader: Session;
  let officer: Session;
  let colleague: Session;
  let outsider: Session;
  let outsideLeader: Session;
  let filed: Filed;
  beforeAll(async () => {
    leader = await leaderOf(COMMUNE);
    officer = await staffMember(COMMUNE);
    colleague = await staffMember(COMMUNE);
    outsider = await staffMember(OTHER);
    outsideLeader = await leaderOf(OTHER);
    filed = await fileDossier(COMMUNE);
    await step(officer, filed.code, { action: "accept" });
  });

  it("gives a dossier to a named officer of the unit, recorded with who and when, shown to every officer", async () => {
    const names = await getJson<{ items: { id: string; name: string; roleLabel: string }[] }>(
      `/api/staff/dossiers/${filed.code}/assignees`,
      { headers: bearer(leader) },
    );
    expect(names.status).toBe(200);
    const ids = names.body.items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([officer.user.id, colleague.user.id, leader.user.id]));
    expect(ids).not.toContain(outsider.user.id);

    const res = await assign(leader, filed.code, officer.user.id);
    expect(res.status).toBe(200);
    expect(res.body.assignment).toMatchObject({
      assignee: { id: officer.user.id, name: officer.user.displayName },
      assignedBy: { id: leader.user.id, name: leader.user.displayName },
    });
    // Again: the same assignment, recorded once.
    expect((await assign(leader, filed.code, officer.user.id)).status).toBe(200);
    const { id } = await dossierRow(filed.code);
    const records = await db().select().from(dossierAssignments).where(eq(dossierAssignments.dossierId, id));
    expect(records).toEqual([expect.objectContaining({ assignedTo: officer.user.id, assignedBy: leader.user.id })]);

    const seenByColleague = await staffView(colleague, filed.code);
    expect(seenByColleague.body.assignment?.assignee.id).toBe(officer.user.id);
    expect(seenByColleague.body.canAssign).toBe(false);
    expect((await staffView(leader, filed.code)).body.canAssign).toBe(true);
    expect((await itemOf(colleague, filed.code))?.assignee).toEqual({ id: officer.user.id, name: officer.user.displayName });
  });

  it('lists in "Của tôi" only what is assigned to the caller', async () => {
    const mine = await fileDossier(COMMUNE);
    await step(officer, mine.code, { action: "accept" });
    const before = await summary(colleague);
    expect((await assign(leader, mine.code, colleague.user.id)).status).toBe(200);
    const colleagues = (await inbox(colleague, "mine=1")).body.items;
    expect(colleagues.map((i) => i.code)).toContain(mine.code);
    expect(colleagues.every((i) => i.assignee?.id === colleague.user.id)).toBe(true);
    expect((await inbox(officer, "mine=1")).body.items.map((i) => i.code)).not.toContain(mine.code);
    expect((await summary(colleague)).mine).toBe(before.mine + 1);

    // Withdrawn, it leaves the list.
    expect((await assign(leader, mine.code, null)).body.assignment).toBeNull();
    expect((await inbox(colleague, "mine=1")).body.items.map((i) => i.code)).not.toContain(mine.code);
    expect((await staffView(colleague, mine.code)).body.assignment).toBeNull();
  });

  it("refuses anyone but a leader of the handling unit, and an assignee from another unit", async () => {
    quietSecurityLog();
    expect((await assign(officer, filed.code, colleague.user.id)).status).toBe(403);
    expect((await api(`/api/staff/dossiers/${filed.code}/assignees`, { headers: bearer(officer) })).status).toBe(403);
    const admin = await signIn("quan-tri-tinh");
    expect((await assign(admin, filed.code, colleague.user.id)).status).toBe(403);
    // A leader of another unit does not see the dossier at all.
    expect((await assign(outsideLeader, filed.code, outsider.user.id)).status).toBe(404);
    expect((await api(`/api/staff/dossiers/${filed.code}/assignees`, { headers: bearer(outsideLeader) })).status).toBe(404);
    // Nor may a leader hand it to someone outside the unit, a resident or a nobody.
    const someResident = await resident(`cu-dan-${crypto.randomUUID().slice(0, 8)}`);
    for (const userId of [outsider.user.id, someResident.user.id, "khong-co-ai"]) {
      const res = await assign(leader, filed.code, userId);
      expect(res.status, userId).toBe(400);
    }
    expect((await assign(leader, filed.code, "")).status).toBe(400);
    expect((await staffView(leader, filed.code)).body.assignment?.assignee.id).toBe(officer.user.id);
  });

  it("withdraws the assignment when the dossier is transferred, and refuses to assign a closed dossier", async () => {
    const moving = await fileDossier(COMMUNE);
    await step(officer, moving.code, { action: "accept" });
    await assign(leader, moving.code, officer.user.id);
    await step(officer, moving.code, actionBody("transfer"));
    expect((await dossierRow(moving.code)).assignedTo).toBeNull();
    expect((await staffView(outsider, moving.code)).body.assignment).toBeNull();

    const refused = await fileDossier(COMMUNE);
    await step(officer, refused.code, actionBody("refuse"));
    expect((await assign(leader, refused.code, officer.user.id)).status).toBe(409);
  });

  it("keeps every new route from residents and from staff of other units", async () => {
    quietSecurityLog();
    const someone = await resident(`cu-dan-${crypto.randomUUID().slice(0, 8)}`);
    for (const session of [someone, filed.owner]) {
      expect((await api("/api/staff/summary", { headers: bearer(session) })).status).toBe(403);
      expect((await api(`/api/staff/dossiers/${filed.code}/assignees`, { headers: bearer(session) })).status).toBe(403);
      expect((await assign(session, filed.code, officer.user.id)).status).toBe(403);
      expect((await api("/api/staff/dossiers?changed=1", { headers: bearer(session) })).status).toBe(403);
    }
    expect((await api("/api/staff/summary")).status).toBe(401);
    // Another unit's officer sees neither the dossier nor its marks.
    expect((await itemOf(outsider, filed.code))?.code).toBeUndefined();
    expect((await api(`/api/staff/dossiers/${filed.code}/assignees`, { headers: bearer(outsider) })).status).toBe(404);
  });
});
