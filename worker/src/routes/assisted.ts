import { ASSISTING_ROLES } from "../../../shared/src/auth/roles";
import {
  AssistedBody,
  AssistedIdParam,
  AssistedTokenParam,
  ConfirmAssistedBody,
  PaperConsentBody,
} from "../../../shared/src/dossier/assisted";
import { rateLimit, requireRole, requireUser } from "../auth/middleware";
import {
  cancelAssisted,
  confirmAssisted,
  consentOnPaper,
  listAssisted,
  prepareAssisted,
  previewAssisted,
  reissueAssistedLink,
} from "../dossiers/assisted";
import { auditKey } from "../lib/config";
import { factory } from "../lib/factory";
import { validate } from "../lib/validate";

const assisting = requireRole(...ASSISTING_ROLES);

/**
 * Filing online for a resident beside the helper: prepared by a community digital team member (or a
 * counter officer), filed only once the resident consents, in their own Zalo or on signed paper.
 */
export const assistedRoutes = factory
  .createApp()
  .use(requireUser())
  .post(
    "/",
    assisting,
    rateLimit("SUBMIT_LIMITER", (c) => `submit:${c.var.user.id}`),
    validate("json", AssistedBody),
    async (c) => c.json(await prepareAssisted(c.var.db, c.var.user, c.req.valid("json"), c.env.QR_LINK_BASE), 201),
  )
  .get("/", assisting, async (c) => c.json(await listAssisted(c.var.db, c.var.user), 200))
  .post("/:id/link", assisting, validate("param", AssistedIdParam), async (c) =>
    c.json(await reissueAssistedLink(c.var.db, c.var.user, c.req.valid("param").id, c.env.QR_LINK_BASE), 200),
  )
  .post("/:id/cancel", assisting, validate("param", AssistedIdParam), async (c) => {
    await cancelAssisted(c.var.db, c.var.user, c.req.valid("param").id);
    return c.body(null, 204);
  })
  .post("/:id/paper-consent", assisting, validate("param", AssistedIdParam), validate("json", PaperConsentBody), async (c) => {
    const config = { linkBase: c.env.QR_LINK_BASE, auditKey: auditKey(c.env), files: c.env.FILES };
    const { db, user } = c.var;
    return c.json(await consentOnPaper(db, user, c.req.valid("param").id, c.req.valid("json"), config), 201);
  })
  // The resident's side, in their own Zalo: what they are asked to consent to, and consenting.
  .get("/consent/:token", validate("param", AssistedTokenParam), async (c) =>
    c.json(await previewAssisted(c.var.db, c.var.user.provinceId, c.req.valid("param").token), 200),
  )
  .post(
    "/confirm",
    rateLimit("SUBMIT_LIMITER", (c) => `submit:${c.var.user.id}`),
    validate("json", ConfirmAssistedBody),
    async (c) => {
      const config = { linkBase: c.env.QR_LINK_BASE, auditKey: auditKey(c.env), files: c.env.FILES };
      return c.json(await confirmAssisted(c.var.db, c.var.user, c.req.valid("json").token, config), 201);
    },
  );
