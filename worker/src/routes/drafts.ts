import { ProcedureCodeParam } from "../../../shared/src/catalogue/api";
import { DraftBody, MAX_DRAFTS } from "../../../shared/src/dossier/api";
import { requireUser } from "../auth/middleware";
import { deleteDraft, getDraft, saveDraft } from "../db/repo/drafts";
import { publishedProcedureRow } from "../db/repo/procedures";
import { ApiError, notFound } from "../lib/errors";
import { factory } from "../lib/factory";
import { validate } from "../lib/validate";

/** Autosaved drafts, one per resident and procedure (keyed by the procedure's code). */
export const draftRoutes = factory
  .createApp()
  .use(requireUser())
  .get("/:code", validate("param", ProcedureCodeParam), async (c) =>
    c.json({ draft: await getDraft(c.var.db, c.var.user.id, c.req.valid("param").code) }, 200),
  )
  .put(
    "/:code",
    validate("param", ProcedureCodeParam),
    validate("json", DraftBody, { maxBytes: 128 * 1024, tooLarge: "Bản nháp quá lớn." }),
    async (c) => {
      const { db, user } = c.var;
      const { code } = c.req.valid("param");
      if (!(await publishedProcedureRow(db, user.provinceId, code))) throw notFound("Không tìm thấy thủ tục này.");
      const updatedAt = await saveDraft(db, user.id, code, c.req.valid("json"), MAX_DRAFTS);
      if (!updatedAt)
        throw new ApiError(
          409,
          "quota_exceeded",
          `Bạn đã có ${MAX_DRAFTS} bản nháp chưa nộp. Hãy nộp hoặc xoá bớt một bản nháp trước khi lưu bản mới.`,
        );
      return c.json({ updatedAt }, 200);
    },
  )
  .delete("/:code", validate("param", ProcedureCodeParam), async (c) => {
    await deleteDraft(c.var.db, c.var.user.id, c.req.valid("param").code);
    return c.body(null, 204);
  });
