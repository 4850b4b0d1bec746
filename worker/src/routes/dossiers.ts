import { DossierCodeParam, ListQuery, SubmitBody, SupplementBody, WithdrawBody } from "../../../shared/src/dossier/api";
import { PrefillQuery } from "../../../shared/src/identity/prefill";
import { rateLimit, requireUser } from "../auth/middleware";
import { recordRead } from "../db/repo/staff";
import { applicantDossier, visibleDossier } from "../dossiers/access";
import { submitSupplement, withdraw } from "../dossiers/resident";
import { submitDossier } from "../dossiers/submit";
import { dossierDetail, ownDossiers } from "../dossiers/views";
import { prefill } from "../identity/prefill";
import { auditKey } from "../lib/config";
import { factory } from "../lib/factory";
import { createOnce, requireIdempotencyKey } from "../lib/idempotency";
import { validate } from "../lib/validate";

export const dossierRoutes = factory
  .createApp()
  .use(requireUser())
  .post(
    "/",
    rateLimit("SUBMIT_LIMITER", (c) => `submit:${c.var.user.id}`),
    validate("json", SubmitBody),
    async (c) => {
      const key = requireIdempotencyKey(c.req.header("Idempotency-Key"));
      const user = c.var.user;
      const body = c.req.valid("json");
      return createOnce(c, key, body, () =>
        submitDossier(c.var.db, user, body, key, { linkBase: c.env.QR_LINK_BASE, auditKey: auditKey(c.env), files: c.env.FILES }),
      );
    },
  )
  .get("/", validate("query", ListQuery), async (c) => {
    const { cursor, limit: size } = c.req.valid("query");
    return c.json(await ownDossiers(c.var.db, c.var.user.id, Number(cursor ?? 0), size), 200);
  })
  // Before "/:code": what the filing form of a procedure starts with for the caller.
  .get("/prefill", validate("query", PrefillQuery), async (c) =>
    c.json(await prefill(c.var.db, c.var.user, c.req.valid("query").procedure), 200),
  )
  .get("/:code", validate("param", DossierCodeParam), async (c) => {
    const { db, user } = c.var;
    const row = await visibleDossier(db, user, c.req.valid("param").code);
    if (row.d.applicantId !== user.id) await recordRead(db, row.d.id, user, "Xem hồ sơ");
    return c.json(await dossierDetail(c.var.db, row, c.var.user, c.env.QR_LINK_BASE), 200);
  })
  // The applicant answers a supplement request (status 5) with documents.
  .post("/:code/supplement", validate("param", DossierCodeParam), validate("json", SupplementBody), async (c) => {
    const { db, user } = c.var;
    const row = await applicantDossier(db, user, c.req.valid("param").code);
    const updated = await submitSupplement(db, auditKey(c.env), user, row, c.req.valid("json"));
    return c.json(await dossierDetail(db, updated, user, c.env.QR_LINK_BASE), 200);
  })
  // The applicant asks to withdraw; before acceptance it takes effect at once.
  .post("/:code/withdraw", validate("param", DossierCodeParam), validate("json", WithdrawBody), async (c) => {
    const { db, user } = c.var;
    const row = await applicantDossier(db, user, c.req.valid("param").code);
    const updated = await withdraw(db, auditKey(c.env), user, row, c.req.valid("json").reason);
    return c.json(await dossierDetail(db, updated, user, c.env.QR_LINK_BASE), 200);
  });
