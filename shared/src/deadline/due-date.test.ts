import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCatalogue } from "../../../scripts/seed/read";
import { formatDate } from "../format/vi";
import { vietnamDate } from "../time/vietnam";
import {
  addDays,
  addWorkingDays,
  calendarFrom,
  dueDate,
  dueState,
  dueThresholds,
  isWorkingDay,
  resumeAfterPause,
  WEEKENDS_ONLY,
  type WorkCalendar,
  workingDaysBetween,
} from "./due-date";

// Local 09:00 in Vietnam is 02:00 UTC.
const at = (date: string, hourLocal = 9) =>
  new Date(`${date}T${String(hourLocal - 7 < 0 ? hourLocal + 17 : hourLocal - 7).padStart(2, "0")}:00:00Z`);

describe("dueDate", () => {
  it("counts working days after the day of receipt, skipping weekends", () => {
    // Wednesday 2026-11-18 + 3 working days → Monday 2026-11-23.
    expect(dueDate(at("2026-11-18"), { unit: "working_day", value: 3 }, WEEKENDS_ONLY)).toEqual({
      date: "2026-11-23",
      explanation: "3 ngày làm việc kể từ khi tiếp nhận",
    });
  });

  it("starts after the next working day when received after 15:00 or on a day off", () => {
    expect(dueDate(at("2026-11-20", 16), { unit: "working_day", value: 1 }, WEEKENDS_ONLY).date).toBe("2026-11-24");
    expect(dueDate(at("2026-11-21"), { unit: "working_day", value: 1 }, WEEKENDS_ONLY).date).toBe("2026-11-24");
    expect(dueDate(at("2026-11-21"), { unit: "same_day" }, WEEKENDS_ONLY).date).toBe("2026-11-23");
    expect(dueDate(at("2026-11-19", 14), { unit: "same_day" }, WEEKENDS_ONLY).date).toBe("2026-11-19");
    expect(dueDate(at("2026-11-18", 15), { unit: "working_day", value: 1 }, WEEKENDS_ONLY).date).toBe("2026-11-20");
  });

  it("skips holidays and honours compensatory working days, and says so", () => {
    const calendar: WorkCalendar = { holidays: new Set(["2026-04-30", "2026-05-01"]), workdays: new Set(["2026-05-02"]) };
    expect(isWorkingDay("2026-05-02", calendar)).toBe(true);
    const due = dueDate(at("2026-04-29"), { unit: "working_day", value: 2 }, calendar);
    expect(due.date).toBe("2026-05-04");
    expect(due.explanation).toBe("2 ngày làm việc kể từ khi tiếp nhận; không tính ngày nghỉ lễ 30/04/2026, 01/05/2026");
  });

  it("moves calendar-day deadlines off days off and converts hours to working days", () => {
    expect(dueDate(at("2026-11-18"), { unit: "day", value: 3 }, WEEKENDS_ONLY).date).toBe("2026-11-23");
    expect(dueDate(at("2026-11-18"), { unit: "hour", value: 12 }, WEEKENDS_ONLY).date).toBe("2026-11-20");
  });

  it("counts a working day as 8 hours: 8 hours take one working day, 9 hours two", () => {
    // Received Wednesday 18/11/2026 at 09:00.
    expect(dueDate(at("2026-11-18"), { unit: "hour", value: 8 }, WEEKENDS_ONLY).date).toBe("2026-11-19");
    expect(dueDate(at("2026-11-18"), { unit: "hour", value: 9 }, WEEKENDS_ONLY).date).toBe("2026-11-20");
  });
});

// The sample province's working-day calendar (scripts/seed/an-hoa/calendar) is plain data, so the
// unit project checks it here and uses it as the real calendar below.
const seed = readCatalogue().calendar;
const CALENDAR = calendarFrom(seed);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

describe("addWorkingDays", () => {
  it("gives the day itself for 0 and skips weekends", () => {
    expect(addWorkingDays("2026-11-21", 0, WEEKENDS_ONLY)).toBe("2026-11-21");
    expect(addWorkingDays("2026-11-20", 1, WEEKENDS_ONLY)).toBe("2026-11-23");
    expect(addWorkingDays("2026-11-18", 5, WEEKENDS_ONLY)).toBe("2026-11-25");
    expect(addWorkingDays("2026-11-21", 1, WEEKENDS_ONLY)).toBe("2026-11-23");
  });

  it("skips holidays and counts compensatory Saturdays", () => {
    expect(addWorkingDays("2026-02-13", 1, CALENDAR)).toBe("2026-02-23");
    expect(addWorkingDays("2026-01-09", 1, CALENDAR)).toBe("2026-01-10");
    expect(addWorkingDays("2026-01-09", 1, WEEKENDS_ONLY)).toBe("2026-01-12");
    expect(addWorkingDays("2026-12-31", 1, CALENDAR)).toBe("2027-01-04");
  });
});

describe("workingDaysBetween", () => {
  it("counts working days after the first date up to and including the second", () => {
    expect(workingDaysBetween("2026-11-18", "2026-11-18", WEEKENDS_ONLY)).toBe(0);
    expect(workingDaysBetween("2026-11-18", "2026-11-19", WEEKENDS_ONLY)).toBe(1);
    expect(workingDaysBetween("2026-11-20", "2026-11-23", WEEKENDS_ONLY)).toBe(1);
    expect(workingDaysBetween("2026-11-20", "2026-11-22", WEEKENDS_ONLY)).toBe(0);
    expect(workingDaysBetween("2026-11-23", "2026-11-20", WEEKENDS_ONLY)).toBe(0);
  });

  it("leaves out holidays and counts working Saturdays", () => {
    // Fri 13/02/2026 → Mon 23/02/2026: all of Tết Bính Ngọ in between.
    expect(workingDaysBetween("2026-02-13", "2026-02-23", CALENDAR)).toBe(1);
    expect(workingDaysBetween("2026-02-13", "2026-02-23", WEEKENDS_ONLY)).toBe(6);
    // Thu 08/01 → Mon 12/01/2026 includes the working Saturday 10/01.
    expect(workingDaysBetween("2026-01-08", "2026-01-12", CALENDAR)).toBe(3);
  });
});

describe("calendarFrom", () => {
  it("splits published rows into holidays and working days", () => {
    const calendar = calendarFrom([
      { date: "2026-04-27", kind: "holiday" },
      { date: "2026-08-22", kind: "workday" },
      { date: "2026-08-31", kind: "holiday" },
    ]);
    expect([...calendar.holidays].sort()).toEqual(["2026-04-27", "2026-08-31"]);
    expect([...calendar.workdays]).toEqual(["2026-08-22"]);
    expect(isWorkingDay("2026-08-22", calendar)).toBe(true);
    expect(isWorkingDay("2026-08-31", calendar)).toBe(false);
    expect(isWorkingDay("2026-08-28", calendar)).toBe(true);
  });
});

describe("dueThresholds and dueState", () => {
  it("is overdue only after the due date and soon within two working days", () => {
    // Thursday 19/11/2026: two working days ahead is Monday 23/11.
    expect(dueThresholds("2026-11-19", WEEKENDS_ONLY)).toEqual({ overdueBefore: "2026-11-19", soonUntil: "2026-11-23" });
    expect(dueState("2026-11-18", "2026-11-19", WEEKENDS_ONLY)).toBe("overdue");
    expect(dueState("2026-11-19", "2026-11-19", WEEKENDS_ONLY)).toBe("soon");
    expect(dueState("2026-11-23", "2026-11-19", WEEKENDS_ONLY)).toBe("soon");
    expect(dueState("2026-11-24", "2026-11-19", WEEKENDS_ONLY)).toBe("ok");
  });

  it("looks past holidays for what is due soon", () => {
    // Friday 13/02/2026: the next two working days are 23 and 24/02, after Tết.
    expect(dueThresholds("2026-02-13", CALENDAR).soonUntil).toBe("2026-02-24");
    expect(dueState("2026-02-24", "2026-02-13", CALENDAR)).toBe("soon");
    expect(dueState("2026-02-24", "2026-02-13", WEEKENDS_ONLY)).toBe("ok");
  });
});

describe("resumeAfterPause", () => {
  const due = { date: "2026-11-25", explanation: "5 ngày làm việc kể từ khi tiếp nhận" };

  it("moves the due date by the working days paused and says so", () => {
    // Paused Monday 16/11, resumed Thursday 19/11: 17, 18, 19 → 3 working days.
    expect(resumeAfterPause(due, at("2026-11-16", 10), at("2026-11-19", 8), WEEKENDS_ONLY)).toEqual({
      date: "2026-11-30",
      explanation: "5 ngày làm việc kể từ khi tiếp nhận; tạm dừng 3 ngày làm việc chờ bổ sung",
      pausedDays: 3,
    });
  });

  it("changes nothing for a pause within one local day", () => {
    expect(resumeAfterPause(due, at("2026-11-16", 8), at("2026-11-16", 16), WEEKENDS_ONLY)).toEqual({ ...due, pausedDays: 0 });
    // 23:30 to 00:30 local spans two dates though the UTC date does not change.
    const late = new Date("2026-11-16T16:30:00Z");
    const early = new Date("2026-11-16T17:30:00Z");
    expect(resumeAfterPause(due, late, early, WEEKENDS_ONLY).pausedDays).toBe(1);
  });

  it("does not count holidays in the pause", () => {
    const r = resumeAfterPause({ date: "2026-02-26", explanation: "x" }, at("2026-02-12"), at("2026-02-24"), CALENDAR);
    expect(r.pausedDays).toBe(3);
    expect(r.date).toBe("2026-03-03");
  });
});

describe("dueDate with the seeded calendar", () => {
  it("skips Tết Bính Ngọ", () => {
    // Accepted Friday 13/02/2026; 16–20/02 are Tết, 21–22 a weekend.
    expect(dueDate(at("2026-02-13"), { unit: "working_day", value: 5 }, CALENDAR)).toEqual({
      date: "2026-02-27",
      explanation:
        "5 ngày làm việc kể từ khi tiếp nhận; không tính ngày nghỉ lễ 16/02/2026, 17/02/2026, 18/02/2026, 19/02/2026, 20/02/2026",
    });
    expect(dueDate(at("2026-02-13"), { unit: "working_day", value: 5 }, WEEKENDS_ONLY).date).toBe("2026-02-20");
  });

  it("skips 30/4–1/5 and the swapped Friday 02/05/2025", () => {
    expect(dueDate(at("2026-04-29"), { unit: "working_day", value: 2 }, CALENDAR).date).toBe("2026-05-05");
    const due = dueDate(at("2025-04-29"), { unit: "working_day", value: 3 }, CALENDAR);
    expect(due.date).toBe("2025-05-07");
    expect(due.explanation).toBe(
      "3 ngày làm việc kể từ khi tiếp nhận; không tính ngày nghỉ lễ 30/04/2025, 01/05/2025, 02/05/2025",
    );
  });

  it("counts a compensatory working Saturday", () => {
    expect(dueDate(at("2025-04-25"), { unit: "working_day", value: 1 }, CALENDAR).date).toBe("2025-04-26");
    expect(dueDate(at("2026-01-09"), { unit: "working_day", value: 1 }, CALENDAR).date).toBe("2026-01-10");
    // Received on the working Saturday itself, before 15:00: that day is the day of receipt.
    expect(dueDate(at("2026-08-22"), { unit: "same_day" }, CALENDAR).date).toBe("2026-08-22");
  });

  it("skips a holiday on a weekday, and a receipt on it counts from the next working day", () => {
    // Giỗ Tổ 2026 is Sunday 26/04, taken on Monday 27/04.
    expect(dueDate(at("2026-04-24"), { unit: "working_day", value: 1 }, CALENDAR)).toEqual({
      date: "2026-04-28",
      explanation: "1 ngày làm việc kể từ khi tiếp nhận; không tính ngày nghỉ lễ 27/04/2026",
    });
    expect(dueDate(at("2026-09-01"), { unit: "working_day", value: 1 }, CALENDAR).date).toBe("2026-09-04");
  });
});

describe("a due date in a year without a published calendar", () => {
  // The sample calendar covers 2025–2027.
  it("counts weekends only there, and says that year's holidays were not counted", () => {
    // Tết Mậu Thân 2028 is 26/01; no one has published it, so those days still count.
    expect(dueDate(at("2028-01-24"), { unit: "working_day", value: 5 }, CALENDAR)).toEqual({
      date: "2028-01-31",
      explanation: "5 ngày làm việc kể từ khi tiếp nhận; chưa tính ngày nghỉ lễ năm 2028 vì lịch nghỉ lễ chưa được công bố",
    });
  });

  it("says so when a due date crosses into such a year, and not for published years", () => {
    const due = dueDate(at("2027-12-28"), { unit: "working_day", value: 10 }, CALENDAR);
    expect(due.date).toBe("2028-01-11");
    expect(due.explanation).toBe(
      "10 ngày làm việc kể từ khi tiếp nhận; chưa tính ngày nghỉ lễ năm 2028 vì lịch nghỉ lễ chưa được công bố",
    );
    expect(dueDate(at("2027-12-01"), { unit: "working_day", value: 10 }, CALENDAR).explanation).toBe(
      "10 ngày làm việc kể từ khi tiếp nhận",
    );
  });

  it("says so when a pause pushes the due date into such a year, once", () => {
    const due = dueDate(at("2027-12-20"), { unit: "working_day", value: 5 }, CALENDAR);
    expect(due.date).toBe("2027-12-27");
    const resumed = resumeAfterPause(due, at("2027-12-21"), at("2028-01-04"), CALENDAR);
    expect(resumed.date).toBe("2028-01-10");
    expect(resumed.explanation).toBe(
      "5 ngày làm việc kể từ khi tiếp nhận; tạm dừng 10 ngày làm việc chờ bổ sung; chưa tính ngày nghỉ lễ năm 2028 vì lịch nghỉ lễ chưa được công bố",
    );
    const again = resumeAfterPause(resumed, at("2028-01-11"), at("2028-01-13"), CALENDAR);
    expect(again.explanation.match(/chưa tính ngày nghỉ lễ/g)).toHaveLength(1);
  });
});

describe("deadline properties (generated dates)", () => {
  // Any local date in 2025–2027, where the seeded calendar applies.
  const day = fc.integer({ min: 0, max: 3 * 365 }).map((i) => addDays("2025-01-01", i));
  const calendar = fc.constantFrom(CALENDAR, WEEKENDS_ONLY);
  const rank = { ok: 0, soon: 1, overdue: 2 } as const;

  it("n ≥ 1 working days later is a working day, exactly n working days away", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), calendar, (d, n, cal) => {
        const later = addWorkingDays(d, n, cal);
        expect(isWorkingDay(later, cal)).toBe(true);
        expect(later > d).toBe(true);
        expect(workingDaysBetween(d, later, cal)).toBe(n);
        expect(workingDaysBetween(d, addDays(later, -1), cal)).toBe(n - 1);
      }),
      { numRuns: 500 },
    );
  });

  it("a later today never makes a dossier less late", () => {
    fc.assert(
      fc.property(day, day, day, calendar, (due, t1, t2, cal) => {
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
        expect(rank[dueState(due, late, cal)]).toBeGreaterThanOrEqual(rank[dueState(due, early, cal)]);
      }),
      { numRuns: 1000 },
    );
  });

  it("resuming after a pause never moves the due date earlier", () => {
    const instant = fc.date({
      min: new Date("2025-01-01T00:00:00Z"),
      max: new Date("2027-12-31T00:00:00Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(day, instant, instant, calendar, (d, a, b, cal) => {
        const [paused, resumed] = a <= b ? [a, b] : [b, a];
        const r = resumeAfterPause({ date: d, explanation: "x" }, paused, resumed, cal);
        expect(r.date >= d).toBe(true);
        expect(r.pausedDays).toBe(workingDaysBetween(vietnamDate(paused), vietnamDate(resumed), cal));
        if (r.pausedDays > 0) expect(workingDaysBetween(d, r.date, cal)).toBe(r.pausedDays);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the sample province's calendar (scripts/seed/an-hoa/calendar)", () => {
  const years = ["2025", "2026", "2027"];
  // Labour Code 2019 Art. 112: which name marks which holiday, and how many days each gives.
  const ART_112: [RegExp, number][] = [
    [/Tết Dương lịch/, 1],
    [/Tết Nguyên đán/, 5],
    [/Giỗ Tổ Hùng Vương/, 1],
    [/Ngày Chiến thắng/, 1],
    [/Quốc tế Lao động/, 1],
    [/Quốc khánh/, 2],
  ];
  const SWAP = /^Nghỉ hoán đổi, làm bù thứ Bảy (\d{2}\/\d{2}\/\d{4})$/;
  const MAKE_UP = /^Làm bù cho ngày (\d{2}\/\d{2}\/\d{4})$/;

  it("has valid, unique, unverified dates for 2025–2027", () => {
    for (const row of seed) {
      expect(row.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${row.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(row.date);
      expect(years).toContain(row.date.slice(0, 4));
      expect(row.verified).toBe(false);
      expect(row.name.trim()).not.toBe("");
      expect(row.source.trim()).not.toBe("");
    }
    expect(new Set(seed.map((r) => r.date)).size).toBe(seed.length);
  });

  it("lists holidays on weekdays only and working days on weekends only", () => {
    for (const row of seed) expect(isWeekend(row.date), `${row.date} ${row.name}`).toBe(row.kind === "workday");
  });

  it.each(years)("gives the eleven Art. 112 days in %s, plus one weekday off per working Saturday", (year) => {
    const rows = seed.filter((r) => r.date.startsWith(year));
    const holidays = rows.filter((r) => r.kind === "holiday");
    const workdays = rows.filter((r) => r.kind === "workday");
    for (const [pattern, days] of ART_112)
      expect(holidays.filter((r) => pattern.test(r.name)).length, `${year} ${pattern}`).toBe(days);
    const swaps = holidays.filter((r) => SWAP.test(r.name));
    expect(swaps.length).toBe(workdays.length);
    // Every holiday row is exactly one of the above.
    for (const r of holidays) expect([...ART_112.map(([p]) => p), SWAP].filter((p) => p.test(r.name)).length, r.name).toBe(1);
    expect(holidays.length).toBe(11 + workdays.length);
  });

  it("pairs every working Saturday with the weekday it pays back", () => {
    const byDate = new Map(seed.map((r) => [r.date, r]));
    for (const w of seed.filter((r) => r.kind === "workday")) {
      const paidBack = formatDate(w.date);
      const [, off] = w.name.match(MAKE_UP) ?? [];
      expect(off, w.name).toBeDefined();
      const [d, m, y] = off!.split("/");
      const swapped = byDate.get(`${y}-${m}-${d}`);
      expect(swapped?.kind).toBe("holiday");
      expect(swapped?.name).toBe(`Nghỉ hoán đổi, làm bù thứ Bảy ${paidBack}`);
      expect(weekday(w.date)).toBe(6);
    }
  });

  it("matches the published decisions and the lunar dates", () => {
    const holidays = (year: string) => seed.filter((r) => r.kind === "holiday" && r.date.startsWith(year)).map((r) => r.date);
    const workdays = seed.filter((r) => r.kind === "workday").map((r) => r.date);
    expect(holidays("2025")).toEqual([
      "2025-01-01",
      "2025-01-27",
      "2025-01-28",
      "2025-01-29",
      "2025-01-30",
      "2025-01-31",
      "2025-04-07",
      "2025-04-30",
      "2025-05-01",
      "2025-05-02",
      "2025-09-01",
      "2025-09-02",
    ]);
    expect(holidays("2026")).toEqual([
      "2026-01-01",
      "2026-01-02",
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-04-27",
      "2026-04-30",
      "2026-05-01",
      "2026-08-31",
      "2026-09-01",
      "2026-09-02",
    ]);
    expect(holidays("2027")).toEqual([
      "2027-01-01",
      "2027-02-05",
      "2027-02-08",
      "2027-02-09",
      "2027-02-10",
      "2027-02-11",
      "2027-04-16",
      "2027-04-30",
      "2027-05-03",
      "2027-09-02",
      "2027-09-03",
    ]);
    expect(workdays).toEqual(["2025-04-26", "2026-01-10", "2026-08-22"]);
  });
});
