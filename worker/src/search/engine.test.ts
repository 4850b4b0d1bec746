import { describe, expect, it } from "vitest";
import { parseForgivingQuery } from "../../../shared/src/search/query";
import { foldForIndex } from "../../../shared/src/text/fold";
import { type IndexedProcedure, SearchEngine } from "./engine";

let nextId = 1;
function procedure(name: string, extra: Partial<IndexedProcedure> & { aliases?: string; body?: string } = {}): IndexedProcedure {
  const { aliases = "", body = "", ...rest } = extra;
  return {
    id: nextId++,
    name,
    searchName: foldForIndex(name),
    searchAliases: foldForIndex(aliases),
    searchBody: foldForIndex(body),
    fieldId: "ho-tich",
    level: "toan_trinh",
    unitLevel: "commune",
    competentUnitId: null,
    onlineOnly: false,
    essential: false,
    popularity: 0,
    ...rest,
  };
}

function engineOf(...docs: IndexedProcedure[]) {
  const engine = new SearchEngine();
  for (const d of docs) engine.add(d);
  const names = new Map(docs.map((d) => [d.id, d.name]));
  const find = (q: string, limit = 10) =>
    engine.search(parseForgivingQuery(q, engine.vocabulary).groups, {}, 0, limit).ids.map((id) => names.get(id));
  return { engine, find };
}

describe("SearchEngine ranking", () => {
  const { find } = engineOf(
    procedure("Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con", { popularity: 990 }),
    procedure("Đăng ký lại khai sinh", { popularity: 900 }),
    procedure("Đăng ký khai sinh", { popularity: 10 }),
    procedure("Cấp bản sao trích lục", { body: "khai sinh đăng ký", popularity: 999 }),
    procedure("Đăng ký khai tử", { aliases: "giấy báo tử", popularity: 500 }),
  );

  it("puts the exact name first, however popular the others", () => {
    expect(find("dang ky khai sinh")[0]).toBe("Đăng ký khai sinh");
    expect(find("Đăng kí khai sinh")[0]).toBe("Đăng ký khai sinh");
  });

  it("puts a near-exact name (the query once corrected) first too", () => {
    expect(find("dang ky khai sinhh")[0]).toBe("Đăng ký khai sinh");
    expect(find("ddawng kys khai sinh")[0]).toBe("Đăng ký khai sinh");
  });

  it("ranks name matches before alias matches before body-only matches", () => {
    const names = find("khai sinh");
    expect(names.indexOf("Cấp bản sao trích lục")).toBe(names.length - 1);
    expect(find("bao tu")).toEqual(["Đăng ký khai tử"]);
  });

  it("requires every word, the last one as a prefix", () => {
    expect(find("khai si")).toContain("Đăng ký khai sinh");
    expect(find("khai sinh zzzq")).toEqual([]);
  });
});

describe("SearchEngine: corrected words rank below exact ones", () => {
  it("marks a typo'd word's alternatives with a cost", () => {
    const { engine } = engineOf(procedure("Đăng ký thường trú"));
    expect(parseForgivingQuery("thuogn tru", engine.vocabulary).groups[0]).toEqual({
      alternatives: [["thuong"]],
      prefix: false,
      costs: [1],
    });
  });

  it("ranks a match through a corrected alternative after an exact one, however popular", () => {
    const exact = procedure("Đăng ký thường trú", { popularity: 0 });
    const corrected = procedure("Đăng ký thuận tình", { popularity: 999 });
    const { engine } = engineOf(corrected, exact);
    const groups = [{ alternatives: [["thuan"], ["thuong"]], prefix: false, costs: [1, 0] }];
    expect(engine.search(groups, {}, 0, 10).ids).toEqual([exact.id, corrected.id]);
  });
});

describe("SearchEngine filters, paging and freshness", () => {
  const a = procedure("Cấp giấy phép xây dựng", { fieldId: "xay-dung", level: "mot_phan", popularity: 5 });
  const b = procedure("Cấp giấy phép lái xe", { fieldId: "giao-thong", onlineOnly: true, popularity: 9 });
  const c = procedure("Cấp giấy phép kinh doanh", { unitLevel: "province", competentUnitId: "so-cong-thuong", popularity: 7 });

  it("filters by field, level, online-only and unit", () => {
    const { engine } = engineOf(a, b, c);
    const groups = parseForgivingQuery("giay phep", engine.vocabulary).groups;
    const ids = (f: Parameters<SearchEngine["search"]>[1]) => engine.search(groups, f, 0, 10).ids;
    expect(ids({ fieldId: "xay-dung" })).toEqual([a.id]);
    expect(ids({ level: "mot_phan" })).toEqual([a.id]);
    expect(ids({ onlineOnly: true })).toEqual([b.id]);
    expect(ids({ unit: { kind: "department", id: "so-cong-thuong" } })).toEqual([c.id]);
    expect(ids({ unit: { kind: "commune" } }).sort()).toEqual([a.id, b.id].sort());
  });

  it("lists by popularity without a query and pages without repeats", () => {
    const { engine } = engineOf(a, b, c);
    expect(engine.list({}, 0, 2)).toEqual({ ids: [b.id, c.id], hasMore: true });
    expect(engine.list({}, 2, 2)).toEqual({ ids: [a.id], hasMore: false });
  });

  it("forgets a removed procedure and finds a replaced one under its new name", () => {
    const { engine } = engineOf(a, b, c);
    engine.remove(b.id);
    expect(engine.list({}, 0, 10).ids).not.toContain(b.id);
    engine.add({ ...a, name: "Cấp phép đào đường", searchName: foldForIndex("Cấp phép đào đường") });
    const find = (q: string) => engine.search(parseForgivingQuery(q, engine.vocabulary).groups, {}, 0, 10).ids;
    expect(find("dao duong")).toEqual([a.id]);
    expect(find("xay dung")).toEqual([]);
  });
});
