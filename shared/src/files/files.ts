import { z } from "zod";

/** Upload limits (the API refuses beyond them before reading a body). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_DOSSIER_FILES = 30;
export const MAX_DOSSIER_BYTES = 50 * 1024 * 1024;
/** A resident's uploads in total (the personal store keeps them); beyond it an upload is a 413 `quota_exceeded`. */
export const MAX_STORED_BYTES = 200 * 1024 * 1024;
/** Characters of a stored file name before its extension. */
export const MAX_FILE_NAME_CHARS = 100;

export const FileId = z.string().regex(/^[0-9a-f-]{36}$/, { error: "Mã tệp không hợp lệ" });

/** `GET /api/files/:id/content`: `inline` serves a preview shown in the page, the default a download. */
export const FileContentQuery = z.object({ disposition: z.enum(["attachment", "inline"]).optional() });

/** Types a browser shows in the page: images, and PDFs where the web view has a PDF renderer. HEIC is download only. */
export const PREVIEWABLE_TYPES: readonly string[] = ["application/pdf", "image/jpeg", "image/png"];

export const FILE_TYPES = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/heic": "heic",
} as const;
export type FileMime = keyof typeof FILE_TYPES;

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]);

/** The file's real type from its first bytes; a name or a declared type is never trusted. */
export function sniffFileType(head: Uint8Array): FileMime | null {
  if (head.length >= 5 && ascii(head, 0, 5) === "%PDF-") return "application/pdf";
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "image/jpeg";
  if (head.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => head[i] === b)) return "image/png";
  if (head.length >= 12 && ascii(head, 4, 8) === "ftyp" && HEIC_BRANDS.has(ascii(head, 8, 12))) return "image/heic";
  return null;
}

/**
 * A display name that is safe anywhere: no path, no control or reserved characters, no
 * misleading second extension ("hoa-don.pdf.exe" → "hoa-don_pdf_exe.pdf"); the extension
 * always matches the sniffed type.
 */
export function safeFileName(name: string, mime: FileMime): string {
  return safeDisplayName(name, FILE_TYPES[mime], "tai-lieu");
}

/** `safeFileName` for any sniffed type: the cleaned name, or `fallback`, with `extension`. */
export function safeDisplayName(name: string, extension: string, fallback: string): string {
  const cleaned = (name.normalize("NFC").split(/[/\\]/).pop() ?? "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a file name must lose
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*;%]/g, "")
    .replace(/\.[a-z0-9]{1,5}$/i, "")
    .replace(/\./g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[_\s-]+/, "");
  // Cut by whole characters (code points): cutting UTF-16 units can halve a character outside the BMP.
  const base = Array.from(cleaned).slice(0, MAX_FILE_NAME_CHARS).join("").trim();
  return `${base || fallback}.${extension}`;
}

/** 1536000 → "1,5 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
}
