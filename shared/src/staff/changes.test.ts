import { describe, expect, it } from "vitest";
import type { WorkCalendar } from "../deadline/due-date";
import { ACTORS, EVENT_TYPES } from "../dossier/events";
import { isNews, urgentScope, urgentUntil, WATCH_VIEW_KEYS } from "./changes";

describe("what is new to officers", () => {
  it("is a resident's or the system's supplement answer, payment, withdrawal request or message, never a staff step", () => {
    const news = EVENT_TYPES.flatMap((type) =>
      ACTORS.filter((actor) => isNews(type, actor)).map((actor) => `${type} by ${actor}`),
    );
    expect(news.sort()).toEqual(
      [
        "message by resident",
        "message by system",
        "payment_confirmed by resident",
        "payment_confirmed by system",
        "supplement_submitted by resident",
        "supplement_submitted by system",
        "withdrawal_requested by resident",
        "withdrawal_requested by system",
      ].sort(),
    );
  });
});

describe("due within one working day", () => {
  const calendar: WorkCalendar = { holidays: new Set(["2026-04-30", "2026-05-01"]), workdays: new Set(["2026-05-02"]) };

  it("reaches the next working day: over a weekend, a holiday and a compensatory Saturday", () => {
    expect(urgentUntil("2026-11-18", calendar)).toBe("2026-11-19");
    expect(urgentUntil("2026-11-20", calendar)).toBe("2026-11-23");
    expect(urgentUntil("2026-04-29", calendar)).toBe("2026-05-02");
    expect(urgentUntil("2026-05-02", calendar)).toBe("2026-05-04");
  });

  it("is the unit's for its leader and one's own for everyone else", () => {
    expect(urgentScope("leader")).toBe("unit");
    expect(urgentScope("officer")).toBe("mine");
    expect(urgentScope("admin")).toBe("mine");
  });

  it("sits beside the status tabs as the caller's own views, in order", () => {
    expect(WATCH_VIEW_KEYS).toEqual(["changed", "mine", "urgent"]);
  });
});
