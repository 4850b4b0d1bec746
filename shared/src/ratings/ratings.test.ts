import { describe, expect, it } from "vitest";
import { caseDays, DEFAULT_STAR_RULE, describeStarRule, starLevel, starRule } from "./ratings";

describe("the star rule", () => {
  it("maps 5 stars to Rất hài lòng, 3–4 to Hài lòng and 1–2 to Không hài lòng by default", () => {
    expect([1, 2, 3, 4, 5].map((n) => starLevel(n, DEFAULT_STAR_RULE))).toEqual([
      "dissatisfied",
      "dissatisfied",
      "satisfied",
      "satisfied",
      "very_satisfied",
    ]);
    expect(starRule("", undefined)).toEqual(DEFAULT_STAR_RULE);
  });

  it("follows the configured thresholds and publishes them in words", () => {
    const rule = starRule("4", "5");
    expect(starLevel(3, rule)).toBe("dissatisfied");
    expect(starLevel(4, rule)).toBe("satisfied");
    expect(describeStarRule(rule).map((l) => `${l.label}: ${l.stars}`)).toEqual([
      "Rất hài lòng: 5 sao",
      "Hài lòng: 4 sao",
      "Không hài lòng: 1–3 sao",
    ]);
    expect(describeStarRule(DEFAULT_STAR_RULE).map((l) => l.stars)).toEqual(["5 sao", "3–4 sao", "1–2 sao"]);
  });

  it("refuses a rule that leaves a level without stars", () => {
    for (const [s, v] of [
      ["1", "5"],
      ["3", "3"],
      ["4", "6"],
      ["x", "5"],
    ])
      expect(() => starRule(s, v), `${s},${v}`).toThrow();
  });
});

describe("the case deadline", () => {
  it("is 5 working days unless configured, and refuses nonsense", () => {
    expect(caseDays(undefined)).toBe(5);
    expect(caseDays("10")).toBe(10);
    expect(() => caseDays("0")).toThrow();
    expect(() => caseDays("ba")).toThrow();
  });
});
