import { TargetHistoryQuery, TargetsBody } from "../../../../shared/src/figures/api";
import { setTargets } from "../../dashboard/targets";
import { targetHistory } from "../../db/repo/targets";
import { factory } from "../../lib/factory";
import { validate } from "../../lib/validate";

/** Units' targets (`/api/admin/targets`): set by decision, never edited, superseded by newer ones. */
export const adminTargetRoutes = factory
  .createApp()
  .post("/", validate("json", TargetsBody), async (c) => c.json(await setTargets(c.var.db, c.var.user, c.req.valid("json")), 201))
  .get("/history", validate("query", TargetHistoryQuery), async (c) =>
    c.json({ items: await targetHistory(c.var.db, c.var.user.provinceId, c.req.valid("query")) }, 200),
  );
