import { bodyLimit } from "hono/body-limit";
import { DossierCodeParam, IdempotencyKey, ListQuery, SubmitBody, SupplementBody, WithdrawBody } from "../../../shared/src/dossier/api";
import { limit, requireRole, requireUser } from "../auth/middleware";
import type { Db } from "../db/client";
import { applicantDossier, dossierDetail, getDossierView, lifecycleState, listOwnDossiers, submitSupplement, visibleDossier, withdraw } from "../db/repo/dossiers";
import { workCalendar } from "../db/repo/calendar";
import { ownFilesById } from "../db/repo/files";
import { recordRead } from "../db/repo/staff";
import type { AuthUser } from "../db/repo/users";
import { submitDossier } from "../dossiers/submit";
import { sha256Hex } from "../lib/crypto";
import { ApiError, conflict, notFound } from "../lib/errors";
import { auditKey } from "../lib/config";
import { factory } from "../lib/factory";
import { claimIdempotencyKey, releaseIdempotencyKey } from "../lib/idempotency";
import { validate } from "../lib/validate";
import { canApply } from "../../../shared/src/dossier/lifecycle";

/** JSON bodies of dossier writes are small; anything bigger is refused before it is read. */
const JSON_LIMIT = bodyLimit({
  maxSize: 256 * 1024,
  onError: () => {
    throw new ApiError(413, "payload_too_large", "Dữ liệu gửi lên quá lớn.");
  },
});

/** The dossier as it stands after a step; a step that lost to a concurrent one is a 409. */
async function detailAfterStep(db: Db, user: AuthUser, dossierId: string, committed: boolean, linkBase: string) {
  if (!committed) throw conflict("Hồ sơ vừa được cập nhật, vui lòng tải lại.");
  const updated = await getDossierView(db, dossierId);
  return dossierDetail(db, updated!, user, linkBase);
}

export const dossierRoutes = factory
  .createApp()
  .use(requireUser())
  .post("/", requireRole("resident"), JSON_LIMIT, validate("json", SubmitBody), async (c) => {
    const key = IdempotencyKey.safeParse(c.req.header("Idempotency-Key"));
    if (!key.success) {
      throw new ApiError(400, "validation_failed", "Thiếu hoặc sai tiêu đề Idempotency-Key.", [{ path: "Idempotency-Key", message: key.error.issues[0]?.message ?? "" }]);
    }
    const user = c.var.user;
    await limit(c.env.SUBMIT_LIMITER, `submit:${user.id}`);
    const body = c.req.valid("json");
    const claim = await claimIdempotencyKey(c.var.db, user.id, key.data, await sha256Hex(JSON.stringify(body)));
    if (claim.kind === "replay") {
      return c.body(claim.body, claim.status as 201, { "Content-Type": "application/json; charset=utf-8", "Idempotent-Replayed": "true" });
    }
    try {
      return c.json(await submitDossier(c.var.db, user, body, key.data, { linkBase: c.env.QR_LINK_BASE, auditKey: auditKey(c.env) }), 201);
    } catch (err) {
      await releaseIdempotencyKey(c.var.db, user.id, key.data);
      throw err;
    }
  })
  .get("/", validate("query", ListQuery), async (c) => {
    const { cursor, limit: size } = c.req.valid("query");
    return c.json(await listOwnDossiers(c.var.db, c.var.user.id, Number(cursor ?? 0), size), 200);
  })
  .get("/:code", validate("param", DossierCodeParam), async (c) => {
    const { db, user } = c.var;
    const row = await visibleDossier(db, user, c.req.valid("param").code);
    if (!row) throw notFound("Không tìm thấy hồ sơ.");
    if (row.d.applicantId !== user.id) await recordRead(db, row.d.id, user, "Xem hồ sơ");
    return c.json(await dossierDetail(c.var.db, row, c.var.user, c.env.QR_LINK_BASE), 200);
  })
  // The applicant answers a supplement request (status 5) with documents.
  .post("/:code/supplement", JSON_LIMIT, validate("param", DossierCodeParam), validate("json", SupplementBody), async (c) => {
    const user = c.var.user;
    const row = await applicantDossier(c.var.db, user.id, c.req.valid("param").code);
    if (!row) throw notFound("Không tìm thấy hồ sơ.");
    if (row.d.status !== 5) throw conflict("Hồ sơ không ở trạng thái cần bổ sung.");
    const { documents, note } = c.req.valid("json");
    const fileIds = [...new Set(documents.flatMap((d) => d.fileIds))];
    if ((await ownFilesById(c.var.db, user.id, fileIds)).length !== fileIds.length) {
      throw new ApiError(400, "validation_failed", "Có tệp đính kèm không tồn tại.");
    }
    const committed = await submitSupplement(c.var.db, auditKey(c.env), row.d, user, documents, note, await workCalendar(c.var.db, user.provinceId));
    return c.json(await detailAfterStep(c.var.db, user, row.d.id, committed, c.env.QR_LINK_BASE), 200);
  })
  // The applicant asks to withdraw; before acceptance it takes effect at once.
  .post("/:code/withdraw", JSON_LIMIT, validate("param", DossierCodeParam), validate("json", WithdrawBody), async (c) => {
    const user = c.var.user;
    const row = await applicantDossier(c.var.db, user.id, c.req.valid("param").code);
    if (!row) throw notFound("Không tìm thấy hồ sơ.");
    if (!canApply(lifecycleState(row.d), "withdraw")) {
      throw conflict("Hồ sơ ở trạng thái này không thể rút.");
    }
    const committed = await withdraw(c.var.db, auditKey(c.env), row.d, user, c.req.valid("json").reason);
    return c.json(await detailAfterStep(c.var.db, user, row.d.id, committed, c.env.QR_LINK_BASE), 200);
  });
