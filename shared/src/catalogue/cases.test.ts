import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { casesFromColumns, feeTermsOf, firstCaseColumns, storedCases } from "./cases";
import { type ProcedureCase, ProcedureInput } from "./schemas";

const seedDir = join(import.meta.dirname, "../../../scripts/seed/an-hoa/procedures");
const seed = readdirSync(seedDir).map((name) => ProcedureInput.parse(JSON.parse(readFileSync(join(seedDir, name), "utf8"))));

const passport: ProcedureCase[] = [
  {
    id: "trong-nuoc",
    name: "Cấp lần đầu trong nước",
    channels: [
      { channel: "online", processingTime: { unit: "working_day", value: 8 }, fee: 180_000, feeNote: "Giảm khi nộp trực tuyến" },
      { channel: "counter", processingTime: { unit: "working_day", value: 8 }, fee: 200_000 },
    ],
    documents: [{ name: "Tờ khai TK01", form: "original", count: 1, required: true }],
  },
  {
    id: "mat-ho-chieu",
    name: "Cấp lại do bị mất",
    channels: [{ channel: "counter", processingTime: { unit: "working_day", value: 15 }, fee: 400_000 }],
    documents: [],
  },
];

describe("the first case's columns", () => {
  it("quote the first case's counter and online fees, the counter's time and the first case's documents", () => {
    const columns = firstCaseColumns(passport, { legalBasis: "TT 25/2021/TT-BTC", onlineUntil: "2026-12-31" });
    expect(columns.fees).toEqual({
      counter: 200_000,
      online: 180_000,
      note: "Giảm khi nộp trực tuyến",
      legalBasis: "TT 25/2021/TT-BTC",
      onlineUntil: "2026-12-31",
    });
    expect(columns.processingTime).toEqual({ unit: "working_day", value: 8 });
    expect(columns.documents).toEqual(passport[0]!.documents);
  });

  it("use the postal fee when there is no counter, and the in-person fee online when there is no online channel", () => {
    const postalOnly: ProcedureCase = {
      ...passport[1]!,
      channels: [{ channel: "postal", processingTime: { unit: "day", value: 20 }, fee: 50_000 }],
    };
    const { fees, processingTime } = firstCaseColumns([postalOnly], { legalBasis: "NQ 09/2025" });
    expect([fees.counter, fees.online]).toEqual([50_000, 50_000]);
    expect(processingTime).toEqual({ unit: "day", value: 20 });
  });

  it("stay readable for a draft without any case", () => {
    expect(firstCaseColumns([], { legalBasis: "" })).toMatchObject({ fees: { counter: 0, online: 0 }, documents: [] });
  });
});

describe("a version stored without cases", () => {
  it("reads as one case that projects back onto exactly the stored columns, for every sample procedure", () => {
    for (const p of seed) {
      const cases = casesFromColumns(p);
      expect(cases).toHaveLength(1);
      expect(firstCaseColumns(cases, feeTermsOf(p.fees)), p.code).toEqual({
        processingTime: p.processingTime,
        fees: p.fees,
        documents: p.documents,
      });
    }
  });

  it("files online and at the counter, each at its own fee", () => {
    const licence = seed.find((p) => p.fees.counter !== p.fees.online)!;
    const [only] = casesFromColumns(licence);
    expect(only!.channels.map((ch) => [ch.channel, ch.fee])).toEqual([
      ["online", licence.fees.online],
      ["counter", licence.fees.counter],
    ]);
  });

  it("is read from its stored cases once it has them", () => {
    const columns = firstCaseColumns(passport, { legalBasis: "TT 25/2021/TT-BTC" });
    expect(storedCases(passport, columns)).toEqual(passport);
    expect(storedCases([], columns)).toHaveLength(1);
  });
});
