import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHANNELS } from "../dossier/channel";
import { FLOW_COUNTERS, type FlowCounts, type PeriodCounts, zeroFlows } from "./counts";
import { Metrics, periodMetrics, sumPeriodCounts, totalFlows, zeroPeriodCounts } from "./metrics";

const flows = (values: Partial<FlowCounts>): FlowCounts => ({ ...zeroFlows(), ...values });

/**
 * A hand-worked month. R = 6 online + 3 counter + 1 postal = 10, C = 5, so 15 dossiers were to be
 * decided. F = early 3 + on the due date 4 + late 2 = 9; W = 1; stopped 2 (1 late); hence O = 15 − 9
 * − 1 − 2 = 3, of which 2 overdue. Of F, 4 were rated: 1 "Rất hài lòng", 1 "Hài lòng", 2 "Không hài lòng".
 */
const month: PeriodCounts = {
  flows: {
    online: flows({
      received: 6,
      receivedAssisted: 2,
      receivedDigitised: 4,
      receivedReused: 3,
      receivedSupplemented: 1,
      refused: 1,
      finishedEarly: 2,
      finishedOnDue: 1,
      finishedLate: 1,
      finishedEResult: 3,
      elapsedDays: 20,
      allowedDays: 24,
      withdrawn: 1,
      ratedVerySatisfied: 1,
      ratedDissatisfied: 1,
    }),
    counter: flows({
      received: 3,
      receivedDigitised: 1,
      receivedSupplemented: 2,
      refused: 1,
      finishedEarly: 1,
      finishedOnDue: 2,
      finishedLate: 1,
      finishedEResult: 1,
      elapsedDays: 24,
      allowedDays: 16,
      stopped: 2,
      stoppedLate: 1,
      ratedSatisfied: 1,
      ratedDissatisfied: 1,
    }),
    postal: flows({ received: 1, finishedOnDue: 1, elapsedDays: 6, allowedDays: 5 }),
  },
  openAtStart: 5,
  openAtEnd: 3,
  overdueAtEnd: 2,
};

describe("periodMetrics", () => {
  it("computes every metric of a hand-worked month", () => {
    const metrics = periodMetrics(month, { onlineRateCountsPostal: true });
    expect(metrics).toEqual({
      received: 10,
      receivedOnline: 6,
      receivedCounter: 3,
      receivedPostal: 1,
      receivedAssisted: 2,
      refused: 2,
      // 6 online of 10 accepted, postal included.
      onlineRate: 6 / 10,
      onlineRateCountsPostal: true,
      finished: 9,
      finishedOnTime: 7,
      finishedEarly: 3,
      finishedLate: 2,
      withdrawn: 1,
      stopped: 2,
      openAtStart: 5,
      openAtEnd: 3,
      overdueOpen: 2,
      // (7 finished on time + 1 stopped on time + (3 − 2) open not overdue + 1 withdrawn) ÷ (10 + 5).
      onTimeRate: 10 / 15,
      withdrawalRate: 1 / 10,
      // 2 refused of the 12 decided at intake.
      refusalRate: 2 / 12,
      supplementRate: 3 / 10,
      // (20 + 24 + 6) ÷ 9 and (24 + 16 + 5) ÷ 9.
      averageDays: 50 / 9,
      averageAllowedDays: 45 / 9,
      eResultRate: 4 / 9,
      digitisedRate: 5 / 10,
      reuseRate: 3 / 10,
      assistedShare: 2 / 10,
      ratedVerySatisfied: 1,
      ratedSatisfied: 1,
      ratedDissatisfied: 2,
      onlinePaymentRate: { measured: false },
      // (9 finished − 2 rated "Không hài lòng") ÷ 9: the unrated count as satisfied.
      satisfaction: { measured: true, value: 7 / 9 },
    });
    expect(Metrics.parse(metrics)).toEqual(metrics);
  });

  it("leaves postal dossiers out of the online rate when the province says so", () => {
    const metrics = periodMetrics(month, { onlineRateCountsPostal: false });
    expect(metrics.onlineRate).toBe(6 / 9);
    expect(metrics.onlineRateCountsPostal).toBe(false);
    expect(metrics.received).toBe(10);
  });

  it("gives no rate and no average where there is nothing to divide by", () => {
    const metrics = periodMetrics(zeroPeriodCounts(), { onlineRateCountsPostal: true });
    for (const key of [
      "onlineRate",
      "onTimeRate",
      "withdrawalRate",
      "refusalRate",
      "supplementRate",
      "averageDays",
      "averageAllowedDays",
      "eResultRate",
      "digitisedRate",
      "reuseRate",
      "assistedShare",
    ] as const)
      expect(metrics[key], key).toBeNull();
    expect(metrics.satisfaction).toEqual({ measured: true, value: null });
    expect(metrics.received).toBe(0);
    expect(Metrics.parse(metrics)).toEqual(metrics);
  });

  it("measures the on-time rate of open dossiers alone, and refusals without acceptances", () => {
    // Nothing accepted or decided: 4 carried over, 1 of them overdue at the end.
    const quiet = { ...zeroPeriodCounts(), openAtStart: 4, openAtEnd: 4, overdueAtEnd: 1 };
    quiet.flows.counter.refused = 2;
    const metrics = periodMetrics(quiet, { onlineRateCountsPostal: true });
    expect(metrics.onTimeRate).toBe(3 / 4);
    expect(metrics.refusalRate).toBe(1);
    expect(metrics.onlineRate).toBeNull();
    expect(metrics.eResultRate).toBeNull();
  });

  it("counts postal dossiers alone as an online rate of 0, or none without postal", () => {
    const postalOnly = zeroPeriodCounts();
    postalOnly.flows.postal.received = 2;
    expect(periodMetrics(postalOnly, { onlineRateCountsPostal: true }).onlineRate).toBe(0);
    expect(periodMetrics(postalOnly, { onlineRateCountsPostal: false }).onlineRate).toBeNull();
  });
});

describe("sumPeriodCounts", () => {
  it("adds every counter and stock, so the province's rates come from the sums", () => {
    const sum = sumPeriodCounts([month, month, zeroPeriodCounts()]);
    for (const channel of CHANNELS)
      for (const key of FLOW_COUNTERS) expect(sum.flows[channel][key]).toBe(2 * month.flows[channel][key]);
    expect([sum.openAtStart, sum.openAtEnd, sum.overdueAtEnd]).toEqual([10, 6, 4]);
    expect(periodMetrics(sum, { onlineRateCountsPostal: true }).onTimeRate).toBe(20 / 30);
    expect(sumPeriodCounts([])).toEqual(zeroPeriodCounts());
  });

  it("does not change its inputs", () => {
    const copy = structuredClone(month);
    sumPeriodCounts([month, month]);
    expect(month).toEqual(copy);
  });

  it("totals the channels", () => {
    expect(totalFlows(month)).toMatchObject({ received: 10, refused: 2, elapsedDays: 50, stoppedLate: 1 });
  });
});

/** Counts that obey conservation: what had to be decided (R + C) was finished, withdrawn, stopped or is open. */
const conservedCounts = fc
  .record({
    flows: fc.record(
      Object.fromEntries(
        CHANNELS.map((channel) => [
          channel,
          fc.record(
            Object.fromEntries(FLOW_COUNTERS.map((key) => [key, fc.nat(500)])) as Record<keyof FlowCounts, fc.Arbitrary<number>>,
          ),
        ]),
      ) as Record<(typeof CHANNELS)[number], fc.Arbitrary<FlowCounts>>,
    ),
    openAtEnd: fc.nat(2000),
    overdueShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ flows, openAtEnd, overdueShare }) => {
    for (const channel of CHANNELS) {
      const f = flows[channel];
      f.stoppedLate = Math.min(f.stoppedLate, f.stopped);
    }
    const counts: PeriodCounts = { flows, openAtStart: 0, openAtEnd, overdueAtEnd: 0 };
    const all = totalFlows(counts);
    const leaving = all.finishedEarly + all.finishedOnDue + all.finishedLate + all.withdrawn + all.stopped;
    const carried = leaving + openAtEnd - all.received;
    // Too little left: more was accepted than left or stayed, so the rest is still open.
    if (carried < 0) counts.openAtEnd -= carried;
    counts.openAtStart = Math.max(0, carried);
    counts.overdueAtEnd = Math.floor(counts.openAtEnd * overdueShare);
    return counts;
  });

describe("on-time rate (generated counts)", () => {
  it("agrees with the published form 1 − overdue ÷ (|R| + |C|)", () => {
    fc.assert(
      fc.property(conservedCounts, (counts) => {
        const all = totalFlows(counts);
        const base = all.received + counts.openAtStart;
        const { onTimeRate } = periodMetrics(counts, { onlineRateCountsPostal: true });
        if (base === 0) return expect(onTimeRate).toBeNull();
        const published = 1 - (counts.overdueAtEnd + all.finishedLate + all.stoppedLate) / base;
        expect(onTimeRate).toBeCloseTo(published, 12);
        expect(onTimeRate).toBeGreaterThanOrEqual(0);
        expect(onTimeRate).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });
});
