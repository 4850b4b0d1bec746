import { describe, expect, it } from "vitest";
import {
  describeDocument,
  formatDate,
  formatDateLine,
  formatFee,
  formatFeeQuote,
  formatMonth,
  formatPercent,
  formatProcessingTime,
  formatVnd,
  formatWeekday,
  formatWeekdays,
} from "./vi";

const fees = { counter: 50_000, online: 0, legalBasis: "Thông tư 47/2019/TT-BTC" };

describe("Vietnamese formatting", () => {
  it("formats VND with dot grouping, a free label and a no-break space before đ", () => {
    expect(formatVnd(135_000)).toBe("135.000\u00a0đ");
    expect(formatVnd(1_500_000)).toBe("1.500.000\u00a0đ");
    expect(formatVnd(0)).toBe("Miễn phí");
    expect(formatFee(8_000, "bản")).toBe("8.000\u00a0đ/bản");
    expect(formatFee(0, "bản")).toBe("Miễn phí");
    expect(formatFee(8_000)).toBe("8.000\u00a0đ");
  });

  it("formats instants as dd/MM/yyyy in Asia/Ho_Chi_Minh", () => {
    // 17:30 UTC on 31 Dec is already 1 Jan in Vietnam (UTC+7).
    expect(formatDate(new Date("2025-12-31T17:30:00Z"))).toBe("01/01/2026");
    expect(formatDate("2025-07-01")).toBe("01/07/2025");
  });

  it("writes the date line of an official form and the weekday of a local date", () => {
    expect(formatDateLine(new Date("2025-12-31T17:30:00Z"))).toBe("ngày 01 tháng 01 năm 2026");
    expect(formatDateLine("2025-07-14")).toBe("ngày 14 tháng 07 năm 2025");
    expect(formatWeekday("2027-01-01")).toBe("Thứ Sáu");
    expect(formatWeekday("2026-04-26")).toBe("Chủ Nhật");
    expect(formatWeekday("2026-04-27")).toBe("Thứ Hai");
  });

  it("labels processing times", () => {
    expect(formatProcessingTime({ unit: "same_day" })).toBe("Trong ngày");
    expect(formatProcessingTime({ unit: "working_day", value: 7 })).toBe("7 ngày làm việc");
    expect(formatProcessingTime({ unit: "hour", value: 8 })).toBe("8 giờ làm việc");
  });

  it("quotes both channels while the online rate applies, one amount after it ends", () => {
    const at = new Date("2025-12-31T16:59:59Z");
    expect(formatFeeQuote(fees, at)).toBe("Nộp trực tuyến: Miễn phí – nộp trực tiếp: 50.000\u00a0đ");
    expect(formatFeeQuote({ ...fees, online: 50_000 }, at)).toBe("50.000\u00a0đ");
    expect(formatFeeQuote({ ...fees, online: 0, counter: 0 }, at)).toBe("Miễn phí");
    expect(formatFeeQuote({ ...fees, per: "bản", onlineUntil: "2025-12-31" }, at)).toBe(
      "Nộp trực tuyến: Miễn phí – nộp trực tiếp: 50.000\u00a0đ/bản",
    );
    expect(formatFeeQuote({ ...fees, per: "bản", onlineUntil: "2025-12-31" }, new Date("2025-12-31T17:00:00Z"))).toBe(
      "50.000\u00a0đ/bản",
    );
  });

  it("names priority weekdays", () => {
    expect(formatWeekdays([2, 4])).toBe("Thứ Ba và Thứ Năm");
    expect(formatWeekdays([])).toBe("");
  });
});

describe("describeDocument", () => {
  it("names the document, its template and what is asked", () => {
    expect(
      describeDocument({
        name: "Tờ khai thay đổi thông tin cư trú",
        form: "original",
        count: 1,
        required: true,
        template: "CT01",
      }),
    ).toEqual({
      title: "Tờ khai thay đổi thông tin cư trú (mẫu CT01)",
      meta: "Bản chính · 1 bản · Bắt buộc",
    });
    expect(describeDocument({ name: "Giấy ủy quyền", form: "certified_copy", count: 2, required: false })).toEqual({
      title: "Giấy ủy quyền",
      meta: "Bản sao có chứng thực · 2 bản · Nếu có",
    });
  });

  it("writes rates with a comma decimal, whole rates without one, and a dash for no rate", () => {
    expect(formatPercent(0.942)).toBe("94,2%");
    expect(formatPercent(0.94249)).toBe("94,2%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(null)).toBe("—");
  });

  it("writes a month as MM/yyyy", () => {
    expect(formatMonth("2026-03")).toBe("03/2026");
  });
});
