import { describe, expect, it } from "vitest";
import { readCatalogue } from "../../../scripts/seed/read";
import { foldPhrases, LifeEventInput, matchByPhrases, PaperReplacementInput, phraseMatch } from "./life-events";

const { lifeEvents, paperReplacements } = readCatalogue();
const events = lifeEvents.map((e) => ({ slug: e.slug, phrases: foldPhrases(e.phrases) }));
const papers = paperReplacements.map((p) => ({ slug: p.slug, phrases: foldPhrases(p.phrases) }));
const eventFor = (q: string) => matchByPhrases(q, events, 2).map((e) => e.slug);
const paperFor = (q: string) => matchByPhrases(q, papers, 1).map((p) => p.slug);

describe("life events are reached by the phrases residents type", () => {
  it.each([
    ["vừa sinh con", "sinh-con"],
    ["VUA SINH CON", "sinh-con"],
    ["vua sinh con xong can lam gi", "sinh-con"],
    ["có con nhỏ", "sinh-con"],
    ["người nhà mất", "nguoi-than-mat"],
    ["nguoi than qua doi", "nguoi-than-mat"],
    ["bị mất giấy tờ", "mat-giay-to"],
    ["chuyển nhà", "chuyen-nha"],
    ["sắp nghỉ hưu", "nghi-huu"],
    ["mở quán cà phê", "mo-quan"],
    ["cưới vợ", "ket-hon"],
    ["xin phép xây nhà", "xay-nha"],
  ])("%s → %s", (query, slug) => {
    expect(eventFor(query)[0]).toBe(slug);
  });

  it("matches whole words in sequence, not parts of words or scattered words", () => {
    expect(eventFor("sinh")).toEqual([]);
    expect(eventFor("con sinh")).toEqual([]);
    expect(eventFor("sinh conan")).toEqual([]);
    expect(eventFor("đăng ký khai sinh")).toEqual([]);
    expect(eventFor("")).toEqual([]);
    expect(eventFor("!!!")).toEqual([]);
  });

  it("puts the event of the longest phrase first", () => {
    // "mẹ mất" (a death) and "mất giấy tờ" (lost papers): the longer phrase leads.
    expect(eventFor("mẹ mất giấy tờ")).toEqual(["mat-giay-to", "nguoi-than-mat"]);
    expect(phraseMatch(["vua", "sinh", "con"], foldPhrases(["sinh con", "vừa sinh con"]))).toBe(3);
  });
});

describe("abolished or renamed papers", () => {
  it.each([
    ["sổ hộ khẩu", "so-ho-khau"],
    ["lam lai so ho khau", "so-ho-khau"],
    ["hộ khẩu giấy", "so-ho-khau"],
    ["sổ tạm trú", "so-ho-khau"],
    ["CMND", "cmnd"],
    ["đổi chứng minh nhân dân", "cmnd"],
    ["làm căn cước công dân", "can-cuoc-cong-dan"],
    ["làm CCCD", "can-cuoc-cong-dan"],
  ])("%s → %s", (query, slug) => {
    expect(paperFor(query)).toEqual([slug]);
  });

  it("leaves the papers that still exist alone", () => {
    expect(paperFor("nhập hộ khẩu")).toEqual([]);
    expect(paperFor("làm lại căn cước")).toEqual([]);
    expect(paperFor("đăng ký tạm trú")).toEqual([]);
  });
});

describe("the data schemas", () => {
  const event = lifeEvents[0]!;
  it("refuse a phrase given twice (folded), a procedure twice and a bad slug", () => {
    expect(LifeEventInput.safeParse({ ...event, phrases: ["sinh con", "Sinh Con"] }).success).toBe(false);
    expect(LifeEventInput.safeParse({ ...event, steps: [event.steps[0], event.steps[0]] }).success).toBe(false);
    expect(LifeEventInput.safeParse({ ...event, slug: "Sinh con" }).success).toBe(false);
    expect(LifeEventInput.safeParse({ ...event, phrases: ["!!"] }).success).toBe(false);
    expect(LifeEventInput.safeParse(event).success).toBe(true);
  });

  it("keep the sample data honest: every paper names its legal basis, unverified ones say so", () => {
    for (const p of paperReplacements) {
      expect(PaperReplacementInput.parse(p).source.length).toBeGreaterThan(5);
      if (!p.verified) expect(p.source).toMatch(/chưa đối chiếu/);
    }
  });
});
