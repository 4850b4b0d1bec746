import type { Context } from "hono";
import type { ProcedureSearchPage, ProcedureSearchQuery } from "../../../shared/src/catalogue/api";
import {
  type FoldedPhrases,
  foldPhrases,
  type LifeEventSummary,
  matchByPhrases,
  type PaperReplacement,
} from "../../../shared/src/search/life-events";
import type { SynonymEntry } from "../../../shared/src/search/query";
import { unmatchedQueryKey } from "../../../shared/src/search/unmatched";
import { searchTokens } from "../../../shared/src/text/fold";
import type { Db } from "../db/client";
import { catalogueEdition } from "../db/repo/admin-procedures";
import { countUnmatched, searchAidRows, toSummary } from "../db/repo/life-events";
import { type SearchAnswer, type SearchPage, searchProcedures } from "../db/repo/procedures";
import type { AppEnv } from "../lib/factory";

/**
 * What leads a search beside the catalogue: life events, abolished or renamed papers and the
 * province's synonyms. Read once per isolate and catalogue edition (which every edit of them
 * bumps), so a search pays nothing for them while nothing changed.
 */
export type SearchAids = {
  synonyms: SynonymEntry[];
  /** Visible events in home-screen order, each with its folded phrases. */
  events: { summary: LifeEventSummary; phrases: FoldedPhrases }[];
  papers: { replacement: PaperReplacement; phrases: FoldedPhrases }[];
};

const cached = new Map<string, { edition: string; aids: Promise<SearchAids> }>();

async function readAids(db: Db, provinceId: string): Promise<SearchAids> {
  const { events, papers, synonyms, names } = await searchAidRows(db, provinceId);
  return {
    synonyms: synonyms.map((s) => [s.keys, s.expansions] as const),
    events: events.map((e) => ({ summary: toSummary(e, names), phrases: foldPhrases(e.phrases) })),
    papers: papers.map((p) => ({
      replacement: {
        paper: p.paper,
        explanation: p.explanation,
        procedure:
          p.procedureCode && names.has(p.procedureCode) ? { code: p.procedureCode, name: names.get(p.procedureCode)! } : null,
      },
      phrases: foldPhrases(p.phrases),
    })),
  };
}

/** The province's search aids as of `edition` (from catalogueEdition). */
export function searchAids(db: Db, provinceId: string, edition: string): Promise<SearchAids> {
  const hit = cached.get(provinceId);
  if (hit && hit.edition === edition) return hit.aids;
  const aids = readAids(db, provinceId);
  cached.set(provinceId, { edition, aids });
  // A failed read is not kept: the next search tries again.
  aids.catch(() => {
    if (cached.get(provinceId)?.aids === aids) cached.delete(provinceId);
  });
  return aids;
}

/**
 * A search with the province's synonyms, and what leads its answer. The aids in hand may be older
 * than the catalogue the search read (each search learns the edition in its own round trip): then
 * they are read again at that edition and the search runs once more with their synonyms.
 */
export async function searchWithAids(
  db: Db,
  provinceId: string,
  query: ProcedureSearchQuery,
  background?: (work: Promise<unknown>) => void,
): Promise<Omit<SearchAnswer, "page"> & { page: ProcedureSearchPage }> {
  const held = cached.get(provinceId) ?? {
    edition: await catalogueEdition(db, provinceId),
    aids: undefined,
  };
  let aids = await (held.aids ?? searchAids(db, provinceId, held.edition));
  let answer = await searchProcedures(db, provinceId, query, { synonyms: aids.synonyms, background });
  if (answer.edition !== held.edition) {
    aids = await searchAids(db, provinceId, answer.edition);
    answer = await searchProcedures(db, provinceId, query, { synonyms: aids.synonyms, background });
  }
  return { ...answer, page: answerSearch(answer.page, query, aids) };
}

/** Events and papers only lead the first page of a search. */
const isFirstPage = (query: ProcedureSearchQuery) => !query.cursor && !!query.q && searchTokens(query.q).length > 0;

/** The search answer: the page of procedures, and on the first page the events and the paper the query names. */
function answerSearch(page: SearchPage, query: ProcedureSearchQuery, aids: SearchAids): ProcedureSearchPage {
  if (!isFirstPage(query)) return { ...page, lifeEvents: [], replacement: null };
  const q = query.q!;
  const [paper] = matchByPhrases(q, aids.papers, 1);
  return {
    ...page,
    lifeEvents: matchByPhrases(q, aids.events, 2).map((e) => e.summary),
    replacement: paper?.replacement ?? null,
  };
}

/**
 * Counts a query that found nothing at all (no procedure, event or paper), on its first page and
 * without filters (a filter can be why nothing came), stripped of anything personal. Written after
 * the answer (waitUntil), also when the answer came from the cache.
 */
export function countIfUnmatched(c: Context<AppEnv>, query: ProcedureSearchQuery, answer: ProcedureSearchPage) {
  if (!isFirstPage(query)) return;
  if (query.field || query.unit || query.level || query.onlineOnly !== undefined || query.essential !== undefined) return;
  if (answer.items.length > 0 || answer.lifeEvents.length > 0 || answer.replacement) return;
  const key = unmatchedQueryKey(query.q!);
  if (!key) return;
  const write = countUnmatched(c.var.db, c.env.PROVINCE_ID, key).catch(() => {
    // Counting is best effort: a failed count never fails a search.
  });
  try {
    c.executionCtx.waitUntil(write);
  } catch {
    // No execution context (app.request without one): the write runs unawaited.
  }
}
