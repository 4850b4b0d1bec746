import { ProcedureCodeParam, ProcedureSearchQuery } from "../../../shared/src/catalogue/api";
import { getPublishedProcedure, searchProcedures } from "../db/repo/procedures";
import { CATALOGUE_CACHE } from "../lib/cache";
import { notFound } from "../lib/errors";
import { factory } from "../lib/factory";
import { validate } from "../lib/validate";

export const procedureRoutes = factory
  .createApp()
  .get("/", validate("query", ProcedureSearchQuery), async (c) => {
    const page = await searchProcedures(c.var.db, c.env.PROVINCE_ID, c.req.valid("query"));
    return c.json(page, 200, CATALOGUE_CACHE);
  })
  .get("/:code", validate("param", ProcedureCodeParam), async (c) => {
    const procedure = await getPublishedProcedure(c.var.db, c.env.PROVINCE_ID, c.req.valid("param").code);
    if (!procedure) throw notFound("Không tìm thấy thủ tục này.");
    return c.json(procedure, 200, CATALOGUE_CACHE);
  });
