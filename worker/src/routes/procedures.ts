import { ProcedureCodeParam, type ProcedureSearchPage, ProcedureSearchQuery } from "../../../shared/src/catalogue/api";
import { catalogueEdition } from "../db/repo/admin-procedures";
import { getPublishedProcedure } from "../db/repo/procedures";
import { CATALOGUE_CACHE } from "../lib/cache";
import { notFound } from "../lib/errors";
import { factory } from "../lib/factory";
import { TtlCache } from "../lib/ttl-cache";
import { validate } from "../lib/validate";
import { countIfUnmatched, searchWithAids } from "../search/aids";

/** As long as clients may cache catalogue answers (CATALOGUE_CACHE); each answer kept with its catalogue edition. */
const searchCache = new TtlCache<{ edition: string; page: ProcedureSearchPage }>(1000, 60_000);

export const procedureRoutes = factory
  .createApp()
  .get("/", validate("query", ProcedureSearchQuery), async (c) => {
    const query = c.req.valid("query");
    // The key is built from validated values only, so unknown parameters cannot flood the cache.
    const key = JSON.stringify([
      c.env.PROVINCE_ID,
      query.q,
      query.field,
      query.unit,
      query.level,
      query.onlineOnly,
      query.essential,
      query.limit,
      query.cursor,
    ]);
    // A kept answer is served only at the catalogue's current edition, so a publish or an edit of the
    // search aids is visible at once in every isolate; a search checks the edition in its own round trip.
    const kept = searchCache.get(key);
    if (kept && kept.edition === (await catalogueEdition(c.var.db, c.env.PROVINCE_ID))) {
      countIfUnmatched(c, query, kept.page);
      return c.json(kept.page, 200, CATALOGUE_CACHE);
    }
    // A cold isolate answers from FTS5 and builds its index after the answer (tests have no execution context: they wait).
    let background: ((work: Promise<unknown>) => void) | undefined;
    try {
      const ctx = c.executionCtx;
      background = (work) => ctx.waitUntil(work);
    } catch {
      background = undefined;
    }
    const { page, edition, provisional } = await searchWithAids(c.var.db, c.env.PROVINCE_ID, query, background);
    // A provisional answer (FTS5 while the index builds) read the query exactly: neither kept nor counted.
    if (provisional) return c.json(page, 200, CATALOGUE_CACHE);
    searchCache.set(key, { edition, page });
    countIfUnmatched(c, query, page);
    return c.json(page, 200, CATALOGUE_CACHE);
  })
  .get("/:code", validate("param", ProcedureCodeParam), async (c) => {
    const procedure = await getPublishedProcedure(c.var.db, c.env.PROVINCE_ID, c.req.valid("param").code);
    if (!procedure) throw notFound("Không tìm thấy thủ tục này.");
    return c.json(procedure, 200, CATALOGUE_CACHE);
  });
