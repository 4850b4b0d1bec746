import { LifeEventSlugParam } from "../../../shared/src/search/life-event-api";
import { catalogueEdition } from "../db/repo/admin-procedures";
import { publishedSummaries, toSummary, visibleLifeEvent } from "../db/repo/life-events";
import { CATALOGUE_CACHE } from "../lib/cache";
import { notFound } from "../lib/errors";
import { factory } from "../lib/factory";
import { validate } from "../lib/validate";
import { searchAids } from "../search/aids";

/**
 * Life events for residents (`/api/life-events`): the home screen's list, in the province's order,
 * and one event's procedures in order. Public and cacheable like the catalogue; the list is read
 * once per isolate and catalogue edition.
 */
export const lifeEventRoutes = factory
  .createApp()
  .get("/", async (c) => {
    const edition = await catalogueEdition(c.var.db, c.env.PROVINCE_ID);
    const aids = await searchAids(c.var.db, c.env.PROVINCE_ID, edition);
    return c.json({ items: aids.events.map((e) => e.summary) }, 200, CATALOGUE_CACHE);
  })
  .get("/:slug", validate("param", LifeEventSlugParam), async (c) => {
    const event = await visibleLifeEvent(c.var.db, c.env.PROVINCE_ID, c.req.valid("param").slug);
    if (!event) throw notFound("Không tìm thấy sự kiện này.");
    const summaries = await publishedSummaries(
      c.var.db,
      c.env.PROVINCE_ID,
      event.steps.map((s) => s.code),
    );
    const names = new Map([...summaries].map(([code, s]) => [code, s.name]));
    const steps = event.steps.flatMap((s) => {
      const procedure = summaries.get(s.code);
      return procedure ? [{ note: s.note, procedure }] : [];
    });
    return c.json({ ...toSummary(event, names), steps }, 200, CATALOGUE_CACHE);
  });
