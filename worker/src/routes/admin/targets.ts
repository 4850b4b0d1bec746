import { TargetHistoryQuery, TargetsBody, TargetsQuery } from "../../../../shared/src/figures/api";
import { setTargets, targetSuggestions } from "../../dashboard/targets";
import { targetHistory } from "../../db/repo/targets";
import { factory } from "../../lib/factory";
import { validate } from "../../lib/validate";

/** Units' targets (`/api/admin/targets`): suggested from a baseline, set by decision, superseded by newer ones. */
export const adminTargetRoutes = factory
  .createApp()
  .get("/", validate("query", TargetsQuery), async (c) =>
    c.json(await targetSuggestions(c.var.db, c.var.user.provinceId, c.req.valid("query"), new Date()), 200),
  )
  .post("/", validate("json", TargetsBody), async (c) => c.json(await setTargets(c.var.db, c.var.user, c.req.valid("json")), 201))
  .get("/history", validate("query", TargetHistoryQuery), async (c) =>
    c.json({ items: await targetHistory(c.var.db, c.var.user.provinceId, c.req.valid("query")) }, 200),
  );
