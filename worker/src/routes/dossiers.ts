import { DossierCodeParam, ListQuery, SubmitBody, SupplementBody, WithdrawBody } from "../../../shared/src/dossier/api";
import { canApply } from "../../../shared/src/dossier/lifecycle";
import { rateLimit, requireRole, requireUser } from "../auth/middleware";
import type { Db } from "../db/client";
import { workCalendar } from "../db/repo/calendar";
import { dossierDetail, getDossierView, lifecycleState, listOwnDossiers, submitSupplement, withdraw } from "../db/repo/dossiers";
import { ownFilesById } from "../db/repo/files";
import { recordRead } from "../db/repo/staff";
import type { AuthUser } from "../db/repo/users";
import { applicantDossier, visibleDossier } from "../dossiers/access";
import { submitDossier } from "../dossiers/submit";
import { auditKey } from "../lib/config";
import { ApiError, conflict } from "../lib/errors";
import { factory } from "../lib/factory";
import { createOnce, requireIdempotencyKey } from "../lib/idempotency";
import { validate } from "../lib/validate";

/** The dossier as it stands after a step; a step that lost to a concurrent one is a 409. */
async function detailAfterStep(db: Db, user: AuthUser, dossierId: string, committed: boolean, linkBase: string) {
  if (!committed) throw conflict("Hồ sơ vừa được cập nhật, vui lòng tải lại.");
  const updated = await getDossierView(db, dossierId);
  return dossierDetail(db, updated!, user, linkBase);
}

export const dossierRoutes = factory
  .createApp()
  .use(requireUser())
  .post(
    "/",
    requireRole("resident"),
    rateLimit("SUBMIT_LIMITER", (c) => `submit:${c.var.user.id}`),
    validate("json", SubmitBody),
    async (c) => {
      const key = requireIdempotencyKey(c.req.header("Idempotency-Key"));
      const user = c.var.user;
      const body = c.req.valid("json");
      return createOnce(c, key, body, () =>
        submitDossier(c.var.db, user, body, key, { linkBase: c.env.QR_LINK_BASE, auditKey: auditKey(c.env) }),
      );
    },
  )
  .get("/", validate("query", ListQuery), async (c) => {
    const { cursor, limit: size } = c.req.valid("query");
    return c.json(await listOwnDossiers(c.var.db, c.var.user.id, Number(cursor ?? 0), size), 200);
  })
  .get("/:code", validate("param", DossierCodeParam), async (c) => {
    const { db, user } = c.var;
    const row = await visibleDossier(db, user, c.req.valid("param").code);
    if (row.d.applicantId !== user.id) await recordRead(db, row.d.id, user, "Xem hồ sơ");
    return c.json(await dossierDetail(c.var.db, row, c.var.user, c.env.QR_LINK_BASE), 200);
  })
  // The applicant answers a supplement request (status 5) with documents.
  .post("/:code/supplement", validate("param", DossierCodeParam), validate("json", SupplementBody), async (c) => {
    const user = c.var.user;
    const row = await applicantDossier(c.var.db, user, c.req.valid("param").code);
    if (row.d.status !== 5) throw conflict("Hồ sơ không ở trạng thái cần bổ sung.");
    const { documents, note } = c.req.valid("json");
    const fileIds = [...new Set(documents.flatMap((d) => d.fileIds))];
    if ((await ownFilesById(c.var.db, user.id, fileIds)).length !== fileIds.length) {
      throw new ApiError(400, "validation_failed", "Có tệp đính kèm không tồn tại.");
    }
    const committed = await submitSupplement(
      c.var.db,
      auditKey(c.env),
      row.d,
      user,
      documents,
      note,
      await workCalendar(c.var.db, user.provinceId),
    );
    return c.json(await detailAfterStep(c.var.db, user, row.d.id, committed, c.env.QR_LINK_BASE), 200);
  })
  // The applicant asks to withdraw; before acceptance it takes effect at once.
  .post("/:code/withdraw", validate("param", DossierCodeParam), validate("json", WithdrawBody), async (c) => {
    const user = c.var.user;
    const row = await applicantDossier(c.var.db, user, c.req.valid("param").code);
    if (!canApply(lifecycleState(row.d), "withdraw")) {
      throw conflict("Hồ sơ ở trạng thái này không thể rút.");
    }
    const committed = await withdraw(c.var.db, auditKey(c.env), row.d, user, c.req.valid("json").reason);
    return c.json(await detailAfterStep(c.var.db, user, row.d.id, committed, c.env.QR_LINK_BASE), 200);
  });
