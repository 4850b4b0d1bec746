import { describe, expect, it } from "vitest";
import { formatFileSize, MAX_FILE_NAME_CHARS, safeFileName, sniffFileType } from "./files";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("sniffFileType", () => {
  it("recognises the allowed types by content", () => {
    expect(sniffFileType(bytes("%PDF-1.7\n"))).toBe("application/pdf");
    expect(sniffFileType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffFileType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(sniffFileType(bytes([0, 0, 0, 0x18], "ftypheic", [0, 0]))).toBe("image/heic");
  });

  it("refuses everything else, whatever it is called", () => {
    expect(sniffFileType(bytes("MZ\x90\x00"))).toBeNull(); // a Windows executable
    expect(sniffFileType(bytes("PK\x03\x04"))).toBeNull(); // a zip, or a zip bomb
    expect(sniffFileType(bytes("<svg onload=alert(1)>"))).toBeNull();
    expect(sniffFileType(bytes([0, 0, 0, 0x18], "ftypmp42"))).toBeNull();
    expect(sniffFileType(new Uint8Array())).toBeNull();
  });
});

describe("safeFileName", () => {
  it("neutralises hostile names", () => {
    expect(safeFileName("../../etc/passwd", "application/pdf")).toBe("passwd.pdf");
    expect(safeFileName("C:\\Users\\a\\hoa-don.pdf.exe", "application/pdf")).toBe("hoa-don_pdf.pdf");
    expect(safeFileName('a"; filename="evil.html', "image/png")).toBe("a filename=evil.png");
    expect(safeFileName("\u0000\u001b[31m.jpg", "image/jpeg")).toBe("[31m.jpg");
    expect(safeFileName("...", "image/jpeg")).toBe("tai-lieu.jpg");
    expect(safeFileName(`${"x".repeat(300)}.pdf`, "application/pdf")).toHaveLength(104);
  });

  it("shortens by whole characters, never halving one outside the BMP", () => {
    for (const wide of ["😀", "𠀀"]) {
      const name = safeFileName(`${"a".repeat(MAX_FILE_NAME_CHARS - 1)}${wide}${wide}.pdf`, "application/pdf");
      expect(name).toBe(`${"a".repeat(MAX_FILE_NAME_CHARS - 1)}${wide}.pdf`);
      expect(() => encodeURIComponent(name)).not.toThrow(); // no lone surrogate
    }
    expect(safeFileName("🦄".repeat(MAX_FILE_NAME_CHARS + 5), "image/png")).toBe(`${"🦄".repeat(MAX_FILE_NAME_CHARS)}.png`);
  });

  it("keeps Vietnamese names readable", () => {
    expect(safeFileName("Giấy khai sinh của bé.PNG", "image/png")).toBe("Giấy khai sinh của bé.png");
  });
});

it("formats sizes in Vietnamese style", () => {
  expect(formatFileSize(512)).toBe("512 B");
  expect(formatFileSize(1536000)).toBe("1,5 MB");
});
