/** The name an upload declares in X-File-Name (percent-encoded); unreadable is no name. */
export function declaredName(header: string | undefined): string {
  if (!header) return "";
  try {
    return decodeURIComponent(header);
  } catch {
    return "";
  }
}

/** RFC 6266: an ASCII fallback plus the UTF-8 name; `inline` for a preview shown in the page. */
export function contentDisposition(name: string, disposition: "attachment" | "inline" = "attachment"): string {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Headers of every stored file served: the type sniffed at upload (never guessed again by the
 * browser), no caching by shared caches, and a sandboxed, script-free document should anyone open
 * the address directly, so a crafted file cannot run as the API's origin.
 */
export function fileResponseHeaders(file: { mime: string; size: number; name: string }, disposition: "attachment" | "inline") {
  return {
    "Content-Type": file.mime,
    "Content-Length": String(file.size),
    "Content-Disposition": contentDisposition(file.name, disposition),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
  };
}
