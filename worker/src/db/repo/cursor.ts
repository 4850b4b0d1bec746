/** A keyset cursor: the sort value and id of the last row of a page. */
export type PairCursor = [string, string];

/** The opaque form of a cursor (base64url of UTF-8 JSON), as list endpoints hand it out in `nextCursor`. */
export function encodeCursor(values: PairCursor): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(JSON.stringify(values))) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** A cursor this API handed out, or null for anything else. */
export function decodeCursor(raw: string): PairCursor | null {
  try {
    const binary = atob(raw.replaceAll("-", "+").replaceAll("_", "/"));
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(
      Uint8Array.from(binary, (ch) => ch.charCodeAt(0)),
    );
    const value = JSON.parse(text) as unknown;
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "string")) return value as PairCursor;
  } catch {
    // not a cursor of ours
  }
  return null;
}
