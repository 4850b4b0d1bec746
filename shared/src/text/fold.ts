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

/**
 * The i/y spelling variants that are both accepted (kí/ký, lí/lý, mĩ/mỹ, sĩ/sỹ, kỉ/kỷ, hi/hy sinh):
 * a folded syllable made of consonant letters and a final `y` and nothing else is written with `i`.
 * `y` stays where it is not a variant: alone ("y tế"), after a vowel ("ay", "uy", "quy": `q` is always
 * followed by the glide u), or followed by more letters ("yêu", "uyên", "khuyến", "bhyt").
 */
export function foldSpellingVariant(token: string): string {
  return /^[bcdghklmnprstvx]{1,3}y$/.test(token) ? `${token.slice(0, -1)}i` : token;
}

/** Folded search tokens: ASCII letters and digits only, so they are always safe inside an FTS5 string. */
export function searchTokens(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(foldSpellingVariant);
}

/** The folded, space-separated form stored in the search columns. */
export function foldForIndex(text: string): string {
  return searchTokens(text).join(" ");
}
