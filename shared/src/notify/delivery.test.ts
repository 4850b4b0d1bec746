import { describe, expect, it } from "vitest";
import { classify, inQuietHours, isUrgent, pacing, quietHoursEnd, retryDelaySeconds } from "./delivery";

const vn = (local: string) => new Date(`${local}+07:00`);

describe("which notices are urgent", () => {
  it("a supplement request, a payment request and a result; nothing else", () => {
    expect(isUrgent({ topic: "dossier", eventType: "supplement_requested" })).toBe(true);
    expect(isUrgent({ topic: "dossier", eventType: "payment_requested" })).toBe(true);
    expect(isUrgent({ topic: "dossier", eventType: "finished" })).toBe(true);
    expect(isUrgent({ topic: "dossier", eventType: "accepted" })).toBe(false);
    expect(isUrgent({ topic: "dossier", eventType: "message" })).toBe(false);
    expect(isUrgent({ topic: "feedback", eventType: null })).toBe(false);
    expect(isUrgent({ topic: "rating_case", eventType: null })).toBe(false);
  });
});

describe("quiet hours and the daily cap", () => {
  it("are 22:00 to 06:00 in Vietnam", () => {
    expect(inQuietHours(vn("2026-12-02T21:59:59"))).toBe(false);
    expect(inQuietHours(vn("2026-12-02T22:00:00"))).toBe(true);
    expect(inQuietHours(vn("2026-12-03T05:59:59"))).toBe(true);
    expect(inQuietHours(vn("2026-12-03T06:00:00"))).toBe(false);
    expect(quietHoursEnd(vn("2026-12-02T23:10:00"))).toEqual(vn("2026-12-03T06:00:00"));
    expect(quietHoursEnd(vn("2026-12-03T01:10:00"))).toEqual(vn("2026-12-03T06:00:00"));
  });

  it("defer non-urgent notices, never urgent ones", () => {
    expect(pacing(vn("2026-12-02T23:00:00"), false, 0, 3)).toEqual({
      send: false,
      until: vn("2026-12-03T06:00:00"),
      reason: "quiet_hours",
    });
    expect(pacing(vn("2026-12-02T23:00:00"), true, 10, 3)).toEqual({ send: true });
    expect(pacing(vn("2026-12-02T10:00:00"), false, 2, 3)).toEqual({ send: true });
    expect(pacing(vn("2026-12-02T10:00:00"), false, 3, 3)).toEqual({
      send: false,
      until: vn("2026-12-03T06:00:00"),
      reason: "daily_cap",
    });
  });
});

describe("Zalo's answers", () => {
  it.each([
    [{ httpStatus: 200, error: 0 }, "ok"],
    [{ httpStatus: 200, error: -100 }, "retry"],
    [{ httpStatus: 502 }, "retry"],
    [{ timeout: true as const }, "retry"],
    [{ httpStatus: 401 }, "refresh"],
    [{ httpStatus: 200, error: -216 }, "refresh"],
    [{ httpStatus: 200, error: -124 }, "refresh"],
    [{ httpStatus: 200, error: -220 }, "refresh"],
    [{ httpStatus: 200, error: -108 }, "fallback"],
    [{ httpStatus: 200, error: -118 }, "fallback"],
    [{ httpStatus: 200, error: -110 }, "fallback"],
    [{ httpStatus: 200, error: -213 }, "fallback"],
    [{ httpStatus: 200, error: -101 }, "alert"],
    [{ httpStatus: 200, error: -105 }, "alert"],
    [{ httpStatus: 200, error: -109 }, "alert"],
    [{ httpStatus: 200, error: -112 }, "alert"],
    [{ httpStatus: 200, error: -224 }, "alert"],
  ] as const)("%o → %s", (answer, verdict) => {
    expect(classify(answer)).toBe(verdict);
  });

  it("back off from 30 seconds to at most 30 minutes", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 480, 960, 1800]);
  });
});
