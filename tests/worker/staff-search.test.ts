import { eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Session } from "../../shared/src/auth/api";
import type { Inbox } from "../../shared/src/staff/api";
import { codeTerms, indexedDigits, nameWords } from "../../shared/src/staff/search";
import { dossierSearch, users } from "../../worker/src/db/schema";
import { procedureDetail } from "./dossier-fixtures";
import { bearer, db, getJson, signIn } from "./helpers";
import {
  actionBody,
  dossierRow,
  type Filed,
  fileDossier,
  quietSecurityLog,
  setDossier,
  staffMember,
  step,
} from "./staff-fixtures";

const inbox = (session: Session, q: string, extra = "") =>
  getJson<Inbox>(`/api/staff/dossiers?limit=100&q=${encodeURIComponent(q)}${extra}`, { headers: bearer(session) });
const found = async (session: Session, q: string) => (await inbox(session, q)).body.items.map((i) => i.code);

/** The index's terms of a dossier, sorted. */
const termsOf = async (code: string) => {
  const row = await dossierRow(code);
  const rows = await db().select().from(dossierSearch).where(eq(dossierSearch.dossierId, row.id)).all();
  return { units: [...new Set(rows.map((r) => r.handlingUnitId))], terms: rows.map((r) => r.term).sort(), rows };
};

/** The eForm keys of the procedure's phone and citizen-id fields. */
let phoneKey: string;
let citizenIdKey: string;

/** Gives a filed dossier its own applicant name, phone and citizen id, straight in D1 (the triggers index them). */
async function arrange(code: string, name: string, phone: string, citizenId: string) {
  const row = await dossierRow(code);
  await setDossier(code, { applicantName: name, form: { ...row.form, [phoneKey]: phone, [citizenIdKey]: citizenId } });
}

describe("the inbox's text search index", () => {
  let officer: Session;
  let elsewhere: Session;
  let admin: Session;
  let dossier: Filed;
  let other: Filed;
  beforeAll(async () => {
    const eform = (await procedureDetail()).eform;
    phoneKey = eform.fields.find((f) => f.type === "phone")!.key;
    citizenIdKey = eform.fields.find((f) => f.type === "citizenId")!.key;
    officer = await signIn("can-bo-phuong");
    admin = await signIn("quan-tri-tinh");
    elsewhere = await staffMember("phuong-binh-minh");
    dossier = await fileDossier();
    other = await fileDossier("phuong-binh-minh");
    await arrange(dossier.code, "Khổng Thị Xuyến Đoan", "0983 417 265", "036194005817");
    await arrange(other.code, "Khổng Văn Xuyên", "0977 000 111", "036194009999");
  });

  it("holds the terms the shared rules define: name words, the code, phone and citizen-id digits both ways", async () => {
    const row = await dossierRow(dossier.code);
    const registered = (await db().select({ phone: users.phone }).from(users).where(eq(users.id, row.applicantId)).get())?.phone;
    const digits = ["0983 417 265", "036194005817", ...(registered ? [registered] : [])]
      .map(indexedDigits)
      .filter((d) => d !== null);
    const expected = [
      ...nameWords("Khổng Thị Xuyến Đoan").map((w) => `n:${w}`),
      ...codeTerms(dossier.code).map((c) => `c:${c}`),
      ...digits.flatMap((d) => [`p:${d}`, `r:${[...d].reverse().join("")}`]),
    ];
    const { units, terms, rows } = await termsOf(dossier.code);
    expect(terms).toEqual([...new Set(expected)].sort());
    expect(units).toEqual(["phuong-an-hoa"]);
    expect(new Set(rows.map((r) => [r.status, r.dueDate].join()))).toEqual(new Set([[row.status, row.dueDate].join()]));
  });

  it("folds every Vietnamese letter, upper case and decomposed marks in SQL as the shared fold does", async () => {
    const names = [
      "ÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ ÈÉẺẼẸ ÊỀẾỂỄỆ ÌÍỈĨỊ ÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ ÙÚỦŨỤ ƯỪỨỬỮỰ ỲÝỶỸỴ Đ",
      "àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ đ",
      "Nguyễn Thị Ánh Tuyết".normalize("NFD"),
      "  Phan-Văn (Tí),  O'Neil.  ",
      'Lê "Bé" Ba\tTư',
    ];
    for (const name of names) {
      await setDossier(other.code, { applicantName: name });
      const { terms } = await termsOf(other.code);
      expect([name, terms.filter((t) => t.startsWith("n:")).sort()]).toEqual([
        name,
        nameWords(name)
          .map((w) => `n:${w}`)
          .sort(),
      ]);
    }
    await arrange(other.code, "Khổng Văn Xuyên", "0977 000 111", "036194009999");
  });

  it("finds a dossier by any word of the name, accents ignored, each word a prefix, in any order", async () => {
    for (const q of [
      "Khổng Thị Xuyến Đoan",
      "khong thi xuyen doan",
      "XUYẾN",
      "doan",
      "đoàn",
      "xuy do",
      "Đoan Khổng",
      "khong th x",
    ])
      expect([q, await found(officer, q)]).toEqual([q, [dossier.code]]);
    for (const q of ["xuyen doanh", "thi xuyenn", "khong van"]) expect([q, await found(officer, q)]).toEqual([q, []]);
  });

  it("finds a dossier by its code or a prefix of it, with or without dashes and dots, in any case", async () => {
    const code = dossier.code;
    const compact = code.replace(/[.-]/g, "");
    for (const q of [code, code.toLowerCase(), compact, code.slice(0, code.length - 2), code.slice(code.indexOf("-") + 1)])
      expect([q, (await found(officer, q)).includes(code)]).toEqual([q, true]);
    expect(await found(officer, `${code}9`)).toEqual([]);
  });

  it("finds a dossier by the last digits or the beginning of its phone, and by its citizen id", async () => {
    for (const q of ["7265", "417265", "0983 417", "0983.417.265", "+84 983 417 265", "5817", "036194005817"])
      expect([q, await found(officer, q)]).toEqual([q, [dossier.code]]);
    // Digits inside the number, too few digits, or another number find nothing.
    for (const q of ["8341", "265 1", "983"]) expect([q, await found(officer, q)]).toEqual([q, []]);
  });

  it("never finds another unit's dossier, by name, code or phone, while its own staff and the admin do", async () => {
    for (const q of ["Văn Xuyên", "Khổng Văn", "0977 000", "0111", "9999", other.code]) {
      expect([q, await found(officer, q)]).toEqual([q, []]);
      expect([q, await found(elsewhere, q)]).toEqual([q, [other.code]]);
    }
    expect(await found(elsewhere, "Xuyến Đoan")).toEqual([]);
    expect(await found(elsewhere, "7265")).toEqual([]);
    expect((await found(admin, "khong")).sort()).toEqual([dossier.code, other.code].sort());
    // A unit filter outside the officer's scope is refused before any search.
    expect((await inbox(officer, "Văn Xuyên", "&unit=phuong-binh-minh")).status).toBe(403);
  });

  it("counts the tabs of a text filter from the matching dossiers only", async () => {
    const res = await inbox(officer, "Xuyến");
    expect(res.body.counts).toEqual({ new: 1, processing: 0, supplement: 0, payment: 0, due_soon: 0, overdue: 0, done: 0 });
    expect((await inbox(officer, "khong-co-ai-ten-nay")).body.counts.new).toBe(0);
    // With a channel filter the counts come from the dossiers themselves, and agree.
    expect((await inbox(officer, "Xuyến", "&channel=online")).body.counts).toEqual(res.body.counts);
  });

  it("follows a change of the applicant's name", async () => {
    await setDossier(dossier.code, { applicantName: "Khổng Thị Xuyến Mai" });
    expect(await found(officer, "xuyen mai")).toEqual([dossier.code]);
    expect(await found(officer, "xuyen doan")).toEqual([]);
    expect(await found(officer, "7265")).toEqual([dossier.code]);
  });

  it("follows the phone the applicant registers after filing", async () => {
    const row = await dossierRow(dossier.code);
    expect(await found(officer, "0944 551")).toEqual([]);
    await db().update(users).set({ phone: "0944551203" }).where(eq(users.id, row.applicantId));
    expect(await found(officer, "0944 551")).toEqual([dossier.code]);
    expect(await found(officer, "551203")).toEqual([dossier.code]);
    expect(await found(officer, "7265")).toEqual([dossier.code]);
  });

  it("follows the dossier's status into the counts, and a transfer to another unit", async () => {
    const filed = await fileDossier();
    await arrange(filed.code, "Ông Ích Khiêm Chuyển", "0966 123 987", "036194001234");
    expect((await inbox(officer, "Chuyển")).body.counts.new).toBe(1);
    await step(officer, filed.code, actionBody("accept"));
    expect((await inbox(officer, "Chuyển")).body.counts).toMatchObject({ new: 0, processing: 1 });
    await step(officer, filed.code, actionBody("transfer"));
    expect((await dossierRow(filed.code)).handlingUnitId).toBe("phuong-binh-minh");
    expect(await found(officer, "Ích Khiêm")).toEqual([]);
    expect(await found(officer, "3987")).toEqual([]);
    expect(await found(elsewhere, "Ích Khiêm")).toEqual([filed.code]);
    expect(await found(elsewhere, "0966 123")).toEqual([filed.code]);
    expect((await termsOf(filed.code)).units).toEqual(["phuong-binh-minh"]);
  });

  it("answers any query string without a 500: quotes, FTS operators, wildcards, unicode, very long", async () => {
    quietSecurityLog();
    const odd = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.string({ unit: "binary", maxLength: 60 }),
      fc.stringMatching(/^[0-9 .+()\-A-Za-zđĐơƯ"'*:^%_\\]{0,40}$/),
      fc.constantFrom(
        '"',
        "'",
        "*",
        "NEAR(a b)",
        "a OR b",
        "-x",
        "^n",
        "n:*",
        "%",
        "_",
        "\\",
        "'; DROP TABLE dossiers; --",
        "x".repeat(100),
        "🙂 Nguyễn",
        "\u0000",
      ),
    );
    await fc.assert(
      fc.asyncProperty(odd, async (q) => {
        const res = await inbox(officer, q);
        expect([q, res.status]).toEqual([q, q.trim().length > 100 ? 400 : 200]);
      }),
      { numRuns: 60 },
    );
  });
});
