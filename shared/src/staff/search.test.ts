import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldVietnamese } from "../text/fold";
import {
  classifyInboxQuery,
  codeTerms,
  foldName,
  inboxSearchRanges,
  indexedDigits,
  MAX_QUERY_WORDS,
  nameWords,
  prefixEnd,
  SQL_FOLD_REPLACEMENTS,
  sqlFoldSelect,
} from "./search";

describe("inbox search: how a query is read", () => {
  it.each([
    ["nguyen van", ["nguyen", "van"]],
    ["Lan", ["lan"]],
    ["trần thị h", ["tran", "thi", "h"]],
    ["  TRẦN   Thị  ", ["tran", "thi"]],
    ["Đỗ Thùy Dương", ["duong", "thuy", "do"]],
    ["Nguyễn-Văn (An)", ["nguyen", "van", "an"]],
    ["nguyễn nguyen", ["nguyen"]],
  ])("a name: %s", (q, words) => {
    expect(classifyInboxQuery(q)).toEqual({ kind: "name", words });
  });

  it("folds a name typed with decomposed marks like the precomposed one", () => {
    expect(classifyInboxQuery("Trần Thị Hương".normalize("NFD"))).toEqual(classifyInboxQuery("Trần Thị Hương"));
  });

  it.each([
    ["000.21.35.H99-250714-0042", "0002135H992507140042"],
    ["000.21.35.h99", "0002135H99"],
    ["H99-2507", "H992507"],
    ["0002135H99", "0002135H99"],
  ])("a code: %s", (q, prefix) => {
    expect(classifyInboxQuery(q)).toEqual({ kind: "code", prefix });
  });

  it.each([
    ["0912 345", "0912345"],
    ["345678", "345678"],
    ["5678", "5678"],
    ["0912.345.678", "0912345678"],
    ["+84 912 345 678", "0912345678"],
    ["(091) 234-5678", "0912345678"],
    ["250714-0042", "2507140042"],
    ["001190000001", "001190000001"],
  ])("digits: %s", (q, digits) => {
    expect(classifyInboxQuery(q)).toEqual({ kind: "digits", digits });
  });

  it.each(["123", "1 2", "%", "_", "***", '"', "'", "-", "()", ""])("nothing: %j", (q) => {
    expect(classifyInboxQuery(q)).toEqual({ kind: "none" });
    expect(inboxSearchRanges(classifyInboxQuery(q)).prefixes).toEqual([]);
  });

  it("keeps at most the six longest words of a name", () => {
    const search = classifyInboxQuery("a bb ccc dddd eeeee ffffff ggggggg hhhhhhhh");
    expect(search).toEqual({ kind: "name", words: ["hhhhhhhh", "ggggggg", "ffffff", "eeeee", "dddd", "ccc"] });
    expect(MAX_QUERY_WORDS).toBe(6);
  });

  it("reads a name as every word, a code or digits as any of their ranges", () => {
    expect(inboxSearchRanges({ kind: "name", words: ["tran", "h"] })).toEqual({ combine: "all", prefixes: ["n:tran", "n:h"] });
    expect(inboxSearchRanges({ kind: "code", prefix: "H99" })).toEqual({ combine: "any", prefixes: ["c:H99"] });
    expect(inboxSearchRanges({ kind: "digits", digits: "345678" })).toEqual({
      combine: "any",
      prefixes: ["p:345678", "r:876543", "c:345678"],
    });
  });

  it("classifies anything without throwing, and every range is a non-empty prefix of its namespace", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "binary", maxLength: 120 }),
          fc.stringMatching(/^[0-9 .+()\-A-Za-zđĐ"*:^]{0,40}$/),
        ),
        (q) => {
          const { prefixes } = inboxSearchRanges(classifyInboxQuery(q.trim().slice(0, 100)));
          for (const p of prefixes) {
            expect(p).toMatch(/^[ncpr]:.+/s);
            expect(prefixEnd(p) > p).toBe(true);
          }
        },
      ),
    );
  });
});

describe("inbox search: what is indexed", () => {
  it("folds every Vietnamese letter in both cases like the resident search's fold", () => {
    const letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵdđ";
    for (const ch of [...letters, ...letters.toUpperCase()]) expect([ch, foldName(ch)]).toEqual([ch, foldVietnamese(ch)]);
    expect(nameWords("NGUYỄN  Thị-Ánh, (Tuyết).")).toEqual(["nguyen", "thi", "anh", "tuyet"]);
  });

  it("builds the SQL fold within D1's expression depth", () => {
    const sql = sqlFoldSelect("x");
    expect(sql.startsWith("SELECT ")).toBe(true);
    expect(sql).toContain("AS folded");
    // Each nested subquery holds at most 40 replace() calls plus the lower() and three control characters.
    for (const part of sql.split("FROM (")) expect((part.match(/replace\(/g) ?? []).length).toBeLessThanOrEqual(43);
    expect(SQL_FOLD_REPLACEMENTS.length).toBeGreaterThan(40);
  });

  it("indexes a code whole and from its date", () => {
    expect(codeTerms("000.21.35.H99-250714-0042")).toEqual(["0002135H992507140042", "2507140042"]);
  });

  it.each([
    ["0912 345 678", "0912345678"],
    ["+84912345678", "0912345678"],
    ["001190000001", "001190000001"],
    ["123", null],
    ["09x1234567", null],
    ["", null],
    ["1".repeat(21), null],
  ])("indexes the digits of %j", (value, digits) => {
    expect(indexedDigits(value)).toBe(digits);
  });
});
