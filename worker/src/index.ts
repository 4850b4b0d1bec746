import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";
import { z } from "zod";
import { vi } from "zod/locales";
import { PUBLISH_CRON, publishDueVersions } from "./catalogue/versions";
import { prepareEndedMonth } from "./dashboard/report";
import { createDb } from "./db/client";
import { catchUpFully, REFRESH_CRON, refreshEveryMinute } from "./figures/refresh";
import { purgeExpired } from "./jobs/purge-expired";
import { handleError, handleNotFound } from "./lib/errors";
import { factory } from "./lib/factory";
import { consumeNotify } from "./notify/deliver";
import { NOTIFY_DEAD_LETTER_QUEUE, NOTIFY_QUEUE, withNotifyQueue } from "./notify/queue";
import { sweepNotifications } from "./notify/sweep";
import { reconcilePayments } from "./payments/payments";
import { withPortalQueue } from "./portal/queue";
import { sweepPortalSync } from "./portal/sweep";
import { consumePortalSync } from "./portal/sync";
import { adminRoutes } from "./routes/admin";
import { assistedRoutes } from "./routes/assisted";
import { authRoutes, devAuthRoutes } from "./routes/auth";
import { fieldRoutes, unitRoutes } from "./routes/catalogue";
import { dossierRoutes } from "./routes/dossiers";
import { draftRoutes } from "./routes/drafts";
import { feedbackRoutes, publicFeedbackRoutes, staffFeedbackRoutes } from "./routes/feedback";
import { fileRoutes } from "./routes/files";
import { invitationRoutes } from "./routes/invitations";
import { lifeEventRoutes } from "./routes/life-events";
import { meRoutes } from "./routes/me";
import { metaRoutes } from "./routes/meta";
import { dossierPaymentRoutes, paymentRoutes, staffPaymentRoutes } from "./routes/payments";
import { procedureRoutes } from "./routes/procedures";
import { dossierRatingRoutes, ratingScaleRoutes, staffRatingRoutes } from "./routes/ratings";
import { ssoRoutes } from "./routes/sso";
import { staffRoutes } from "./routes/staff";
import { statsRoutes } from "./routes/stats";
import { templateRoutes } from "./routes/templates";
import { trackRoutes } from "./routes/track";
import { vneidRoutes } from "./routes/vneid";
import { webhookRoutes } from "./routes/webhooks";

// Validation messages that reach residents are in Vietnamese.
z.config(vi());

const app = factory.createApp();

app.use("*", secureHeaders({ crossOriginResourcePolicy: "cross-origin" }));
// Steps and new dossiers queue their national portal sync through this scope (portal/queue.ts).
app.use("*", (c, next) => {
  let waitUntil: ((p: Promise<unknown>) => void) | null = null;
  try {
    waitUntil = c.executionCtx.waitUntil.bind(c.executionCtx);
  } catch {
    // No execution context (app.request in tests): the send runs unawaited.
  }
  return withPortalQueue(c.env.PORTAL_SYNC, waitUntil, () => withNotifyQueue(c.env, waitUntil, next));
});
app.use(
  "/api/*",
  cors({
    origin: (origin, c) => (c.env.ALLOWED_ORIGINS.split(",").includes(origin) ? origin : null),
    allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
    allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "If-Match", "If-None-Match", "X-File-Name"],
    exposeHeaders: ["ETag"],
    maxAge: 600,
  }),
);

const routes = app
  .route("/api", metaRoutes)
  .route("/api/procedures", procedureRoutes)
  .route("/api/life-events", lifeEventRoutes)
  .route("/api/fields", fieldRoutes)
  .route("/api/units", unitRoutes)
  .route("/api/auth", authRoutes)
  .route("/api/auth/dev", devAuthRoutes)
  .route("/api/auth/vneid", vneidRoutes)
  .route("/api/auth/sso", ssoRoutes)
  .route("/api/me", meRoutes)
  .route("/api/files", fileRoutes)
  .route("/api/drafts", draftRoutes)
  .route("/api/dossiers", dossierRoutes)
  .route("/api/assisted", assistedRoutes)
  .route("/api/track", trackRoutes)
  .route("/api/stats", statsRoutes)
  .route("/api/templates", templateRoutes)
  .route("/api/staff", staffRoutes)
  .route("/api/invitations", invitationRoutes)
  .route("/api/admin", adminRoutes)
  .route("/api/dossiers", dossierPaymentRoutes)
  .route("/api/staff", staffPaymentRoutes)
  .route("/api/payments", paymentRoutes)
  .route("/api/webhooks", webhookRoutes)
  .route("/api/dossiers", dossierRatingRoutes)
  .route("/api/staff", staffRatingRoutes)
  .route("/api/ratings", ratingScaleRoutes)
  .route("/api/feedback", feedbackRoutes)
  .route("/api/staff/feedback", staffFeedbackRoutes)
  .route("/api/units", publicFeedbackRoutes);

app.onError(handleError);
app.notFound(handleNotFound);

const log = (event: string, data: object) =>
  console.info(JSON.stringify({ level: "info", at: new Date().toISOString(), event, ...data }));

/**
 * Cron triggers (UTC): the nightly clean-up at 02:00 in Vietnam, which also brings the figures fully
 * up to date, and on the 1st the monthly report of the month that ended; scheduled procedure
 * versions hourly, so a version scheduled for today goes out within the hour after midnight in
 * Vietnam, and a missed run is caught up by the next; the figures every minute, a bounded step
 * from the event log, online payments whose notification never came are asked about, and the
 * national portal sync's sweep for lost messages.
 */
async function scheduled(controller: ScheduledController, env: CloudflareBindings, ctx?: ExecutionContext) {
  const waitUntil = ctx ? ctx.waitUntil.bind(ctx) : null;
  return withPortalQueue(env.PORTAL_SYNC, waitUntil, () => withNotifyQueue(env, waitUntil, () => runScheduled(controller, env)));
}

async function runScheduled(controller: ScheduledController, env: CloudflareBindings) {
  const db = createDb(env.DB);
  if (controller.cron === PUBLISH_CRON) log("publish_scheduled", await publishDueVersions(db));
  else if (controller.cron === REFRESH_CRON) {
    log("figures_refreshed", await refreshEveryMinute(db));
    log("payments_reconciled", await reconcilePayments(db, env));
    log("portal_sync_swept", { queued: (await sweepPortalSync(db, env)).queued.length });
    log("notifications_swept", await sweepNotifications(db, env));
  } else {
    log("purge_expired", await purgeExpired(db));
    log("figures_caught_up", await catchUpFully(db));
    log("monthly_report", await prepareEndedMonth(db, env.PROVINCE_ID, new Date(controller.scheduledTime)));
  }
}

export type AppType = typeof routes;
export { app };
export default {
  fetch: app.fetch,
  scheduled,
  queue: (batch, env) =>
    batch.queue === NOTIFY_QUEUE || batch.queue === NOTIFY_DEAD_LETTER_QUEUE
      ? consumeNotify(batch, env)
      : consumePortalSync(batch, env),
} satisfies ExportedHandler<CloudflareBindings>;
