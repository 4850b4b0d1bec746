import { safeDisplayName } from "./files";

/** Blank forms (mẫu đơn, tờ khai) admins attach to required documents: PDF, DOC, DOCX or ODT. */
export const TEMPLATE_TYPES = {
  "application/pdf": "pdf",
  "application/msword": "doc",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.oasis.opendocument.text": "odt",
} as const;
export type TemplateMime = keyof typeof TEMPLATE_TYPES;

/** A template's largest size. */
export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

function containsAscii(bytes: Uint8Array, text: string): boolean {
  const codes = Array.from(text, (ch) => ch.charCodeAt(0));
  for (let at = bytes.indexOf(codes[0]!); at !== -1 && at + codes.length <= bytes.length; at = bytes.indexOf(codes[0]!, at + 1)) {
    if (codes.every((code, i) => bytes[at + i] === code)) return true;
  }
  return false;
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ODT_MIMETYPE = "mimetypeapplication/vnd.oasis.opendocument.text";
/** Names that a Word document's ZIP always lists (local and central directory headers are not compressed). */
const DOCX_PART = "word/document.xml";

/**
 * The template's real type from its bytes; a name or a declared type is never trusted. ODT stores
 * its media type first and uncompressed (ODF 1.2 §3.3); DOCX is a ZIP naming the Word part.
 */
export function sniffTemplateType(bytes: Uint8Array): TemplateMime | null {
  if (bytes.length >= 5 && ascii(bytes, 0, 5) === "%PDF-") return "application/pdf";
  if (bytes.length >= 8 && startsWith(bytes, OLE2)) return "application/msword";
  if (bytes.length < 30 || !startsWith(bytes, ZIP)) return null;
  if (ascii(bytes, 30, 30 + ODT_MIMETYPE.length) === ODT_MIMETYPE) return "application/vnd.oasis.opendocument.text";
  return containsAscii(bytes, DOCX_PART) ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : null;
}

/** A display name that keeps no path or control characters and ends with the sniffed type's extension. */
export const safeTemplateName = (name: string, mime: TemplateMime) => safeDisplayName(name, TEMPLATE_TYPES[mime], "mau-don");
