import { DossierCodeParam } from "../../../../shared/src/dossier/api";
import { PortalCoverageQuery, ResendBody } from "../../../../shared/src/portal/sync";
import { scopedDossier, staffScope } from "../../dossiers/access";
import { factory } from "../../lib/factory";
import { validate } from "../../lib/validate";
import { coverage, resend } from "../../portal/status";

/** The national portal sync (`/api/admin/portal-sync`), behind the admin check: coverage and lag per unit, and re-sending a dossier. */
export const adminPortalSyncRoutes = factory
  .createApp()
  .get("/", validate("query", PortalCoverageQuery), async (c) => {
    const scope = await staffScope(c.var.db, c.var.user);
    return c.json(await coverage(c.var.db, scope, c.req.valid("query").month, new Date()), 200);
  })
  .post("/dossiers/:code", validate("param", DossierCodeParam), validate("json", ResendBody), async (c) => {
    const { db, user } = c.var;
    const row = await scopedDossier(db, await staffScope(db, user), c.req.valid("param").code);
    return c.json(await resend(db, row, user, c.req.valid("json").reason), 200);
  });
