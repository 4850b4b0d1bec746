import { DossierCodeParam, TrackQuery } from "../../../shared/src/dossier/api";
import { trackDossier } from "../db/repo/dossiers";
import { notFound } from "../lib/errors";
import { factory } from "../lib/factory";
import { validate } from "../lib/validate";

/** Public tracking behind the receipt's QR: no sign-in, no personal data, the same 404 for every miss. */
export const trackRoutes = factory.createApp().get("/:code", validate("query", TrackQuery), async (c) => {
  const code = DossierCodeParam.safeParse(c.req.param());
  const view = code.success ? await trackDossier(c.var.db, code.data.code, c.req.valid("query").k) : undefined;
  if (!view) throw notFound("Không tìm thấy hồ sơ.");
  return c.json(view, 200, { "Cache-Control": "private, no-store" });
});
