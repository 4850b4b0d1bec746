import { describe, expect, it } from "vitest";
import { dueDate, isWorkingDay, WEEKENDS_ONLY, type WorkCalendar } from "./due-date";

// Local 09:00 in Vietnam is 02:00 UTC.
const at = (date: string, hourLocal = 9) => new Date(`${date}T${String(hourLocal - 7 < 0 ? hourLocal + 17 : hourLocal - 7).padStart(2, "0")}:00:00Z`);

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
});
