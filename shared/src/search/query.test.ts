import { describe, expect, it } from "vitest";
import { parseSearchQuery, toColumnFtsExpression, toFtsExpression } from "./query";

const fts = (q: string) => toFtsExpression(parseSearchQuery(q));

describe("parseSearchQuery", () => {
  it("requires every word and makes the last one a prefix", () => {
    expect(fts("dang ky khai s")).toBe('"dang" AND "ky" AND "khai" AND "s"*');
  });

  it("treats accented and unaccented input alike", () => {
    expect(fts("Đăng ký khai sinh")).toBe(fts("dang ky khai sinh"));
  });

  it("expands colloquial phrases to the official wording", () => {
    expect(fts("sổ đỏ")).toBe('("so do" OR "giay chung nhan quyen su dung dat")');
    expect(fts("bang lai")).toBe('("bang lai" OR "giay phep lai xe")');
    expect(fts("xác nhận độc thân")).toBe('("xac nhan doc than" OR "tinh trang hon nhan")');
  });

  it("prefers the longest colloquial phrase", () => {
    expect(fts("sang tên sổ đỏ")).toBe('("sang ten so do" OR "dang ky bien dong")');
  });

  it("drops filler words but keeps a query made only of them", () => {
    expect(fts("làm CCCD")).toBe('("cccd" OR "can cuoc")');
    expect(fts("thủ tục xin giấy phép xây dựng")).toBe('"giay" AND "phep" AND "xay" AND "dung"*');
    expect(fts("làm")).toBe('"lam"');
  });

  it("yields no groups for punctuation only", () => {
    expect(parseSearchQuery("?!%")).toEqual([]);
  });

  it("never lets FTS5 syntax through", () => {
    const expression = fts(`khai" OR sinh* NOT {x} : NEAR(a b)`);
    expect(expression).toBe('"khai" AND "or" AND "sinh" AND "not" AND "x" AND "near" AND "a" AND "b"*');
  });
});

describe("toColumnFtsExpression", () => {
  it("restricts the whole expression to the given columns", () => {
    expect(toColumnFtsExpression(parseSearchQuery("khai sinh"), ["search_name", "search_aliases"])).toBe(
      '{search_name search_aliases} : ("khai" AND "sinh"*)',
    );
  });
});
