import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { loadCatalogue } from "../../scripts/seed/load";
import { putCalendarDay } from "../../worker/src/db/repo/calendar";
import { publishProcedureVersions } from "../../worker/src/db/repo/catalogue";
import { getPublishedProcedure, searchProcedures } from "../../worker/src/db/repo/procedures";
import { db, signIn } from "./helpers";

const sample = inject("sampleCatalogue");
const provinceId = sample.province.id;
const base = sample.procedures[0]!;
const rows = async (query: string) => (await env.DB.prepare(query).all()).results;
const find = async (q: string) => (await searchProcedures(db(), provinceId, { q, limit: 50 })).page;

/** Everything loading writes, except the time of writing. */
async function catalogueState() {
  return {
    provinces: await rows("SELECT * FROM provinces ORDER BY id"),
    units: await rows("SELECT * FROM units ORDER BY id"),
    fields: await rows("SELECT * FROM fields ORDER BY id"),
    procedures: (await rows("SELECT * FROM procedures ORDER BY id")).map(({ updated_at, ...row }) => row),
    fts: await rows("SELECT rowid, * FROM procedures_fts ORDER BY rowid"),
    calendar: await rows("SELECT province_id, date, kind, name, source, verified FROM calendar_days ORDER BY date"),
  };
}

describe("loading the sample province", () => {
  it("writes every data file's row, and a second load changes nothing", async () => {
    const before = await catalogueState();
    expect(before.units.length).toBe(sample.units.length);
    expect(before.fields.length).toBe(sample.fields.length);
    expect(before.procedures.map((p) => p.code).sort()).toEqual(sample.procedures.map((p) => p.code).sort());
    expect(before.fts.length).toBe(before.procedures.length);
    expect(before.calendar.map((d) => d.date)).toEqual(sample.calendar.map((d) => d.date).sort());

    await loadCatalogue(db(), sample);
    await loadCatalogue(db(), sample);
    expect(await catalogueState()).toEqual(before);
  });

  it("keeps an admin's correction of a calendar day", async () => {
    const day = sample.calendar[0]!;
    const admin = (await signIn("quan-tri-tinh")).user.id;
    await putCalendarDay(db(), provinceId, { ...day, name: "Tết Dương lịch (đã đối chiếu)", verified: true }, admin);
    await loadCatalogue(db(), sample);
    expect(await rows(`SELECT name, verified FROM calendar_days WHERE date = '${day.date}'`)).toEqual([
      { name: "Tết Dương lịch (đã đối chiếu)", verified: 1 },
    ]);
  });
});

describe("publishing procedure versions", () => {
  it("reindexes a procedure whose name changes", async () => {
    await publishProcedureVersions(db(), provinceId, [{ ...base, name: "Thủ tục thử nghiệm đổi tên Quỳnh Đào" }]);
    expect((await find("quynh dao")).items.map((i) => i.code)).toEqual([base.code]);
    await publishProcedureVersions(db(), provinceId, [base]);
    expect((await find("quynh dao")).items).toEqual([]);
  });

  it("keeps drafts hidden", async () => {
    await publishProcedureVersions(db(), provinceId, [
      { ...base, code: "9.000001", status: "draft", name: "Bản nháp Thủ tục Lạc Việt" },
    ]);
    expect((await find("lac viet")).items).toEqual([]);
    expect(await getPublishedProcedure(db(), provinceId, "9.000001")).toBeUndefined();
  });

  it("archives the published version when a new one is published, in one step", async () => {
    const next = { ...base, version: base.version + 1, name: `${base.name} (sửa đổi)` };
    await publishProcedureVersions(db(), provinceId, [next]);
    const detail = await getPublishedProcedure(db(), provinceId, base.code);
    expect(detail?.version).toBe(next.version);
    expect(detail?.name).toBe(next.name);
    expect(await rows(`SELECT version, status FROM procedures WHERE code = '${base.code}' ORDER BY version`)).toEqual([
      { version: base.version, status: "archived" },
      { version: next.version, status: "published" },
    ]);

    // Publishing the first version again brings it back and archives the second.
    await publishProcedureVersions(db(), provinceId, [base]);
    expect((await getPublishedProcedure(db(), provinceId, base.code))?.version).toBe(base.version);
  });
});
