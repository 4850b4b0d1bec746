import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ProcedureInput, Unit } from "../../shared/src/catalogue/schemas";
import type { CalendarDay } from "../../shared/src/deadline/api";
import type { LifeEventInput, PaperReplacementInput } from "../../shared/src/search/life-events";
import { readCatalogue, SAMPLE_PROVINCE_DIR } from "./read";

/** Changes the data of one file (its parameter is the file's own type). */
type Change = (data: never) => unknown;

const files = (folder: string) => readdirSync(join(SAMPLE_PROVINCE_DIR, folder));

describe("the sample province's data files", () => {
  it("all validate, and every file is read", () => {
    const catalogue = readCatalogue();
    expect(catalogue.province.id).toBe("an-hoa");
    expect(catalogue.procedures.map((p) => `${p.code}.json`).sort()).toEqual(files("procedures").sort());
    const daysInFiles = files("calendar").flatMap(
      (file) => JSON.parse(readFileSync(join(SAMPLE_PROVINCE_DIR, "calendar", file), "utf8")) as unknown[],
    );
    expect(catalogue.calendar.length).toBe(daysInFiles.length);
    expect(catalogue.units.filter((u) => u.kind === "department").length).toBeGreaterThan(0);
    expect(catalogue.procedures.filter((p) => p.unitLevel === "province").length).toBeGreaterThan(0);
  });
});

describe("readCatalogue refuses an invalid data file, naming it", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A copy of the sample province. */
  function copy() {
    dir = mkdtempSync(join(tmpdir(), "catalogue-"));
    cpSync(SAMPLE_PROVINCE_DIR, dir, { recursive: true });
    return dir;
  }
  /** A copy with one file's data changed. */
  function withChange(file: string, change: Change) {
    const path = join(copy(), file);
    writeFileSync(path, JSON.stringify(change(JSON.parse(readFileSync(path, "utf8")) as never)));
    return dir;
  }
  const procedure = `procedures/${files("procedures").sort()[0]}`;
  const provincial = `procedures/${readCatalogue().procedures.find((p) => p.unitLevel === "province")!.code}.json`;

  it.each<[string, string, Change, string]>([
    ["a malformed procedure code", procedure, (p: ProcedureInput) => ({ ...p, code: "1..2" }), "Mã thủ tục không hợp lệ"],
    ["an unknown field", procedure, (p: ProcedureInput) => ({ ...p, fieldId: "khong-co" }), 'không có lĩnh vực "khong-co"'],
    [
      "an unknown competent department",
      provincial,
      (p: ProcedureInput) => ({ ...p, competentUnitId: "so-khong-co" }),
      'không có sở, ngành "so-khong-co"',
    ],
    [
      "a commune-level procedure naming a department",
      procedure,
      (p: ProcedureInput) => ({ ...p, unitLevel: "commune", competentUnitId: "so-tu-phap" }),
      "thủ tục cấp xã không ghi sở, ngành",
    ],
    [
      "a missing fee basis",
      procedure,
      (p: ProcedureInput) => ({ ...p, fees: { ...p.fees, legalBasis: undefined } }),
      "fees.legalBasis",
    ],
    [
      "an unknown parent unit",
      "units.json",
      (units: Unit[]) => units.map((u, i) => (i === 1 ? { ...u, parentId: "khong-co" } : u)),
      'không có đơn vị cha "khong-co"',
    ],
    [
      "a unit given twice",
      "units.json",
      (units: Unit[]) => [...units, { ...units[1], electronicId: "000.99.00.H99" }],
      'Mã đơn vị "so-tu-phap" bị trùng',
    ],
    [
      "an impossible date",
      "calendar/2026.json",
      (days: CalendarDay[]) => [...days, { ...days[0], date: "2026-02-30" }],
      "Ngày không hợp lệ",
    ],
    [
      "a day in the wrong year's file",
      "calendar/2026.json",
      (days: CalendarDay[]) => [...days, { ...days[0], date: "2028-01-03" }],
      "2028-01-03 is another year",
    ],
    ["a day given twice", "calendar/2026.json", (days: CalendarDay[]) => [...days, days[0]], "có hai lần trong lịch"],
    [
      "a life event naming a procedure the catalogue lacks",
      "life-events.json",
      (events: LifeEventInput[]) => events.map((e, i) => (i === 0 ? { ...e, steps: [{ code: "9.999999", note: "" }] } : e)),
      'life-events.json (0.steps.0.code): Sự kiện "sinh-con": không có thủ tục 9.999999',
    ],
    [
      "a paper replaced by a procedure the catalogue lacks",
      "paper-replacements.json",
      (papers: PaperReplacementInput[]) => papers.map((p, i) => (i === 0 ? { ...p, procedureCode: "9.999999" } : p)),
      "không có thủ tục 9.999999",
    ],
  ])("%s", (_, file, change, message) => {
    const problem = (() => {
      try {
        readCatalogue(withChange(file, change));
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    })();
    const line = problem.split("\n").find((l) => l.includes(message));
    expect(line, problem).toBeDefined();
    expect(line!.startsWith(file), line).toBe(true);
  });

  it("a procedure file not named by its code", () => {
    copy();
    const from = join(dir, procedure);
    writeFileSync(join(dir, "procedures/9.999999.json"), readFileSync(from));
    rmSync(from);
    expect(() => readCatalogue(dir)).toThrow(/procedures\/9\.999999\.json: should be named/);
  });

  it("a file that is not JSON", () => {
    writeFileSync(join(copy(), "fields.json"), '[{ "id": "ho-tich", ');
    expect(() => readCatalogue(dir)).toThrow(/fields\.json: .*JSON/);
  });
});
