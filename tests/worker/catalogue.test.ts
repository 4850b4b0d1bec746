import { describe, expect, inject, it } from "vitest";
import { foldVietnamese } from "../../shared/src/text/fold";
import { getJson } from "./helpers";

const sampleProvince = inject("sampleCatalogue");

type Item = {
  code: string;
  name: string;
  field: { id: string };
  level: string;
  unitLevel: string;
  onlineOnly: boolean;
  essential: boolean;
};
type Page = { items: Item[]; nextCursor: string | null };

const published = sampleProvince.procedures.filter((p) => p.status === "published");
const search = (query: string) => getJson<Page>(`/api/procedures?${query}`);
const firstName = async (q: string) => (await search(`q=${encodeURIComponent(q)}`)).body.items[0]?.name ?? "";

describe("GET /api/procedures: listing and pagination", () => {
  it("pages through every published procedure exactly once", async () => {
    const codes: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const { status, body }: { status: number; body: Page } = await search(`limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(7);
      codes.push(...body.items.map((i) => i.code));
      cursor = body.nextCursor;
    }
    expect(codes.length).toBe(published.length);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("returns the fields a list needs", async () => {
    const { body } = await search("limit=1");
    expect(Object.keys(body.items[0] ?? {}).sort()).toEqual(
      ["agency", "code", "essential", "fees", "field", "level", "name", "onlineOnly", "processingTime", "unitLevel"].sort(),
    );
  });
});

describe("GET /api/procedures: Vietnamese search", () => {
  it("finds accented names from unaccented input, đ included", async () => {
    expect(await firstName("dang ky khai sinh")).toBe("Đăng ký khai sinh");
    expect(await firstName("Đăng ký khai sinh")).toBe("Đăng ký khai sinh");
    expect(await firstName("DANG KY KHAI SINH")).toBe("Đăng ký khai sinh");
  });

  it("matches a prefix of the last word while the resident types", async () => {
    const { body } = await search("q=khai%20si");
    expect(body.items.map((i) => i.name)).toContain("Đăng ký khai sinh");
  });

  it("requires every word to match", async () => {
    const { body } = await search("q=khai%20sinh%20zzzqqq");
    expect(body.items).toEqual([]);
  });

  it("understands colloquial names", async () => {
    expect(foldVietnamese(await firstName("so do"))).toMatch(/giay chung nhan quyen su dung dat.*lan dau/);
    expect(foldVietnamese(await firstName("làm sổ đỏ"))).toContain("lan dau");
    expect(foldVietnamese(await firstName("bang lai"))).toContain("giay phep lai xe");
    expect(foldVietnamese(await firstName("làm CCCD"))).toContain("can cuoc");
    expect(foldVietnamese(await firstName("xac nhan doc than"))).toContain("tinh trang hon nhan");
    expect(foldVietnamese(await firstName("giấy không tiền án"))).toContain("ly lich tu phap");
    expect(foldVietnamese(await firstName("cắt khẩu"))).toContain("xoa dang ky thuong tru");
  });

  it("ranks matches in the name before matches only in the body", async () => {
    const { body } = await search("q=khai%20sinh&limit=50");
    const inName = body.items.map((i) => /khai sinh/.test(foldVietnamese(i.name)));
    expect(inName[0]).toBe(true);
    const firstBodyOnly = inName.indexOf(false);
    if (firstBodyOnly >= 0) expect(inName.slice(firstBodyOnly)).not.toContain(true);
  });

  it("answers punctuation-only and operator-laden queries with a result, never a 500", async () => {
    for (const q of [
      "!!!???",
      "***",
      '"',
      'khai" OR sinh*',
      "NEAR(khai sinh)",
      "{search_body}: x",
      "-- ;DROP TABLE procedures",
    ]) {
      const { status, body } = await search(`q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
      expect(Array.isArray(body.items), q).toBe(true);
    }
    expect((await search("q=%21%21%21")).body).toMatchObject({
      items: [],
      nextCursor: null,
      lifeEvents: [],
      replacement: null,
      didYouMean: null,
    });
  });
});

describe("GET /api/procedures: filters", () => {
  it("filters by field, service level, online-only and essential", async () => {
    const field = sampleProvince.fields[0]!.id;
    for (const [query, check] of [
      [`field=${field}`, (i: Item) => i.field.id === field],
      ["level=toan_trinh", (i: Item) => i.level === "toan_trinh"],
      ["level=mot_phan", (i: Item) => i.level === "mot_phan"],
      ["onlineOnly=true", (i: Item) => i.onlineOnly],
      ["essential=true", (i: Item) => i.essential],
      ["essential=false", (i: Item) => !i.essential],
    ] as const) {
      const { status, body } = await search(`${query}&limit=50`);
      expect(status, query).toBe(200);
      expect(body.items.length, query).toBeGreaterThan(0);
      expect(body.items.every(check), query).toBe(true);
    }
  });

  it("filters by unit: a commune gets every commune-level procedure, a department its own", async () => {
    const commune = sampleProvince.units.find((u) => u.kind === "commune")!;
    const communeCount = published.filter((p) => p.unitLevel === "commune").length;
    const { body: c } = await search(`unit=${commune.id}&limit=50`);
    expect(c.items.every((i) => i.unitLevel === "commune")).toBe(true);
    expect(c.items.length).toBe(Math.min(50, communeCount));

    const department = sampleProvince.units.find((u) => published.some((p) => p.competentUnitId === u.id))!;
    const expected = published
      .filter((p) => p.competentUnitId === department.id)
      .map((p) => p.code)
      .sort();
    const { body: d } = await search(`unit=${department.id}&limit=50`);
    expect(d.items.map((i) => i.code).sort()).toEqual(expected);
  });

  it("combines a query with filters", async () => {
    const { body: all } = await search("q=dang%20ky&limit=50");
    const { body } = await search("q=dang%20ky&level=toan_trinh&limit=50");
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.length).toBeLessThan(all.items.length);
    expect(body.items.every((i) => i.level === "toan_trinh")).toBe(true);
    const unfiltered = new Set(all.items.map((i) => i.code));
    expect(body.items.every((i) => unfiltered.has(i.code))).toBe(true);
  });

  it("gives an empty page for an unknown unit", async () => {
    expect((await search("unit=khong-ton-tai")).body).toMatchObject({
      items: [],
      nextCursor: null,
      lifeEvents: [],
      replacement: null,
      didYouMean: null,
    });
  });
});

describe("GET /api/procedures: bad input gets a clear 400", () => {
  it.each([
    ["q too long", `q=${"a".repeat(101)}`, "q"],
    ["too many words", `q=${Array.from({ length: 13 }, (_, i) => `w${i}`).join("%20")}`, "q"],
    ["limit zero", "limit=0", "limit"],
    ["limit too big", "limit=51", "limit"],
    ["limit not a number", "limit=abc", "limit"],
    ["unknown level", "level=cap4", "level"],
    ["bad boolean", "onlineOnly=maybe", "onlineOnly"],
    ["bad cursor", "cursor=-1", "cursor"],
    ["bad field id", "field=Hộ%20tịch", "field"],
  ])("%s", async (_name, query, path) => {
    const { status, body } = await search(query);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: "validation_failed" } });
    const details = (body as unknown as { error: { message: string; details: { path: string; message: string }[] } }).error;
    expect(details.message).toMatch(/không hợp lệ/);
    expect(details.details.map((d) => d.path)).toContain(path);
  });
});

describe("GET /api/procedures/:code", () => {
  it("returns the full detail of a published procedure", async () => {
    const sample = published.find((p) => p.documents.length > 0 && p.competentUnitId)!;
    const { status, body } = await getJson(`/api/procedures/${sample.code}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      code: sample.code,
      name: sample.name,
      version: sample.version,
      documents: sample.documents,
      eform: sample.eform,
      fees: sample.fees,
      processingTime: sample.processingTime,
      competentUnit: { id: sample.competentUnitId },
    });
  });

  it("answers 404 with the envelope for an unknown code and 400 for a malformed one", async () => {
    const missing = await getJson("/api/procedures/9.999999");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: "not_found", message: "Không tìm thấy thủ tục này." } });
    const malformed = await getJson("/api/procedures/%3Cscript%3E");
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("validation_failed");
  });
});

describe("GET /api/fields and /api/units", () => {
  it("lists fields with the number of published procedures in each", async () => {
    const { status, body } = await getJson<{ items: { id: string; name: string; procedureCount: number }[] }>("/api/fields");
    expect(status).toBe(200);
    expect(body.items.length).toBe(sampleProvince.fields.length);
    expect(body.items.reduce((sum, f) => sum + f.procedureCount, 0)).toBe(published.length);
  });

  it("lists units as a tree with priority weekdays", async () => {
    const { body } = await getJson<{
      items: { id: string; parentId: string | null; kind: string; priorityWeekdays: number[] }[];
    }>("/api/units");
    expect(body.items.filter((u) => u.kind === "department").length).toBeGreaterThanOrEqual(10);
    expect(body.items.filter((u) => u.kind === "commune").length).toBeGreaterThanOrEqual(10);
    const ids = new Set(body.items.map((u) => u.id));
    expect(body.items.every((u) => u.parentId === null || ids.has(u.parentId))).toBe(true);
    expect(body.items.some((u) => u.priorityWeekdays.length === 2)).toBe(true);
  });

  it("counts the procedures each unit lists: a department its own, a commune every commune-level one", async () => {
    const { body } = await getJson<{ items: { id: string; kind: string; procedureCount: number }[] }>("/api/units");
    const handledBy = (unit: { id: string; kind: string }) =>
      published.filter((p) => p.competentUnitId === unit.id || (unit.kind === "commune" && p.unitLevel === "commune")).length;
    for (const unit of body.items) expect(unit.procedureCount, unit.id).toBe(handledBy(unit));
    const departments = body.items.filter((u) => u.kind === "department" && u.procedureCount > 0);
    expect(departments.length).toBeGreaterThan(5);

    // The unit's page shows the same count as the list it pages through.
    for (const unit of departments) {
      const page = await getJson<{ procedureCount: number }>(`/api/units/${unit.id}`);
      const listed = await search(`unit=${unit.id}&limit=50`);
      expect(page.body.procedureCount, unit.id).toBe(listed.body.items.length);
    }
  });

  it("returns one unit, or 404", async () => {
    const unit = sampleProvince.units[1]!;
    const { status, body } = await getJson(`/api/units/${unit.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: unit.id, name: unit.name });
    expect((await getJson("/api/units/khong-ton-tai")).status).toBe(404);
    expect((await getJson("/api/units/KHONG%20HOP%20LE")).status).toBe(400);
  });
});
