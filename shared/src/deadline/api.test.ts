import { describe, expect, it } from "vitest";
import { calendarYears } from "./api";

describe("calendarYears", () => {
  it("gives this year in Vietnam, two years back and three ahead", () => {
    expect(calendarYears(new Date("2026-06-15T02:00:00Z"))).toEqual([2024, 2025, 2026, 2027, 2028, 2029]);
  });

  it("turns over at midnight in Vietnam, not in UTC", () => {
    expect(calendarYears(new Date("2026-12-31T16:59:59Z"))[2]).toBe(2026);
    expect(calendarYears(new Date("2026-12-31T17:00:00Z"))[2]).toBe(2027);
  });
});
