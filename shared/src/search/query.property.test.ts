import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldVietnamese, searchTokens } from "../text/fold";
import { Vocabulary } from "./forgiving";
import { parseForgivingQuery, parseSearchQuery, toFtsExpression } from "./query";

describe("search properties (generated input)", () => {
  it("folding is idempotent and yields no combining marks or đ", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (s) => {
        const once = foldVietnamese(s);
        expect(foldVietnamese(once)).toBe(once);
        expect(once).not.toMatch(/[\u0300-\u036f]|đ/u);
      }),
      { numRuns: 2000 },
    );
  });

  it("an FTS5 expression holds only quoted [a-z0-9] phrases joined by AND/OR", () => {
    const shape = /^(\(?"[a-z0-9 ]+"\*?( OR "[a-z0-9 ]+"\*?)*\)?)( AND \(?"[a-z0-9 ]+"\*?( OR "[a-z0-9 ]+"\*?)*\)?)*$/;
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (s) => {
        const groups = parseSearchQuery(s);
        if (groups.length === 0) expect(searchTokens(s)).toEqual([]);
        else expect(toFtsExpression(groups)).toMatch(shape);
      }),
      { numRuns: 2000 },
    );
  });

  it("accented and unaccented spellings of a query parse the same", () => {
    const words = fc.constantFrom("Đăng", "ký", "khai", "sinh", "sổ", "đỏ", "bằng", "lái", "căn", "cước", "hộ", "khẩu", "làm");
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 6 }), (ws) => {
        const text = ws.join(" ");
        expect(parseSearchQuery(foldVietnamese(text))).toEqual(parseSearchQuery(text));
      }),
    );
  });
});

describe("forgiving reading (generated input)", () => {
  const vocabulary = new Vocabulary();
  for (const name of ["Đăng ký khai sinh", "Cấp hộ chiếu phổ thông", "Giấy phép lái xe", "Đăng ký thường trú"])
    vocabulary.addText(name);

  it("never throws and yields only [a-z0-9] tokens, corrections costed", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 100 }), fc.string({ unit: "grapheme", maxLength: 60 })), (s) => {
        const { groups, corrected } = parseForgivingQuery(s, vocabulary);
        for (const g of groups) {
          for (const a of g.alternatives) for (const t of a) expect(t).toMatch(/^[a-z0-9]+$/);
          if (g.costs) expect(g.costs.length).toBe(g.alternatives.length);
        }
        if (corrected !== null) expect(corrected.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
