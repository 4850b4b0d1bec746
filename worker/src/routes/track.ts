import { DossierCodeParam, TrackQuery } from "../../../shared/src/dossier/api";
import { LookupBody } from "../../../shared/src/dossier/lookup";
import { clientAddress, limit, rateLimit } from "../auth/middleware";
import { lookedUpDossier, trackedDossier } from "../dossiers/access";
import { toTrackView } from "../dossiers/views";
import { notFound } from "../lib/errors";
import { factory } from "../lib/factory";
import { validate } from "../lib/validate";

const NO_STORE = { "Cache-Control": "private, no-store" };

/** Public tracking behind the receipt's QR: no sign-in, no personal data, the same 404 for every miss. */
export const trackRoutes = factory
  .createApp()
  .get("/:code", validate("query", TrackQuery), async (c) => {
    const code = DossierCodeParam.safeParse(c.req.param());
    if (!code.success) throw notFound("Không tìm thấy hồ sơ.");
    const row = await trackedDossier(c.var.db, code.data.code, c.req.valid("query").k);
    return c.json(toTrackView(row), 200, NO_STORE);
  })
  /**
   * Lookup by code (the receipt's promise): the code plus the last four digits of the applicant's
   * phone or citizen id gives the same public view. Limited per client address before the body is
   * read, then per code, so neither many codes from one place nor one code from many places can be
   * guessed quickly; every miss is the same 404.
   */
  .post(
    "/lookup",
    rateLimit("LOOKUP_LIMITER", (c) => `lookup-address:${clientAddress(c.req.header("CF-Connecting-IP"))}`),
    validate("json", LookupBody, { maxBytes: 1024 }),
    async (c) => {
      const { code, digits } = c.req.valid("json");
      await limit(c.env.LOOKUP_LIMITER, `lookup-code:${code}`);
      return c.json(toTrackView(await lookedUpDossier(c.var.db, code, digits)), 200, NO_STORE);
    },
  );
