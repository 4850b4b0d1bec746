import {
  DashboardQuery,
  DashboardUnitParam,
  DrillDossiersQuery,
  TrendsQuery,
  UnitDrillQuery,
} from "../../../../shared/src/figures/api";
import { requireUser } from "../../auth/middleware";
import { figureDossiers } from "../../dashboard/drill";
import { dashboard, figuresUnit, trends, unitDrill, unitOfficers } from "../../dashboard/figures";
import { figuresMonth } from "../../dashboard/period";
import { staffScope } from "../../dossiers/access";
import { factory } from "../../lib/factory";
import { validate } from "../../lib/validate";

/**
 * The province's figures (`/api/admin/dashboard`): a province admin reads every unit, a unit
 * leader the units of their scope (another unit's figures are a 403). Every other role is refused.
 */
export const adminDashboardRoutes = factory
  .createApp()
  .use(requireUser("admin", "leader"))
  .get("/", validate("query", DashboardQuery), async (c) => {
    const scope = await staffScope(c.var.db, c.var.user);
    return c.json(await dashboard(c.var.db, scope, c.req.valid("query").month, new Date()), 200);
  })
  .get("/trends", validate("query", TrendsQuery), async (c) => {
    const { unitId, months } = c.req.valid("query");
    return c.json(await trends(c.var.db, await staffScope(c.var.db, c.var.user), unitId, months, new Date()), 200);
  })
  .get("/units/:unitId", validate("param", DashboardUnitParam), validate("query", UnitDrillQuery), async (c) => {
    const scope = await staffScope(c.var.db, c.var.user);
    return c.json(await unitDrill(c.var.db, scope, c.req.valid("param").unitId, c.req.valid("query").month, new Date()), 200);
  })
  .get("/units/:unitId/dossiers", validate("param", DashboardUnitParam), validate("query", DrillDossiersQuery), async (c) => {
    const unit = await figuresUnit(c.var.db, await staffScope(c.var.db, c.var.user), c.req.valid("param").unitId);
    const { month, figure, cursor, limit } = c.req.valid("query");
    const now = new Date();
    return c.json(await figureDossiers(c.var.db, unit.id, figuresMonth(month, now), figure, { cursor, limit }, now), 200);
  })
  .get("/units/:unitId/officers", validate("param", DashboardUnitParam), validate("query", UnitDrillQuery), async (c) => {
    const scope = await staffScope(c.var.db, c.var.user);
    const unit = await figuresUnit(c.var.db, scope, c.req.valid("param").unitId);
    return c.json(await unitOfficers(c.var.db, unit, c.req.valid("query").month, new Date()), 200);
  });
