import { describe, expect, it } from "vitest";
import { finishedOnTime } from "./on-time";

describe("finishedOnTime", () => {
  it("counts the whole due date in Vietnam, and not a minute after it", () => {
    // 23:59:59 on 10 March in Vietnam is 16:59:59 UTC.
    expect(finishedOnTime(new Date("2026-03-10T16:59:59Z"), "2026-03-10")).toBe(true);
    expect(finishedOnTime(new Date("2026-03-10T17:00:00Z"), "2026-03-10")).toBe(false);
    expect(finishedOnTime(new Date("2026-03-02T01:00:00Z"), "2026-03-10")).toBe(true);
  });
});
