import { searchTokens } from "../text/fold";

/**
 * What is kept of a query that found nothing, so admins see what residents looked for without
 * seeing who they are: the folded words left once anything that looks personal is removed.
 *
 * The rule, in order:
 * - an input longer than MAX_UNMATCHED_INPUT characters is pasted text, not a search: nothing is kept;
 * - e-mail addresses and web addresses go;
 * - a word with a digit goes (numbers, phone numbers, dates, citizen ids, dossier codes such as
 *   000.00.01.H99-261122-0001, procedure codes, plate numbers), as does a word of more than
 *   MAX_WORD letters (tokens, ids);
 * - capitalised words that look like a name go: a capitalised word anywhere but at the start, and
 *   the first word when the next one is capitalised too ("Nguyễn Văn An", "cho bé An"); a word in
 *   capitals of 2 to 5 letters is an abbreviation (CCCD, GPLX) and stays, a lone capital is an initial and goes; an input written all
 *   in capitals has no such signal, so beyond two words nothing is kept;
 * - what remains is folded (no marks, `đ`→`d`, lower case); more than MAX_UNMATCHED_WORDS words
 *   or none at all: nothing is kept.
 * Names typed in lower case cannot be told from words; the word limits bound what could slip through.
 */
export const MAX_UNMATCHED_INPUT = 100;
export const MAX_UNMATCHED_WORDS = 8;
const MAX_WORD = 20;

const EMAIL = /[^\s@]+@[^\s@]+/gu;
const URL_LIKE = /\b(?:https?:\/\/|www\.)\S*/giu;
/** Splits raw text into words, keeping letters (any script), digits and the marks within a word. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:[.\-_/][\p{L}\p{M}\p{N}]+)*/gu;

const isCapitalised = (w: string) => /^\p{Lu}[\p{Ll}\p{M}]+$/u.test(w.normalize("NFC"));
const isAllCaps = (w: string) => /^[\p{Lu}\p{M}]+$/u.test(w.normalize("NFC"));

export function unmatchedQueryKey(raw: string): string | null {
  if (raw.length > MAX_UNMATCHED_INPUT) return null;
  const text = raw.normalize("NFC").replace(EMAIL, " ").replace(URL_LIKE, " ");
  const words = text.match(WORD) ?? [];
  const letters = words.filter((w) => /\p{L}/u.test(w));
  if (letters.length > 2 && letters.every((w) => !/\p{Ll}/u.test(w))) return null;

  const kept: string[] = [];
  words.forEach((word, i) => {
    if (/\p{N}/u.test(word) || word.length > MAX_WORD) return;
    if (isAllCaps(word)) {
      // An abbreviation; a lone capital is an initial ("Nguyễn Văn A").
      if (word.length >= 2 && word.length <= 5) kept.push(word);
      return;
    }
    if (isCapitalised(word)) {
      const next = words[i + 1];
      if (i > 0 || (next !== undefined && isCapitalised(next))) return;
    }
    kept.push(word);
  });
  const tokens = searchTokens(kept.join(" "));
  if (tokens.length === 0 || tokens.length > MAX_UNMATCHED_WORDS) return null;
  return tokens.join(" ");
}
