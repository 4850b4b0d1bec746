import { DossierCodeParam, TrackQuery } from "../../../shared/src/dossier/api";
import { trackedDossier } from "../dossiers/access";
import { toTrackView } from "../dossiers/views";
import { notFound } from "../lib/errors";
import { factory } from "../lib/factory";
import { validate } from "../lib/validate";

/** Public tracking behind the receipt's QR: no sign-in, no personal data, the same 404 for every miss. */
export const trackRoutes = factory.createApp().get("/:code", validate("query", TrackQuery), async (c) => {
  const code = DossierCodeParam.safeParse(c.req.param());
  if (!code.success) throw notFound("Không tìm thấy hồ sơ.");
  const row = await trackedDossier(c.var.db, code.data.code, c.req.valid("query").k);
  return c.json(toTrackView(row), 200, { "Cache-Control": "private, no-store" });
});
