import {
  AdminUnitIdParam,
  UnitCreateBody,
  UnitDeactivateBody,
  UnitMergeBody,
  UnitPatchBody,
} from "../../../../shared/src/admin/units";
import { adminUnits } from "../../db/repo/units";
import { factory } from "../../lib/factory";
import { validate } from "../../lib/validate";
import { changeUnit, createUnit, deactivate, merge } from "../../units/manage";

/** The unit tree (`/api/admin/units`); mounted behind the admin role check. */
export const adminUnitRoutes = factory
  .createApp()
  .get("/", async (c) => c.json({ items: await adminUnits(c.var.db, c.var.user.provinceId) }, 200))
  .post("/", validate("json", UnitCreateBody), async (c) =>
    c.json(await createUnit(c.var.db, c.var.user, c.req.valid("json")), 201),
  )
  .patch("/:id", validate("param", AdminUnitIdParam), validate("json", UnitPatchBody), async (c) => {
    const { reason, ...changes } = c.req.valid("json");
    return c.json(await changeUnit(c.var.db, c.var.user, c.req.valid("param").id, changes, reason), 200);
  })
  .post("/:id/deactivate", validate("param", AdminUnitIdParam), validate("json", UnitDeactivateBody), async (c) =>
    c.json(await deactivate(c.var.db, c.var.user, c.req.valid("param").id, c.req.valid("json").reason), 200),
  )
  .post("/:id/merge", validate("param", AdminUnitIdParam), validate("json", UnitMergeBody), async (c) => {
    const { into, reason } = c.req.valid("json");
    return c.json(await merge(c.var.db, c.var.user, c.req.valid("param").id, into, reason), 200);
  });
