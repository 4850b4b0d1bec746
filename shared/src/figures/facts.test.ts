import { describe, expect, it } from "vitest";
import { type Contributions, contributions, DossierFacts, diffContributions, overdueSpell } from "./facts";

const base: DossierFacts = {
  unitId: "u1",
  procedureId: 7,
  channel: "online",
  assisted: false,
  receivedDay: null,
  refusedDay: null,
  dueDate: null,
  pausedDay: null,
  closed: null,
  eResult: false,
  digitised: false,
  reused: false,
  supplemented: false,
  acceptedBy: null,
  supplementRequests: [],
  rating: null,
};
const accepted = (more: Partial<DossierFacts> = {}): DossierFacts => ({
  ...base,
  receivedDay: "2026-03-02",
  dueDate: "2026-03-10",
  acceptedBy: "officer-a",
  ...more,
});

/** The daily rows as "day counter=n" lines, sorted, for readable expectations. */
const daily = (c: Contributions) =>
  c.daily.flatMap((r) => Object.entries(r.counts).map(([k, n]) => `${r.key.day} ${k}=${n}`)).sort();
const officers = (c: Contributions) =>
  c.officers.flatMap((r) => Object.entries(r.counts).map(([k, n]) => `${r.key.day} ${r.key.userId} ${k}=${n}`)).sort();

describe("contributions", () => {
  it("counts a dossier filed online and not yet accepted nowhere", () => {
    expect(contributions(base)).toEqual({ daily: [], monthly: [], officers: [] });
  });

  it("counts a refusal on its day, and never as received", () => {
    expect(daily(contributions({ ...base, refusedDay: "2026-03-03" }))).toEqual(["2026-03-03 refused=1"]);
  });

  it("opens an accepted dossier on its day with its qualities, and starts overdue the day after the due date", () => {
    const c = contributions(accepted({ assisted: true, digitised: true, reused: true, supplemented: true }));
    expect(daily(c)).toEqual([
      "2026-03-02 openDelta=1",
      "2026-03-02 received=1",
      "2026-03-02 receivedAssisted=1",
      "2026-03-02 receivedDigitised=1",
      "2026-03-02 receivedReused=1",
      "2026-03-02 receivedSupplemented=1",
      "2026-03-11 overdueDelta=1",
    ]);
    expect(officers(c)).toEqual(["2026-03-02 officer-a accepted=1", "2026-03-11 officer-a overdueDelta=1"]);
  });

  it("finishes early, on the due date and late by the finishing day, with calendar days elapsed and allowed", () => {
    const finished = (day: string) => accepted({ closed: { kind: "finished", day, by: "leader-b" }, eResult: true });
    expect(daily(contributions(finished("2026-03-09")))).toEqual([
      "2026-03-02 openDelta=1",
      "2026-03-02 received=1",
      "2026-03-09 allowedDays=8",
      "2026-03-09 elapsedDays=7",
      "2026-03-09 finishedEResult=1",
      "2026-03-09 finishedEarly=1",
      "2026-03-09 openDelta=-1",
    ]);
    expect(daily(contributions(finished("2026-03-10")))).toContain("2026-03-10 finishedOnDue=1");
    const late = contributions(finished("2026-03-13"));
    expect(daily(late)).toEqual([
      "2026-03-02 openDelta=1",
      "2026-03-02 received=1",
      "2026-03-11 overdueDelta=1",
      "2026-03-13 allowedDays=8",
      "2026-03-13 elapsedDays=11",
      "2026-03-13 finishedEResult=1",
      "2026-03-13 finishedLate=1",
      "2026-03-13 openDelta=-1",
      "2026-03-13 overdueDelta=-1",
    ]);
    expect(officers(late)).toEqual([
      "2026-03-02 officer-a accepted=1",
      "2026-03-11 officer-a overdueDelta=1",
      "2026-03-13 leader-b decidedLate=1",
      "2026-03-13 officer-a overdueDelta=-1",
    ]);
  });

  it("counts a stop after the due date as late, and a withdrawal as W", () => {
    expect(daily(contributions(accepted({ closed: { kind: "stopped", day: "2026-03-12", by: "x" } })))).toEqual([
      "2026-03-02 openDelta=1",
      "2026-03-02 received=1",
      "2026-03-11 overdueDelta=1",
      "2026-03-12 openDelta=-1",
      "2026-03-12 overdueDelta=-1",
      "2026-03-12 stopped=1",
      "2026-03-12 stoppedLate=1",
    ]);
    expect(daily(contributions(accepted({ closed: { kind: "withdrawn", day: "2026-03-04", by: null } })))).toEqual([
      "2026-03-02 openDelta=1",
      "2026-03-02 received=1",
      "2026-03-04 openDelta=-1",
      "2026-03-04 withdrawn=1",
    ]);
  });

  it("rolls the days up per month, overdue starts included", () => {
    const c = contributions(accepted({ dueDate: "2026-03-31" }));
    expect(c.monthly).toEqual([
      { key: { month: "2026-03", unitId: "u1", channel: "online" }, counts: { received: 1, openDelta: 1 } },
      { key: { month: "2026-04", unitId: "u1", channel: "online" }, counts: { overdueDelta: 1 } },
    ]);
  });

  it("credits each supplement request to its officer and day", () => {
    const c = contributions(
      accepted({
        supplementRequests: [
          { by: "officer-a", day: "2026-03-03" },
          { by: "officer-a", day: "2026-03-03" },
          { by: "officer-c", day: "2026-03-05" },
        ],
      }),
    );
    expect(officers(c)).toContain("2026-03-03 officer-a supplementRequests=2");
    expect(officers(c)).toContain("2026-03-05 officer-c supplementRequests=1");
  });
});

describe("overdueSpell", () => {
  it("ends when a pause begins or the dossier closes after the start, and is nothing when that end comes first", () => {
    expect(overdueSpell(accepted())).toEqual({ start: "2026-03-11", end: null });
    expect(overdueSpell(accepted({ pausedDay: "2026-03-12" }))).toEqual({ start: "2026-03-11", end: "2026-03-12" });
    expect(overdueSpell(accepted({ pausedDay: "2026-03-11" }))).toBeNull();
    expect(overdueSpell(accepted({ closed: { kind: "finished", day: "2026-03-10", by: null } }))).toBeNull();
    // Accepted after its due date (a back-dated entry): overdue from acceptance.
    expect(overdueSpell(accepted({ receivedDay: "2026-03-20" }))).toEqual({ start: "2026-03-20", end: null });
    expect(overdueSpell(base)).toBeNull();
  });
});

describe("ratings in the figures", () => {
  const finished = accepted({ closed: { kind: "finished", day: "2026-03-09", by: "leader-b" } });

  it("counts a rating with the dossier's result, on its finishing day, by level", () => {
    expect(daily(contributions({ ...finished, rating: "dissatisfied" }))).toContain("2026-03-09 ratedDissatisfied=1");
    expect(daily(contributions({ ...finished, rating: "very_satisfied" }))).toContain("2026-03-09 ratedVerySatisfied=1");
    expect(daily(diffContributions(finished, { ...finished, rating: "satisfied" }))).toEqual(["2026-03-09 ratedSatisfied=1"]);
  });

  it("reads facts kept before ratings existed as unrated", () => {
    const { rating: _, ...old } = finished;
    expect(DossierFacts.parse(old).rating).toBeNull();
  });
});

describe("diffContributions", () => {
  it("moves a dossier's figures to the unit it was transferred to, and adds only what changed", () => {
    const before = accepted();
    const after = accepted({ unitId: "u2" });
    const diff = diffContributions(before, after);
    expect(diff.monthly).toEqual([
      { key: { month: "2026-03", unitId: "u1", channel: "online" }, counts: { received: -1, openDelta: -1, overdueDelta: -1 } },
      { key: { month: "2026-03", unitId: "u2", channel: "online" }, counts: { received: 1, openDelta: 1, overdueDelta: 1 } },
    ]);
    const closed = accepted({ closed: { kind: "finished", day: "2026-03-09", by: "leader-b" } });
    expect(daily(diffContributions(before, closed))).toEqual([
      "2026-03-09 allowedDays=8",
      "2026-03-09 elapsedDays=7",
      "2026-03-09 finishedEarly=1",
      "2026-03-09 openDelta=-1",
      "2026-03-11 overdueDelta=-1",
    ]);
    expect(diffContributions(closed, closed)).toEqual({ daily: [], monthly: [], officers: [] });
    expect(diffContributions(null, closed)).toEqual(contributions(closed));
  });
});
