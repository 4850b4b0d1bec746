import { Vocabulary } from "../../../shared/src/search/forgiving";
import type { QueryGroup } from "../../../shared/src/search/query";
import { foldSpellingVariant } from "../../../shared/src/text/fold";

/** What the index is given of a published procedure: its folded search text, the name as written, the filters. */
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
const COLUMNS = [NAME, ALIASES, BODY] as const;

type Postings = [number[], number[], number[]];
/** A position of an alternative: the term ids it stands for, and the same as a mask over all terms. */
type Slot = { ids: number[]; mask: Uint8Array };
type Alternative = { slots: Slot[]; cost: number; length: number };
type Prepared = { alternatives: Alternative[]; size: number; terms: number };

/** Small codes for the filter values, so a document's filters are numbers in arrays. */
class Codes {
  private readonly map = new Map<string, number>();
  code(value: string): number {
    let c = this.map.get(value);
    if (c === undefined) {
      c = this.map.size + 1;
      this.map.set(value, c);
    }
    return c;
  }
  find(value: string): number {
    return this.map.get(value) ?? -1;
  }
}

/** A growable Uint8Array scratch column, one cell per document. */
function grow(array: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer> {
  if (array.length >= size) return array;
  const next = new Uint8Array(Math.max(size, array.length * 2, 1024));
  next.set(array);
  return next;
}

/**
 * An in-memory index of a province's published procedures, column-wise so that 100k of them fit an
 * isolate: postings per folded term and column (name, aliases, body), the name's and aliases' term
 * sequences for phrases, the filters as small codes, and the vocabulary the forgiving reader corrects
 * against. Documents are appended and marked dead, never moved, so a refresh after a publish is
 * incremental. Ranking, best first: an exact name (the query is the whole name), fewer corrected
 * words, matched in the name, then the aliases, then anywhere; a name holding the query's words as one
 * run; then BM25's length normalisation (k1 1.2, b 0.75) over the name boosted up to 2× by popularity;
 * then the older document.
 */
export class SearchEngine {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Postings per term: [name, aliases, body] document numbers, ascending. */
  private readonly postings: Postings[] = [];
  readonly vocabulary = new Vocabulary((term) => {
    const id = this.termIds.get(term);
    if (id === undefined) return 0;
    const p = this.postings[id] as Postings;
    return p[0].length + p[1].length + p[2].length;
  });

  private readonly ids: number[] = [];
  private alive = new Uint8Array(0);
  private readonly popularity: number[] = [];
  private readonly field: number[] = [];
  private readonly level: number[] = [];
  private readonly communeLevel: number[] = [];
  private readonly unit: number[] = [];
  private readonly flags: number[] = [];
  private readonly sequences: number[] = [];
  private readonly nameStart: number[] = [];
  private readonly nameLength: number[] = [];
  private readonly aliasStart: number[] = [];
  private readonly aliasLength: number[] = [];
  private readonly byId = new Map<number, number>();
  private readonly codes = new Codes();
  private nameLengthSum = 0;
  private listing: number[] | null = null;

  // Per-search scratch, reused (a search runs to its end without awaiting).
  private columns = new Uint8Array(0);
  private cost = new Uint8Array(0);
  private inName = new Uint8Array(0);
  private groupColumns = new Uint8Array(0);
  private groupCost = new Uint8Array(0);
  private groupInName = new Uint8Array(0);

  get size(): number {
    return this.byId.size;
  }

  has(id: number): boolean {
    return this.byId.has(id);
  }

  private termOf(token: string): number {
    let id = this.termIds.get(token);
    if (id !== undefined) return id;
    // Rows stored before a folding rule changed still index under the new rule.
    const folded = foldSpellingVariant(token);
    id = this.termIds.get(folded);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(folded);
      this.postings.push([[], [], []]);
      this.termIds.set(folded, id);
      this.vocabulary.add(folded);
    }
    if (folded !== token) this.termIds.set(token, id);
    return id;
  }

  /** Adds (or replaces) a published procedure. */
  add(p: IndexedProcedure) {
    this.remove(p.id);
    const doc = this.ids.length;
    this.ids.push(p.id);
    this.alive = grow(this.alive, doc + 1);
    this.alive[doc] = 1;
    this.popularity.push(p.popularity);
    this.field.push(this.codes.code(`f:${p.fieldId}`));
    this.level.push(this.codes.code(`l:${p.level}`));
    this.communeLevel.push(p.unitLevel === "commune" ? 1 : 0);
    this.unit.push(p.competentUnitId ? this.codes.code(`u:${p.competentUnitId}`) : 0);
    this.flags.push((p.onlineOnly ? 1 : 0) | (p.essential ? 2 : 0));
    this.byId.set(p.id, doc);
    this.listing = null;
    const texts = [p.searchName, p.searchAliases, p.searchBody];
    for (let c = 0; c < 3; c++) {
      const terms = (texts[c] as string)
        .split(" ")
        .filter(Boolean)
        .map((t) => this.termOf(t));
      if (c === 0) {
        this.nameStart.push(this.sequences.length);
        this.nameLength.push(terms.length);
        this.nameLengthSum += terms.length;
      } else if (c === 1) {
        this.aliasStart.push(this.sequences.length);
        this.aliasLength.push(terms.length);
      }
      if (c < 2) for (const t of terms) this.sequences.push(t);
      for (const t of new Set(terms)) (this.postings[t] as Postings)[c]?.push(doc);
    }
    this.vocabulary.addText(p.name);
  }

  /** Drops a procedure (archived, or replaced by a new version). */
  remove(id: number) {
    const doc = this.byId.get(id);
    if (doc === undefined) return;
    this.alive[doc] = 0;
    this.byId.delete(id);
    this.nameLengthSum -= this.nameLength[doc] as number;
    this.listing = null;
  }

  private filterCodes(f: SearchFilter) {
    return {
      field: f.fieldId !== undefined ? this.codes.find(`f:${f.fieldId}`) : 0,
      level: f.level !== undefined ? this.codes.find(`l:${f.level}`) : 0,
      flagsMask: (f.onlineOnly !== undefined ? 1 : 0) | (f.essential !== undefined ? 2 : 0),
      flags: (f.onlineOnly ? 1 : 0) | (f.essential ? 2 : 0),
      commune: f.unit?.kind === "commune",
      unit: f.unit?.kind === "department" ? this.codes.find(`u:${f.unit.id}`) : 0,
    };
  }

  private passes(doc: number, f: ReturnType<SearchEngine["filterCodes"]>): boolean {
    if (f.field !== 0 && this.field[doc] !== f.field) return false;
    if (f.level !== 0 && this.level[doc] !== f.level) return false;
    if (((this.flags[doc] as number) & f.flagsMask) !== f.flags) return false;
    if (f.commune && this.communeLevel[doc] !== 1) return false;
    if (f.unit !== 0 && this.unit[doc] !== f.unit) return false;
    return true;
  }

  /** Without a query: the most popular first, then the older. */
  list(filter: SearchFilter, offset: number, limit: number): { ids: number[]; hasMore: boolean } {
    if (!this.listing)
      this.listing = this.ids
        .map((_, doc) => doc)
        .filter((doc) => this.alive[doc] === 1)
        .sort((a, b) => (this.popularity[b] as number) - (this.popularity[a] as number) || a - b);
    const f = this.filterCodes(filter);
    const ids: number[] = [];
    let skipped = 0;
    for (const doc of this.listing) {
      if (!this.passes(doc, f)) continue;
      if (skipped < offset) {
        skipped++;
        continue;
      }
      if (ids.length === limit) return { ids, hasMore: true };
      ids.push(this.ids[doc] as number);
    }
    return { ids, hasMore: false };
  }

  /** The term ids a token stands for (several for a prefix). */
  private expand(token: string, prefix: boolean): number[] {
    if (!prefix) {
      const id = this.termIds.get(token);
      return id === undefined ? [] : [id];
    }
    return this.vocabulary.withPrefix(token).flatMap((t) => {
      const id = this.termIds.get(t);
      return id === undefined ? [] : [id];
    });
  }

  private phraseAt(start: number, length: number, slots: Slot[]): boolean {
    const seq = this.sequences;
    outer: for (let s = start; s + slots.length <= start + length; s++) {
      for (let i = 0; i < slots.length; i++) if ((slots[i] as Slot).mask[seq[s + i] as number] !== 1) continue outer;
      return true;
    }
    return false;
  }

  private slot(token: string, prefix: boolean): Slot {
    const ids = this.expand(token, prefix);
    const mask = new Uint8Array(this.terms.length);
    for (const id of ids) mask[id] = 1;
    return { ids, mask };
  }

  /** A group's alternatives as term ids, and how many postings it spans (to pick the cheapest evaluation). */
  private prepare(group: QueryGroup, columnCount: number): Prepared {
    const alternatives = group.alternatives.flatMap((alternative, a) => {
      const last = alternative.length - 1;
      const slots = alternative.map((t, i) => this.slot(t, group.prefix && i === last));
      if (slots.some((s) => s.ids.length === 0)) return [];
      return [{ slots, cost: Math.min(group.costs?.[a] ?? 0, 200), length: alternative.length }];
    });
    let size = 0;
    let terms = 0;
    for (const a of alternatives)
      for (const id of (a.slots[0] as Slot).ids) {
        const p = this.postings[id] as Postings;
        for (let c = 0; c < columnCount; c++) size += (p[c] as number[]).length;
        terms++;
      }
    return { alternatives, size, terms };
  }

  /** Whether an alternative holds at a document in a column (phrases in order in name and aliases). */
  private holds(alternative: Alternative, doc: number, c: number, viaPostings: boolean): boolean {
    const { slots } = alternative;
    if (viaPostings && !(slots[0] as Slot).ids.some((id) => binaryHas((this.postings[id] as Postings)[c] as number[], doc)))
      return false;
    if (slots.length === 1) return true;
    if (c === 0) return this.phraseAt(this.nameStart[doc] as number, this.nameLength[doc] as number, slots);
    if (c === 1) return this.phraseAt(this.aliasStart[doc] as number, this.aliasLength[doc] as number, slots);
    return slots.every((slot, i) => i === 0 || slot.ids.some((id) => binaryHas((this.postings[id] as Postings)[2], doc)));
  }

  private mark(doc: number, bit: number, alternative: Alternative, touched: number[]) {
    const { groupColumns, groupCost, groupInName } = this;
    if (groupColumns[doc] === 0) {
      touched.push(doc);
      groupCost[doc] = alternative.cost;
    } else if (alternative.cost < (groupCost[doc] as number)) groupCost[doc] = alternative.cost;
    groupColumns[doc] = (groupColumns[doc] as number) | bit;
    if (bit === NAME && alternative.length > (groupInName[doc] as number)) groupInName[doc] = alternative.length;
  }

  /** Marks every document a group matches, walking its postings. Answers the documents touched. */
  private walkGroup(group: Prepared, columnCount: number): number[] {
    const touched: number[] = [];
    const { alive, groupColumns, groupCost, groupInName } = this;
    for (const alternative of group.alternatives) {
      if (alternative.slots.length === 1) {
        // One word: a tight loop over its postings.
        const altCost = alternative.cost;
        for (let c = 0; c < columnCount; c++) {
          const bit = COLUMNS[c] as number;
          for (const term of (alternative.slots[0] as Slot).ids) {
            const list = (this.postings[term] as Postings)[c] as number[];
            for (let i = 0; i < list.length; i++) {
              const doc = list[i] as number;
              if (alive[doc] !== 1) continue;
              const seen = groupColumns[doc] as number;
              if (seen === 0) {
                touched.push(doc);
                groupCost[doc] = altCost;
              } else if (altCost < (groupCost[doc] as number)) groupCost[doc] = altCost;
              groupColumns[doc] = seen | bit;
              if (c === 0 && (groupInName[doc] as number) < 1) groupInName[doc] = 1;
            }
          }
        }
        continue;
      }
      for (let c = 0; c < columnCount; c++)
        for (const term of (alternative.slots[0] as Slot).ids)
          for (const doc of (this.postings[term] as Postings)[c] as number[])
            if (this.alive[doc] === 1 && this.holds(alternative, doc, c, false))
              this.mark(doc, COLUMNS[c] as number, alternative, touched);
    }
    return touched;
  }

  /** Marks the given documents where a group matches them, by binary search in its postings. */
  private probeGroup(group: Prepared, docs: number[], columnCount: number): number[] {
    const touched: number[] = [];
    for (const doc of docs)
      for (const alternative of group.alternatives)
        for (let c = 0; c < columnCount; c++)
          if (this.holds(alternative, doc, c, true)) this.mark(doc, COLUMNS[c] as number, alternative, touched);
    return touched;
  }

  /**
   * A page of the ranked matches' ids. When every group costs the same at every document, matches in
   * the name outrank all others, so the names alone are searched first and the aliases and bodies only
   * when the names do not fill the page.
   */
  search(groups: QueryGroup[], filter: SearchFilter, offset: number, limit: number): { ids: number[]; hasMore: boolean } {
    const n = this.ids.length;
    if (groups.length === 0 || n === 0) return { ids: [], hasMore: false };
    for (const key of ["columns", "cost", "inName", "groupColumns", "groupCost", "groupInName"] as const)
      this[key] = grow(this[key], n);
    const uniform = groups.every((g) => !g.costs || g.costs.every((c) => c === g.costs?.[0]));
    if (uniform) {
      const names = this.rank(groups, this.evaluate(groups, 1), filter, offset, limit);
      if (names.total > offset + limit) return { ids: names.ids, hasMore: true };
    }
    const all = this.rank(groups, this.evaluate(groups, 3), filter, offset, limit);
    return { ids: all.ids, hasMore: all.total > offset + limit };
  }

  /** The documents every group matches in the first `columnCount` columns, their columns, cost and name coverage marked. */
  private evaluate(groups: QueryGroup[], columnCount: number): number[] {
    const { columns, cost, inName, groupColumns, groupCost, groupInName } = this;
    // The rarest group first; each next one probes the candidates left, or walks its postings when cheaper.
    const prepared = groups.map((g) => this.prepare(g, columnCount)).sort((a, b) => a.size - b.size);
    if (prepared.some((g) => g.alternatives.length === 0)) return [];
    let candidates: number[] = [];
    for (let g = 0; g < prepared.length; g++) {
      const group = prepared[g] as Prepared;
      const touched =
        g > 0 && candidates.length * group.terms * columnCount * 20 < group.size
          ? this.probeGroup(group, candidates, columnCount)
          : this.walkGroup(group, columnCount);
      if (g === 0)
        for (const doc of touched) {
          columns[doc] = groupColumns[doc] as number;
          cost[doc] = groupCost[doc] as number;
          inName[doc] = groupInName[doc] as number;
        }
      else
        for (const doc of candidates)
          if (groupColumns[doc] !== 0) {
            columns[doc] = (columns[doc] as number) & (groupColumns[doc] as number);
            cost[doc] = Math.min(255, (cost[doc] as number) + (groupCost[doc] as number));
            inName[doc] = Math.min(255, (inName[doc] as number) + (groupInName[doc] as number));
          }
      const next = g === 0 ? touched : candidates.filter((doc) => groupColumns[doc] !== 0);
      for (const doc of touched) {
        groupColumns[doc] = 0;
        groupCost[doc] = 0;
        groupInName[doc] = 0;
      }
      candidates = next;
      if (candidates.length === 0) break;
    }
    return candidates;
  }

  private rank(groups: QueryGroup[], candidates: number[], filter: SearchFilter, offset: number, limit: number) {
    const f = this.filterCodes(filter);
    const run = groups.every((g) => g.alternatives.every((a) => a.length === 1))
      ? groups.map((g): Slot => {
          const mask = new Uint8Array(this.terms.length);
          const ids = g.alternatives.flatMap((a) => this.expand(a[0] as string, g.prefix));
          for (const id of ids) mask[id] = 1;
          return { ids, mask };
        })
      : null;
    const averageLength = this.nameLengthSum / Math.max(1, this.size);
    const keep = offset + limit;
    // The best `keep` so far, worst last: [class, score, doc]; a lower class and a higher score rank first.
    const best: [number, number, number][] = [];
    const better = (a: [number, number, number], b: [number, number, number]) =>
      a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] < b[2];
    let total = 0;
    for (const doc of candidates) {
      if (!this.passes(doc, f)) continue;
      total++;
      const all = this.columns[doc] as number;
      const tier = all & NAME ? 0 : all & ALIASES ? 1 : 2;
      const length = this.nameLength[doc] as number;
      const exact = tier === 0 && (this.inName[doc] as number) >= length ? 0 : 1;
      const head = (exact * 256 + (this.cost[doc] as number)) * 4 + tier;
      const lengthFactor = 2.2 / (1 + 1.2 * (0.25 + (0.75 * length) / averageLength));
      const score = lengthFactor * (1 + (this.popularity[doc] as number) / 1000);
      const worst = best[best.length - 1];
      if (best.length === keep && worst && (head * 2 > (worst[0] as number) || (head * 2 === worst[0] && score <= worst[1])))
        continue;
      const phrase = tier === 0 && run && this.phraseAt(this.nameStart[doc] as number, length, run) ? 0 : 1;
      const entry: [number, number, number] = [head * 2 + phrase, score, doc];
      if (best.length === keep && worst && !better(entry, worst)) continue;
      let at = best.length;
      while (at > 0 && better(entry, best[at - 1] as [number, number, number])) at--;
      best.splice(at, 0, entry);
      if (best.length > keep) best.pop();
    }
    return { ids: best.slice(offset).map(([, , doc]) => this.ids[doc] as number), total };
  }
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
