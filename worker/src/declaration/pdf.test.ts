import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pagesText } from "../../../tests/support/pdf-text";
import { type DeclarationContent, PLEDGE, renderDeclaration, wrapText } from "./pdf";

const font = (name: string) => new Uint8Array(readFileSync(new URL(`./fonts/${name}`, import.meta.url)));
const fonts = { regular: font("LiberationSerif-Regular.ttf"), bold: font("LiberationSerif-Bold.ttf") };

const sample: DeclarationContent = {
  title: "Tờ khai đăng ký khai tử",
  template: "TK-01",
  addressee: "Ủy ban nhân dân phường Bình Minh",
  place: "Phường Bình Minh",
  // 23:30 on 2 December in UTC is already 3 December in Vietnam.
  at: new Date("2026-12-02T23:30:00Z"),
  applicantName: "Đặng Thị Mỹ Hương",
  declaredHow: "Đã khai và nộp trực tuyến",
  lines: [
    { label: "Họ, chữ đệm và tên người đã chết", value: "Nguyễn Văn Đức" },
    { label: "Số định danh cá nhân của người đã chết", value: "001190000001" },
    { label: "Ngày chết", value: "28/11/2026" },
    { label: "Nơi chết", value: "Bệnh viện đa khoa tỉnh, khoa Hồi sức cấp cứu" },
    { label: "Quan hệ với người đã chết", value: "Con gái" },
    { label: "Ghi chú", value: "" },
    { label: "Người làm chứng", value: "Trương Quốc Việt, Lương Thế Vinh, Phạm Thị Ngọc Ánh" },
  ],
};

describe("the declaration generated from the eForm", () => {
  it("reads back, diacritics included, as the heading, title, addressee, every field, the pledge, date and name", async () => {
    const pages = await pagesText(await renderDeclaration(sample, fonts));
    expect(pages).toEqual([
      [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "TỜ KHAI ĐĂNG KÝ KHAI TỬ",
        "(Mẫu TK-01)",
        "Kính gửi: Ủy ban nhân dân phường Bình Minh",
        "Họ, chữ đệm và tên người đã chết: Nguyễn Văn Đức",
        "Số định danh cá nhân của người đã chết: 001190000001",
        "Ngày chết: 28/11/2026",
        "Nơi chết: Bệnh viện đa khoa tỉnh, khoa Hồi sức cấp cứu",
        "Quan hệ với người đã chết: Con gái",
        "Ghi chú:",
        "Người làm chứng: Trương Quốc Việt, Lương Thế Vinh, Phạm Thị Ngọc Ánh",
        "Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước",
        "pháp luật về lời khai của mình.",
        "Phường Bình Minh, ngày 03 tháng 12 năm 2026",
        "NGƯỜI KHAI",
        "(Đã khai và nộp trực tuyến)",
        "Đặng Thị Mỹ Hương",
        "Lập tự động từ biểu mẫu điện tử của hồ sơ ngày 03/12/2026 · Trang 1/1",
      ],
    ]);
    expect(PLEDGE.startsWith(pages[0]![12]!)).toBe(true);
  });

  it("writes what was typed decomposed (NFD) as the composed letters, and what the font lacks as ?", async () => {
    const nfd = "Lê Thị Ơn Đường Ỹ".normalize("NFD");
    const pages = await pagesText(
      await renderDeclaration({ ...sample, lines: [{ label: "Họ và tên", value: `${nfd} 漢` }] }, fonts),
    );
    expect(pages[0]).toContain("Họ và tên: Lê Thị Ơn Đường Ỹ ?");
  });

  it("wraps a long value at spaces and carries the text onto as many pages as it needs", async () => {
    const long = Array.from({ length: 120 }, (_, i) => `đoạn ${i + 1} ghi rõ hoàn cảnh bị mất giấy chứng nhận`).join(" ");
    const bytes = await renderDeclaration(
      { ...sample, lines: [...sample.lines, { label: "Hoàn cảnh bị mất", value: long }] },
      fonts,
    );
    const pages = await pagesText(bytes);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.map((lines) => lines.at(-1)?.split(" · ").at(-1))).toEqual(
      pages.map((_, i) => `Trang ${i + 1}/${pages.length}`),
    );
    const body = pages.flatMap((lines) => lines.slice(0, -1)).join(" ");
    expect(body).toContain(`Hoàn cảnh bị mất: ${long}`);
    // The signature block is kept together, on the last page.
    expect(pages.at(-1)).toEqual(expect.arrayContaining(["NGƯỜI KHAI", "Đặng Thị Mỹ Hương"]));
  });

  it("embeds only the glyphs it uses: the file is a fraction of the two fonts", async () => {
    const bytes = await renderDeclaration(sample, fonts);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
    expect(bytes.length).toBeLessThan((fonts.regular.length + fonts.bold.length) / 10);
  });
});

describe("wrapText", () => {
  const measure = (s: string) => [...s].length;

  it("breaks at spaces within the width, and inside a word longer than a line", () => {
    expect(wrapText("một hai ba bốn", 7, measure)).toEqual(["một hai", "ba bốn"]);
    expect(wrapText("abcdefghij k", 4, measure)).toEqual(["abcd", "efgh", "ij k"]);
  });

  it("keeps the value's own line breaks, and an empty line as empty", () => {
    expect(wrapText("dòng một\n\ndòng hai", 20, measure)).toEqual(["dòng một", "", "dòng hai"]);
  });
});
