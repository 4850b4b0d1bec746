import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { type CatalogueExport, MAX_IMPORT_BYTES, MAX_IMPORT_PROCEDURES } from "../../shared/src/admin/exchange";
import type { NationalProcedure } from "../../shared/src/catalogue/national";
import { api, bearer, errorOf, json, signIn } from "./helpers";

const sample = inject("sampleCatalogue");
let auth: Record<string, string>;

beforeAll(async () => {
  auth = bearer(await signIn("quan-tri-tinh"));
});

const exported = async (query = "") => {
  const res = await api(`/api/admin/catalogue/export${query}`, { headers: auth });
  expect(res.status).toBe(200);
  return (await res.json()) as CatalogueExport;
};
const importing = (body: Record<string, unknown>) =>
  api("/api/admin/catalogue/import", json("POST", { reason: "Nhập từ Cơ sở dữ liệu quốc gia", ...body }, auth));
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
/** Everything an import could write: versions, their search index, the record of changes. */
const state = async () => ({
  procedures: (await env.DB.prepare("SELECT * FROM procedures ORDER BY id").all()).results,
  fts: (await env.DB.prepare("SELECT count(*) AS n FROM procedures_fts").first())?.n,
  changes: (await env.DB.prepare("SELECT * FROM admin_changes ORDER BY id").all()).results,
});
let renamed = 0;
/** The same procedures under codes the province does not have yet: a fresh state for each. */
const underNewCodes = (records: NationalProcedure[]) => {
  const prefix = `R${++renamed}`;
  return records.map((r) => ({ ...r, MATTHC: `${prefix}.${r.MATTHC}` }));
};
/** A record as exported, without what the import decides itself (code, stored version and status). */
const comparable = ({ MATTHC: _code, MOTCUA, ...rest }: NationalProcedure) => {
  const { version: _v, status: _s, ...extension } = MOTCUA!;
  return { ...rest, MOTCUA: extension };
};

describe("exporting and importing the catalogue in the national shape", () => {
  // A request per procedure to read each one back: seconds on a busy machine.
  it("round-trips the whole sample catalogue through the database: nothing is lost", { timeout: 30_000 }, async () => {
    const before = await exported();
    const codes = [...new Set(sample.procedures.map((p) => p.code))];
    expect(
      before.procedures
        .map((p) => p.MATTHC)
        .filter((c) => codes.includes(c))
        .sort(),
    ).toEqual(codes.sort());
    const original = before.procedures.filter((p) => codes.includes(p.MATTHC));

    const records = underNewCodes(original);
    const res = await importing({ ...before, procedures: records });
    expect(res.status).toBe(200);
    const result = (await res.json()) as {
      written: number;
      unchanged: number;
      procedures: { version: number; status: string }[];
    };
    expect(result).toMatchObject({ written: original.length, unchanged: 0 });
    expect(new Set(result.procedures.map((p) => `${p.version} ${p.status}`))).toEqual(new Set(["1 draft"]));

    for (const [i, record] of records.entries()) {
      const again = (await exported(`?code=${record.MATTHC}`)).procedures;
      expect(again.length).toBe(1);
      expect(comparable(again[0]!), record.MATTHC).toEqual(comparable(original[i]!));
      expect(again[0]!.MOTCUA).toMatchObject({ version: 1, status: "draft" });
    }
    const recorded = await env.DB.prepare(
      "SELECT action, reason FROM admin_changes WHERE entity = 'catalogue' ORDER BY id DESC",
    ).first();
    expect(recorded).toEqual({ action: "import", reason: "Nhập từ Cơ sở dữ liệu quốc gia" });

    // The same file again finds everything in place and writes nothing.
    const unchanged = await state();
    const retry = await importing({ procedures: records });
    expect(await retry.json()).toMatchObject({ written: 0, unchanged: original.length });
    expect(await state()).toEqual(unchanged);
  });

  it("publishes when asked and valid: the new version replaces the published one residents see", async () => {
    const [record] = (await exported(`?code=${sample.procedures[0]!.code}`)).procedures;
    const changed = { ...record!, TENTTHC: `${record!.TENTTHC} (sửa đổi)` };
    // The sample cites no legal basis, which publishing requires: refused, nothing written.
    const before = await state();
    const refused = await importing({ publish: true, procedures: [{ ...changed, CANCUPHAPLY: [] }] });
    expect(refused.status).toBe(400);
    expect(((await errorOf(refused)).details as { problems: { path: string }[] }[])[0]!.problems.map((p) => p.path)).toContain(
      "decisions",
    );
    expect(await state()).toEqual(before);

    const basis = { SOVANBAN: "01/2025/QĐ-UBND", TENVANBAN: "Quyết định công bố thủ tục hành chính", NGAYBANHANH: "01/07/2025" };
    const res = await importing({ publish: true, procedures: [{ ...changed, CANCUPHAPLY: [basis] }] });
    expect(res.status).toBe(200);
    const { procedures } = (await res.json()) as { procedures: { version: number; status: string }[] };
    expect(procedures[0]).toMatchObject({ status: "published", version: record!.MOTCUA!.version + 1 });
    expect(await (await api(`/api/procedures/${record!.MATTHC}`)).json()).toMatchObject({ name: changed.TENTTHC });
    // Back as it was, for the other tests.
    expect((await importing({ publish: true, procedures: [{ ...record!, CANCUPHAPLY: [basis] }] })).status).toBe(200);
  });

  it("changes nothing when any record is malformed, and reports per procedure what it could not map", async () => {
    const records = underNewCodes((await exported()).procedures.slice(0, 6));
    const broken = copy(records);
    broken[1]!.CACHTHUCTHUCHIEN[0]!.KENH = "Qua Zalo";
    broken[3]!.LINHVUCTHUCHIEN = { MALINHVUC: "khong-co", TENLINHVUC: "Lĩnh vực lạ" };
    broken[3]!.CACHTHUCTHUCHIEN[0]!.THOIGIAN[0]!.DONVITINH = "Tuần";
    (broken[5] as Record<string, unknown>).MOTADOITUONGTHUCHIEN = "Công dân";
    const before = await state();

    const res = await importing({ procedures: broken });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.message).toContain("3 thủ tục");
    expect(error.message).toContain("Chưa có thủ tục nào được ghi");
    const report = error.details as { index: number; code: string; problems: { path: string; message: string }[] }[];
    expect(report.map((r) => [r.index, r.code])).toEqual([
      [1, records[1]!.MATTHC],
      [3, records[3]!.MATTHC],
      [5, records[5]!.MATTHC],
    ]);
    expect(report[0]!.problems).toEqual([
      expect.objectContaining({ path: "CACHTHUCTHUCHIEN.0.KENH", message: expect.stringContaining("Qua Zalo") }),
    ]);
    expect(report[1]!.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(["LINHVUCTHUCHIEN", "CACHTHUCTHUCHIEN.0.THOIGIAN.0.DONVITINH"]),
    );
    expect(report[2]!.problems[0]!.message).toContain("MOTADOITUONGTHUCHIEN");
    expect(await state()).toEqual(before);

    // Not JSON, a record that is not an object, a repeated code, an unknown department: nothing either.
    const notJson = await api("/api/admin/catalogue/import", {
      method: "POST",
      headers: { ...auth, "Content-Type": "application/json" },
      body: "{",
    });
    expect(notJson.status).toBe(400);
    expect((await importing({ procedures: [1] })).status).toBe(400);
    const twice = await importing({ procedures: [records[0], records[0]] });
    expect(((await errorOf(twice)).details as { index: number }[]).map((r) => r.index)).toEqual([1]);
    const province = records.find((r) => r.MOTCUA!.unitLevel === "province")!;
    const gone = await importing({
      procedures: [{ ...province, MOTCUA: { ...province.MOTCUA!, competentUnitId: "so-khong-co" } }],
    });
    expect(((await errorOf(gone)).details as { problems: { path: string }[] }[])[0]!.problems[0]!.path).toBe(
      "MOTCUA.competentUnitId",
    );
    expect(await state()).toEqual(before);
  });

  it("takes 2,000 procedures of the sample's largest size within its body limit, and refuses more than 2,000", async () => {
    const largest = Math.max(...(await exported()).procedures.map((p) => new TextEncoder().encode(JSON.stringify(p)).length));
    expect(largest * MAX_IMPORT_PROCEDURES).toBeLessThan(MAX_IMPORT_BYTES);
    const tooMany = await importing({ procedures: Array.from({ length: MAX_IMPORT_PROCEDURES + 1 }, () => ({})) });
    expect(tooMany.status).toBe(400);
    expect((await errorOf(tooMany)).message).toBeDefined();
  });

  it("exports one procedure by code, and 404 for an unknown one", async () => {
    expect((await exported(`?code=${sample.procedures[0]!.code}`)).procedures.map((p) => p.MATTHC)).toEqual([
      sample.procedures[0]!.code,
    ]);
    expect((await api("/api/admin/catalogue/export?code=9.999999", { headers: auth })).status).toBe(404);
  });
});
