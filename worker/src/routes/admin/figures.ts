import { RecomputeBody } from "../../../../shared/src/figures/recompute";
import { recomputeFigures } from "../../figures/recompute";
import { factory } from "../../lib/factory";
import { validate } from "../../lib/validate";

/** The figures' upkeep (`/api/admin/figures`); mounted behind the admin role check. */
export const adminFigureRoutes = factory
  .createApp()
  .post("/recompute", validate("json", RecomputeBody), async (c) =>
    c.json(await recomputeFigures(c.var.db, c.var.user, c.req.valid("json")), 200),
  );
