import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addDays } from "../../shared/src/figures/facts";
import { vietnamDate } from "../../shared/src/time/vietnam";
import { addContributions, claimRefresh, lostRefresh, refreshState } from "../../worker/src/db/repo/figures";
import { figuresDaily, figuresRefreshes } from "../../worker/src/db/schema";
import { deriveFacts } from "../../worker/src/figures/derive";
import { monthCounts, monthPeriod, officerCounts, procedureCounts, trendCounts } from "../../worker/src/figures/read";
import { catchUp, refreshFigures } from "../../worker/src/figures/refresh";
import { PROCEDURE } from "./dossier-fixtures";
import { allFacts, expectKeptEqualsRecomputed, keptTables, referenceStocks } from "./figures-fixtures";
import { db } from "./helpers";
import { dossierRow, drive, fileDossier, residentStep, staffMember, step } from "./staff-fixtures";

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
});
