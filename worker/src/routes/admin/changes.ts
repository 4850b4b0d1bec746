import { ChangesQuery } from "../../../../shared/src/admin/changes";
import { listChanges } from "../../db/repo/changes";
import { factory } from "../../lib/factory";
import { validate } from "../../lib/validate";

/** The record of every admin change, newest first. */
export const adminChangeRoutes = factory
  .createApp()
  .get("/", validate("query", ChangesQuery), async (c) =>
    c.json(await listChanges(c.var.db, c.var.user.provinceId, c.req.valid("query")), 200),
  );
