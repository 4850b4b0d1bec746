import { describe, expect, it } from "vitest";
import { safeTemplateName, sniffTemplateType } from "./templates";

const bytes = (...parts: (string | ArrayLike<number>)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? Array.from(p, (ch) => ch.charCodeAt(0)) : Array.from(p))));
const zipEntry = (name: string, content = "") =>
  bytes([0x50, 0x4b, 0x03, 0x04], new Array(22).fill(0), [name.length, 0, 0, 0], name, content);

describe("template types", () => {
  it("recognises PDF, DOC, DOCX and ODT from their bytes", () => {
    expect(sniffTemplateType(bytes("%PDF-1.7\n"))).toBe("application/pdf");
    expect(sniffTemplateType(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], "rest"))).toBe("application/msword");
    expect(sniffTemplateType(zipEntry("mimetype", "application/vnd.oasis.opendocument.text"))).toBe(
      "application/vnd.oasis.opendocument.text",
    );
    expect(sniffTemplateType(bytes(zipEntry("[Content_Types].xml", "<Types/>"), zipEntry("word/document.xml")))).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
  });

  it("refuses other archives, images and scripts whatever their name", () => {
    expect(sniffTemplateType(zipEntry("xl/workbook.xml"))).toBeNull();
    expect(sniffTemplateType(zipEntry("mimetype", "application/vnd.oasis.opendocument.spreadsheet"))).toBeNull();
    expect(sniffTemplateType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
    expect(sniffTemplateType(bytes("<script>alert(1)</script>"))).toBeNull();
    expect(sniffTemplateType(new Uint8Array())).toBeNull();
  });

  it("names a template by its sniffed type, without a path or a second extension", () => {
    expect(safeTemplateName("../../Tờ khai CT01.pdf.exe", "application/msword")).toBe("Tờ khai CT01_pdf.doc");
    expect(safeTemplateName("", "application/pdf")).toBe("mau-don.pdf");
  });
});
