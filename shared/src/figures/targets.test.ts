import { describe, expect, it } from "vitest";
import { dailyPaceNeeded, monthProjection, stillNeeded, suggestTargets, targetStatus } from "./targets";

describe("suggestTargets", () => {
  // B = (0.95×10 + 0.05×70 + 0.25×20) ÷ 100 = (9.5 + 3.5 + 5) ÷ 100 = 18%; the new commune has no dossiers.
  const units = [
    { unitId: "high", baseline: 0.95, volume: 10 },
    { unitId: "low", baseline: 0.05, volume: 70 },
    { unitId: "mid", baseline: 0.25, volume: 20 },
    { unitId: "new", baseline: null, volume: 0 },
  ];

  it("reproduces the Hải Phòng spread: B = 18%, G = 60% gives k ≈ 0.51", () => {
    const { provinceBaseline, k, targets } = suggestTargets(units, 0.6);
    expect(provinceBaseline).toBeCloseTo(0.18, 12);
    // k = (0.60 − 0.18) ÷ (1 − 0.18) = 0.42 ÷ 0.82.
    expect(k).toBeCloseTo(0.42 / 0.82, 12);
    expect(k).toBeCloseTo(0.51, 2);
    const byUnit = (unitId: string) => targets.find((t) => t.unitId === unitId)!;
    // 0.95 + k × 0.05 = 97.6%; 0.05 + k × 0.95 ≈ 53.7%; 0.25 + k × 0.75 ≈ 63.4%.
    expect(byUnit("high").suggested).toBeCloseTo(0.976, 3);
    expect(byUnit("low").suggested).toBeCloseTo(0.05 + (0.42 / 0.82) * 0.95, 12);
    expect(Math.round(byUnit("low").suggested * 100)).toBe(54);
    expect(byUnit("mid").suggested).toBeCloseTo(0.25 + (0.42 / 0.82) * 0.75, 12);
    expect(byUnit("new")).toEqual({ unitId: "new", baseline: null, share: 0, suggested: 0.6 });
    expect(targets.map((t) => t.share)).toEqual([0.1, 0.7, 0.2, 0]);
  });

  it("meets the goal exactly when every unit meets its target at the same volumes", () => {
    const { targets } = suggestTargets(units, 0.6);
    const province = targets.reduce((sum, t) => sum + t.share * t.suggested, 0);
    expect(province).toBeCloseTo(0.6, 12);
  });

  it("asks each unit to keep its baseline when the province already meets the goal", () => {
    for (const goal of [0.18, 0.1]) {
      const { k, targets } = suggestTargets(units, goal);
      expect(k).toBe(0);
      expect(targets.map((t) => t.suggested)).toEqual([0.95, 0.05, 0.25, goal]);
    }
  });

  it("asks everyone for the goal when no unit has a baseline, and clamps to [0, 1]", () => {
    const none = suggestTargets([{ unitId: "a", baseline: null, volume: 0 }], 1.2);
    expect(none).toEqual({ provinceBaseline: null, k: 0, targets: [{ unitId: "a", baseline: null, share: 0, suggested: 1 }] });
    const full = suggestTargets([{ unitId: "a", baseline: 1, volume: 5 }], 1);
    expect(full.k).toBe(0);
    expect(full.targets[0]?.suggested).toBe(1);
  });

  it("weights the baseline by volume, ignoring a baseline without volume", () => {
    const { provinceBaseline, k } = suggestTargets(
      [
        { unitId: "a", baseline: 0.5, volume: 3 },
        { unitId: "b", baseline: 0, volume: 1 },
        { unitId: "c", baseline: 1, volume: 0 },
      ],
      0.75,
    );
    // (0.5×3 + 0×1) ÷ 4 = 0.375; k = (0.75 − 0.375) ÷ 0.625 = 0.6.
    expect(provinceBaseline).toBe(0.375);
    expect(k).toBeCloseTo(0.6, 12);
  });
});

describe("stillNeeded", () => {
  it("is the whole number of online dossiers missing, never negative", () => {
    expect(stillNeeded(0.6, 10, 0)).toBe(6);
    expect(stillNeeded(0.6, 10, 4)).toBe(2);
    expect(stillNeeded(0.6, 10, 6)).toBe(0);
    expect(stillNeeded(0.6, 10, 9)).toBe(0);
    // 0.6 × 11 = 6.6: 7 online dossiers are needed to reach 60%.
    expect(stillNeeded(0.6, 11, 0)).toBe(7);
    expect(stillNeeded(0, 10, 0)).toBe(0);
    expect(stillNeeded(0.6, 0, 0)).toBe(0);
  });

  it("does not round a product that floating point overshoots", () => {
    // In floating point 0.07 × 100 is 7.000000000000001, 0.55 × 100 is 55.00000000000001, 0.14 × 50
    // is 7.000000000000001, and 0.57 × 100 is 56.99999999999999.
    expect(stillNeeded(0.07, 100, 0)).toBe(7);
    expect(stillNeeded(0.55, 100, 50)).toBe(5);
    expect(stillNeeded(0.14, 50, 7)).toBe(0);
    expect(stillNeeded(0.57, 100, 0)).toBe(57);
  });
});

describe("monthProjection and dailyPaceNeeded", () => {
  // 10 days of a 30-day month: 40 accepted, 12 online.
  const soFar = { received: 40, receivedOnline: 12, daysElapsed: 10, daysInMonth: 30 };

  it("projects the month's end on a straight line", () => {
    expect(monthProjection(soFar)).toEqual({ received: 120, receivedOnline: 36, rate: 0.3 });
    expect(monthProjection({ ...soFar, daysElapsed: 30 })).toEqual({ received: 40, receivedOnline: 12, rate: 0.3 });
    expect(monthProjection({ received: 0, receivedOnline: 0, daysElapsed: 0, daysInMonth: 31 })).toEqual({
      received: 0,
      receivedOnline: 0,
      rate: null,
    });
    // 7 in 3 days of 31: 72.33 → 72.
    expect(monthProjection({ received: 7, receivedOnline: 1, daysElapsed: 3, daysInMonth: 31 }).received).toBe(72);
  });

  it("spreads the online dossiers still needed at the projected volume over the days left", () => {
    // 60% of 120 = 72 online; 12 so far, 60 to go in 20 days: 3 a day.
    expect(dailyPaceNeeded(0.6, soFar)).toBe(3);
    // 61 to go (0.605 × 120 = 72.6 → 73) in 20 days: 3.05, so 4 a day.
    expect(dailyPaceNeeded(0.605, soFar)).toBe(4);
    expect(dailyPaceNeeded(0.1, soFar)).toBe(0);
    expect(dailyPaceNeeded(0.6, { ...soFar, daysElapsed: 30 })).toBeNull();
  });
});

describe("targetStatus", () => {
  it("is met at the target, near within 5 points below, behind further", () => {
    expect(targetStatus(0.6, 0.6)).toBe("met");
    expect(targetStatus(0.7, 0.6)).toBe("met");
    expect(targetStatus(0.5999, 0.6)).toBe("near");
    expect(targetStatus(0.55, 0.6)).toBe("near");
    expect(targetStatus(0.5499, 0.6)).toBe("behind");
    expect(targetStatus(0, 0.6)).toBe("behind");
    // 0.07 + 0.05 is 0.12000000000000001: still met.
    expect(targetStatus(0.07 + 0.05, 0.12)).toBe("met");
  });

  it("says when there is no target or nothing to measure", () => {
    expect(targetStatus(0.5, null)).toBe("no_target");
    expect(targetStatus(null, null)).toBe("no_target");
    expect(targetStatus(null, 0.6)).toBe("no_data");
  });
});
