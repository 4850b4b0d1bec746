import { PROCESSING_ROLES, WORKSPACE_ROLES } from "../../../shared/src/auth/roles";
import { UnitIdParam } from "../../../shared/src/catalogue/api";
import {
  AssignFeedbackBody,
  FeedbackBody,
  FeedbackIdParam,
  ReplyFeedbackBody,
  StaffFeedbackQuery,
} from "../../../shared/src/feedback/api";
import { rateLimit, requireRole, requireUser } from "../auth/middleware";
import { feedbackByAuthor, feedbackCounts, feedbackOfUnits } from "../db/repo/feedback";
import { staffScope } from "../dossiers/access";
import {
  assign,
  assigneesOf,
  createFeedback,
  ownFeedback,
  publicFeedback,
  reply,
  scopedFeedback,
  todayIn,
  toFeedbackView,
  toStaffFeedbackView,
  viewsOf,
} from "../feedback/feedback";
import { factory } from "../lib/factory";
import { createOnce, requireIdempotencyKey } from "../lib/idempotency";
import { validate } from "../lib/validate";

const PRIVATE = { "Cache-Control": "private, no-store" };

/** A signed-in person's own feedback (phản ánh, kiến nghị): send one, list them, read one and its reply. */
export const feedbackRoutes = factory
  .createApp()
  .use(requireUser())
  .post(
    "/",
    rateLimit("SUBMIT_LIMITER", (c) => `feedback:${c.var.user.id}`),
    validate("json", FeedbackBody),
    async (c) => {
      const key = requireIdempotencyKey(c.req.header("Idempotency-Key"));
      const body = c.req.valid("json");
      return createOnce(c, key, body, () => createFeedback(c.var.db, c.env, c.var.user, body, key));
    },
  )
  .get("/", async (c) => {
    const rows = await feedbackByAuthor(c.var.db, c.var.user.id);
    return c.json({ items: await viewsOf(c.var.db, rows, toFeedbackView) }, 200, PRIVATE);
  })
  .get("/:id", validate("param", FeedbackIdParam), async (c) => {
    const row = await ownFeedback(c.var.db, c.var.user, c.req.valid("param").id);
    const [view] = await viewsOf(c.var.db, [row], toFeedbackView);
    return c.json(view!, 200, PRIVATE);
  });

/** The unit's side: staff see the items sent to their units; a leader assigns; the assignee or a leader replies. */
export const staffFeedbackRoutes = factory
  .createApp()
  .use(requireUser(...WORKSPACE_ROLES))
  .use(async (c, next) => {
    c.set("scope", await staffScope(c.var.db, c.var.user));
    await next();
  })
  .get("/", validate("query", StaffFeedbackQuery), async (c) => {
    const { db, user, scope } = c.var;
    const query = c.req.valid("query");
    const today = todayIn();
    const rows = await feedbackOfUnits(db, scope, {
      ...(query.status ? { status: query.status } : {}),
      ...(query.mine ? { assigneeId: user.id } : {}),
    });
    const items = await viewsOf(db, rows, (row, photos) => toStaffFeedbackView(row, photos, user, scope, today));
    return c.json({ items, counts: await feedbackCounts(db, scope, today) }, 200, PRIVATE);
  })
  .get("/:id", validate("param", FeedbackIdParam), async (c) => {
    const { db, user, scope } = c.var;
    const row = await scopedFeedback(db, scope, c.req.valid("param").id);
    const [view] = await viewsOf(db, [row], (r, photos) => toStaffFeedbackView(r, photos, user, scope, todayIn()));
    return c.json(view!, 200, PRIVATE);
  })
  .get("/:id/assignees", requireRole("leader"), validate("param", FeedbackIdParam), async (c) => {
    const row = await scopedFeedback(c.var.db, c.var.scope, c.req.valid("param").id);
    return c.json({ items: await assigneesOf(c.var.db, row) }, 200, PRIVATE);
  })
  .post(
    "/:id/assign",
    requireRole("leader"),
    validate("param", FeedbackIdParam),
    validate("json", AssignFeedbackBody),
    async (c) => {
      const { db, user, scope } = c.var;
      const row = await assign(db, user, scope, c.req.valid("param").id, c.req.valid("json").assigneeId);
      const [view] = await viewsOf(db, [row], (r, photos) => toStaffFeedbackView(r, photos, user, scope, todayIn()));
      return c.json(view!, 200);
    },
  )
  .post(
    "/:id/reply",
    requireRole(...PROCESSING_ROLES),
    validate("param", FeedbackIdParam),
    validate("json", ReplyFeedbackBody),
    async (c) => {
      const { db, user, scope } = c.var;
      const row = await reply(db, user, scope, c.req.valid("param").id, c.req.valid("json").body);
      const [view] = await viewsOf(db, [row], (r, photos) => toStaffFeedbackView(r, photos, user, scope, todayIn()));
      return c.json(view!, 200);
    },
  );

/** Public, no sign-in: a unit's answered items whose authors allowed it, without personal data. */
export const publicFeedbackRoutes = factory.createApp().get("/:id/feedback", validate("param", UnitIdParam), async (c) =>
  c.json(await publicFeedback(c.var.db, c.env.PROVINCE_ID, c.req.valid("param").id), 200, {
    "Cache-Control": "public, max-age=60",
  }),
);
