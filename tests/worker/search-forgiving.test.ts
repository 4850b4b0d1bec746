import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { prng } from "../../scripts/seed/synthetic";
import type { ProcedureSearchPage } from "../../shared/src/catalogue/api";
import { foldVietnamese } from "../../shared/src/text/fold";
import { searchProcedures } from "../../worker/src/db/repo/procedures";
import { MISSPELLING_KINDS, type MisspellingKind, misspell, typedWords } from "../support/misspellings";
import { db, getJson } from "./helpers";

const sample = inject("sampleCatalogue");
const published = sample.procedures.filter((p) => p.status === "published");
const search = (q: string, limit = 3) =>
  getJson<ProcedureSearchPage>(`/api/procedures?q=${encodeURIComponent(q)}&limit=${limit}`);

/** The words a query is made of: procedures whose first words are the same are equally right answers. */
const key = (name: string) => typedWords(name).map(foldVietnamese).join(" ");

// First in the file: this isolate has no index yet.
describe("a cold isolate", () => {
  it("answers from FTS5 at once and builds its index after the answer", async () => {
    const background: Promise<unknown>[] = [];
    const first = await searchProcedures(
      db(),
      sample.province.id,
      { q: "dang ky khai sinh", limit: 3 },
      {
        background: (work) => background.push(work),
      },
    );
    expect(first.provisional).toBe(true);
    expect(first.page.items[0]?.name).toBe("Đăng ký khai sinh");
    expect(first.page.didYouMean).toBeNull();
    expect(background).toHaveLength(1);
    await Promise.all(background);
    const next = await searchProcedures(
      db(),
      sample.province.id,
      { q: "dang kí khai sinhh", limit: 3 },
      {
        background: (work) => background.push(work),
      },
    );
    expect(next.provisional).toBeUndefined();
    expect(next.page.items[0]?.name).toBe("Đăng ký khai sinh");
    expect(next.page.didYouMean).toBe("đăng ký khai sinh");
    expect(background).toHaveLength(1);
  });
});

describe("GET /api/procedures forgives how residents type", () => {
  it("leads to the right procedure in the top 3 for at least 95% of generated misspellings", async () => {
    const rnd = prng(1414);
    const cases: { kind: MisspellingKind; name: string; q: string }[] = [];
    for (const p of published)
      for (const kind of MISSPELLING_KINDS) {
        const q = misspell(p.name, kind, rnd);
        if (q) cases.push({ kind, name: p.name, q });
      }
    expect(cases.length).toBeGreaterThan(300);
    const misses: string[] = [];
    for (const c of cases) {
      const { status, body } = await search(c.q);
      expect(status, c.q).toBe(200);
      if (!body.items.some((i) => key(i.name) === key(c.name)))
        misses.push(`${c.kind}: "${c.q}" → ${body.items.map((i) => i.name).join(" | ") || "nothing"} (wanted ${c.name})`);
    }
    const rate = 1 - misses.length / cases.length;
    console.log(
      `Misspellings reaching the right procedure in the top 3: ${cases.length - misses.length}/${cases.length} (${(rate * 100).toFixed(1)}%)`,
    );
    if (misses.length > 0) console.log(`Misses:\n${misses.join("\n")}`);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  }, 120_000);

  it("puts the exact name first and suggests the corrected query in the catalogue's spelling", async () => {
    const exact = await search("dang ky khai sinh");
    expect(exact.body.items[0]?.name).toBe("Đăng ký khai sinh");
    expect(exact.body.didYouMean).toBeNull();
    for (const q of ["dang kí khai sinhh", "ddawng kys khai sinh", "d9a8ng ky1 khai sinh", "dangky khaisinh"]) {
      const { body } = await search(q);
      expect(body.items[0]?.name, q).toBe("Đăng ký khai sinh");
      expect(body.didYouMean, q).toBe("đăng ký khai sinh");
    }
    expect((await search("đăng kí khai sinh")).body.didYouMean).toBeNull();
  });

  it("keeps abbreviations working", async () => {
    for (const [q, expected] of [
      ["GPLX", "giay phep lai xe"],
      ["CCCD", "can cuoc"],
      ["CMND", "can cuoc"],
      ["LLTP", "ly lich tu phap"],
      ["HKD", "ho kinh doanh"],
      ["GKS", "khai sinh"],
    ] as const) {
      const { body } = await search(q);
      expect(foldVietnamese(body.items[0]?.name ?? ""), q).toContain(expected);
    }
  });

  it("takes a province's own synonyms beside the built-in ones", async () => {
    const q = { q: "giấy chào đời", limit: 5 };
    expect((await searchProcedures(db(), sample.province.id, q)).page.items[0]?.name).not.toBe("Đăng ký khai sinh");
    const { page } = await searchProcedures(db(), sample.province.id, q, {
      synonyms: [[["giấy chào đời"], ["khai sinh"]]],
    });
    expect(page.items[0]?.name).toBe("Đăng ký khai sinh");
  });
});

// Misspellings, garbage, very long input, unicode and FTS5 syntax, mixed: what the box can receive.
const words = published.map((p) => p.name);
const anyQuery = fc.oneof(
  fc
    .tuple(fc.constantFrom(...words), fc.constantFrom(...MISSPELLING_KINDS), fc.integer())
    .map(([name, kind, seed]) => misspell(name, kind, prng(seed)) ?? name),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc
    .array(
      fc.constantFrom(
        "đăng",
        "kys",
        "d9a8ng",
        "NEAR",
        "NEAR/2",
        "*",
        "-",
        "^",
        '"',
        "'",
        "(",
        ")",
        ":",
        "AND",
        "OR",
        "NOT",
        "{}",
        "khaisinh",
        "\u0000",
        "🙂",
        "ｆｕｌｌ",
      ),
      { maxLength: 14 },
    )
    .map((w) => w.join(" ")),
  fc.string({ maxLength: 20 }).map((s) => s.repeat(20)),
);

describe("GET /api/procedures with generated queries of every class", () => {
  it("never answers 5xx: 200 with a page and didYouMean, or 400 with the error envelope", async () => {
    await fc.assert(
      fc.asyncProperty(anyQuery, async (q) => {
        const { status, body } = await getJson(`/api/procedures?q=${encodeURIComponent(q)}`);
        if (status === 200) return Array.isArray(body.items) && (body.didYouMean === null || typeof body.didYouMean === "string");
        return status === 400 && body.error?.code === "validation_failed";
      }),
      { numRuns: 400 },
    );
  }, 120_000);
});
