import { RelaxationBody, RelaxationParam } from "../../../../shared/src/identity/relaxations";
import { listRelaxations } from "../../db/repo/identity";
import { relax, revoke } from "../../identity/relaxations";
import { factory } from "../../lib/factory";
import { validate } from "../../lib/validate";

/** The procedures residents may file online without a linked VNeID identity (`/api/admin/vneid-relaxations`). */
export const adminVneidRoutes = factory
  .createApp()
  .get("/", async (c) => c.json({ items: await listRelaxations(c.var.db, c.var.user.provinceId) }, 200))
  .put("/:code", validate("param", RelaxationParam), validate("json", RelaxationBody), async (c) =>
    c.json(await relax(c.var.db, c.var.user, c.req.valid("param").code, c.req.valid("json").reason), 200),
  )
  .post("/:code/revoke", validate("param", RelaxationParam), validate("json", RelaxationBody), async (c) => {
    await revoke(c.var.db, c.var.user, c.req.valid("param").code, c.req.valid("json").reason);
    return c.body(null, 204);
  });
