import { foldSpellingVariant, foldVietnamese } from "../text/fold";

/**
 * What a resident types but did not mean, read back into folded catalogue words: Telex and VNI
 * leftovers, words typed together, and one typing mistake per word of 4 letters or more. Every
 * rule works on folded tokens ([a-z0-9]+) and only against a vocabulary of words the catalogue uses.
 */

/**
 * Shortest catalogue word a typo is forgiven against: one edit of a word of 4 letters or more, so the
 * typed word has at least 3 ("dng" → "dang", "sinhh" → "sinh"; never "tma" → "tam").
 */
export const MIN_TYPO_LENGTH = 4;

/**
 * Telex leftovers: `dd`→d, `aa`/`ee`/`oo`→a/e/o, `aw`/`ow`/`uw`→a/o/u, a lone `w`→u, and the tone
 * letters s/f/r/x/j after the syllable's first vowel (no Vietnamese final ends in them). Null when
 * nothing changes.
 */
export function fromTelex(token: string): string | null {
  if (!/^[a-z]+$/.test(token)) return null;
  const v = token.search(/[aeiouyw]/);
  if (v < 0) return null;
  const decoded = (token.slice(0, v) + token.slice(v).replace(/[sfrxj]/g, ""))
    .replace(/dd/g, "d")
    .replace(/([aou])w/g, "$1")
    .replace(/w/g, "u")
    .replace(/aa/g, "a")
    .replace(/ee/g, "e")
    .replace(/oo/g, "o");
  const folded = foldSpellingVariant(decoded);
  return folded === token || folded === "" ? null : folded;
}

/** VNI leftovers: the digits 1–9 typed after letters for tones and marks ("d9a8ng", "ky1"). Null when not VNI. */
export function fromVni(token: string): string | null {
  if (!/^[a-z][a-z1-9]*[1-9][a-z1-9]*$/.test(token)) return null;
  return foldSpellingVariant(token.replace(/[1-9]/g, ""));
}

/** Optimal string alignment distance, capped: answers `max + 1` as soon as it is exceeded. */
export function editDistance(a: string, b: string, max = 1): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((rows[i - 1]![j] as number) + 1, (row[j - 1] as number) + 1, (rows[i - 1]![j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (rows[i - 2]![j - 2] as number) + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (i > 0 && best > max) return max + 1;
    rows.push(row);
  }
  return Math.min(rows[a.length]![b.length] as number, max + 1);
}

function deletions(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return [...out];
}

/**
 * The catalogue's words (folded), how many procedures use each, and how the catalogue spells each
 * (the display form, with its marks). Typo candidates come from a symmetric-delete table: a word and
 * its one-letter deletions, looked up against the terms' own deletions, then checked for distance 1.
 */
export class Vocabulary {
  /** `frequency`, when given, answers how many procedures use a term instead of the counts kept here. */
  constructor(private readonly frequency?: (term: string) => number) {}

  private readonly counts = new Map<string, number>();
  private readonly folded = new Map<string, string>();
  private readonly displays = new Map<string, Map<string, number>>();
  private readonly deletes = new Map<string, string[]>();
  private sorted: string[] | null = null;

  /** Adds one use of a folded term, with the catalogue's spelling of it when known. */
  add(term: string, display?: string) {
    const seen = this.counts.get(term);
    this.counts.set(term, (seen ?? 0) + 1);
    if (seen === undefined) {
      this.sorted = null;
      if (term.length >= MIN_TYPO_LENGTH && /^[a-z]+$/.test(term))
        for (const key of [term, ...deletions(term)]) {
          const list = this.deletes.get(key);
          if (list) list.push(term);
          else this.deletes.set(key, [term]);
        }
    }
    if (display) {
      const forms = this.displays.get(term) ?? new Map<string, number>();
      forms.set(display, (forms.get(display) ?? 0) + 1);
      this.displays.set(term, forms);
    }
  }

  /** Adds the words of a text as the catalogue writes it (each word's display form is its own spelling). */
  addText(text: string) {
    for (const word of text.split(/[^\p{L}\p{N}]+/u)) {
      if (!word) continue;
      const lower = word.toLocaleLowerCase("vi");
      let folded = this.folded.get(lower);
      if (folded === undefined) {
        const plain = foldVietnamese(lower);
        folded = /^[a-z0-9]+$/.test(plain) ? foldSpellingVariant(plain) : "";
        this.folded.set(lower, folded);
      }
      if (folded) this.add(folded, lower);
    }
  }

  has(term: string): boolean {
    return this.counts.has(term);
  }

  count(term: string): number {
    return this.frequency ? this.frequency(term) : (this.counts.get(term) ?? 0);
  }

  get size(): number {
    return this.counts.size;
  }

  /** The terms starting with `prefix`, in code-unit order. */
  withPrefix(prefix: string): string[] {
    if (!this.sorted) this.sorted = [...this.counts.keys()].sort();
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < sorted.length && (sorted[i] as string).startsWith(prefix); i++) out.push(sorted[i] as string);
    return out;
  }

  hasPrefix(prefix: string): boolean {
    return this.withPrefix(prefix).length > 0;
  }

  /** The catalogue's most frequent spelling of a term (lower case), or the term itself. */
  display(term: string): string {
    const forms = this.displays.get(term);
    if (!forms) return term;
    let best = term;
    let bestCount = 0;
    for (const [form, n] of forms)
      if (n > bestCount) {
        best = form;
        bestCount = n;
      }
    return best;
  }

  /**
   * Terms of at least MIN_TYPO_LENGTH letters one edit away (insertion, deletion, substitution,
   * adjacent transposition) from a typed word, most used first. Never the word itself.
   */
  typos(word: string, limit = 4): string[] {
    if (word.length < MIN_TYPO_LENGTH - 1 || !/^[a-z]+$/.test(word)) return [];
    const found = new Set<string>();
    for (const key of [word, ...deletions(word)])
      for (const term of this.deletes.get(key) ?? []) if (term !== word && editDistance(word, term) === 1) found.add(term);
    return [...found].sort((a, b) => this.count(b) - this.count(a) || (a < b ? -1 : 1)).slice(0, limit);
  }

  /**
   * Words typed together ("dangky", "giaykhaisinh"): the split into 2–4 catalogue terms of two
   * letters or more with the fewest pieces (then the most used), or null.
   */
  split(word: string): string[] | null {
    if (word.length < 4 || word.length > 40 || !/^[a-z]+$/.test(word)) return null;
    type Best = { pieces: string[]; score: number } | null;
    const memo = new Map<number, Best>();
    const solve = (at: number, depth: number): Best => {
      if (at === word.length) return { pieces: [], score: 0 };
      if (depth === 4) return null;
      const key = at * 8 + depth;
      if (memo.has(key)) return memo.get(key) as Best;
      let best: Best = null;
      for (let end = at + 2; end <= word.length; end++) {
        const piece = foldSpellingVariant(word.slice(at, end));
        const n = this.count(piece);
        if (n === 0) continue;
        const rest = solve(end, depth + 1);
        if (!rest) continue;
        const candidate = { pieces: [piece, ...rest.pieces], score: rest.score + Math.log(1 + n) };
        if (
          !best ||
          candidate.pieces.length < best.pieces.length ||
          (candidate.pieces.length === best.pieces.length && candidate.score > best.score)
        )
          best = candidate;
      }
      memo.set(key, best);
      return best;
    };
    const best = solve(0, 0);
    return best && best.pieces.length >= 2 ? best.pieces : null;
  }
}
