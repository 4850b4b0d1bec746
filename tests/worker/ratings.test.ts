import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { STANDIN_APP_ID, STANDIN_OA_SECRET_KEY, signWebhook } from "../../scripts/zalo-standin";
import type { Session } from "../../shared/src/auth/api";
import { addWorkingDays } from "../../shared/src/deadline/due-date";
import type { Dashboard } from "../../shared/src/figures/api";
import type { CaseList, RatingScale, RatingView, StaffRatingCase } from "../../shared/src/ratings/api";
import { vietnamDate } from "../../shared/src/time/vietnam";
import { workCalendar } from "../../worker/src/db/repo/calendar";
import { notifications, ratingCases, ratings } from "../../worker/src/db/schema";
import { catchUpFully } from "../../worker/src/figures/refresh";
import { recordStarRating } from "../../worker/src/ratings/ratings";
import { COMMUNE, resident } from "./dossier-fixtures";
import { expectKeptEqualsRecomputed } from "./figures-fixtures";
import { api, bearer, db, errorOf, getJson, json, signIn, testEnv } from "./helpers";
import {
  dossierRow,
  drive,
  eventsOf,
  type Filed,
  fileDossier,
  notificationsOf,
  reachableStates,
  staffMember,
} from "./staff-fixtures";

const NO_LEADER_UNIT = "phuong-binh-minh";
let officer: Session;
let leader: Session;
let admin: Session;
const toReturned = reachableStates().find((s) => s.state.status === 10)!.path;

/** A dossier filed online and driven to "Đã trả kết quả" (10). */
async function returned(unit = COMMUNE): Promise<Filed> {
  const filed = await fileDossier(unit, undefined, "danh-gia");
  await drive(unit === COMMUNE ? officer : await staffMember(unit), filed, toReturned);
  expect((await dossierRow(filed.code)).status).toBe(10);
  return filed;
}

const ratingOf = (session: Session, code: string) =>
  getJson<RatingView>(`/api/dossiers/${code}/rating`, { headers: bearer(session) });
const rate = (session: Session, code: string, body: unknown, env = testEnv()) =>
  api(`/api/dossiers/${code}/rating`, json("POST", body, bearer(session)), env);
const rerate = (session: Session, code: string, body: unknown) =>
  api(`/api/dossiers/${code}/rating/rerating`, json("POST", body, bearer(session)));
const cases = async (session: Session) => getJson<CaseList>("/api/staff/rating-cases", { headers: bearer(session) });
const reply = (session: Session, id: string, text: string) =>
  api(`/api/staff/rating-cases/${id}/reply`, json("POST", { reply: text }, bearer(session)));
const ratedEvents = async (code: string) => (await eventsOf(code)).filter((e) => e.type === "rated");
const caseRows = async (code: string) =>
  db()
    .select()
    .from(ratingCases)
    .where(eq(ratingCases.dossierId, (await dossierRow(code)).id));

beforeAll(async () => {
  // The unit's leader signs in first: the longest-serving leader owns the unit's cases.
  leader = await signIn("lanh-dao-phuong");
  admin = await signIn("quan-tri-tinh");
  officer = await staffMember(COMMUNE);
});

describe("the one-tap rating", () => {
  it("is offered only after the handover, and refused before it", async () => {
    const filed = await fileDossier(COMMUNE, undefined, "chua-tra");
    expect((await ratingOf(filed.owner, filed.code)).body).toMatchObject({ canRate: false, rating: null, case: null });
    const res = await rate(filed.owner, filed.code, { level: "satisfied" });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).message).toBe("Chỉ đánh giá được sau khi đã nhận kết quả.");
    expect(await ratedEvents(filed.code)).toEqual([]);
  });

  it("is the applicant's only: anyone else is told the dossier does not exist", async () => {
    const { code, owner } = await returned();
    expect((await ratingOf(owner, code)).body.canRate).toBe(true);
    const stranger = await resident(`nguoi-la-${crypto.randomUUID().slice(0, 8)}`);
    for (const caller of [stranger, officer, leader, admin])
      expect((await rate(caller, code, { level: "dissatisfied" })).status).toBe(404);
    expect((await ratingOf(stranger, code)).status).toBe(404);
    // Staff who see the dossier see that it is not rated, and may not rate it.
    expect((await ratingOf(officer, code)).body).toMatchObject({ canRate: false, rating: null });
    expect(await ratedEvents(code)).toEqual([]);
  });

  it("records one rating in one tap; a retry answers the same, another level is refused and the original kept", async () => {
    const { code, owner } = await returned();
    const first = await rate(owner, code, { level: "very_satisfied" });
    expect(first.status).toBe(200);
    const view = (await first.json()) as RatingView;
    expect(view).toMatchObject({ canRate: false, case: null, rating: { level: "very_satisfied", source: "app", stars: null } });
    expect((await rate(owner, code, { level: "very_satisfied" })).status).toBe(200);
    const other = await rate(owner, code, { level: "dissatisfied" });
    expect(other.status).toBe(409);
    const events = await ratedEvents(code);
    expect(events.map((e) => [e.actorRole, e.actorId, e.data])).toEqual([
      ["resident", owner.user.id, { level: "very_satisfied", source: "app" }],
    ]);
    expect(await caseRows(code)).toEqual([]);
    // The database itself keeps the original.
    const kept = eq(ratings.dossierId, events[0]!.dossierId);
    await expect(db().update(ratings).set({ level: "dissatisfied" }).where(kept)).rejects.toThrow();
    await expect(db().delete(ratings).where(kept)).rejects.toThrow();
    expect((await db().select().from(ratings).where(kept).get())?.level).toBe("very_satisfied");
  });

  it("writes one rating when the same tap arrives several times at once", async () => {
    const { code, owner } = await returned();
    const answers = await Promise.all([1, 2, 3].map(() => rate(owner, code, { level: "dissatisfied" })));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await ratedEvents(code)).toHaveLength(1);
    expect(await caseRows(code)).toHaveLength(1);
  });

  it("takes the criteria and a comment after the tap, once", async () => {
    const { code, owner } = await returned();
    await rate(owner, code, { level: "satisfied" });
    const details = { criteria: { staff_attitude: 2, total_time: 0 }, comment: "Cán bộ nhiệt tình nhưng chờ lâu" };
    const res = await api(`/api/dossiers/${code}/rating/details`, json("POST", details, bearer(owner)));
    expect(res.status).toBe(200);
    expect(((await res.json()) as RatingView).rating).toMatchObject({ ...details, level: "satisfied", detailsOpen: false });
    expect((await api(`/api/dossiers/${code}/rating/details`, json("POST", details, bearer(owner)))).status).toBe(200);
    const changed = await api(`/api/dossiers/${code}/rating/details`, json("POST", { comment: "Khác" }, bearer(owner)));
    expect(changed.status).toBe(409);
    const empty = await api(`/api/dossiers/${code}/rating/details`, json("POST", {}, bearer(owner)));
    expect(empty.status).toBe(400);
  });

  it("validates the body: a level of the scale, known criteria scored 2/1/0", async () => {
    const { code, owner } = await returned();
    for (const body of [
      { level: "5" },
      { level: "satisfied", criteria: { speed: 2 } },
      { level: "satisfied", criteria: { total_time: 3 } },
    ])
      expect((await rate(owner, code, body)).status, JSON.stringify(body)).toBe(400);
  });
});

describe("ratings by Zalo's star template", () => {
  const lastNotification = async (code: string) => (await notificationsOf(code)).at(-1)!;

  it("records stars that arrive as Zalo's signed user_feedback webhook, once however often it comes", async () => {
    const { code } = await returned();
    const n = await lastNotification(code);
    const timestamp = String(Date.now());
    const body = JSON.stringify({
      app_id: STANDIN_APP_ID,
      event_name: "user_feedback",
      timestamp,
      message: { rate: 2, note: "Chờ lâu", msg_id: "zns-1", tracking_id: String(n.id), submit_time: timestamp },
    });
    const signature = `mac=${signWebhook(body, STANDIN_APP_ID, timestamp, STANDIN_OA_SECRET_KEY)}`;
    const env = {
      ...testEnv(),
      ZALO_OA_URL: inject("zaloMessagesUrl"),
      ZALO_ZNS_URL: inject("zaloMessagesUrl"),
      ZALO_OAUTH_URL: inject("zaloMessagesUrl"),
    };
    for (let i = 0; i < 2; i++) {
      const res = await api("/api/webhooks/zalo", { method: "POST", headers: { "X-ZEvent-Signature": signature }, body }, env);
      expect(await res.json()).toEqual({ ok: true, handled: true });
    }
    expect(await db().select().from(ratings).where(eq(ratings.dossierId, n.dossierId!)).all()).toMatchObject([
      { level: "dissatisfied", source: "zns", stars: 2 },
    ]);
    expect(await caseRows(code)).toHaveLength(1);
  });

  it("keeps the raw stars, maps them by the published rule, and records a repeated webhook once", async () => {
    const { code } = await returned();
    const n = await lastNotification(code);
    const payload = {
      rate: 5,
      feedbacks: ["Nhanh chóng"],
      note: "Rất tốt",
      submitDate: "1714529559833",
      msgId: "m-1",
      trackingId: String(n.id),
    };
    expect(await recordStarRating(testEnv(), payload)).toBe("recorded");
    expect(await recordStarRating(testEnv(), payload)).toBe("duplicate");
    expect(await recordStarRating(testEnv(), { ...payload, msgId: "m-2" })).toBe("duplicate");
    const row = await db().select().from(ratings).where(eq(ratings.dossierId, n.dossierId!)).get();
    expect(row).toMatchObject({
      level: "very_satisfied",
      source: "zns",
      stars: 5,
      feedbacks: ["Nhanh chóng"],
      comment: "Rất tốt",
      znsMsgId: "m-1",
      notificationId: n.id,
    });
    expect((await ratedEvents(code)).map((e) => e.data)).toEqual([{ level: "very_satisfied", source: "zns", stars: 5 }]);
  });

  it("opens a case for 1–2 stars, and follows a configured rule", async () => {
    const low = await returned();
    expect(await recordStarRating(testEnv(), { rate: 2, trackingId: (await lastNotification(low.code)).id })).toBe("recorded");
    expect(await caseRows(low.code)).toHaveLength(1);
    const three = await returned();
    const strict = { ...testEnv(), RATING_STARS_SATISFIED_FROM: "4", RATING_STARS_VERY_SATISFIED_FROM: "5" };
    expect(await recordStarRating(strict, { rate: 3, trackingId: (await lastNotification(three.code)).id })).toBe("recorded");
    expect((await ratingOf(three.owner, three.code)).body.rating).toMatchObject({ level: "dissatisfied", stars: 3 });
    expect(await caseRows(three.code)).toHaveLength(1);
  });

  it("ignores what names no handed-over dossier, and never replaces a rating made in the app", async () => {
    expect(await recordStarRating(testEnv(), { rate: 4, trackingId: 999_999_999 })).toBe("unknown_notification");
    expect(await recordStarRating(testEnv(), { rate: 9, trackingId: 1 })).toBe("invalid");
    expect(await recordStarRating(testEnv(), { stars: 4 })).toBe("invalid");
    // A notification about a dossier still being processed.
    const open = await fileDossier(COMMUNE, undefined, "dang-xu-ly");
    await drive(officer, open, ["accept"]);
    expect(await recordStarRating(testEnv(), { rate: 4, trackingId: (await lastNotification(open.code)).id })).toBe(
      "not_returned",
    );
    const { code, owner } = await returned();
    await rate(owner, code, { level: "satisfied" });
    expect(await recordStarRating(testEnv(), { rate: 1, trackingId: (await lastNotification(code)).id })).toBe("already_rated");
    expect((await ratingOf(owner, code)).body.rating?.level).toBe("satisfied");
    expect(await caseRows(code)).toEqual([]);
  });

  it("publishes the rule", async () => {
    const res = await getJson<RatingScale>("/api/ratings/scale");
    expect(res.body).toEqual({
      levels: [
        { level: "very_satisfied", label: "Rất hài lòng", stars: "5 sao" },
        { level: "satisfied", label: "Hài lòng", stars: "3–4 sao" },
        { level: "dissatisfied", label: "Không hài lòng", stars: "1–2 sao" },
      ],
      caseDays: 5,
    });
  });
});

describe("the case every Không hài lòng opens", () => {
  let filed: Filed;
  let caseId: string;

  beforeAll(async () => {
    filed = await returned();
    await rate(filed.owner, filed.code, { level: "dissatisfied", comment: "Phải đi lại nhiều lần" });
    caseId = (await caseRows(filed.code))[0]!.id;
  });

  it("is owned by the handling unit's leader, due in working days by the province's calendar", async () => {
    const calendar = await workCalendar(db(), "an-hoa");
    const view = (await ratingOf(filed.owner, filed.code)).body;
    expect(view.case).toMatchObject({
      id: caseId,
      status: "open",
      unitId: COMMUNE,
      ownerName: leader.user.displayName,
      dueDate: addWorkingDays(vietnamDate(new Date()), 5, calendar),
      overdue: false,
      reply: null,
      rerating: null,
    });
    expect((await caseRows(filed.code))[0]!.ownerId).toBe(leader.user.id);
  });

  it("belongs to the unit when it has no leader, with the configured number of days", async () => {
    const other = await returned(NO_LEADER_UNIT);
    const res = await rate(other.owner, other.code, { level: "dissatisfied" }, { ...testEnv(), RATING_CASE_DAYS: "10" });
    expect(res.status).toBe(200);
    const calendar = await workCalendar(db(), "an-hoa");
    expect(((await res.json()) as RatingView).case).toMatchObject({
      unitId: NO_LEADER_UNIT,
      ownerName: null,
      dueDate: addWorkingDays(vietnamDate(new Date()), 10, calendar),
    });
    // The leader of another unit neither sees it nor answers it; the province admin sees it.
    const otherId = (await caseRows(other.code))[0]!.id;
    expect((await cases(leader)).body.items.map((c) => c.id)).not.toContain(otherId);
    expect((await getJson(`/api/staff/rating-cases/${otherId}`, { headers: bearer(leader) })).status).toBe(404);
    expect((await reply(leader, otherId, "Chúng tôi xin tiếp thu ý kiến.")).status).toBe(404);
    const all = (await cases(admin)).body.items;
    expect(all.map((c) => c.id)).toEqual(expect.arrayContaining([caseId, otherId]));
    expect(all.every((c) => !c.canReply)).toBe(true);
  });

  it("is listed to the unit's leader with the rating, open first and overdue flagged", async () => {
    const late = await returned();
    await rate(late.owner, late.code, { level: "dissatisfied" });
    const lateId = (await caseRows(late.code))[0]!.id;
    await db().update(ratingCases).set({ dueDate: "2020-01-02" }).where(eq(ratingCases.id, lateId));
    const list = (await cases(leader)).body.items;
    const statuses = list.map((c) => c.status);
    expect(statuses).toEqual(
      [...statuses].sort((a, b) => ["open", "replied", "closed"].indexOf(a) - ["open", "replied", "closed"].indexOf(b)),
    );
    expect(list[0]).toMatchObject({ id: lateId, overdue: true, canReply: true });
    expect(list.find((c) => c.id === caseId)).toMatchObject({
      code: filed.code,
      level: "dissatisfied",
      comment: "Phải đi lại nhiều lần",
      overdue: false,
      canReply: true,
    });
  });

  it("is refused to everyone but leaders and admins, and answered by the leader only", async () => {
    const stranger = await resident(`khac-${crypto.randomUUID().slice(0, 8)}`);
    expect((await api("/api/staff/rating-cases")).status).toBe(401);
    for (const caller of [filed.owner, stranger, officer]) {
      expect((await cases(caller)).status).toBe(403);
      expect((await getJson(`/api/staff/rating-cases/${caseId}`, { headers: bearer(caller) })).status).toBe(403);
      expect((await reply(caller, caseId, "Một câu trả lời đủ dài.")).status).toBe(403);
    }
    expect((await reply(admin, caseId, "Một câu trả lời đủ dài.")).status).toBe(403);
    expect((await caseRows(filed.code))[0]!.status).toBe("open");
    // The resident cannot rate again before the reply.
    expect((await rerate(filed.owner, filed.code, { level: "satisfied" })).status).toBe(409);
  });

  it("tells the resident the leader's reply through the outbox, once", async () => {
    const text = "Đơn vị xin lỗi và đã nhắc nhở cán bộ; lần sau anh/chị chỉ cần đến một lần.";
    const res = await reply(leader, caseId, text);
    expect(res.status).toBe(200);
    expect((await res.json()) as StaffRatingCase).toMatchObject({ status: "replied", reply: text, canReply: false });
    expect((await reply(leader, caseId, text)).status).toBe(200);
    expect((await reply(leader, caseId, "Một câu trả lời khác hẳn.")).status).toBe(409);
    const sent = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.topic, "rating_case"), eq(notifications.subjectId, caseId)));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ userId: filed.owner.user.id, dossierId: (await dossierRow(filed.code)).id });
    expect(sent[0]!.body).toContain(text);
    const list = await getJson<{ items: { topic: string; code: string | null; subjectId: string | null }[] }>(
      "/api/me/notifications",
      {
        headers: bearer(filed.owner),
      },
    );
    expect(list.body.items[0]).toMatchObject({ topic: "rating_case", code: filed.code, subjectId: caseId });
    expect((await ratingOf(filed.owner, filed.code)).body.case).toMatchObject({
      status: "replied",
      reply: text,
      repliedBy: leader.user.displayName,
    });
  });

  it("takes the resident's re-rating beside the original, once, and closes", async () => {
    const res = await rerate(filed.owner, filed.code, { level: "satisfied", comment: "Cảm ơn đơn vị" });
    expect(res.status).toBe(200);
    const view = (await res.json()) as RatingView;
    expect(view.rating?.level).toBe("dissatisfied");
    expect(view.case).toMatchObject({ status: "closed", rerating: "satisfied", reratingComment: "Cảm ơn đơn vị" });
    expect((await rerate(filed.owner, filed.code, { level: "satisfied" })).status).toBe(200);
    expect((await rerate(filed.owner, filed.code, { level: "very_satisfied" })).status).toBe(409);
    const stranger = await resident(`khac-${crypto.randomUUID().slice(0, 8)}`);
    expect((await rerate(stranger, filed.code, { level: "very_satisfied" })).status).toBe(404);
    expect(await ratedEvents(filed.code)).toHaveLength(1);
  });
});

describe("the figures", () => {
  it("measure satisfaction from the ratings: Không hài lòng counts against the unit, re-ratings do not erase it", async () => {
    await catchUpFully(db());
    const d = (await getJson<Dashboard>("/api/admin/dashboard", { headers: bearer(admin) })).body;
    const unit = d.units.find((u) => u.unitId === COMMUNE)!;
    const [{ n: dissatisfied }] = (await db().all(sql`
      SELECT count(*) AS n FROM ratings r JOIN dossiers d ON d.id = r.dossier_id
      WHERE r.level = 'dissatisfied' AND d.handling_unit_id = ${COMMUNE}`)) as [{ n: number }];
    expect(dissatisfied).toBeGreaterThanOrEqual(4);
    expect(unit.ratedDissatisfied).toBe(dissatisfied);
    expect(unit.satisfaction).toEqual({ measured: true, value: (unit.finished - dissatisfied) / unit.finished });
    const criterion = d.estimate766.groups.find((g) => g.key === "satisfaction")!.criteria.find((c) => c.key === "satisfaction");
    // The admin's estimate is the province's.
    expect(d.province.satisfaction.measured).toBe(true);
    expect(criterion).toMatchObject({
      state: "measured",
      value: d.province.satisfaction.measured ? d.province.satisfaction.value : -1,
    });
    await expectKeptEqualsRecomputed();
  });
});
