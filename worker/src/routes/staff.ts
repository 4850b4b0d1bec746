import { PROCESSING_ROLES, WORKSPACE_ROLES } from "../../../shared/src/auth/roles";
import { DossierCodeParam } from "../../../shared/src/dossier/api";
import { ActionBody, InboxQuery, IntakeBody, ReadReason } from "../../../shared/src/staff/api";
import { AssignBody } from "../../../shared/src/staff/changes";
import { requireRole, requireUser } from "../auth/middleware";
import { workCalendar } from "../db/repo/calendar";
import { decodeInboxCursor, markSeen, recordRead, scopeUnits, staffInbox, staffSummary } from "../db/repo/staff";
import { actionableDossier, requireInboxUnit, requireReceivingUnit, scopedDossier, staffScope } from "../dossiers/access";
import { assignDossier, assigneesFor } from "../dossiers/assignment";
import { inboxTag, unchanged } from "../dossiers/changes";
import { performAction } from "../dossiers/staff";
import { submitDossier } from "../dossiers/submit";
import { auditReport, staffDetail } from "../dossiers/views";
import { auditKey } from "../lib/config";
import { ApiError } from "../lib/errors";
import { factory } from "../lib/factory";
import { createOnce, requireIdempotencyKey } from "../lib/idempotency";
import { etag, ifMatchVersion } from "../lib/if-match";
import { validate } from "../lib/validate";
import { deliveriesOf } from "../notify/views";
import { syncStatus } from "../portal/status";

/** The one-stop workspace: staff act on dossiers of their units; a province admin sees all units. */
export const staffRoutes = factory
  .createApp()
  .use(requireUser(...WORKSPACE_ROLES))
  .use(async (c, next) => {
    c.set("scope", await staffScope(c.var.db, c.var.user));
    await next();
  })
  .get("/dossiers", validate("query", InboxQuery), async (c) => {
    const { db, user, scope } = c.var;
    const query = c.req.valid("query");
    const after = query.cursor ? decodeInboxCursor(query.cursor) : null;
    if (query.cursor && !after)
      throw new ApiError(400, "validation_failed", "cursor không hợp lệ.", [{ path: "cursor", message: "cursor không hợp lệ" }]);
    requireInboxUnit(scope, query.unit);
    // The workspace polls: an unchanged inbox is a 304 from one read of the units' change stamps.
    const tag = await inboxTag(db, scope, user, new URL(c.req.url).search);
    c.header("ETag", tag);
    c.header("Cache-Control", "private, no-cache");
    if (unchanged(c.req.header("If-None-Match"), tag)) return c.body(null, 304);
    return c.json(await staffInbox(db, scope, user, query, after, await workCalendar(db, user.provinceId)), 200);
  })
  // The workspace entry's counts, polled like the inbox.
  .get("/summary", async (c) => {
    const { db, user, scope } = c.var;
    const tag = await inboxTag(db, scope, user, "summary");
    c.header("ETag", tag);
    c.header("Cache-Control", "private, no-cache");
    if (unchanged(c.req.header("If-None-Match"), tag)) return c.body(null, 304);
    return c.json(await staffSummary(db, scope, user, await workCalendar(db, user.provinceId)), 200);
  })
  .get("/units", async (c) => c.json({ items: await scopeUnits(c.var.db, c.var.scope) }, 200))
  // Counter or postal intake for a resident, accepted on the spot.
  .post("/dossiers", requireRole(...PROCESSING_ROLES), validate("json", IntakeBody), async (c) => {
    const key = requireIdempotencyKey(c.req.header("Idempotency-Key"));
    const user = c.var.user;
    const { channel, applicant, paperDocuments, ...body } = c.req.valid("json");
    requireReceivingUnit(c.var.scope, body.receivingUnitId);
    // The dossier records the applicant's VNeID status; an officer's own says nothing about it.
    const officer = { ...user, vneidVerified: false };
    const config = { linkBase: c.env.QR_LINK_BASE, auditKey: auditKey(c.env), files: c.env.FILES };
    return createOnce(c, key, c.req.valid("json"), () =>
      submitDossier(c.var.db, officer, body, key, config, { channel, applicant, paperDocuments }),
    );
  })
  // Opening a dossier is audited; the ETag is the version an action must name in If-Match.
  .get("/dossiers/:code", validate("param", DossierCodeParam), validate("query", ReadReason), async (c) => {
    const row = await scopedDossier(c.var.db, c.var.scope, c.req.valid("param").code);
    await recordRead(c.var.db, row.d.id, c.var.user, c.req.valid("query").reason ?? "Xem hồ sơ để giải quyết");
    // What the officer now sees is no longer new to them (and only to them).
    await markSeen(c.var.db, c.var.user.id, row.d.id, row.d.version, new Date().toISOString());
    c.header("ETag", etag(row.d.version));
    c.header("Cache-Control", "private, no-store");
    return c.json(await staffDetail(c.var.db, row, c.var.user, c.var.scope, c.env.QR_LINK_BASE), 200);
  })
  .post(
    "/dossiers/:code/actions",
    requireRole(...PROCESSING_ROLES),
    validate("param", DossierCodeParam),
    validate("json", ActionBody),
    async (c) => {
      const { db, user, scope } = c.var;
      const expected = ifMatchVersion(c.req.header("If-Match"), "Thiếu tiêu đề If-Match với phiên bản hồ sơ đang xem.");
      const row = await actionableDossier(db, user, scope, c.req.valid("param").code);
      const updated = await performAction(db, auditKey(c.env), user, row, expected, c.req.valid("json"));
      c.header("ETag", etag(updated.d.version));
      return c.json(await staffDetail(db, updated, user, scope, c.env.QR_LINK_BASE), 200);
    },
  )
  // The unit leader gives a dossier to a named officer of the unit handling it.
  .get("/dossiers/:code/assignees", validate("param", DossierCodeParam), async (c) => {
    const { db, user, scope } = c.var;
    const row = await scopedDossier(db, scope, c.req.valid("param").code);
    return c.json(await assigneesFor(db, user, scope, row), 200);
  })
  .put("/dossiers/:code/assignee", validate("param", DossierCodeParam), validate("json", AssignBody), async (c) => {
    const { db, user, scope } = c.var;
    const row = await scopedDossier(db, scope, c.req.valid("param").code);
    return c.json({ assignment: await assignDossier(db, user, scope, row, c.req.valid("json").userId) }, 200);
  })
  // Verifies the dossier's event hash chain end to end and lists who opened it.
  .get("/dossiers/:code/audit", validate("param", DossierCodeParam), async (c) => {
    const row = await scopedDossier(c.var.db, c.var.scope, c.req.valid("param").code);
    const report = await auditReport(c.var.db, auditKey(c.env), row);
    return c.json(report, 200);
  })
  // The dossier's sync to the national portal; an admin sees whether it may be re-sent.
  .get("/dossiers/:code/portal-sync", validate("param", DossierCodeParam), async (c) => {
    const row = await scopedDossier(c.var.db, c.var.scope, c.req.valid("param").code);
    return c.json(await syncStatus(c.var.db, row, c.var.user), 200);
  })
  // What the applicant was told about the dossier and whether Zalo delivered it.
  .get("/dossiers/:code/deliveries", validate("param", DossierCodeParam), async (c) => {
    const row = await scopedDossier(c.var.db, c.var.scope, c.req.valid("param").code);
    return c.json(await deliveriesOf(c.var.db, row.d.id), 200);
  });
