import { foldSpellingVariant } from "../text/fold";
import { Vocabulary } from "./forgiving";
import type { QueryGroup } from "./query";

/** What the index keeps of a published procedure: its folded search text, the name as written, the filters. */
export type IndexedProcedure = {
  id: number;
  name: string;
  searchName: string;
  searchAliases: string;
  searchBody: string;
  fieldId: string;
  level: string;
  unitLevel: string;
  competentUnitId: string | null;
  onlineOnly: boolean;
  essential: boolean;
  popularity: number;
};

/** What stays in memory per procedure (the search text lives only in the postings). */
type Doc = Omit<IndexedProcedure, "searchName" | "searchAliases" | "searchBody">;

export type SearchFilter = {
  fieldId?: string;
  level?: string;
  onlineOnly?: boolean;
  essential?: boolean;
  /** A commune: every commune-level procedure; a department: its own. */
  unit?: { kind: "commune" } | { kind: "department"; id: string };
};

const NAME = 1;
const ALIASES = 2;
const BODY = 4;

type Postings = { name: number[]; aliases: number[]; body: number[] };

/**
 * An in-memory index of a province's published procedures: postings per folded term and column
 * (name, aliases, body), the name's and aliases' term sequences for phrases, and the vocabulary the
 * forgiving reader corrects against. Ranking, best first: an exact name (the query is the whole name),
 * fewer corrected words, matched in the name, then the aliases, then anywhere; then the shorter name,
 * the more popular, the name in code-unit order. Documents are appended and marked dead, never moved,
 * so a refresh after a publish is incremental.
 */
export class SearchEngine {
  readonly vocabulary = new Vocabulary();
  private readonly termIds = new Map<string, number>();
  private readonly postings: Postings[] = [];
  private readonly docs: Doc[] = [];
  private readonly nameTerms: Int32Array[] = [];
  private readonly aliasTerms: Int32Array[] = [];
  private readonly alive: boolean[] = [];
  private readonly byId = new Map<number, number>();
  private listing: number[] | null = null;
  private nameLengthSum = 0;

  get size(): number {
    return this.byId.size;
  }

  has(id: number): boolean {
    return this.byId.has(id);
  }

  private termId(term: string, create: boolean): number {
    let id = this.termIds.get(term);
    if (id === undefined && create) {
      id = this.postings.length;
      this.termIds.set(term, id);
      this.postings.push({ name: [], aliases: [], body: [] });
    }
    return id ?? -1;
  }

  /** Adds (or replaces) a published procedure. */
  add(doc: IndexedProcedure) {
    this.remove(doc.id);
    const at = this.docs.length;
    const { searchName, searchAliases, searchBody, ...kept } = doc;
    this.docs.push(kept);
    this.alive.push(true);
    this.byId.set(doc.id, at);
    this.listing = null;
    const columns = [
      [searchName, "name"],
      [searchAliases, "aliases"],
      [searchBody, "body"],
    ] as const;
    const sequences: Int32Array[] = [];
    for (const [text, column] of columns) {
      // Folded again: rows stored before a folding rule changed still index under the new rule.
      const terms = text.split(" ").filter(Boolean).map(foldSpellingVariant);
      const ids = terms.map((t) => this.termId(t, true));
      const seen = new Set<number>();
      ids.forEach((id, i) => {
        if (seen.has(id)) return;
        seen.add(id);
        (this.postings[id] as Postings)[column].push(at);
        this.vocabulary.add(terms[i] as string);
      });
      if (column !== "body") sequences.push(Int32Array.from(ids));
    }
    this.nameTerms.push(sequences[0] as Int32Array);
    this.nameLengthSum += (sequences[0] as Int32Array).length;
    this.aliasTerms.push(sequences[1] as Int32Array);
    this.vocabulary.addText(doc.name);
  }

  /** Drops a procedure (archived, or replaced by a new version). */
  remove(id: number) {
    const at = this.byId.get(id);
    if (at === undefined) return;
    this.alive[at] = false;
    this.byId.delete(id);
    this.nameLengthSum -= (this.nameTerms[at] as Int32Array).length;
    this.listing = null;
  }

  private passes(doc: Doc, f: SearchFilter): boolean {
    if (f.fieldId !== undefined && doc.fieldId !== f.fieldId) return false;
    if (f.level !== undefined && doc.level !== f.level) return false;
    if (f.onlineOnly !== undefined && doc.onlineOnly !== f.onlineOnly) return false;
    if (f.essential !== undefined && doc.essential !== f.essential) return false;
    if (f.unit?.kind === "commune" && doc.unitLevel !== "commune") return false;
    if (f.unit?.kind === "department" && doc.competentUnitId !== f.unit.id) return false;
    return true;
  }

  /** Without a query: the most popular first, then by name. */
  list(filter: SearchFilter, offset: number, limit: number): { ids: number[]; hasMore: boolean } {
    if (!this.listing)
      this.listing = this.docs
        .map((_, i) => i)
        .filter((i) => this.alive[i])
        .sort((a, b) => {
          const x = this.docs[a] as Doc;
          const y = this.docs[b] as Doc;
          return y.popularity - x.popularity || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
        });
    const order = this.listing;
    const ids: number[] = [];
    let skipped = 0;
    for (const i of order) {
      const doc = this.docs[i] as Doc;
      if (!this.passes(doc, filter)) continue;
      if (skipped < offset) {
        skipped++;
        continue;
      }
      if (ids.length === limit) return { ids, hasMore: true };
      ids.push(doc.id);
    }
    return { ids, hasMore: false };
  }

  /** The term ids an alternative's token stands for at a position (several for a prefix). */
  private expand(token: string, prefix: boolean): number[] {
    if (!prefix) {
      const id = this.termIds.get(token);
      return id === undefined ? [] : [id];
    }
    return this.vocabulary
      .withPrefix(token)
      .map((t) => this.termId(t, false))
      .filter((id) => id >= 0);
  }

  /** Marks, per document, the columns one group matches in (mask) and its cheapest alternative (cost). */
  private matchGroup(group: QueryGroup, mask: Uint8Array, cost: Uint8Array, inName: Uint8Array): number {
    let touched = 0;
    group.alternatives.forEach((alternative, a) => {
      const altCost = group.costs?.[a] ?? 0;
      const last = alternative.length - 1;
      const slots = alternative.map((t, i) => new Set(this.expand(t, group.prefix && i === last)));
      if (slots.some((s) => s.size === 0)) return;
      const mark = (doc: number, bit: number) => {
        if (mask[doc] === 0) {
          touched++;
          cost[doc] = altCost;
        } else if (altCost < (cost[doc] as number)) cost[doc] = altCost;
        mask[doc] = (mask[doc] as number) | bit;
        if (bit === NAME && alternative.length > (inName[doc] as number)) inName[doc] = alternative.length;
      };
      // Documents holding the first token in each column, then the phrase checked in name and aliases.
      for (const [column, bit] of [
        ["name", NAME],
        ["aliases", ALIASES],
        ["body", BODY],
      ] as const) {
        const first = slots[0] as Set<number>;
        for (const term of first)
          for (const doc of (this.postings[term] as Postings)[column]) {
            if (!this.alive[doc]) continue;
            if (alternative.length === 1) {
              mark(doc, bit);
              continue;
            }
            if (column === "body") {
              if (slots.every((s, i) => i === 0 || this.inBody(doc, s))) mark(doc, bit);
              continue;
            }
            const sequence = (column === "name" ? this.nameTerms[doc] : this.aliasTerms[doc]) as Int32Array;
            if (containsPhrase(sequence, slots)) mark(doc, bit);
          }
      }
    });
    return touched;
  }

  private inBody(doc: number, terms: Set<number>): boolean {
    for (const term of terms) if (binaryHas((this.postings[term] as Postings).body, doc)) return true;
    return false;
  }

  /** A page of the ranked matches' ids. */
  search(groups: QueryGroup[], filter: SearchFilter, offset: number, limit: number): { ids: number[]; hasMore: boolean } {
    const n = this.docs.length;
    if (groups.length === 0 || n === 0) return { ids: [], hasMore: false };
    const masks: Uint8Array[] = [];
    const costs: Uint8Array[] = [];
    const inName = new Uint8Array(n);
    let smallest = 0;
    let smallestCount = Number.POSITIVE_INFINITY;
    for (const group of groups) {
      const mask = new Uint8Array(n);
      const cost = new Uint8Array(n);
      const groupInName = new Uint8Array(n);
      const count = this.matchGroup(group, mask, cost, groupInName);
      for (let doc = 0; doc < n; doc++) inName[doc] = (inName[doc] as number) + (groupInName[doc] as number);
      if (count === 0) return { ids: [], hasMore: false };
      if (count < smallestCount) {
        smallest = masks.length;
        smallestCount = count;
      }
      masks.push(mask);
      costs.push(cost);
    }
    type Hit = { doc: number; exact: number; cost: number; tier: number; phrase: number; score: number };
    // The query's words in order, for names that hold them as one run ("cấp giấy chứng nhận …").
    const run = groups.every((g) => g.alternatives.every((a) => a.length === 1))
      ? groups.map((g) => new Set(g.alternatives.flatMap((a) => this.expand(a[0] as string, g.prefix))))
      : null;
    const averageLength = this.nameLengthSum / Math.max(1, this.size);
    const hits: Hit[] = [];
    const base = masks[smallest] as Uint8Array;
    for (let doc = 0; doc < n; doc++) {
      if (base[doc] === 0) continue;
      let all = NAME | ALIASES | BODY;
      let cost = 0;
      let ok = true;
      for (let g = 0; g < masks.length; g++) {
        const m = (masks[g] as Uint8Array)[doc] as number;
        if (m === 0) {
          ok = false;
          break;
        }
        all &= m;
        cost += (costs[g] as Uint8Array)[doc] as number;
      }
      if (!ok || !this.passes(this.docs[doc] as Doc, filter)) continue;
      const length = (this.nameTerms[doc] as Int32Array).length;
      const tier = all & NAME ? 0 : all & ALIASES ? 1 : 2;
      // BM25's length normalisation (k1 = 1.2, b = 0.75) over the name, boosted up to 2× by popularity.
      const lengthFactor = 2.2 / (1 + 1.2 * (0.25 + (0.75 * length) / averageLength));
      const score = lengthFactor * (1 + (this.docs[doc] as Doc).popularity / 1000);
      const phrase = tier === 0 && run && containsPhrase(this.nameTerms[doc] as Int32Array, run) ? 0 : 1;
      hits.push({ doc, exact: tier === 0 && (inName[doc] as number) >= length ? 0 : 1, cost, tier, phrase, score });
    }
    hits.sort((a, b) => {
      const x = this.docs[a.doc] as Doc;
      const y = this.docs[b.doc] as Doc;
      return (
        a.exact - b.exact ||
        a.cost - b.cost ||
        a.tier - b.tier ||
        a.phrase - b.phrase ||
        b.score - a.score ||
        (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)
      );
    });
    return {
      ids: hits.slice(offset, offset + limit).map((h) => (this.docs[h.doc] as Doc).id),
      hasMore: hits.length > offset + limit,
    };
  }
}

function containsPhrase(sequence: Int32Array, slots: Set<number>[]): boolean {
  outer: for (let start = 0; start + slots.length <= sequence.length; start++) {
    for (let i = 0; i < slots.length; i++) if (!(slots[i] as Set<number>).has(sequence[start + i] as number)) continue outer;
    return true;
  }
  return false;
}

function binaryHas(sorted: number[], value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] as number;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
