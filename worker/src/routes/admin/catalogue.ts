import { ExportQuery, ImportBody, MAX_IMPORT_BYTES, MAX_IMPORT_PROCEDURES } from "../../../../shared/src/admin/exchange";
import { exportCatalogue, importCatalogue } from "../../catalogue/exchange";
import { factory } from "../../lib/factory";
import { validate } from "../../lib/validate";

/** The catalogue in the national procedure database's shape: export, and an all-or-nothing import. */
export const adminCatalogueRoutes = factory
  .createApp()
  .get("/export", validate("query", ExportQuery), async (c) =>
    c.json(await exportCatalogue(c.var.db, c.var.user.provinceId, c.req.valid("query").code), 200),
  )
  .post(
    "/import",
    validate("json", ImportBody, {
      maxBytes: MAX_IMPORT_BYTES,
      tooLarge: `Tệp nhập quá lớn: tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB (khoảng ${MAX_IMPORT_PROCEDURES} thủ tục).`,
    }),
    async (c) => c.json(await importCatalogue(c.var.db, c.var.user, c.req.valid("json")), 200),
  );
