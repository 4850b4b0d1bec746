import { describe, expect, it } from "vitest";
import { MAX_UNMATCHED_WORDS, unmatchedQueryKey } from "./unmatched";

describe("what is kept of a query that found nothing", () => {
  it("folds what residents look for", () => {
    expect(unmatchedQueryKey("Giấy báo hỉ")).toBe("giay bao hi");
    expect(unmatchedQueryKey("  xin   giấy đi đường  ")).toBe("xin giay di duong");
    expect(unmatchedQueryKey("đổi GPLX ở đâu")).toBe("doi gplx o dau");
  });

  it("drops numbers, phone numbers, dates, ids and codes", () => {
    expect(unmatchedQueryKey("hồ sơ 000.00.01.H99-261122-0001")).toBe("ho so");
    expect(unmatchedQueryKey("gọi 0912 345 678 giấy báo hỉ")).toBe("goi giay bao hi");
    expect(unmatchedQueryKey("giấy báo hỉ +84912345678")).toBe("giay bao hi");
    expect(unmatchedQueryKey("căn cước 001190000001")).toBe("can cuoc");
    expect(unmatchedQueryKey("ngày 12/03/2026 giấy báo hỉ")).toBe("ngay giay bao hi");
    expect(unmatchedQueryKey("thủ tục 1.001193 CT07")).toBe("thu tuc");
    expect(unmatchedQueryKey("token abcdefghijklmnopqrstuvwxyz")).toBe("token");
  });

  it("drops capitalised names in the raw text, keeps abbreviations and a capital at the start", () => {
    expect(unmatchedQueryKey("giấy báo hỉ cho Nguyễn Văn An")).toBe("giay bao hi cho");
    expect(unmatchedQueryKey("Trần Thị Bình giấy báo hỉ")).toBe("giay bao hi");
    expect(unmatchedQueryKey("khai sinh cho bé An")).toBe("khai sinh cho be");
    expect(unmatchedQueryKey("Nguyễn Văn A xin giấy")).toBe("xin giay");
    expect(unmatchedQueryKey("Giấy báo hỉ BHXH")).toBe("giay bao hi bhxh");
  });

  it("drops e-mail and web addresses", () => {
    expect(unmatchedQueryKey("gửi an.nguyen@example.com giấy báo hỉ")).toBe("gui giay bao hi");
    expect(unmatchedQueryKey("https://example.com/x giấy báo hỉ")).toBe("giay bao hi");
  });

  it("keeps nothing of very long input, of shouting, or when nothing is left", () => {
    expect(unmatchedQueryKey("giấy ".repeat(30))).toBeNull();
    expect(unmatchedQueryKey(Array.from({ length: MAX_UNMATCHED_WORDS + 1 }, (_, i) => `tu${"abcdefghij"[i]}`).join(" "))).toBe(
      null,
    );
    expect(unmatchedQueryKey("NGUYEN VAN AN XIN GIAY")).toBeNull();
    expect(unmatchedQueryKey("0912345678")).toBeNull();
    expect(unmatchedQueryKey("Nguyễn Văn An")).toBeNull();
    expect(unmatchedQueryKey("!!! ???")).toBeNull();
  });
});
