import { DashboardUnitParam, DrillDossiersQuery } from "../../../../shared/src/figures/api";
import { requireUser } from "../../auth/middleware";
import { figureDossiers } from "../../dashboard/drill";
import { monthPeriod } from "../../dashboard/period";
import { requireFiguresUnit, staffScope } from "../../dossiers/access";
import { factory } from "../../lib/factory";
import { validate } from "../../lib/validate";

/**
 * The province's figures (`/api/admin/dashboard`): a province admin reads every unit, a unit
 * leader the units of their scope (drill-downs of other units are a 403). Every other role is refused.
 */
export const adminDashboardRoutes = factory
  .createApp()
  .use(requireUser("admin", "leader"))
  .get("/units/:unitId/dossiers", validate("param", DashboardUnitParam), validate("query", DrillDossiersQuery), async (c) => {
    const { unitId } = c.req.valid("param");
    requireFiguresUnit(await staffScope(c.var.db, c.var.user), unitId);
    const { month, figure, cursor, limit } = c.req.valid("query");
    const now = new Date();
    return c.json(await figureDossiers(c.var.db, unitId, monthPeriod(month, now), figure, { cursor, limit }, now), 200);
  });
