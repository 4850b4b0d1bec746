import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addDays } from "../../shared/src/figures/facts";
import { RecomputeStep } from "../../shared/src/figures/recompute";
import { vietnamDate } from "../../shared/src/time/vietnam";
import { addContributions, claimRefresh, lostRefresh, refreshState } from "../../worker/src/db/repo/figures";
import { getUser } from "../../worker/src/db/repo/users";
import { adminChanges, figuresRefreshes } from "../../worker/src/db/schema";
import { deriveFacts } from "../../worker/src/figures/derive";
import { monthCounts, monthPeriod, officerCounts, procedureCounts, trendCounts } from "../../worker/src/figures/read";
import { recomputeFigures } from "../../worker/src/figures/recompute";
import { catchUp, refreshFigures } from "../../worker/src/figures/refresh";
import { PROCEDURE, resident } from "./dossier-fixtures";
import { allFacts, expectKeptEqualsRecomputed, keptTables, referenceStocks } from "./figures-fixtures";
import { api, bearer, db, json, signIn } from "./helpers";
import { dossierRow, drive, fileDossier, residentStep, staffMember } from "./staff-fixtures";

const COMMUNE = "phuong-an-hoa";

async function refreshAll() {
  for (;;) {
    const r = await refreshFigures(db(), { maxEvents: 500 });
    if (r.caughtUp) return;
  }
}

describe("figures kept from the event log", () => {
  it("reads what the real steps write, and keeps the tables equal to a recompute", async () => {
    const officer = await staffMember(COMMUNE);
    const filed = await fileDossier();
    await drive(officer, filed, ["accept", "start_processing", "request_supplement"]);
    await residentStep(filed.owner, filed.code, "submit_supplement");
    await drive(officer, filed, ["finish"]);
    const row = await dossierRow(filed.code);
    const today = vietnamDate(new Date());

    const facts = (await deriveFacts(db(), [row.id])).get(row.id)!;
    expect(facts).toMatchObject({
      unitId: COMMUNE,
      channel: "online",
      receivedDay: today,
      dueDate: row.dueDate,
      pausedDay: null,
      closed: { kind: "finished", day: today, by: officer.user.id },
      eResult: true,
      digitised: true,
      reused: false,
      supplemented: true,
      acceptedBy: officer.user.id,
      supplementRequests: [{ by: officer.user.id, day: today }],
    });

    await refreshAll();
    await expectKeptEqualsRecomputed();
    const month = today.slice(0, 7);
    const unit = (await monthCounts(db(), month, new Date())).get(COMMUNE)!;
    expect(unit.flows.online.received).toBeGreaterThanOrEqual(1);
    expect(unit.flows.online.finishedEarly + unit.flows.online.finishedOnDue).toBeGreaterThanOrEqual(1);
    const officers = await officerCounts(db(), COMMUNE, month, new Date());
    expect(officers.get(officer.user.id)?.counts).toEqual({
      accepted: 1,
      decidedOnTime: 1,
      decidedLate: 0,
      supplementRequests: 1,
      overdueAtEnd: 0,
    });
    const procedures = await procedureCounts(db(), COMMUNE, month, new Date());
    expect(procedures.get(PROCEDURE)?.name).toBeTruthy();
    const [trend] = await trendCounts(db(), [COMMUNE], [month], new Date());
    expect(trend!.counts.flows.online.received).toBe(unit.flows.online.received);
  });

  it("applies each event once under overlapping and retried refreshes", async () => {
    const officer = await staffMember(COMMUNE);
    for (let i = 0; i < 3; i++) {
      const filed = await fileDossier();
      await drive(officer, filed, ["accept", "start_processing"]);
    }
    const results = await Promise.all([catchUp(db()), catchUp(db()), refreshFigures(db(), { maxEvents: 3 })]);
    expect(results.some((r) => r.events > 0)).toBe(true);
    await refreshAll();
    await expectKeptEqualsRecomputed();

    // A retry of a refresh already applied (its range claimed) fails whole and changes nothing.
    const { cursor } = await refreshState(db());
    const claimed = await db().select().from(figuresRefreshes).where(eq(figuresRefreshes.toEventId, cursor)).get();
    const before = await keptTables();
    const replay = db().batch([
      claimRefresh(db(), claimed!.fromEventId, cursor, 1),
      ...addContributions(db(), {
        daily: [{ key: { day: "2026-01-01", unitId: COMMUNE, procedureId: 1, channel: "online" }, counts: { received: 1 } }],
        monthly: [],
        officers: [],
      }),
    ]);
    await expect(replay).rejects.toSatisfy(lostRefresh);
    expect(await keptTables()).toEqual(before);
  });

  it("reads a unit's stocks at a month's end and mid-month, overdue starts dated after the day left out", async () => {
    const officer = await staffMember(COMMUNE);
    const filed = await fileDossier();
    await drive(officer, filed, ["accept", "start_processing"]);
    await refreshAll();
    const due = (await dossierRow(filed.code)).dueDate!;
    const facts = await allFacts();
    for (const day of [due, addDays(due, 1), addDays(due, 40), vietnamDate(new Date())]) {
      const month = day.slice(0, 7);
      const asOf = new Date(`${day}T12:00:00+07:00`);
      const { start, b } = monthPeriod(month, asOf);
      const read = (await monthCounts(db(), month, asOf)).get(COMMUNE)!;
      const expected = referenceStocks(facts, COMMUNE, start, b);
      const { openAtStart, openAtEnd, overdueAtEnd, flows } = read;
      const received = flows.online.received + flows.counter.received + flows.postal.received;
      expect({ openAtStart, openAtEnd, overdueAtEnd, received }, day).toEqual(expected);
    }
  });

  it("recomputes from scratch in resumable steps while refreshes wait, then hands over to them", async () => {
    const officer = await staffMember(COMMUNE);
    const early = await fileDossier();
    await drive(officer, early, ["accept"]);
    await refreshAll();
    const admin = await signIn("quan-tri-tinh");
    const user = (await getUser(db(), admin.user.id))!;

    let step = await recomputeFigures(db(), user, { restart: true }, 1);
    expect(step).toMatchObject({ done: false, processed: 4 });
    // Steps taken meanwhile wait for the refresh after the recompute.
    await drive(officer, early, ["start_processing", "request_supplement"]);
    const late = await fileDossier();
    expect(await refreshFigures(db(), { maxEvents: 100 })).toMatchObject({ events: 0, skipped: "recompute running" });
    let calls = 1;
    while (!step.done) {
      step = await recomputeFigures(db(), user, {}, 1);
      calls++;
    }
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(step).toMatchObject({ done: true, next: null });
    await refreshAll();
    await expectKeptEqualsRecomputed();
    expect((await deriveFacts(db(), [(await dossierRow(late.code)).id])).size).toBe(1);
    const changes = await db().select().from(adminChanges).where(eq(adminChanges.actorId, admin.user.id));
    expect(changes.map((c) => [c.entity, c.action])).toContainEqual(["figure_setting", "recompute"]);
  });

  it("lets only an admin recompute through the API, which answers each step", async () => {
    for (const persona of ["can-bo-phuong", "lanh-dao-phuong"]) {
      const res = await api("/api/admin/figures/recompute", json("POST", {}, bearer(await signIn(persona))));
      expect(res.status, persona).toBe(403);
    }
    const res = await api("/api/admin/figures/recompute", json("POST", {}, bearer(await resident("nguoi-dan-so-lieu"))));
    expect(res.status).toBe(403);
    const admin = bearer(await signIn("quan-tri-tinh"));
    const invalid = await api("/api/admin/figures/recompute", json("POST", { restart: "yes" }, admin));
    expect(invalid.status).toBe(400);
    let body = { done: false };
    for (let i = 0; !body.done && i < 100; i++) {
      const step = await api("/api/admin/figures/recompute", json("POST", { restart: i === 0 }, admin));
      expect(step.status).toBe(200);
      body = RecomputeStep.parse(await step.json());
    }
    expect(body.done).toBe(true);
    await expectKeptEqualsRecomputed();
  });
});
