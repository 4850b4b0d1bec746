import { UnitIdParam } from "../../../shared/src/catalogue/api";
import { getUnit, listFields, listUnits } from "../db/repo/catalogue";
import { CATALOGUE_CACHE } from "../lib/cache";
import { notFound } from "../lib/errors";
import { factory } from "../lib/factory";
import { validate } from "../lib/validate";

export const fieldRoutes = factory
  .createApp()
  .get("/", async (c) => c.json({ items: await listFields(c.var.db, c.env.PROVINCE_ID) }, 200, CATALOGUE_CACHE));

export const unitRoutes = factory
  .createApp()
  .get("/", async (c) => c.json({ items: await listUnits(c.var.db, c.env.PROVINCE_ID) }, 200, CATALOGUE_CACHE))
  .get("/:id", validate("param", UnitIdParam), async (c) => {
    const unit = await getUnit(c.var.db, c.env.PROVINCE_ID, c.req.valid("param").id);
    if (!unit) throw notFound("Không tìm thấy đơn vị này.");
    return c.json(unit, 200, CATALOGUE_CACHE);
  });
