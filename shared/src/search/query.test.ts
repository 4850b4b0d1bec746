import { describe, expect, it } from "vitest";
import { Vocabulary } from "./forgiving";
import { parseForgivingQuery, parseSearchQuery, toColumnFtsExpression, toFtsExpression } from "./query";

const fts = (q: string) => toFtsExpression(parseSearchQuery(q));

describe("parseSearchQuery", () => {
  it("requires every word and makes the last one a prefix", () => {
    expect(fts("dang ky khai s")).toBe('"dang" AND "ki" AND "khai" AND "s"*');
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
    expect(fts("sang tên sổ đỏ")).toBe('("sang ten so do" OR "dang ki bien dong")');
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

describe("parseSearchQuery with a province's synonyms", () => {
  it("joins them to the built-in ones, the longest key first", () => {
    const extra = [[["giấy chứng sinh", "làm giấy chứng sinh"], ["khai sinh"]]] as const;
    expect(fts("giấy chứng sinh")).toBe('"giay" AND "chung" AND "sinh"*');
    expect(toFtsExpression(parseSearchQuery("giấy chứng sinh", extra))).toBe('("giay chung sinh" OR "khai sinh")');
    expect(toFtsExpression(parseSearchQuery("sổ đỏ", extra))).toBe(fts("sổ đỏ"));
  });
});

describe("parseForgivingQuery", () => {
  const vocabulary = new Vocabulary();
  for (const name of [
    "Đăng ký khai sinh",
    "Đăng ký thường trú",
    "Cấp hộ chiếu phổ thông",
    "Giấy khai sinh",
    "Cấp giấy phép lái xe",
    "Đăng ký thành lập hộ kinh doanh",
  ])
    vocabulary.addText(name);
  const read = (q: string) => parseForgivingQuery(q, vocabulary);
  const words = (q: string) => read(q).groups.map((g) => g.alternatives.map((a) => a.join(" ")).join("|"));

  it("leaves a query of catalogue words as it is, and says nothing", () => {
    expect(read("đăng kí khai sinh")).toEqual({ groups: parseSearchQuery("đăng ký khai sinh"), corrected: null });
    expect(read("dang ky khai si").corrected).toBeNull();
  });

  it("reads Telex leftovers", () => {
    expect(words("ddawng kys khai sinhf")).toEqual(["dang", "ki", "khai", "sinh"]);
    expect(words("thuowng truus")).toEqual(["thuong", "tru"]);
    expect(words("hoj chieeus")).toEqual(["ho chieu"]);
    expect(words("ddaang")).toEqual(["dang"]);
    expect(read("ddawng kys khai sinhf").corrected).toBe("đăng ký khai sinh");
  });

  it("reads VNI leftovers", () => {
    expect(words("d9a8ng ky1")).toEqual(["dang", "ki"]);
    expect(words("dang ky1 khai sinh")).toEqual(["dang", "ki", "khai", "sinh"]);
  });

  it("splits words typed together", () => {
    expect(words("dangky khaisinh")).toEqual(["dang", "ki", "khai", "sinh"]);
    expect(words("giaykhaisinh")).toEqual(["giay khai sinh|khai sinh"]);
    expect(read("dangky khaisinh").corrected).toBe("đăng ký khai sinh");
  });

  it("corrects one typo in a word of 4 letters or more, at a cost", () => {
    expect(read("dang ky khai sinhh").groups.at(-1)).toEqual({ alternatives: [["sinh"]], prefix: false, costs: [1] });
    expect(read("dagn ky").corrected).toBe("đăng ký");
    expect(words("dng ky")).toEqual(["dang", "ki"]);
    expect(words("tma tru")).toEqual(["tma", "tru"]);
  });

  it("keeps abbreviations, and reads them after a correction too", () => {
    expect(words("GPLX")).toEqual(["gplx|giay phep lai xe"]);
    expect(words("làm CCCD")).toEqual(["cccd|can cuoc"]);
    expect(words("HKD")).toEqual(["hkd|ho kinh doanh"]);
    expect(words("gks")).toEqual(["gks|khai sinh"]);
    for (const abbreviation of ["CMND", "QSDĐ", "BHXH", "BHYT", "LLTP"])
      expect(read(abbreviation).corrected, abbreviation).toBeNull();
  });

  it("answers a word nothing explains unchanged, with no suggestion", () => {
    expect(read("zzqqxx")).toEqual({ groups: [{ alternatives: [["zzqqxx"]], prefix: true }], corrected: null });
  });
});
