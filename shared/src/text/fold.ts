/**
 * Vietnamese text folding for search: strips tone and vowel marks and maps đ→d.
 * `đ`/`Đ` have no Unicode decomposition, so NFD alone never folds them; that is
 * why FTS5's own `remove_diacritics` is not enough and we index pre-folded text.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}

/** Folded search tokens: ASCII letters and digits only, so they are always safe inside an FTS5 string. */
export function searchTokens(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The folded, space-separated form stored in the FTS5-indexed columns. */
export function foldForIndex(text: string): string {
  return searchTokens(text).join(" ");
}
