import {
  LifeEventBody,
  PaperReplacementBody,
  ReasonBody,
  SlugParam,
  SynonymBody,
  SynonymIdParam,
  UnmatchedQuery,
} from "../../../../shared/src/admin/search";
import { adminLifeEvents, adminPaperReplacements, adminSynonyms, listUnmatched } from "../../db/repo/life-events";
import { factory } from "../../lib/factory";
import { validate } from "../../lib/validate";
import {
  addSynonym,
  changeSynonym,
  putLifeEvent,
  putPaperReplacement,
  removeLifeEvent,
  removePaperReplacement,
  removeSynonym,
  vietnamRange,
} from "../../search/admin";

/** Life events (`/api/admin/life-events`): every event, hidden ones too; create or replace by slug; remove. */
export const adminLifeEventRoutes = factory
  .createApp()
  .get("/", async (c) => c.json({ items: await adminLifeEvents(c.var.db, c.var.user.provinceId) }, 200))
  .put("/:slug", validate("param", SlugParam), validate("json", LifeEventBody), async (c) =>
    c.json(await putLifeEvent(c.var.db, c.var.user, c.req.valid("param").slug, c.req.valid("json")), 200),
  )
  .post("/:slug/delete", validate("param", SlugParam), validate("json", ReasonBody), async (c) => {
    await removeLifeEvent(c.var.db, c.var.user, c.req.valid("param").slug, c.req.valid("json").reason);
    return c.body(null, 204);
  });

/** Abolished or renamed papers (`/api/admin/paper-replacements`). */
export const adminPaperRoutes = factory
  .createApp()
  .get("/", async (c) => c.json({ items: await adminPaperReplacements(c.var.db, c.var.user.provinceId) }, 200))
  .put("/:slug", validate("param", SlugParam), validate("json", PaperReplacementBody), async (c) =>
    c.json(await putPaperReplacement(c.var.db, c.var.user, c.req.valid("param").slug, c.req.valid("json")), 200),
  )
  .post("/:slug/delete", validate("param", SlugParam), validate("json", ReasonBody), async (c) => {
    await removePaperReplacement(c.var.db, c.var.user, c.req.valid("param").slug, c.req.valid("json").reason);
    return c.body(null, 204);
  });

/** The province's own search synonyms (`/api/admin/search-synonyms`). */
export const adminSynonymRoutes = factory
  .createApp()
  .get("/", async (c) => c.json({ items: await adminSynonyms(c.var.db, c.var.user.provinceId) }, 200))
  .post("/", validate("json", SynonymBody), async (c) => c.json(await addSynonym(c.var.db, c.var.user, c.req.valid("json")), 201))
  .put("/:id", validate("param", SynonymIdParam), validate("json", SynonymBody), async (c) =>
    c.json(await changeSynonym(c.var.db, c.var.user, c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .post("/:id/delete", validate("param", SynonymIdParam), validate("json", ReasonBody), async (c) => {
    await removeSynonym(c.var.db, c.var.user, c.req.valid("param").id, c.req.valid("json").reason);
    return c.body(null, 204);
  });

/** What residents searched for and did not find (`/api/admin/unmatched-queries`), most frequent first. */
export const adminUnmatchedRoutes = factory.createApp().get("/", validate("query", UnmatchedQuery), async (c) => {
  const { from, to, resolved, limit } = c.req.valid("query");
  const items = await listUnmatched(c.var.db, c.var.user.provinceId, {
    ...vietnamRange(from, to),
    resolved: resolved === "true",
    limit,
  });
  return c.json({ items }, 200);
});
