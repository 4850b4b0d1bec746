/**
 * The staff inbox's text search (`GET /api/staff/dossiers?q=`): what an officer may type and what it
 * matches. The worker keeps one row per searchable term of a dossier in `dossier_search`
 * (drizzle/0013_inbox_search.sql, filled by triggers), keyed by the handling unit, so a query is a
 * few prefix range scans inside the officer's units. The terms are made in SQL by the triggers; the
 * rules here are the same ones written in TypeScript (a worker test holds both to each other).
 *
 * Terms of a dossier (prefix letter, colon, value):
 * - `n:` each word of the applicant's name, folded (marks stripped, đ→d, lower case), words split on
 *   spaces and `, . - ( )`;
 * - `c:` the code without its dots and dashes (`000.21.35.H99-250714-0042` → `0002135H992507140042`)
 *   and its date and sequence alone (`2507140042`);
 * - `p:` and `r:` the digits of every phone and citizen id staff see on the dossier (the form's phone
 *   and citizen-id fields, the applicant's registered phone), forwards and reversed (4–20 digits;
 *   `+84`/`84` followed by 9 digits is stored as `0…`).
 *
 * A query matches:
 * - **digits** (only digits once spaces, dots, dashes, brackets and `+` are removed; at least 4): a
 *   phone or citizen id that starts or ends with them, or a code (whole or from its date) that
 *   starts with them: "0912 345", "345678", "2507140042";
 * - **code** (one word of letters, digits, dots and dashes with at least one digit): a code starting
 *   with it, dots and dashes ignored, any case: "000.21.35.h99-2507", "H99-250714";
 * - **name** (anything else): every word of the query begins a word of the applicant's name, in any
 *   order, accents ignored: "nguyen van", "Lan", "trần thị h";
 * - nothing, when no word remains (only punctuation) or a digit query is shorter than 4.
 */

/** The characters that separate the words of a name, besides white space. */
export const NAME_SEPARATORS = [",", ".", "-", "(", ")"] as const;
/** Characters ignored in a digit or code query. */
const DIGIT_SEPARATORS = /[\s.\-()+/]/g;
/** At most this many words of a name query are used; more narrow nothing a person types. */
export const MAX_QUERY_WORDS = 6;
/** Digits of a phone or citizen id that are indexed, and the fewest a digit query needs. */
export const MIN_DIGITS = 4;
export const MAX_DIGITS = 20;

const VOWELS: Record<string, string> = {
  a: "aàáảãạăằắẳẵặâầấẩẫậ",
  e: "eèéẻẽẹêềếểễệ",
  i: "iìíỉĩị",
  o: "oòóỏõọôồốổỗộơờớởỡợ",
  u: "uùúủũụưừứửữự",
  y: "yỳýỷỹỵ",
  d: "dđ",
};
/** Combining marks Vietnamese text typed in decomposed form carries (tones, breve, circumflex, horn). */
const COMBINING = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0306", "\u0302", "\u031B"];

/**
 * The replacements the SQL fold makes, in order: each marked Vietnamese letter (both cases) to its
 * base letter, decomposed marks to nothing, separators to a space; SQLite's `lower()` then folds ASCII.
 */
export const SQL_FOLD_REPLACEMENTS: readonly (readonly [string, string])[] = [
  ...Object.entries(VOWELS).flatMap(([base, letters]) =>
    [...letters.slice(1)].flatMap((ch) => [[ch, base] as const, [ch.toUpperCase(), base] as const]),
  ),
  ...COMBINING.map((m) => [m, ""] as const),
  ...NAME_SEPARATORS.map((s) => [s, " "] as const),
];

/**
 * A SELECT of one row and one column, `folded`: `column` folded as nameWords does (for the
 * migration's triggers). D1 caps an expression's depth at 100, so the replacements are spread
 * over nested subqueries of at most 40 each. (The sqlite3 shell before 3.46 has a fixed parser stack
 * and cannot parse these triggers; D1 and local workerd do.)
 */
export function sqlFoldSelect(column: string): string {
  const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
  let select = `SELECT lower(replace(replace(replace(${column}, char(9), ' '), char(10), ' '), char(13), ' ')) AS f0`;
  const chunks = Math.ceil(SQL_FOLD_REPLACEMENTS.length / 40);
  for (let i = 0; i < chunks; i++) {
    const expr = SQL_FOLD_REPLACEMENTS.slice(i * 40, (i + 1) * 40).reduce(
      (e, [from, to]) => `replace(${e}, ${quote(from)}, ${quote(to)})`,
      `f${i}`,
    );
    select = `SELECT ${expr} AS ${i === chunks - 1 ? "folded" : `f${i + 1}`} FROM (${select})`;
  }
  return select;
}

/** Folds a name as the index does. */
export function foldName(name: string): string {
  // SQLite's lower() folds ASCII only: other upper-case letters are either replaced or kept, there as here.
  let out = name.replace(/[\t\n\r]/g, " ").replace(/[A-Z]+/g, (s) => s.toLowerCase());
  for (const [from, to] of SQL_FOLD_REPLACEMENTS) out = out.replaceAll(from, to);
  return out;
}

/** The distinct words of a name as indexed (`n:` terms). */
export function nameWords(name: string): string[] {
  return [...new Set(foldName(name).split(" ").filter(Boolean))];
}

/** A dossier code without dots and dashes, and its date and sequence alone (`c:` terms). */
export function codeTerms(code: string): string[] {
  const compact = code.replace(/[.-]/g, "").toUpperCase();
  const dash = code.indexOf("-");
  const tail = dash >= 0 ? code.slice(dash + 1).replaceAll("-", "") : "";
  return [...new Set([compact, tail].filter(Boolean))];
}

/** The digits of a phone or citizen id as indexed, or null when it is not one. */
export function indexedDigits(value: string): string | null {
  const digits = value.replace(/[ .\-()+]/g, "");
  if (!/^\d+$/.test(digits) || digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return null;
  return digits.length === 11 && digits.startsWith("84") ? `0${digits.slice(2)}` : digits;
}

export type InboxSearch =
  /** Every word must begin a word of the name. */
  | { kind: "name"; words: string[] }
  /** A code starting with `prefix` (dots and dashes removed, upper case). */
  | { kind: "code"; prefix: string }
  /** A phone or citizen id starting or ending with `digits`, or a code (whole or from its date) starting with them. */
  | { kind: "digits"; digits: string }
  /** Matches nothing. */
  | { kind: "none" };

/** How the inbox reads `q` (already trimmed by InboxQuery). */
export function classifyInboxQuery(q: string): InboxSearch {
  const text = q.normalize("NFC").trim();
  const compact = text.replace(DIGIT_SEPARATORS, "");
  if (compact !== "" && /^\d+$/.test(compact)) {
    if (compact.length < MIN_DIGITS) return { kind: "none" };
    const digits = compact.length === 11 && compact.startsWith("84") ? `0${compact.slice(2)}` : compact;
    return { kind: "digits", digits: digits.slice(0, MAX_DIGITS) };
  }
  if (/^[0-9A-Za-z]+([.-][0-9A-Za-z]*)*$/.test(text) && /\d/.test(text))
    return { kind: "code", prefix: text.replace(/[.-]/g, "").toUpperCase() };
  const words = nameWords(text)
    // A word of punctuation alone ("%", "*", a quote) narrows nothing a person means.
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    // The longest first: the rarest range leads the intersection.
    .sort((a, b) => b.length - a.length)
    .slice(0, MAX_QUERY_WORDS);
  return words.length > 0 ? { kind: "name", words } : { kind: "none" };
}

/**
 * The prefix ranges of `dossier_search.term` a query reads, and how they combine: "all" (a dossier
 * must have a term in every range: the words of a name) or "any" (a term in one of them).
 */
export function inboxSearchRanges(search: InboxSearch): { combine: "all" | "any"; prefixes: string[] } {
  switch (search.kind) {
    case "name":
      return { combine: "all", prefixes: search.words.map((w) => `n:${w}`) };
    case "code":
      return { combine: "any", prefixes: [`c:${search.prefix}`] };
    case "digits": {
      const reversed = [...search.digits].reverse().join("");
      return { combine: "any", prefixes: [`p:${search.digits}`, `r:${reversed}`, `c:${search.digits}`] };
    }
    case "none":
      return { combine: "any", prefixes: [] };
  }
}

/** The exclusive upper bound of the terms starting with `prefix` (binary order). */
export const prefixEnd = (prefix: string) => `${prefix}\u{10FFFF}`;
