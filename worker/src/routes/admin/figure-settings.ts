import { FigureSettingsBody } from "../../../../shared/src/figures/api";
import { changeFigureSettings } from "../../dashboard/settings";
import { getFigureSettings } from "../../db/repo/figure-settings";
import { factory } from "../../lib/factory";
import { validate } from "../../lib/validate";

/** The province's settings of the figures (`/api/admin/figure-settings`). */
export const adminFigureSettingRoutes = factory
  .createApp()
  .get("/", async (c) => c.json(await getFigureSettings(c.var.db, c.var.user.provinceId), 200))
  .put("/", validate("json", FigureSettingsBody), async (c) => {
    const { reason, ...set } = c.req.valid("json");
    return c.json(await changeFigureSettings(c.var.db, c.var.user, set, reason), 200);
  });
