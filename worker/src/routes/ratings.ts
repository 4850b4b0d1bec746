import { DossierCodeParam } from "../../../shared/src/dossier/api";
import {
  CaseIdParam,
  CaseListQuery,
  CaseReplyBody,
  RateBody,
  RatingDetailsBody,
  ReratingBody,
} from "../../../shared/src/ratings/api";
import { describeStarRule } from "../../../shared/src/ratings/ratings";
import { requireRole, requireUser } from "../auth/middleware";
import { applicantDossier, staffScope, visibleDossier } from "../dossiers/access";
import { factory } from "../lib/factory";
import { validate } from "../lib/validate";
import { caseForStaff, listCases, replyToCase, rerate } from "../ratings/cases";
import { addDetails, rateDossier, ratingConfig, ratingView } from "../ratings/ratings";

/** A dossier's rating: the applicant rates and re-rates; whoever sees the dossier sees its rating and case. */
export const dossierRatingRoutes = factory
  .createApp()
  .use(requireUser())
  .get("/:code/rating", validate("param", DossierCodeParam), async (c) => {
    const { db, user } = c.var;
    const row = await visibleDossier(db, user, c.req.valid("param").code);
    c.header("Cache-Control", "private, no-store");
    return c.json(await ratingView(db, user, row), 200);
  })
  .post("/:code/rating", validate("param", DossierCodeParam), validate("json", RateBody), async (c) => {
    const { db, user } = c.var;
    const row = await applicantDossier(db, user, c.req.valid("param").code);
    await rateDossier(db, c.env, row, c.req.valid("json"));
    return c.json(await ratingView(db, user, row), 200);
  })
  .post("/:code/rating/details", validate("param", DossierCodeParam), validate("json", RatingDetailsBody), async (c) => {
    const { db, user } = c.var;
    const row = await applicantDossier(db, user, c.req.valid("param").code);
    await addDetails(db, row, c.req.valid("json"));
    return c.json(await ratingView(db, user, row), 200);
  })
  .post("/:code/rating/rerating", validate("param", DossierCodeParam), validate("json", ReratingBody), async (c) => {
    const { db, user } = c.var;
    const row = await applicantDossier(db, user, c.req.valid("param").code);
    await rerate(db, row, c.req.valid("json"));
    return c.json(await ratingView(db, user, row), 200);
  });

/** The cases "Không hài lòng" opened: unit leaders read and answer their units', province admins read all. */
export const staffRatingRoutes = factory
  .createApp()
  // Scoped to its own paths: mounted beside the other /api/staff routers, it must not answer theirs.
  .use("/rating-cases/*", requireUser("leader", "admin"), async (c, next) => {
    c.set("scope", await staffScope(c.var.db, c.var.user));
    await next();
  })
  .get("/rating-cases", validate("query", CaseListQuery), async (c) => {
    const { db, user, scope } = c.var;
    return c.json(await listCases(db, user, scope, c.req.valid("query").status), 200);
  })
  .get("/rating-cases/:id", validate("param", CaseIdParam), async (c) => {
    const { db, user, scope } = c.var;
    return c.json(await caseForStaff(db, user, scope, c.req.valid("param").id), 200);
  })
  .post(
    "/rating-cases/:id/reply",
    requireRole("leader"),
    validate("param", CaseIdParam),
    validate("json", CaseReplyBody),
    async (c) => {
      const { db, user, scope } = c.var;
      return c.json(await replyToCase(db, user, scope, c.req.valid("param").id, c.req.valid("json")), 200);
    },
  );

/** The published rating scale: how Zalo's stars become the three levels, and the days a case has. */
export const ratingScaleRoutes = factory.createApp().get("/scale", (c) => {
  const config = ratingConfig(c.env);
  return c.json({ levels: describeStarRule(config.stars), caseDays: config.caseDays }, 200);
});
