import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Session } from "../../shared/src/auth/api";
import { addWorkingDays } from "../../shared/src/deadline/due-date";
import type {
  FeedbackList,
  FeedbackView,
  PublicFeedbackList,
  StaffFeedbackList,
  StaffFeedbackView,
} from "../../shared/src/feedback/api";
import { maskPublicText } from "../../shared/src/feedback/api";
import { vietnamDate } from "../../shared/src/time/vietnam";
import { startSession } from "../../worker/src/auth/session";
import { workCalendar } from "../../worker/src/db/repo/calendar";
import { upsertUser } from "../../worker/src/db/repo/users";
import { feedback, notifications } from "../../worker/src/db/schema";
import { feedbackDueDate } from "../../worker/src/feedback/feedback";
import { newKey, pdf, resident, upload } from "./dossier-fixtures";
import { api, bearer, db, errorIn, getJson, json, signIn, testEnv } from "./helpers";
import { fileDossier, quietSecurityLog, staffMember } from "./staff-fixtures";

afterEach(() => vi.restoreAllMocks());

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

let people = 0;
async function leaderOf(unitId: string): Promise<Session> {
  const id = `lanh-dao-${unitId}-${++people}-${crypto.randomUUID().slice(0, 8)}`;
  const user = await upsertUser(db(), "an-hoa", {
    id,
    role: "leader",
    unitId,
    displayName: `Lãnh đạo ${id}`,
    vneidVerified: false,
  });
  return startSession(db(), testEnv(), user);
}

const send = (who: Session, body: unknown, key: string = newKey()) =>
  getJson<FeedbackView>("/api/feedback", json("POST", body, { ...bearer(who), "Idempotency-Key": key }));
const staffList = (who: Session, query = "") =>
  getJson<StaffFeedbackList>(`/api/staff/feedback${query}`, { headers: bearer(who) });
const assign = (who: Session, id: string, assigneeId: string) =>
  getJson<StaffFeedbackView>(`/api/staff/feedback/${id}/assign`, json("POST", { assigneeId }, bearer(who)));
const reply = (who: Session, id: string, body = "Đơn vị đã kiểm tra và khắc phục, cảm ơn anh/chị đã phản ánh.") =>
  getJson<StaffFeedbackView>(`/api/staff/feedback/${id}/reply`, json("POST", { body }, bearer(who)));

async function photo(who: Session) {
  const res = await upload(who, PNG, "anh-chup.png");
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe("feedback (phản ánh, kiến nghị)", () => {
  // Residents send at most 10 a minute (SUBMIT_LIMITER): each test writes as a fresh one.
  let an: Session;
  let leader: Session;
  let officer: Session;
  beforeAll(async () => {
    leader = await leaderOf("phuong-tan-an");
    officer = await staffMember("phuong-tan-an");
  });
  beforeEach(async () => {
    an = await resident(`pakn-${crypto.randomUUID()}`);
  });

  it("goes to the chosen unit with its photos, due in the configured working days, and is the author's to read", async () => {
    const photoId = await photo(an);
    const created = await send(an, {
      kind: "phan_anh",
      unitId: "phuong-tan-an",
      content: "Bộ phận một cửa đóng cửa sớm hơn giờ niêm yết vào chiều thứ Sáu.",
      photoIds: [photoId],
      allowPublic: true,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      subject: "unit",
      unit: { id: "phuong-tan-an" },
      status: "new",
      statusLabel: "Chờ phân công",
      photos: [{ id: photoId, mime: "image/png" }],
      reply: null,
    });
    const calendar = await workCalendar(db(), "an-hoa");
    expect(created.body.dueDate).toBe(addWorkingDays(vietnamDate(new Date(created.body.createdAt)), 10, calendar));
    const mine = await getJson<FeedbackList>("/api/feedback", { headers: bearer(an) });
    expect(mine.body.items.map((i) => i.id)).toContain(created.body.id);
    expect((await getJson<FeedbackView>(`/api/feedback/${created.body.id}`, { headers: bearer(an) })).body.id).toBe(
      created.body.id,
    );
  });

  it("counts the due date in working days on the province's calendar, from the day it arrives in Vietnam", () => {
    const calendar = { holidays: new Set(["2026-09-02"]), workdays: new Set<string>() };
    // Friday 28 August 2026, 23:30 in Vietnam is still the 28th; ten working days skip two weekends and 2 September.
    expect(feedbackDueDate(new Date("2026-08-28T16:30:00Z"), 10, calendar)).toBe("2026-09-14");
    expect(feedbackDueDate(new Date("2026-08-28T17:30:00Z"), 1, calendar)).toBe("2026-08-31");
  });

  it("replays a retried submission and refuses photos that are not the author's images", async () => {
    quietSecurityLog();
    const key = newKey();
    const body = { unitId: "phuong-tan-an", content: "Đề nghị bố trí thêm ghế chờ tại bộ phận một cửa." };
    const first = await send(an, body, key);
    const again = await send(an, body, key);
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.body.id).toBe(first.body.id);
    expect(await db().$count(feedback, eq(feedback.authorId, an.user.id))).toBeGreaterThanOrEqual(1);
    const rows = await db().select().from(feedback).where(eq(feedback.content, body.content));
    expect(rows).toHaveLength(1);

    const other = await resident(`pakn-other-${crypto.randomUUID()}`);
    const theirs = await photo(other);
    const aPdf = (await upload(an, pdf("giấy tờ"))).body.id as string;
    for (const photoIds of [[theirs], [aPdf], ["00000000-0000-4000-8000-000000000000"]]) {
      const res = await send(an, { ...body, photoIds });
      expect(res.status).toBe(400);
      expect(errorIn(res.body).details).toEqual([expect.objectContaining({ path: "photoIds" })]);
    }
    const tooMany = await send(an, { ...body, photoIds: Array.from({ length: 5 }, () => crypto.randomUUID()) });
    expect(tooMany.status).toBe(400);
  });

  it("sends feedback on a dossier to its handling unit, and on a procedure to its competent unit", async () => {
    quietSecurityLog();
    const filed = await fileDossier("phuong-tan-an");
    const onDossier = await send(filed.owner, {
      dossierCode: filed.code,
      kind: "kien_nghi",
      content: "Hồ sơ của tôi đã quá hạn hẹn mà chưa có kết quả.",
    });
    expect(onDossier.status).toBe(201);
    expect(onDossier.body).toMatchObject({ subject: "dossier", dossierCode: filed.code, unit: { id: "phuong-tan-an" } });
    // Someone else's dossier does not exist for the caller.
    const foreign = await send(an, { dossierCode: filed.code, content: "Hồ sơ này xử lý chậm quá, đề nghị xem xét." });
    expect(foreign.status).toBe(404);

    const onProcedure = await send(an, { procedureCode: "2.000488", content: "Hướng dẫn hồ sơ trên cổng chưa rõ ràng." });
    expect(onProcedure.status).toBe(201);
    expect(onProcedure.body).toMatchObject({ subject: "procedure", unit: { id: "so-tu-phap" }, procedure: { code: "2.000488" } });
    // A procedure any commune handles needs the commune, and only a commune.
    const noCommune = await send(an, { procedureCode: "1.004222", content: "Thủ tục đăng ký thường trú cần giấy tờ gì?" });
    expect([noCommune.status, errorIn(noCommune.body).details]).toEqual([400, [expect.objectContaining({ path: "unitId" })]]);
    const department = await send(an, {
      procedureCode: "1.004222",
      unitId: "so-tu-phap",
      content: "Thủ tục đăng ký thường trú cần giấy tờ gì?",
    });
    expect(department.status).toBe(400);
    const commune = await send(an, {
      procedureCode: "1.004222",
      unitId: "phuong-tan-an",
      content: "Thủ tục đăng ký thường trú cần giấy tờ gì?",
    });
    expect(commune.body.unit.id).toBe("phuong-tan-an");
    expect((await send(an, { content: "Không nói về đơn vị nào cả." })).status).toBe(400);
  });

  it("is assigned by the unit's leader, answered by the assignee once, and the author is told with topic feedback", async () => {
    quietSecurityLog();
    const photoId = await photo(an);
    const created = (
      await send(an, { unitId: "phuong-tan-an", content: "Nhà vệ sinh khu tiếp dân bị hỏng.", photoIds: [photoId] })
    ).body;
    const listed = await staffList(leader, "?status=open");
    const item = listed.body.items.find((i) => i.id === created.id)!;
    expect(item).toMatchObject({
      allowed: ["assign", "reply"],
      assignee: null,
      overdue: false,
      author: { name: expect.any(String) },
    });
    expect((await staffList(officer)).body.items.find((i) => i.id === created.id)!.allowed).toEqual([]);
    // Staff of the unit open the photo; staff elsewhere do not.
    expect((await api(`/api/files/${photoId}/content`, { headers: bearer(officer) })).status).toBe(200);
    expect((await api(`/api/files/${photoId}/content`, { headers: bearer(await signIn("can-bo-tu-phap")) })).status).toBe(404);

    // An officer does not assign; the leader assigns only to staff of the unit.
    expect((await assign(officer, created.id, officer.user.id)).status).toBe(403);
    const outsider = await staffMember("phuong-binh-minh");
    expect((await assign(leader, created.id, outsider.user.id)).status).toBe(400);
    expect((await assign(leader, created.id, an.user.id)).status).toBe(400);
    const candidates = await getJson<{ items: { id: string }[] }>(`/api/staff/feedback/${created.id}/assignees`, {
      headers: bearer(leader),
    });
    expect(candidates.body.items.map((c) => c.id)).toContain(officer.user.id);
    const assigned = await assign(leader, created.id, officer.user.id);
    expect(assigned.body).toMatchObject({ status: "assigned", assignee: { id: officer.user.id } });
    expect((await staffList(officer, "?mine=1")).body.items.map((i) => i.id)).toEqual([created.id]);

    // Another officer of the unit, not assigned, does not answer.
    const colleague = await staffMember("phuong-tan-an");
    expect((await reply(colleague, created.id)).status).toBe(403);
    const before = await db().$count(notifications, eq(notifications.userId, an.user.id));
    const answers = await Promise.all([reply(officer, created.id), reply(officer, created.id), reply(leader, created.id)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const told = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, an.user.id), eq(notifications.topic, "feedback")));
    expect(told.filter((n) => n.subjectId === created.id)).toEqual([
      expect.objectContaining({
        topic: "feedback",
        subjectId: created.id,
        dossierId: null,
        title: "Đã có trả lời phản ánh, kiến nghị",
      }),
    ]);
    expect(await db().$count(notifications, eq(notifications.userId, an.user.id))).toBe(before + 1);
    const read = await getJson<FeedbackView>(`/api/feedback/${created.id}`, { headers: bearer(an) });
    expect(read.body).toMatchObject({ status: "answered", reply: { body: expect.stringContaining("khắc phục") } });
    expect((await assign(leader, created.id, officer.user.id)).status).toBe(409);
  });

  it("flags open items past their due date as overdue, for the unit's staff", async () => {
    const created = (await send(an, { unitId: "phuong-tan-an", content: "Cán bộ hẹn gọi lại nhưng không gọi." })).body;
    expect(created.id).toEqual(expect.any(String));
    await db().update(feedback).set({ dueDate: "2026-01-05" }).where(eq(feedback.id, created.id));
    const list = await staffList(leader);
    expect(list.body.items.find((i) => i.id === created.id)!.overdue).toBe(true);
    expect(list.body.counts.overdue).toBeGreaterThanOrEqual(1);
    // Overdue items come first among open ones.
    expect(list.body.items[0]!.dueDate <= created.dueDate).toBe(true);
  });

  it("lists answered public items per unit without name, phone, dossier code or photos; private ones never", async () => {
    const filed = await fileDossier("phuong-phu-thinh");
    const unitLeader = await leaderOf("phuong-phu-thinh");
    const photoId = await photo(filed.owner);
    const open = (
      await send(filed.owner, {
        dossierCode: filed.code,
        content: `Tôi gọi 0912 345 678 nhiều lần về hồ sơ ${filed.code} mà không ai nghe máy.`,
        photoIds: [photoId],
        allowPublic: true,
      })
    ).body;
    const secret = (
      await send(filed.owner, {
        unitId: "phuong-phu-thinh",
        content: "Nội dung riêng tư không muốn công khai.",
        allowPublic: false,
      })
    ).body;
    const pending = (
      await send(filed.owner, { unitId: "phuong-phu-thinh", content: "Chưa được trả lời thì chưa công khai.", allowPublic: true })
    ).body;
    expect((await reply(unitLeader, open.id, "Đơn vị xin lỗi, đã bố trí cán bộ trực số 0299 3840 101.")).status).toBe(200);
    expect((await reply(unitLeader, secret.id)).status).toBe(200);

    const res = await api("/api/units/phuong-phu-thinh/feedback");
    const text = await res.text();
    const list = JSON.parse(text) as PublicFeedbackList;
    expect(list.items.map((i) => i.id)).toEqual([open.id]);
    expect(list.items[0]).toEqual({
      id: open.id,
      kindLabel: "Phản ánh",
      procedureName: expect.any(String),
      content: "Tôi gọi *** nhiều lần về hồ sơ ***.H*** mà không ai nghe máy.",
      createdAt: open.createdAt,
      reply: "Đơn vị xin lỗi, đã bố trí cán bộ trực số ***.",
      repliedAt: expect.any(String),
    });
    for (const personal of [filed.code, "0912", photoId, filed.owner.user.id, filed.owner.user.displayName])
      expect(text).not.toContain(personal);
    expect(pending.status).toBe("new");
    expect((await api("/api/units/khong-co/feedback")).status).toBe(404);
  });

  it("masks digit runs that could name a person or a dossier, and keeps short numbers", () => {
    expect(maskPublicText("Gọi 0912.345.678 hoặc CCCD 001090012345")).toBe("Gọi *** hoặc CCCD ***");
    expect(maskPublicText("Chờ 2 giờ, quầy số 12")).toBe("Chờ 2 giờ, quầy số 12");
  });
});

describe("feedback role scoping", () => {
  it("a resident never sees another's item; staff of another unit neither see, assign nor answer it", async () => {
    quietSecurityLog();
    const author = await resident(`pakn-author-${crypto.randomUUID()}`);
    const stranger = await resident(`pakn-stranger-${crypto.randomUUID()}`);
    const item = (await send(author, { unitId: "phuong-an-hoa", content: "Đề nghị niêm yết rõ lệ phí tại quầy." })).body;
    const otherLeader = await leaderOf("phuong-binh-minh");
    const otherOfficer = await signIn("can-bo-tu-phap");
    const admin = await signIn("quan-tri-tinh");
    const helper = await signIn("to-cong-nghe");

    expect((await api(`/api/feedback/${item.id}`, { headers: bearer(stranger) })).status).toBe(404);
    expect((await getJson<FeedbackList>("/api/feedback", { headers: bearer(stranger) })).body.items).toEqual([]);
    for (const who of [otherLeader, otherOfficer]) {
      expect((await api(`/api/staff/feedback/${item.id}`, { headers: bearer(who) })).status).toBe(404);
      expect((await assign(who, item.id, who.user.id)).status).toBe(who === otherLeader ? 404 : 403);
      expect((await reply(who, item.id)).status).toBe(404);
      expect((await staffList(who)).body.items.map((i) => i.id)).not.toContain(item.id);
    }
    // Residents and the community digital team have no workspace; an admin reads but does not act.
    for (const who of [author, stranger, helper]) {
      expect((await staffList(who)).status).toBe(403);
      expect((await reply(who, item.id)).status).toBe(403);
    }
    expect((await api(`/api/staff/feedback/${item.id}`, { headers: bearer(admin) })).status).toBe(200);
    expect((await assign(admin, item.id, admin.user.id)).status).toBe(403);
    expect((await reply(admin, item.id)).status).toBe(403);
    // Anonymous: 401 everywhere but the public list.
    for (const path of ["/api/feedback", `/api/feedback/${item.id}`, "/api/staff/feedback", `/api/staff/feedback/${item.id}`])
      expect((await api(path)).status).toBe(401);
    expect((await api("/api/feedback", json("POST", {}))).status).toBe(401);
    expect((await db().select().from(feedback).where(eq(feedback.id, item.id)).get())!.status).toBe("new");
  });

  it("a staff member's own feedback is a colleague's to handle", async () => {
    quietSecurityLog();
    const leader = await signIn("lanh-dao-phuong");
    const own = (await send(leader, { unitId: "phuong-an-hoa", content: "Máy lấy số thứ tự hay bị treo." })).body;
    const view = await getJson<StaffFeedbackView>(`/api/staff/feedback/${own.id}`, { headers: bearer(leader) });
    expect(view.body.allowed).toEqual([]);
    expect((await reply(leader, own.id)).status).toBe(403);
  });
});
