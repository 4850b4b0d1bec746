import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TIME_ZONE, vietnamDate, vietnamHour } from "./vietnam";

describe("local time in Vietnam", () => {
  it("is Asia/Ho_Chi_Minh", () => {
    expect(TIME_ZONE).toBe("Asia/Ho_Chi_Minh");
  });

  it("turns the date at 17:00 UTC, not at midnight UTC", () => {
    expect(vietnamDate(new Date("2025-12-31T16:59:59.999Z"))).toBe("2025-12-31");
    expect(vietnamDate(new Date("2025-12-31T17:00:00Z"))).toBe("2026-01-01");
    expect(vietnamDate(new Date("2026-01-01T00:30:00Z"))).toBe("2026-01-01");
    expect(vietnamHour(new Date("2025-12-31T16:59:59Z"))).toBe(23);
    expect(vietnamHour(new Date("2025-12-31T17:00:00Z"))).toBe(0);
    expect(vietnamHour(new Date("2025-07-14T08:00:00Z"))).toBe(15);
  });

  it("agrees with the time zone database at every instant", () => {
    const local = new Intl.DateTimeFormat("en-CA", {
      timeZone: TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      hourCycle: "h23",
    });
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-12-31T23:59:59Z"), noInvalidDate: true }),
        (at) => {
          const parts = Object.fromEntries(local.formatToParts(at).map((p) => [p.type, p.value]));
          expect(vietnamDate(at)).toBe(`${parts.year}-${parts.month}-${parts.day}`);
          expect(vietnamHour(at)).toBe(Number(parts.hour));
        },
      ),
    );
  });
});
