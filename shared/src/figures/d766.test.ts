import { describe, expect, it } from "vitest";
import { D766Estimate, estimateD766 } from "./d766";
import { type Metrics, periodMetrics, zeroPeriodCounts } from "./metrics";

const metrics = (values: Partial<Metrics>): Metrics => ({
  ...periodMetrics(zeroPeriodCounts(), { onlineRateCountsPostal: true }),
  ...values,
});

const month = metrics({
  onTimeRate: 0.9,
  averageDays: 6,
  averageAllowedDays: 5,
  onlineRate: 0.4,
  eResultRate: 0.5,
  digitisedRate: 0.25,
  reuseRate: 0.1,
});

const points = (estimate: D766Estimate, key: string) => estimate.groups.flatMap((g) => g.criteria).find((c) => c.key === key);

describe("estimateD766", () => {
  it("estimates each measured criterion and totals only those", () => {
    const estimate = estimateD766(month, { onlineProceduresShare: 0.8 });
    expect(D766Estimate.parse(estimate)).toEqual(estimate);
    const group = (key: string) => {
      const { points, measuredMaxPoints, maxPoints } = estimate.groups.find((g) => g.key === key)!;
      return [points, measuredMaxPoints, maxPoints];
    };
    // Group 2: on time 14 × 0.9 = 12.6; 6 days of 5 allowed: 6 × 5/6 = 5.
    expect(group("progress")[0]).toBeCloseTo(17.6, 10);
    expect(group("progress").slice(1)).toEqual([20, 20]);
    // Group 3: 10 × 0.8 = 8 procedures online; 40% online dossiers, under 50%: 3 of 6; payment not collected.
    expect(group("online")).toEqual([11, 16, 22]);
    // Group 4: 8 × 0.5 + 8 × 0.25 + 6 × 0.1 = 4 + 2 + 0.6.
    expect(group("digitisation")[0]).toBeCloseTo(6.6, 10);
    expect(group("digitisation").slice(1)).toEqual([22, 22]);
    // Groups 1 and 5: nothing collected yet.
    expect(group("publicity")).toEqual([0, 0, 18]);
    expect(group("satisfaction")).toEqual([0, 0, 18]);
    expect(estimate.estimate).toBe(true);
    expect(estimate.maxPoints).toBe(100);
    expect(estimate.measuredMaxPoints).toBe(58);
    expect(estimate.points).toBeCloseTo(35.2, 10);
    expect(points(estimate, "averageTime")).toMatchObject({ state: "measured", value: 1.2, points: 5 });
    expect(points(estimate, "onlinePayment")).toMatchObject({ state: "not_collected", value: null, points: null });
  });

  it("gives each group the points of Decision 766, split between its criteria", () => {
    const estimate = estimateD766(month, { onlineProceduresShare: null });
    expect(estimate.groups.map((g) => [g.key, g.maxPoints])).toEqual([
      ["publicity", 18],
      ["progress", 20],
      ["online", 22],
      ["digitisation", 22],
      ["satisfaction", 18],
    ]);
    for (const group of estimate.groups)
      expect(
        group.criteria.reduce((sum, c) => sum + c.maxPoints, 0),
        group.key,
      ).toBe(group.maxPoints);
    expect(points(estimate, "onlineProcedures")?.state).toBe("not_collected");
  });

  it("scores online dossiers in full from 50%, and time within the allowed days in full", () => {
    const at = (values: Partial<Metrics>, key: string) =>
      points(estimateD766(metrics(values), { onlineProceduresShare: null }), key)?.points;
    expect(at({ onlineRate: 0.5 }, "onlineDossiers")).toBe(6);
    expect(at({ onlineRate: 0.4999 }, "onlineDossiers")).toBe(3);
    expect(at({ onlineRate: 0 }, "onlineDossiers")).toBe(3);
    expect(at({ averageDays: 5, averageAllowedDays: 5 }, "averageTime")).toBe(6);
    expect(at({ averageDays: 2, averageAllowedDays: 5 }, "averageTime")).toBe(6);
    expect(at({ averageDays: 10, averageAllowedDays: 5 }, "averageTime")).toBe(3);
    expect(at({ onTimeRate: 1 }, "onTime")).toBe(14);
  });

  it("leaves out a criterion with nothing to measure this period", () => {
    const estimate = estimateD766(metrics({}), { onlineProceduresShare: null });
    expect(estimate.groups.flatMap((g) => g.criteria).every((c) => c.state !== "measured")).toBe(true);
    expect(points(estimate, "onTime")?.state).toBe("no_data");
    expect(points(estimate, "averageTime")?.state).toBe("no_data");
    expect([estimate.points, estimate.measuredMaxPoints]).toEqual([0, 0]);
    // Same-day procedures allow 0 days: the share of allowed time used is not defined.
    expect(
      points(estimateD766(metrics({ averageDays: 0, averageAllowedDays: 0 }), { onlineProceduresShare: null }), "averageTime")
        ?.state,
    ).toBe("no_data");
  });

  it("takes satisfaction and online payment in once they are measured", () => {
    const estimate = estimateD766(
      metrics({ satisfaction: { measured: true, value: 0.95 }, onlinePaymentRate: { measured: true, value: 0.3 } }),
      { onlineProceduresShare: null },
    );
    expect(points(estimate, "satisfaction")).toMatchObject({ state: "measured", value: 0.95 });
    expect(points(estimate, "satisfaction")?.points).toBeCloseTo(5.7, 10);
    expect(points(estimate, "onlinePayment")).toMatchObject({ state: "measured", points: 6 });
    expect(estimate.measuredMaxPoints).toBe(12);
  });
});
