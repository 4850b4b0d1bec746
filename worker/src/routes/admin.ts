import { CalendarDateParam, CalendarDayBody, CalendarQuery } from "../../../shared/src/deadline/api";
import { requireUser } from "../auth/middleware";
import { deleteCalendarDay, listCalendarDays, putCalendarDay } from "../db/repo/calendar";
import { notFound } from "../lib/errors";
import { factory } from "../lib/factory";
import { validate } from "../lib/validate";
import { adminCatalogueRoutes } from "./admin/catalogue";
import { adminChangeRoutes } from "./admin/changes";
import { adminDashboardRoutes } from "./admin/dashboard";
import { adminFigureSettingRoutes } from "./admin/figure-settings";
import { adminFigureRoutes } from "./admin/figures";
import { adminInvitationRoutes } from "./admin/invitations";
import { adminPeopleRoutes } from "./admin/people";
import { adminPortalSyncRoutes } from "./admin/portal-sync";
import { adminProcedureRoutes } from "./admin/procedures";
import { adminReportRoutes } from "./admin/reports";
import { adminLifeEventRoutes, adminPaperRoutes, adminSynonymRoutes, adminUnmatchedRoutes } from "./admin/search";
import { adminTargetRoutes } from "./admin/targets";
import { adminUnitRoutes } from "./admin/units";
import { adminVneidRoutes } from "./admin/vneid";
import { adminTemplateRoutes } from "./templates";

/**
 * Province administration, for the province's admins only (every route below, the sub-routers'
 * included, passes this one check). The working-day calendar: holidays and compensatory working
 * days; people, invitations, the record of changes, the unit tree, the procedure catalogue, its
 * blank form templates and its exchange with the national procedure database; the figures' targets,
 * settings and monthly reports; life events, abolished papers, search synonyms and the queries that
 * found nothing. The dashboard comes first, with its own check: unit leaders read
 * their units' figures there too (a handler that answers never reaches the admin check after it).
 */
export const adminRoutes = factory
  .createApp()
  .route("/dashboard", adminDashboardRoutes)
  .use(requireUser("admin"))
  .get("/calendar", validate("query", CalendarQuery), async (c) =>
    c.json({ items: await listCalendarDays(c.var.db, c.var.user.provinceId, c.req.valid("query").year) }, 200),
  )
  .put("/calendar/:date", validate("param", CalendarDateParam), validate("json", CalendarDayBody), async (c) => {
    const day = { date: c.req.valid("param").date, ...c.req.valid("json") };
    return c.json(await putCalendarDay(c.var.db, c.var.user.provinceId, day, c.var.user.id), 200);
  })
  .delete("/calendar/:date", validate("param", CalendarDateParam), async (c) => {
    if (!(await deleteCalendarDay(c.var.db, c.var.user.provinceId, c.req.valid("param").date, c.var.user.id)))
      throw notFound("Không có ngày này trong lịch.");
    return c.body(null, 204);
  })
  .route("/people", adminPeopleRoutes)
  .route("/invitations", adminInvitationRoutes)
  .route("/changes", adminChangeRoutes)
  .route("/units", adminUnitRoutes)
  .route("/procedures", adminProcedureRoutes)
  .route("/templates", adminTemplateRoutes)
  .route("/catalogue", adminCatalogueRoutes)
  .route("/targets", adminTargetRoutes)
  .route("/figure-settings", adminFigureSettingRoutes)
  .route("/reports", adminReportRoutes)
  .route("/figures", adminFigureRoutes)
  .route("/vneid-relaxations", adminVneidRoutes)
  .route("/portal-sync", adminPortalSyncRoutes)
  .route("/life-events", adminLifeEventRoutes)
  .route("/paper-replacements", adminPaperRoutes)
  .route("/search-synonyms", adminSynonymRoutes)
  .route("/unmatched-queries", adminUnmatchedRoutes);
