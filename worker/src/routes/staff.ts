import { eq } from "drizzle-orm";
import { dueState } from "../../../shared/src/deadline/due-date";
import { DossierCodeParam } from "../../../shared/src/dossier/api";
import { verifyChain } from "../../../shared/src/dossier/audit";
import { allowedActions } from "../../../shared/src/dossier/lifecycle";
import { type DossierStatus, inStatusGroup, officialStatusLabel } from "../../../shared/src/dossier/status";
import {
  ActionBody,
  type AuditReport,
  InboxQuery,
  IntakeBody,
  ReadReason,
  type StaffDossierDetail,
} from "../../../shared/src/staff/api";
import { vietnamDate } from "../../../shared/src/time/vietnam";
import { requireRole, requireUser } from "../auth/middleware";
import type { Db } from "../db/client";
import { workCalendar } from "../db/repo/calendar";
import { dossierByCode, dossierDetail, lifecycleState, type ViewRow } from "../db/repo/dossiers";
import { dossierReadLog, recordRead, type StaffScope, scopeUnits, staffInbox } from "../db/repo/staff";
import type { AuthUser } from "../db/repo/users";
import { dossierEvents, users } from "../db/schema";
import { mayAct, requireInboxUnit, requireReceivingUnit, scopedDossier, staffScope } from "../dossiers/access";
import { performAction } from "../dossiers/actions";
import { submitDossier } from "../dossiers/submit";
import { auditKey } from "../lib/config";
import { ApiError } from "../lib/errors";
import { factory } from "../lib/factory";
import { createOnce, requireIdempotencyKey } from "../lib/idempotency";
import { validate } from "../lib/validate";

const etag = (version: number) => `"${version}"`;

/** `If-Match: "7"` (or W/"7", or 7) → 7; anything else is treated as not matching. */
function ifMatchVersion(header: string | undefined): number | null {
  if (header === undefined)
    throw new ApiError(428, "precondition_required", "Thiếu tiêu đề If-Match với phiên bản hồ sơ đang xem.");
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  return match ? Number(match[1]) : null;
}

const stale = () =>
  new ApiError(412, "precondition_failed", "Hồ sơ vừa được người khác cập nhật, vui lòng tải lại trước khi thao tác.");

async function staffDetail(
  db: Db,
  row: ViewRow,
  user: AuthUser,
  scope: StaffScope,
  linkBase: string,
): Promise<StaffDossierDetail> {
  const { d } = row;
  const [detail, applicant, calendar] = await Promise.all([
    dossierDetail(db, row, user, linkBase),
    db.query.users.findFirst({ where: eq(users.id, d.applicantId), columns: { phone: true } }),
    workCalendar(db, d.provinceId),
  ]);
  const clockRuns = inStatusGroup("clockRunning", d.status) && d.dueDate !== null;
  return {
    ...detail,
    statusLabel: officialStatusLabel(d.status as DossierStatus),
    version: d.version,
    allowedActions: mayAct(user, scope, d) ? allowedActions(lifecycleState(d)) : [],
    applicant: { name: d.applicantName, phone: applicant?.phone ?? null, vneidVerified: d.vneidVerified },
    receivedAt: d.receivedAt,
    dueState: clockRuns ? dueState(d.dueDate!, vietnamDate(new Date()), calendar) : null,
  };
}

/** The one-stop workspace: staff act on dossiers of their units; a province admin sees all units. */
export const staffRoutes = factory
  .createApp()
  .use(requireUser("staff", "admin"))
  .use(async (c, next) => {
    c.set("scope", await staffScope(c.var.db, c.var.user));
    await next();
  })
  .get("/dossiers", validate("query", InboxQuery), async (c) => {
    const { db, user, scope } = c.var;
    const query = c.req.valid("query");
    requireInboxUnit(scope, query.unit);
    return c.json(await staffInbox(db, scope, query, await workCalendar(db, user.provinceId)), 200);
  })
  .get("/units", async (c) => c.json({ items: await scopeUnits(c.var.db, c.var.scope) }, 200))
  // Counter or postal intake for a resident, accepted on the spot.
  .post("/dossiers", requireRole("staff"), validate("json", IntakeBody), async (c) => {
    const key = requireIdempotencyKey(c.req.header("Idempotency-Key"));
    const user = c.var.user;
    const { channel, applicant, paperDocuments, ...body } = c.req.valid("json");
    requireReceivingUnit(c.var.scope, body.receivingUnitId);
    // The dossier records the applicant's VNeID status; an officer's own says nothing about it.
    const officer = { ...user, vneidVerified: false };
    const config = { linkBase: c.env.QR_LINK_BASE, auditKey: auditKey(c.env) };
    return createOnce(c, key, c.req.valid("json"), () =>
      submitDossier(c.var.db, officer, body, key, config, { channel, applicant, paperDocuments }),
    );
  })
  // Opening a dossier is audited; the ETag is the version an action must name in If-Match.
  .get("/dossiers/:code", validate("param", DossierCodeParam), validate("query", ReadReason), async (c) => {
    const row = await scopedDossier(c.var.db, c.var.scope, c.req.valid("param").code);
    await recordRead(c.var.db, row.d.id, c.var.user, c.req.valid("query").reason ?? "Xem hồ sơ để giải quyết");
    c.header("ETag", etag(row.d.version));
    c.header("Cache-Control", "private, no-store");
    return c.json(await staffDetail(c.var.db, row, c.var.user, c.var.scope, c.env.QR_LINK_BASE), 200);
  })
  .post(
    "/dossiers/:code/actions",
    requireRole("staff"),
    validate("param", DossierCodeParam),
    validate("json", ActionBody),
    async (c) => {
      const { db, user, scope } = c.var;
      const expected = ifMatchVersion(c.req.header("If-Match"));
      const row = await scopedDossier(db, scope, c.req.valid("param").code);
      if (expected !== row.d.version) throw stale();
      const committed = await performAction(
        db,
        auditKey(c.env),
        user,
        row,
        c.req.valid("json"),
        await workCalendar(db, user.provinceId),
      );
      if (!committed) throw stale();
      const updated = (await dossierByCode(db, row.d.code))!;
      c.header("ETag", etag(updated.d.version));
      return c.json(await staffDetail(db, updated, user, scope, c.env.QR_LINK_BASE), 200);
    },
  )
  // Verifies the dossier's event hash chain end to end and lists who opened it.
  .get("/dossiers/:code/audit", validate("param", DossierCodeParam), async (c) => {
    const row = await scopedDossier(c.var.db, c.var.scope, c.req.valid("param").code);
    const [events, reads] = await Promise.all([
      c.var.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, row.d.id)).orderBy(dossierEvents.seq),
      dossierReadLog(c.var.db, row.d.id),
    ]);
    const chain = await verifyChain(auditKey(c.env), events);
    // Every step raises the version by one: a chain that verifies but ends early (or late) lost (or gained) events at its end.
    const result =
      chain.valid && events.length !== row.d.version
        ? { ...chain, valid: false, brokenAtSeq: Math.min(events.length, row.d.version) + 1 }
        : chain;
    const report: AuditReport = { code: row.d.code, ...result, events: events.length, reads };
    return c.json(report, 200);
  });
