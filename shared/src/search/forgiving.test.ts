import { describe, expect, it } from "vitest";
import { editDistance, fromTelex, fromVni, MIN_TYPO_LENGTH, Vocabulary } from "./forgiving";

function vocabulary(...texts: string[]) {
  const v = new Vocabulary();
  for (const t of texts) v.addText(t);
  return v;
}

describe("fromTelex", () => {
  it("reads the mark and tone letters back", () => {
    expect(fromTelex("ddawng")).toBe("dang");
    expect(fromTelex("kys")).toBe("ki");
    expect(fromTelex("thuowng")).toBe("thuong");
    expect(fromTelex("thuwowngf")).toBe("thuong");
    expect(fromTelex("sinhf")).toBe("sinh");
    expect(fromTelex("hoj")).toBe("ho");
    expect(fromTelex("chieeus")).toBe("chieu");
    expect(fromTelex("ddaang")).toBe("dang");
    expect(fromTelex("nhw")).toBe("nhu");
  });

  it("keeps initial consonants that are also tone letters (s, r, x, tr) and answers null when nothing changes", () => {
    expect(fromTelex("sinh")).toBeNull();
    expect(fromTelex("xac")).toBeNull();
    expect(fromTelex("rut")).toBeNull();
    expect(fromTelex("trus")).toBe("tru");
    expect(fromTelex("xaxs")).toBe("xa");
    expect(fromTelex("1234")).toBeNull();
  });
});

describe("fromVni", () => {
  it("drops the tone and mark digits typed after letters", () => {
    expect(fromVni("d9a8ng")).toBe("dang");
    expect(fromVni("ky1")).toBe("ki");
    expect(fromVni("thu7o7ng2")).toBe("thuong");
  });

  it("leaves numbers and codes alone (0 is no VNI key; a token must start with a letter)", () => {
    expect(fromVni("ct07")).toBeNull();
    expect(fromVni("004222")).toBeNull();
    expect(fromVni("1a")).toBeNull();
    expect(fromVni("dang")).toBeNull();
  });
});

describe("editDistance", () => {
  it("counts each edit kind as one, a transposition included", () => {
    expect(editDistance("sinh", "sinh")).toBe(0);
    expect(editDistance("sinhh", "sinh")).toBe(1); // insertion
    expect(editDistance("sih", "sinh")).toBe(1); // deletion
    expect(editDistance("sinj", "sinh")).toBe(1); // substitution
    expect(editDistance("sinh", "snih")).toBe(1); // transposition
    expect(editDistance("sniuh", "sinh")).toBe(2);
    expect(editDistance("abcdef", "a")).toBe(2);
  });
});

describe("Vocabulary.typos", () => {
  const v = vocabulary("Đăng ký khai sinh", "Cấp hộ chiếu", "Đăng ký thường trú", "Đăng ký tạm trú", "Chứng thực");

  it("finds the term one insertion, deletion, substitution or transposition away", () => {
    expect(v.typos("sinhh")).toEqual(["sinh"]);
    expect(v.typos("chiu")).toEqual(["chieu"]);
    expect(v.typos("sinj")).toEqual(["sinh"]);
    expect(v.typos("khia")).toEqual(["khai"]);
    expect(v.typos("thoung")).toEqual(["thuong"]);
  });

  it(`forgives a typo only against a word of ${MIN_TYPO_LENGTH} letters or more`, () => {
    expect(v.typos("dng")).toEqual(["dang"]);
    expect(v.typos("tma")).toEqual([]); // "tạm" has 3 letters
    expect(v.typos("kyy")).toEqual([]);
    expect(v.typos("ho")).toEqual([]);
  });

  it("refuses two edits", () => {
    expect(v.typos("snihh")).toEqual([]);
    expect(v.typos("khsia")).toEqual([]);
    expect(v.typos("cheiuu")).toEqual([]);
  });

  it("ranks the most used candidate first", () => {
    const w = vocabulary("sinh sinh sinh", "sing");
    expect(w.typos("sinf")).toEqual(["sinh", "sing"]);
  });
});

describe("Vocabulary.split", () => {
  const v = vocabulary("Đăng ký khai sinh", "Giấy khai sinh", "Cấp hộ chiếu");

  it("splits words typed together into catalogue words, i/y folded", () => {
    expect(v.split("dangky")).toEqual(["dang", "ki"]);
    expect(v.split("khaisinh")).toEqual(["khai", "sinh"]);
    expect(v.split("giaykhaisinh")).toEqual(["giay", "khai", "sinh"]);
  });

  it("answers null for a single word or an unknown run", () => {
    expect(v.split("sinh")).toBeNull();
    expect(v.split("zzzzqq")).toBeNull();
  });
});

describe("Vocabulary.display", () => {
  it("gives the catalogue's most used spelling of a folded term", () => {
    const v = vocabulary("Đăng ký khai sinh", "Đăng ký kết hôn", "đăng kí");
    expect(v.display("ki")).toBe("ký");
    expect(v.display("dang")).toBe("đăng");
    expect(v.display("zz")).toBe("zz");
  });
});
