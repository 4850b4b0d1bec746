import { searchTokens } from "../text/fold";
import { fromTelex, fromVni, type Vocabulary } from "./forgiving";

/** Telex readings of a token: as decoded, and with a doubled u/i collapsed ("truus" → "tru"). */
function telexReadings(token: string): string[] {
  const decoded = fromTelex(token);
  if (!decoded) return [];
  const collapsed = decoded.replace(/uu/g, "u").replace(/ii/g, "i");
  return collapsed === decoded ? [decoded] : [decoded, collapsed];
}

import { FILLERS, SYNONYMS, type SynonymEntry } from "./synonyms";

export type { SynonymEntry } from "./synonyms";

/**
 * A word position of the query: any one of these token sequences must match. `costs` (same order,
 * 0 when absent) counts the corrections an alternative took, so corrected matches rank below exact ones.
 */
export type QueryGroup = { alternatives: string[][]; prefix: boolean; costs?: number[] };

type PhraseEntry = { key: string[]; alternatives: string[][] };

const fillerPhrases: string[][] = FILLERS.map((f) => searchTokens(f));

function phraseEntries(entries: readonly SynonymEntry[]): PhraseEntry[] {
  return entries
    .flatMap(([keys, expansions]) => {
      const folded = expansions.map((e) => searchTokens(e)).filter((e) => e.length > 0);
      return keys
        .map((k) => searchTokens(k))
        .filter((key) => key.length > 0)
        .map((key) => ({ key, alternatives: [key, ...folded.filter((e) => e.join(" ") !== key.join(" "))] }));
    })
    .sort((a, b) => b.key.length - a.key.length);
}

const builtInPhrases = phraseEntries(SYNONYMS);
const withExtra = new WeakMap<readonly SynonymEntry[], PhraseEntry[]>();

/** The built-in synonyms joined by a province's own (same longest-key-first order). */
function synonymPhrases(extra?: readonly SynonymEntry[]): PhraseEntry[] {
  if (!extra || extra.length === 0) return builtInPhrases;
  let phrases = withExtra.get(extra);
  if (!phrases) {
    phrases = [...phraseEntries(extra), ...builtInPhrases].sort((a, b) => b.key.length - a.key.length);
    withExtra.set(extra, phrases);
  }
  return phrases;
}

function startsWith(tokens: string[], at: number, phrase: string[]): boolean {
  return phrase.length > 0 && phrase.every((t, i) => tokens[at + i] === t);
}

export const MAX_QUERY_TOKENS = 12;

/** A token position after reading: the token, and whether it came through a correction. */
type Read = { token: string; corrected: boolean; unknown: boolean };

function groupTokens(reads: Read[], phrases: PhraseEntry[], typos?: (token: string) => string[]): QueryGroup[] {
  const tokens = reads.map((r) => r.token);
  const groups: QueryGroup[] = [];
  const fillers: QueryGroup[] = [];
  let i = 0;
  while (i < tokens.length) {
    const synonym = phrases.find((s) => startsWith(tokens, i, s.key));
    if (synonym) {
      const cost = reads.slice(i, i + synonym.key.length).some((r) => r.corrected) ? 1 : 0;
      groups.push({
        alternatives: synonym.alternatives,
        prefix: false,
        ...(cost ? { costs: synonym.alternatives.map(() => cost) } : {}),
      });
      i += synonym.key.length;
      continue;
    }
    const filler = fillerPhrases.find((f) => startsWith(tokens, i, f));
    if (filler) {
      fillers.push({ alternatives: [filler], prefix: false });
      i += filler.length;
      continue;
    }
    const read = reads[i] as Read;
    const corrections = read.unknown && typos ? typos(read.token) : [];
    if (corrections.length > 0)
      groups.push({ alternatives: corrections.map((t) => [t]), prefix: false, costs: corrections.map(() => 1) });
    else
      groups.push({
        alternatives: [[read.token]],
        prefix: i === tokens.length - 1,
        ...(read.corrected ? { costs: [1] } : {}),
      });
    i += 1;
  }
  return groups.length > 0 ? groups : fillers;
}

/**
 * Turns what a resident typed into AND-ed groups of alternatives: colloquial phrases (the built-in
 * ones and a province's `extra`) expand to the official wording, filler words drop out, and the last
 * word is a prefix while the resident is still typing.
 */
export function parseSearchQuery(raw: string, extra?: readonly SynonymEntry[]): QueryGroup[] {
  return groupTokens(
    searchTokens(raw).map((token) => ({ token, corrected: false, unknown: false })),
    synonymPhrases(extra),
  );
}

export type ForgivingQuery = {
  groups: QueryGroup[];
  /** The query as understood, in the catalogue's spelling, when any word of it was corrected; else null. */
  corrected: string | null;
};

/**
 * The same reading against the catalogue's vocabulary: a word the catalogue does not use (nor a
 * synonym or filler knows) is read as Telex or VNI, then as one typo (against words of 4 letters or
 * more), then as words typed together, in that order; corrected words cost 1 in the ranking.
 */
export function parseForgivingQuery(raw: string, vocabulary: Vocabulary, extra?: readonly SynonymEntry[]): ForgivingQuery {
  const phrases = synonymPhrases(extra);
  const known = new Set<string>([...phrases.flatMap((p) => p.key), ...fillerPhrases.flat()]);
  const tokens = searchTokens(raw);
  const typos = (token: string) => {
    const found = new Set(vocabulary.typos(token));
    for (const d of [...telexReadings(token), fromVni(token)]) if (d) for (const t of vocabulary.typos(d)) found.add(t);
    return [...found].sort((a, b) => vocabulary.count(b) - vocabulary.count(a));
  };
  const reads: Read[] = [];
  tokens.forEach((token, i) => {
    const last = i === tokens.length - 1;
    if (/^\d+$/.test(token) || known.has(token) || vocabulary.has(token) || (last && vocabulary.hasPrefix(token))) {
      reads.push({ token, corrected: false, unknown: false });
      return;
    }
    const decoded = [...telexReadings(token), fromVni(token)].find((d) => d !== null && (vocabulary.has(d) || known.has(d)));
    if (decoded) {
      reads.push({ token: decoded, corrected: true, unknown: false });
      return;
    }
    // A typo is likelier than words typed together ("tehanh" is "thành", not "tế hành").
    const pieces = typos(token).length === 0 ? vocabulary.split(token) : null;
    if (pieces) {
      for (const piece of pieces) reads.push({ token: piece, corrected: true, unknown: false });
      return;
    }
    reads.push({ token, corrected: false, unknown: true });
  });
  const groups = groupTokens(reads, phrases, typos);
  let changed = reads.some((r) => r.corrected);
  const words = reads.map((r) => {
    if (!r.unknown) return r.token;
    const best = typos(r.token)[0];
    if (best) changed = true;
    return best ?? r.token;
  });
  return { groups, corrected: changed ? words.map((w) => vocabulary.display(w)).join(" ") : null };
}

function phrase(tokens: string[], prefix: boolean): string {
  return `"${tokens.join(" ")}"${prefix ? "*" : ""}`;
}

/** The FTS5 MATCH expression for the groups; tokens are [a-z0-9]+ so quoting is enough. */
export function toFtsExpression(groups: QueryGroup[]): string {
  return groups
    .map((g) => {
      const alts = g.alternatives.map((a) => phrase(a, g.prefix));
      return alts.length === 1 ? alts[0] : `(${alts.join(" OR ")})`;
    })
    .join(" AND ");
}

/** The same expression restricted to the given FTS5 columns. */
export function toColumnFtsExpression(groups: QueryGroup[], columns: string[]): string {
  return `{${columns.join(" ")}} : (${toFtsExpression(groups)})`;
}
