import { ProcedureCodeParam } from "../../../shared/src/catalogue/api";
import { DraftBody } from "../../../shared/src/dossier/api";
import { requireUser } from "../auth/middleware";
import { deleteDraft, getDraft, saveDraft } from "../db/repo/drafts";
import { factory } from "../lib/factory";
import { validate } from "../lib/validate";

/** Autosaved drafts, one per resident and procedure (keyed by the procedure's code). */
export const draftRoutes = factory
  .createApp()
  .use(requireUser("resident"))
  .get("/:code", validate("param", ProcedureCodeParam), async (c) =>
    c.json({ draft: await getDraft(c.var.db, c.var.user.id, c.req.valid("param").code) }, 200),
  )
  .put(
    "/:code",
    validate("param", ProcedureCodeParam),
    validate("json", DraftBody, { maxBytes: 128 * 1024, tooLarge: "Bản nháp quá lớn." }),
    async (c) =>
      c.json({ updatedAt: await saveDraft(c.var.db, c.var.user.id, c.req.valid("param").code, c.req.valid("json")) }, 200),
  )
  .delete("/:code", validate("param", ProcedureCodeParam), async (c) => {
    await deleteDraft(c.var.db, c.var.user.id, c.req.valid("param").code);
    return c.body(null, 204);
  });
