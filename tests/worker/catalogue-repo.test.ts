import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { upsertProcedures } from "../../worker/src/db/repo/catalogue";
import { getPublishedProcedure, searchProcedures } from "../../worker/src/db/repo/procedures";
import { sampleProvince } from "../../worker/src/db/seed/sample-province";
import { seedSampleProvince } from "../../worker/src/db/seed/seed";
import { db } from "./helpers";

const provinceId = sampleProvince.province.id;
const base = sampleProvince.procedures[0]!;
const count = async (table: string) => (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n;
const find = (q: string) => searchProcedures(db(), provinceId, { q, limit: 50 });

describe("catalogue repository", () => {
  it("seeds idempotently, keeping the FTS index in step", async () => {
    const before = { procedures: await count("procedures"), units: await count("units"), fts: await count("procedures_fts") };
    await seedSampleProvince(db());
    await seedSampleProvince(db());
    expect({ procedures: await count("procedures"), units: await count("units"), fts: await count("procedures_fts") }).toEqual(
      before,
    );
    expect(before.fts).toBe(before.procedures);
  });

  it("reindexes a procedure whose name changes", async () => {
    await upsertProcedures(db(), provinceId, [{ ...base, name: "Thủ tục thử nghiệm đổi tên Quỳnh Đào" }]);
    expect((await find("quynh dao")).items.map((i) => i.code)).toEqual([base.code]);
    await upsertProcedures(db(), provinceId, [base]);
    expect((await find("quynh dao")).items).toEqual([]);
  });

  it("publishes only the published version: drafts stay hidden, a new version replaces the old", async () => {
    await upsertProcedures(db(), provinceId, [{ ...base, code: "9.000001", status: "draft", name: "Bản nháp Thủ tục Lạc Việt" }]);
    expect((await find("lac viet")).items).toEqual([]);
    expect(await getPublishedProcedure(db(), provinceId, "9.000001")).toBeUndefined();

    await upsertProcedures(db(), provinceId, [
      { ...base, status: "archived" },
      { ...base, version: base.version + 1, name: `${base.name} (sửa đổi)` },
    ]);
    const detail = await getPublishedProcedure(db(), provinceId, base.code);
    expect(detail?.version).toBe(base.version + 1);
    expect(detail?.name).toBe(`${base.name} (sửa đổi)`);
  });

  it("refuses two published versions of one code", async () => {
    await expect(upsertProcedures(db(), provinceId, [{ ...base, version: base.version + 5 }])).rejects.toThrow();
  });
});
