import { ProcedureCodeParam, type ProcedureSearchPage, ProcedureSearchQuery } from "../../../shared/src/catalogue/api";
import { catalogueEdition } from "../db/repo/admin-procedures";
import { getPublishedProcedure, searchProcedures } from "../db/repo/procedures";
import { CATALOGUE_CACHE } from "../lib/cache";
import { notFound } from "../lib/errors";
import { factory } from "../lib/factory";
import { TtlCache } from "../lib/ttl-cache";
import { validate } from "../lib/validate";
import { answerSearch, countIfUnmatched, searchAids } from "../search/aids";

/** As long as clients may cache catalogue answers (CATALOGUE_CACHE). */
const searchCache = new TtlCache<ProcedureSearchPage>(1000, 60_000);

export const procedureRoutes = factory
  .createApp()
  .get("/", validate("query", ProcedureSearchQuery), async (c) => {
    const query = c.req.valid("query");
    // The key is built from validated values only, so unknown parameters cannot flood the cache; the
    // catalogue's edition makes a publish visible at once in every isolate.
    const edition = await catalogueEdition(c.var.db, c.env.PROVINCE_ID);
    const key = JSON.stringify([
      c.env.PROVINCE_ID,
      edition,
      query.q,
      query.field,
      query.unit,
      query.level,
      query.onlineOnly,
      query.essential,
      query.limit,
      query.cursor,
    ]);
    let page = searchCache.get(key);
    if (!page) {
      // Life events, papers and the province's synonyms (slice "events"): read once per edition.
      const aids = await searchAids(c.var.db, c.env.PROVINCE_ID, edition);
      page = answerSearch(await searchProcedures(c.var.db, c.env.PROVINCE_ID, query, { synonyms: aids.synonyms }), query, aids);
      searchCache.set(key, page);
    }
    countIfUnmatched(c, query, page);
    return c.json(page, 200, CATALOGUE_CACHE);
  })
  .get("/:code", validate("param", ProcedureCodeParam), async (c) => {
    const procedure = await getPublishedProcedure(c.var.db, c.env.PROVINCE_ID, c.req.valid("param").code);
    if (!procedure) throw notFound("Không tìm thấy thủ tục này.");
    return c.json(procedure, 200, CATALOGUE_CACHE);
  });
