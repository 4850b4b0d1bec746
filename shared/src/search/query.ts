import { searchTokens } from "../text/fold";
import { FILLERS, SYNONYMS } from "./synonyms";

/** A word position of the query: any one of these token sequences must match. */
export type QueryGroup = { alternatives: string[][]; prefix: boolean };

type PhraseEntry = { key: string[]; alternatives: string[][] };

/** What residents type → how the catalogue names it; a province adds its own (edited by admins). */
export type SynonymEntry = readonly [keys: readonly string[], expansions: readonly string[]];

const fillerPhrases: string[][] = FILLERS.map((f) => searchTokens(f));
const toPhraseEntries = (entries: readonly SynonymEntry[]): PhraseEntry[] =>
  entries.flatMap(([keys, expansions]) => {
    const folded = expansions.map((e) => searchTokens(e)).filter((e) => e.length > 0);
    return keys.flatMap((k) => {
      const key = searchTokens(k);
      if (key.length === 0) return [];
      const alternatives = [key, ...folded.filter((e) => e.join(" ") !== key.join(" "))];
      return [{ key, alternatives }];
    });
  });
const byLongestKey = (a: PhraseEntry, b: PhraseEntry) => b.key.length - a.key.length;
const synonymPhrases: PhraseEntry[] = toPhraseEntries(SYNONYMS).sort(byLongestKey);

function startsWith(tokens: string[], at: number, phrase: string[]): boolean {
  return phrase.length > 0 && phrase.every((t, i) => tokens[at + i] === t);
}

export const MAX_QUERY_TOKENS = 12;

/**
 * Turns what a resident typed into AND-ed groups of alternatives: colloquial
 * phrases expand to the official wording, filler words drop out, and the last
 * word is a prefix while the resident is still typing.
 */
export function parseSearchQuery(raw: string, extra: readonly SynonymEntry[] = []): QueryGroup[] {
  const tokens = searchTokens(raw);
  // The province's own come first, so they win over a built-in key of the same length.
  const phrases = extra.length > 0 ? [...toPhraseEntries(extra), ...synonymPhrases].sort(byLongestKey) : synonymPhrases;
  const groups: QueryGroup[] = [];
  const fillers: QueryGroup[] = [];
  let i = 0;
  while (i < tokens.length) {
    const synonym = phrases.find((s) => startsWith(tokens, i, s.key));
    if (synonym) {
      groups.push({ alternatives: synonym.alternatives, prefix: false });
      i += synonym.key.length;
      continue;
    }
    const filler = fillerPhrases.find((f) => startsWith(tokens, i, f));
    if (filler) {
      fillers.push({ alternatives: [filler], prefix: false });
      i += filler.length;
      continue;
    }
    const token = tokens[i] as string;
    groups.push({ alternatives: [[token]], prefix: i === tokens.length - 1 });
    i += 1;
  }
  return groups.length > 0 ? groups : fillers;
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
