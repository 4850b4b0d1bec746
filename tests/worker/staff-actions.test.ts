import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ErrorEnvelope } from "../../shared/src/api/errors";
import type { NotificationList, Session } from "../../shared/src/auth/api";
import type { CalendarDay } from "../../shared/src/deadline/api";
import { addDays, dueDate } from "../../shared/src/deadline/due-date";
import { eventTitle } from "../../shared/src/dossier/events";
import { offeredActions, STAFF_ACTIONS } from "../../shared/src/dossier/lifecycle";
import type { Inbox } from "../../shared/src/staff/api";
import { workCalendar } from "../../worker/src/db/repo/calendar";
import { dossiers, notifications } from "../../worker/src/db/schema";
import { resident, upload } from "./dossier-fixtures";
import { api, bearer, db, errorIn, errorOf, getJson, json, signIn } from "./helpers";
import {
  type ActionRequest,
  act,
  actionBody,
  type CalendarList,
  clockAt,
  dossierRow,
  drive,
  eventsOf,
  expectConsistent,
  fileDossier,
  notificationsOf,
  quietSecurityLog,
  reachableStates,
  residentStep,
  residentView,
  setDossier,
  staffMember,
  staffView,
  stateKey,
  step,
  uploadPdf,
} from "./staff-fixtures";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const SUPPLEMENT_ITEMS = (actionBody("request_supplement") as { items: string[] }).items;

describe("an officer's own dossier", () => {
  it("is decided by a colleague: its filer sees no action and is refused one", async () => {
    const filer = await staffMember("phuong-an-hoa");
    const { code } = await fileDossier("phuong-an-hoa", undefined, "can-bo-nop");
    await db().update(dossiers).set({ applicantId: filer.user.id }).where(eq(dossiers.code, code));
    const own = await staffView(filer, code);
    expect(own.body.allowedActions).toEqual([]);
    const refused = await act(filer, code, { action: "accept" }, own.body.version);
    expect([refused.status, errorIn(refused.body).code]).toEqual([403, "forbidden"]);
    const colleague = await signIn("can-bo-phuong");
    expect((await step(colleague, code, { action: "accept" })).status).toBe(2);
  });
});

describe("legal transitions through the HTTP API", () => {
  it("accept 1→2 starts the clock: receivedAt, the legal due date and how it was counted", async () => {
    clockAt("2026-03-10T02:00:00Z"); // Tuesday 09:00 in Việt Nam
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    const view = await step(officer, d.code, { action: "accept", note: "Đủ thành phần hồ sơ" });
    expect(view).toMatchObject({
      status: 2,
      version: 2,
      receivedAt: "2026-03-10T02:00:00.000Z",
      // 7 working days after the day of receipt: 11, 12, 13, 16, 17, 18, 19 March.
      dueDate: "2026-03-19",
      dueExplanation: "7 ngày làm việc kể từ khi tiếp nhận",
      dueState: "ok",
      allowedActions: offeredActions({ status: 2, received: true, withdrawalRequested: false, feeDue: true }),
    });
    expect(await dossierRow(d.code)).toMatchObject({
      status: 2,
      receivedAt: "2026-03-10T02:00:00.000Z",
      dueDate: "2026-03-19",
      pausedAt: null,
    });
    expect((await eventsOf(d.code)).at(-1)).toMatchObject({
      seq: 2,
      type: "accepted",
      note: "Đủ thành phần hồ sơ",
      data: { dueDate: "2026-03-19" },
      status: 2,
      actorRole: "staff",
    });
    expect((await notificationsOf(d.code)).map((n) => n.body)).toEqual([
      `Hồ sơ ${d.code} đã được tiếp nhận. Ngày hẹn trả kết quả: 19/03/2026.`,
    ]);
  });

  it("refuse 1→3 with the reason, which the applicant reads", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    expect((await act(officer, d.code, { action: "refuse", reason: "x" })).status).toBe(400);
    const view = await step(officer, d.code, { action: "refuse", reason: "Thủ tục không thuộc thẩm quyền của phường" });
    expect(view).toMatchObject({ status: 3, receivedAt: null, allowedActions: ["note", "reply"] });
    const mine = await residentView(d.owner, d.code);
    expect(mine.body.status).toBe(3);
    expect(mine.body.timeline.at(-1)).toMatchObject({
      type: "refused",
      note: "Thủ tục không thuộc thẩm quyền của phường",
      actor: "staff",
      actorLabel: "Cán bộ",
    });
    expect((await notificationsOf(d.code)).at(-1)!.body).toContain("Lý do: Thủ tục không thuộc thẩm quyền của phường");
  });

  it("start_processing 2→4", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    await step(officer, d.code, { action: "accept" });
    const view = await step(officer, d.code, { action: "start_processing" });
    expect(view).toMatchObject({ status: 4, version: 3 });
    expect((await residentView(d.owner, d.code)).body.statusLabel).toBe("Đang giải quyết");
  });

  it("request_supplement from 1 → 5 does not pause a clock that has not started; the answer returns it to 1", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    const expected = (await dossierRow(d.code)).dueDate;
    const view = await step(officer, d.code, { action: "request_supplement", items: SUPPLEMENT_ITEMS, replyBy: "2099-01-15" });
    expect(view).toMatchObject({ status: 5, supplement: { items: SUPPLEMENT_ITEMS }, receivedAt: null });
    expect((await dossierRow(d.code)).pausedAt).toBeNull();
    expect((await notificationsOf(d.code)).at(-1)!.body).toBe(
      `Hồ sơ ${d.code} cần bổ sung: ${SUPPLEMENT_ITEMS[0]}. Vui lòng bổ sung trước ngày 15/01/2099.`,
    );

    const asked = await residentView(d.owner, d.code);
    expect(asked.body).toMatchObject({ canSupplement: true, supplement: { items: SUPPLEMENT_ITEMS } });
    await residentStep(d.owner, d.code, "submit_supplement");
    expect(await dossierRow(d.code)).toMatchObject({ status: 1, pausedAt: null, dueDate: expected, receivedAt: null });
  });

  it.each([2, 4])(
    "request_supplement from %i → 5 pauses the clock; the answer returns it to 4 with the due date moved by the working days paused",
    async (from) => {
      clockAt("2026-03-10T02:00:00Z"); // Tuesday
      const officer = await signIn("can-bo-phuong");
      const d = await fileDossier();
      await step(officer, d.code, { action: "accept" }); // due Thursday 19 March
      if (from === 4) await step(officer, d.code, { action: "start_processing" });
      const view = await step(officer, d.code, actionBody("request_supplement"));
      expect(view).toMatchObject({ status: 5, dueState: null, supplement: { items: SUPPLEMENT_ITEMS, note: "Ảnh chụp bị mờ" } });
      expect((await dossierRow(d.code)).pausedAt).toBe("2026-03-10T02:00:00.000Z");

      // As if the request went out on Friday 6 March: the pause spans a weekend and costs Monday and Tuesday.
      await setDossier(d.code, { pausedAt: "2026-03-06T02:00:00.000Z" });
      await residentStep(d.owner, d.code, "submit_supplement");
      const row = await dossierRow(d.code);
      expect(row).toMatchObject({ status: 4, pausedAt: null, dueDate: "2026-03-23" });
      expect(row.dueExplanation).toBe("7 ngày làm việc kể từ khi tiếp nhận; tạm dừng 2 ngày làm việc chờ bổ sung");
      expect((await eventsOf(d.code)).at(-1)).toMatchObject({
        type: "supplement_submitted",
        actorRole: "resident",
        status: 4,
        data: { dueDate: "2026-03-23", pausedDays: 2 },
      });
    },
  );

  it("a supplement naming the same file for two documents is taken (not mistaken for a concurrent update)", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    await step(officer, d.code, {
      action: "request_supplement",
      checks: [
        { docIndex: 1, passed: false, note: "Ảnh chụp bị mờ" },
        { docIndex: 2, passed: false, note: "Thiếu trang 2" },
      ],
    });
    const fileId = await uploadPdf(d.owner, "ca-hai.pdf");
    const res = await api(
      `/api/dossiers/${d.code}/supplement`,
      json(
        "POST",
        {
          answers: [
            { askId: "doc-1", fileIds: [fileId] },
            { askId: "doc-2", fileIds: [fileId] },
          ],
        },
        bearer(d.owner),
      ),
    );
    expect(res.status).toBe(200);
    expect((await dossierRow(d.code)).status).toBe(1);
  });

  it("request_payment 4→6 and confirm_payment 6→4", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    await drive(officer, d, ["accept", "start_processing"]);
    const asked = await step(officer, d.code, {
      action: "request_payment",
      amount: 20000,
      legalBasis: "Thông tư 75/2022/TT-BTC",
    });
    expect(asked).toMatchObject({ status: 6, dueState: "ok" });
    expect((await eventsOf(d.code)).at(-1)!.data).toEqual({ amount: 20000, legalBasis: "Thông tư 75/2022/TT-BTC" });
    expect((await notificationsOf(d.code)).at(-1)!.body).toMatch(/^Vui lòng nộp 20\.000\s?(₫|đ|VND)/);
    expect((await step(officer, d.code, { action: "confirm_payment" })).status).toBe(4);
  });

  it("stop 4→8 with the reason", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    await drive(officer, d, ["accept", "start_processing"]);
    const view = await step(officer, d.code, { action: "stop", reason: "Người nộp đề nghị dừng để hoàn thiện giấy tờ" });
    expect(view).toMatchObject({ status: 8, dueState: null, allowedActions: ["note", "reply"] });
    expect((await residentView(d.owner, d.code)).body.timeline.at(-1)).toMatchObject({
      type: "stopped",
      note: "Người nộp đề nghị dừng để hoàn thiện giấy tờ",
    });
  });

  it("finish 4→9 with a result the officer uploaded, which the applicant downloads; hand_over 9→10", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    // The fee was collected at the desk: the result can be handed over (tests/worker/fees-lifecycle.test.ts).
    await drive(officer, d, ["accept", "start_processing", "confirm_payment"]);
    // Only files the officer uploaded can be a result.
    const residentsFile = await uploadPdf(d.owner, "cua-toi.pdf");
    expect((await act(officer, d.code, { action: "finish", resultFileIds: [residentsFile] })).status).toBe(400);
    const result = await upload(
      officer,
      new TextEncoder().encode("%PDF-1.4\n% xác nhận thường trú\n%%EOF\n"),
      "xac-nhan-thuong-tru.pdf",
    );
    expect(result.status).toBe(201);

    const finished = await step(officer, d.code, {
      action: "finish",
      resultFileIds: [result.body.id],
      note: "Đã cập nhật cơ sở dữ liệu cư trú",
    });
    expect(finished).toMatchObject({ status: 9, allowedActions: ["hand_over", "note", "reply"] });
    expect((await dossierRow(d.code)).finishedAt).not.toBeNull();

    const mine = await residentView(d.owner, d.code);
    expect(mine.body.results).toEqual([expect.objectContaining({ id: result.body.id, name: "xac-nhan-thuong-tru.pdf" })]);
    const download = await api(`/api/files/${result.body.id}/content`, { headers: bearer(d.owner) });
    expect(download.status).toBe(200);
    expect(new TextDecoder().decode(await download.arrayBuffer())).toContain("xác nhận thường trú");
    const stranger = await resident(`stranger-${crypto.randomUUID()}`);
    expect((await api(`/api/files/${result.body.id}/content`, { headers: bearer(stranger) })).status).toBe(404);

    const handed = await step(officer, d.code, { action: "hand_over", returnChannel: "counter" });
    expect(handed).toMatchObject({ status: 10, allowedActions: ["note", "reply"] });
    expect((await dossierRow(d.code)).returnedAt).not.toBeNull();
    expect((await eventsOf(d.code)).at(-1)!.data).toEqual({ returnChannel: "counter" });
  });

  it("a withdrawal asked for after acceptance waits for confirm_withdrawal → 7", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    await step(officer, d.code, { action: "accept" });
    expect((await staffView(officer, d.code)).body.allowedActions).not.toContain("confirm_withdrawal");
    await residentStep(d.owner, d.code, "withdraw");
    const asked = await staffView(officer, d.code);
    expect(asked.body).toMatchObject({ status: 2, withdrawalRequested: true });
    expect(asked.body.allowedActions).toContain("confirm_withdrawal");
    const done = await step(officer, d.code, { action: "confirm_withdrawal", note: "Đã trả lại giấy tờ" });
    expect(done).toMatchObject({ status: 7, withdrawalRequested: false });
    expect((await residentView(d.owner, d.code)).body.statusLabel).toBe("Đã rút hồ sơ");
  });

  it("apologise promises a later date and keeps the due date; a date not after the current one is refused", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    await drive(officer, d, ["accept", "start_processing"]);
    const { dueDate: due } = await dossierRow(d.code);
    const reason = "Cần xác minh thêm tại Công an tỉnh";
    for (const newDate of [due!, addDays(due!, -1)]) {
      const refused = await act(officer, d.code, { action: "apologise", reason, newDate });
      expect([newDate, refused.status, (errorIn(refused.body).details as { path: string }[] | undefined)?.[0]?.path]).toEqual([
        newDate,
        400,
        "newDate",
      ]);
    }
    const promised = addDays(due!, 5);
    const view = await step(officer, d.code, { action: "apologise", reason, newDate: promised });
    expect(view).toMatchObject({ status: 4, dueDate: due, promisedDate: promised });
    expect((await residentView(d.owner, d.code)).body).toMatchObject({ dueDate: due, promisedDate: promised });
    expect((await notificationsOf(d.code)).at(-1)!.body).toContain(`Ngày hẹn mới: ${promised.split("-").reverse().join("/")}`);
    // A second apology must promise a date after the first one.
    expect((await act(officer, d.code, { action: "apologise", reason, newDate: addDays(due!, 3) })).status).toBe(400);
    expect((await dossierRow(d.code)).promisedDate).toBe(promised);
  });

  it("transfer hands the dossier to another unit: the original staff lose it, the new unit's staff find it and act", async () => {
    const officer = await signIn("can-bo-phuong");
    const department = await signIn("can-bo-tu-phap");
    const d = await fileDossier();
    await step(officer, d.code, { action: "accept" });
    expect(
      (await act(officer, d.code, { action: "transfer", unitId: "phuong-an-hoa", reason: "Chuyển về chính mình" })).status,
    ).toBe(400);
    expect((await act(officer, d.code, { action: "transfer", unitId: "khong-co-don-vi", reason: "Không tồn tại" })).status).toBe(
      400,
    );
    const { version } = await dossierRow(d.code);
    expect((await act(department, d.code, { action: "note", note: "Chưa phải của tôi" }, version)).status).toBe(404);

    const moved = await step(officer, d.code, {
      action: "transfer",
      unitId: "so-tu-phap",
      reason: "Thuộc thẩm quyền Sở Tư pháp",
    });
    expect(moved).toMatchObject({ handlingUnit: { id: "so-tu-phap" }, allowedActions: [] });
    expect((await eventsOf(d.code)).at(-1)!.data).toMatchObject({ fromUnitId: "phuong-an-hoa", toUnitId: "so-tu-phap" });

    expect((await staffView(officer, d.code)).status).toBe(404);
    expect((await act(officer, d.code, { action: "note", note: "Còn xem được không?" })).status).toBe(404);
    const search = `/api/staff/dossiers?q=${d.code}`;
    expect((await getJson<Inbox>(search, { headers: bearer(officer) })).body.items).toEqual([]);
    expect((await getJson<Inbox>(search, { headers: bearer(department) })).body.items.map((i) => i.code)).toEqual([d.code]);
    const seen = await staffView(department, d.code);
    expect(seen.body).toMatchObject({ status: 2, handlingUnit: { id: "so-tu-phap" } });
    expect(seen.body.allowedActions).toContain("start_processing");
    expect((await step(department, d.code, { action: "start_processing" })).status).toBe(4);
    expect((await notificationsOf(d.code)).map((n) => n.title)).toContain(eventTitle("transferred"));
  });

  it("an internal note is in the staff view only, and tells the applicant nothing", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    const before = (await notificationsOf(d.code)).length;
    const view = await step(officer, d.code, { action: "note", note: "Người nộp hay gọi điện, cần kiểm tra kỹ" });
    expect(view.timeline.at(-1)).toMatchObject({ type: "internal_note", note: "Người nộp hay gọi điện, cần kiểm tra kỹ" });
    expect(view.status).toBe(1);
    const mine = await residentView(d.owner, d.code);
    expect(mine.body.timeline.map((e) => e.type)).toEqual(["submitted"]);
    expect(JSON.stringify(mine.body)).not.toContain("hay gọi điện");
    expect((await notificationsOf(d.code)).length).toBe(before);
  });

  it("a reply reaches the applicant with its file, which only they (and staff) can download", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    const fileId = await uploadPdf(officer, "mau-to-khai.pdf", "mẫu tờ khai");
    const view = await step(officer, d.code, {
      action: "reply",
      message: "Anh/chị tham khảo mẫu tờ khai đính kèm",
      fileIds: [fileId],
    });
    expect(view.status).toBe(1);
    const mine = await residentView(d.owner, d.code);
    expect(mine.body.timeline.at(-1)).toMatchObject({
      type: "message",
      note: "Anh/chị tham khảo mẫu tờ khai đính kèm",
      files: [expect.objectContaining({ id: fileId, name: "mau-to-khai.pdf" })],
    });
    expect((await notificationsOf(d.code)).at(-1)!.body).toBe(
      `Cán bộ nhắn về hồ sơ ${d.code}: Anh/chị tham khảo mẫu tờ khai đính kèm`,
    );
    const download = await api(`/api/files/${fileId}/content`, { headers: bearer(d.owner) });
    expect(download.status).toBe(200);
    expect(new TextDecoder().decode(await download.arrayBuffer())).toContain("mẫu tờ khai");
    const other = await resident(`other-${crypto.randomUUID()}`);
    expect((await api(`/api/files/${fileId}/content`, { headers: bearer(other) })).status).toBe(404);
    expect((await api(`/api/files/${fileId}/content`, { headers: bearer(await signIn("can-bo-tu-phap")) })).status).toBe(404);
  });
});

describe("illegal actions answer 409 with what is allowed, in every reachable state", () => {
  beforeEach(quietSecurityLog);
  const cases = reachableStates().map(({ state, path }) => ({
    name: stateKey(state),
    via: path.join(" → ") || "submission",
    state,
    path,
  }));

  it.each(cases)("$name (via $via)", async ({ state, path }) => {
    const officer = await staffMember("phuong-an-hoa");
    const d = await fileDossier();
    await drive(officer, d, path);
    const view = await staffView(officer, d.code);
    expect(view.body).toMatchObject({
      status: state.status,
      withdrawalRequested: state.withdrawalRequested,
      receivedAt: state.received ? expect.any(String) : null,
    });
    const allowed = offeredActions(state);
    expect(view.body.allowedActions).toEqual(allowed);

    const illegal = STAFF_ACTIONS.filter((a) => !allowed.includes(a));
    const answers = await Promise.all(illegal.map((a) => act(officer, d.code, actionBody(a), view.body.version)));
    expect(
      answers.map((r, i) => [
        illegal[i],
        r.status,
        errorIn(r.body).code,
        (errorIn(r.body).details as { allowed: string[] }).allowed,
      ]),
    ).toEqual(illegal.map((a) => [a, 409, "conflict", allowed]));
    expect((await dossierRow(d.code)).version).toBe(view.body.version);
    await expectConsistent(d.code);
  });
});

describe("If-Match", () => {
  beforeEach(quietSecurityLog);

  it("GET answers an ETag that is the body's version, and every action answers the next one", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    const first = await staffView(officer, d.code);
    expect(first.headers.get("ETag")).toBe(`"${first.body.version}"`);
    expect(first.body.version).toBe(1);
    const res = await api(
      `/api/staff/dossiers/${d.code}/actions`,
      json("POST", { action: "accept" }, { ...bearer(officer), "If-Match": first.headers.get("ETag")! }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("ETag")).toBe('"2"');
    const again = await staffView(officer, d.code);
    expect([again.headers.get("ETag"), again.body.version]).toEqual(['"2"', 2]);
    // A weak validator names the same version.
    const weak = await api(
      `/api/staff/dossiers/${d.code}/actions`,
      json("POST", { action: "note", note: "Ghi chú" }, { ...bearer(officer), "If-Match": 'W/"2"' }),
    );
    expect([weak.status, weak.headers.get("ETag")]).toEqual([200, '"3"']);
  });

  it("without If-Match is 428, with a stale or unreadable one 412, and nothing changes", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    const missing = await act(officer, d.code, { action: "accept" }, null);
    expect([missing.status, errorIn(missing.body).code]).toEqual([428, "precondition_required"]);
    await step(officer, d.code, { action: "accept" });
    for (const ifMatch of ['"1"', '"3"', "*", "abc"]) {
      const res = await api(
        `/api/staff/dossiers/${d.code}/actions`,
        json("POST", { action: "start_processing" }, { ...bearer(officer), "If-Match": ifMatch }),
      );
      expect([ifMatch, res.status, (await errorOf(res)).code]).toEqual([ifMatch, 412, "precondition_failed"]);
    }
    expect(await dossierRow(d.code)).toMatchObject({ status: 2, version: 2 });
    expect(await eventsOf(d.code)).toHaveLength(2);
  });

  it.each([
    ["note", { action: "note", note: "Cùng lúc" }],
    ["accept", { action: "accept" }],
  ] as const)("of 20 concurrent %s actions with the same If-Match exactly one commits", async (_, body) => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    const { version } = await dossierRow(d.code);
    const answers = await Promise.all(Array.from({ length: 20 }, () => act(officer, d.code, body, version)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(412)]);
    expect(answers.filter((r) => r.status === 412).every((r) => errorIn(r.body).code === "precondition_failed")).toBe(true);
    expect((await dossierRow(d.code)).version).toBe(version + 1);
    expect((await eventsOf(d.code)).map((e) => e.seq)).toEqual([1, 2]);
    expect(await notificationsOf(d.code)).toHaveLength(body.action === "note" ? 0 : 1);
    await expectConsistent(d.code);
  });
});

describe("notifications and atomic steps", () => {
  it("each staff step writes one notification (none for an internal note or the resident's own steps), listed newest first to the applicant only", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    const other = await fileDossier();
    await step(officer, other.code, { action: "accept" });

    const staffSteps: (ActionRequest | "submit_supplement")[] = [
      { action: "accept" },
      { action: "note", note: "Ghi chú nội bộ" },
      { action: "reply", message: "Vui lòng chờ kết quả" },
      actionBody("request_supplement"),
      "submit_supplement",
      actionBody("request_payment"),
      { action: "confirm_payment" },
      actionBody("apologise"),
      actionBody("finish", await uploadPdf(officer)),
      { action: "hand_over", returnChannel: "online" },
    ];
    for (const s of staffSteps) {
      const before = (await notificationsOf(d.code)).length;
      if (s === "submit_supplement") await residentStep(d.owner, d.code, s);
      else await step(officer, d.code, s);
      const expected = s === "submit_supplement" || s.action === "note" ? 0 : 1;
      expect([typeof s === "string" ? s : s.action, (await notificationsOf(d.code)).length - before]).toEqual([
        typeof s === "string" ? s : s.action,
        expected,
      ]);
      await expectConsistent(d.code);
    }

    const listed = await getJson<NotificationList>("/api/me/notifications?limit=50", { headers: bearer(d.owner) });
    expect(listed.status).toBe(200);
    const titles = (
      [
        "accepted",
        "message",
        "supplement_requested",
        "payment_requested",
        "payment_confirmed",
        "apologised",
        "finished",
        "returned",
      ] as const
    ).map(eventTitle);
    expect(listed.body.items.map((n) => n.title)).toEqual([...titles].reverse());
    expect(listed.body.items.every((n) => n.code === d.code && n.readAt === null)).toBe(true);
    const ids = listed.body.items.map((n) => n.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const theirs = await getJson<NotificationList>("/api/me/notifications", { headers: bearer(other.owner) });
    expect(theirs.body.items.map((n) => n.code)).toEqual([other.code]);

    // Paging by cursor gives every notification once.
    const first = await getJson<NotificationList>("/api/me/notifications?limit=5", { headers: bearer(d.owner) });
    const second = await getJson<NotificationList>(`/api/me/notifications?limit=5&cursor=${first.body.nextCursor}`, {
      headers: bearer(d.owner),
    });
    expect([...first.body.items, ...second.body.items].map((n) => n.id)).toEqual(ids);
    expect(second.body.nextCursor).toBeNull();

    // Reading marks only what was shown (up to an id), and only the caller's own.
    const read = (session: Session, upTo: unknown) => api("/api/me/notifications/read", json("POST", { upTo }, bearer(session)));
    expect((await read(d.owner, ids[2])).status).toBe(204);
    const after = await getJson<NotificationList>("/api/me/notifications?limit=50", { headers: bearer(d.owner) });
    expect(after.body.items.map((n) => n.readAt !== null)).toEqual(ids.map((_, i) => i >= 2));
    expect((await read(other.owner, ids[0])).status).toBe(204);
    expect(
      (await getJson<NotificationList>("/api/me/notifications?limit=50", { headers: bearer(d.owner) })).body.items[0]?.readAt,
    ).toBeNull();
    quietSecurityLog();
    expect((await read(d.owner, "all")).status).toBe(400);
  });

  it("a step whose notification cannot be written leaves no event and no state change behind", async () => {
    quietSecurityLog();
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    const row = await dossierRow(d.code);
    // Occupy the notification slot of the next step, so that the last statement of its batch fails.
    await db()
      .insert(notifications)
      .values({
        userId: row.applicantId,
        dossierId: row.id,
        eventSeq: row.version + 1,
        title: "x",
        body: "x",
        createdAt: new Date().toISOString(),
      });
    const res = await act(officer, d.code, { action: "accept" });
    // Not a concurrent step (that would be a 412): a real failure, reported as one.
    expect([res.status, errorIn(res.body).code]).toEqual([500, "internal"]);
    expect(await dossierRow(d.code)).toMatchObject({ status: 1, version: 1, receivedAt: null });
    expect(await eventsOf(d.code)).toHaveLength(1);
    await db()
      .delete(notifications)
      .where(and(eq(notifications.dossierId, row.id), eq(notifications.title, "x")));
    expect((await act(officer, d.code, { action: "accept" })).status).toBe(200);
    await expectConsistent(d.code);
  });
});

describe("due dates on the working-day calendar", () => {
  async function acceptAt(iso: string) {
    clockAt(iso);
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    return { d, view: await step(officer, d.code, { action: "accept" }) };
  }

  it("an acceptance the Friday before Tết 2026 is due after the five days of Tết", async () => {
    const { view } = await acceptAt("2026-02-13T02:00:00Z");
    // 23, 24, 25, 26, 27 February, 2 and 3 March; without the holidays it would have been 24 February.
    expect(view.dueDate).toBe("2026-03-03");
    expect(view.dueExplanation).toBe(
      "7 ngày làm việc kể từ khi tiếp nhận; không tính ngày nghỉ lễ 16/02/2026, 17/02/2026, 18/02/2026, 19/02/2026, 20/02/2026",
    );
    expect(view.dueDate).toBe(dueDate(new Date(), { unit: "working_day", value: 7 }, await workCalendar(db(), "an-hoa")).date);
  });

  it("after 15:00 the day of receipt is the next working day, here the first after Tết", async () => {
    const { view } = await acceptAt("2026-02-13T09:30:00Z"); // 16:30 local
    expect(view.dueDate).toBe("2026-03-04");
  });

  it("a compensatory working Saturday counts", async () => {
    // Friday 2 January 2026 is off, worked on Saturday 10 January: 8, 9, 10, 12, 13, 14, 15.
    const { view } = await acceptAt("2026-01-07T02:00:00Z");
    expect(view.dueDate).toBe("2026-01-15");
  });

  it("a holiday an admin adds moves the next acceptance's due date, not earlier ones; deleting it moves it back", async () => {
    clockAt("2026-06-01T02:00:00Z"); // Monday
    const admin = await signIn("quan-tri-tinh");
    const officer = await signIn("can-bo-phuong");
    const before = await fileDossier();
    expect((await step(officer, before.code, { action: "accept" })).dueDate).toBe("2026-06-10");

    const day = { kind: "holiday", name: "Nghỉ lễ bổ sung", source: "Quyết định thử nghiệm", verified: true };
    const put = await getJson<CalendarDay>("/api/admin/calendar/2026-06-03", json("PUT", day, bearer(admin)));
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ date: "2026-06-03", ...day });
    const listed = await getJson<CalendarList>("/api/admin/calendar?year=2026", { headers: bearer(admin) });
    expect(listed.body.items.map((x) => x.date)).toEqual(expect.arrayContaining(["2026-02-17", "2026-06-03"]));

    const after = await fileDossier();
    const view = await step(officer, after.code, { action: "accept" });
    expect(view.dueDate).toBe("2026-06-11");
    expect(view.dueExplanation).toContain("không tính ngày nghỉ lễ 03/06/2026");
    expect((await dossierRow(before.code)).dueDate).toBe("2026-06-10");

    expect((await api("/api/admin/calendar/2026-06-03", { method: "DELETE", headers: bearer(admin) })).status).toBe(204);
    expect((await api("/api/admin/calendar/2026-06-03", { method: "DELETE", headers: bearer(admin) })).status).toBe(404);
    const restored = await fileDossier();
    expect((await step(officer, restored.code, { action: "accept" })).dueDate).toBe("2026-06-10");
  });

  it("lets an admin manage the years around this one in Vietnam, two back and three ahead, and refuses others", async () => {
    quietSecurityLog();
    clockAt("2026-12-31T17:30:00Z"); // already 2027 in Vietnam
    const admin = await signIn("quan-tri-tinh");
    const day = { kind: "holiday", name: "Nghỉ lễ thử nghiệm", source: "Quyết định thử nghiệm", verified: false };
    for (const date of ["2025-06-02", "2030-06-03"]) {
      expect([date, (await api(`/api/admin/calendar/${date}`, json("PUT", day, bearer(admin)))).status]).toEqual([date, 200]);
      const listed = await getJson<CalendarList>(`/api/admin/calendar?year=${date.slice(0, 4)}`, { headers: bearer(admin) });
      expect(listed.body.items.map((d) => d.date)).toContain(date);
    }
    for (const date of ["2024-12-31", "2031-01-02"]) {
      const put = await getJson<ErrorEnvelope>(`/api/admin/calendar/${date}`, json("PUT", day, bearer(admin)));
      expect([date, put.status, put.body.error.details]).toEqual([
        date,
        400,
        [{ path: "date", message: "Chỉ quản lý được lịch các năm 2025–2030" }],
      ]);
      expect((await api(`/api/admin/calendar/${date}`, { method: "DELETE", headers: bearer(admin) })).status).toBe(400);
      expect((await api(`/api/admin/calendar?year=${date.slice(0, 4)}`, { headers: bearer(admin) })).status).toBe(400);
    }
    // The range moves on with the year.
    clockAt("2031-03-02T02:00:00Z");
    const later = await signIn("quan-tri-tinh");
    expect((await api("/api/admin/calendar/2034-05-02", json("PUT", day, bearer(later)))).status).toBe(200);
    expect((await api("/api/admin/calendar/2028-05-02", json("PUT", day, bearer(later)))).status).toBe(400);
    expect((await api("/api/admin/calendar/2034-05-02", { method: "DELETE", headers: bearer(later) })).status).toBe(204);
    clockAt("2026-12-31T17:30:00Z");
    for (const date of ["2025-06-02", "2030-06-03"])
      expect((await api(`/api/admin/calendar/${date}`, { method: "DELETE", headers: bearer(admin) })).status).toBe(204);
  });

  it("says a due date did not count the holidays of a year no one has published, until an admin does", async () => {
    // The sample calendar ends with 2027; Tết Mậu Thân is 26–30 January 2028.
    const { view } = await acceptAt("2028-01-24T02:00:00Z");
    expect(view.dueDate).toBe("2028-02-02");
    expect(view.dueExplanation).toBe(
      "7 ngày làm việc kể từ khi tiếp nhận; chưa tính ngày nghỉ lễ năm 2028 vì lịch nghỉ lễ chưa được công bố",
    );

    const admin = await signIn("quan-tri-tinh");
    const tet = { kind: "holiday", name: "Tết Nguyên đán Mậu Thân", source: "Quyết định thử nghiệm", verified: false };
    for (const date of ["2028-01-26", "2028-01-27", "2028-01-28"])
      expect((await api(`/api/admin/calendar/${date}`, json("PUT", tet, bearer(admin)))).status).toBe(200);
    const { view: after } = await acceptAt("2028-01-24T02:00:00Z");
    expect(after.dueDate).toBe("2028-02-07");
    expect(after.dueExplanation).toBe(
      "7 ngày làm việc kể từ khi tiếp nhận; không tính ngày nghỉ lễ 26/01/2028, 27/01/2028, 28/01/2028",
    );
    for (const date of ["2028-01-26", "2028-01-27", "2028-01-28"])
      expect((await api(`/api/admin/calendar/${date}`, { method: "DELETE", headers: bearer(admin) })).status).toBe(204);
  });

  it("refuses bad dates and bodies with 400", async () => {
    quietSecurityLog();
    const admin = await signIn("quan-tri-tinh");
    const day = { kind: "holiday", name: "Ngày nghỉ", source: "Thử" };
    for (const date of ["2026-02-30", "2026-13-01", "26-01-01", "ngay-mai"]) {
      expect([date, (await api(`/api/admin/calendar/${date}`, json("PUT", day, bearer(admin)))).status]).toEqual([date, 400]);
      expect([date, (await api(`/api/admin/calendar/${date}`, { method: "DELETE", headers: bearer(admin) })).status]).toEqual([
        date,
        400,
      ]);
    }
    for (const bad of [
      { ...day, kind: "weekend" },
      { ...day, name: "" },
      { ...day, extra: 1 },
    ]) {
      expect((await api("/api/admin/calendar/2026-07-01", json("PUT", bad, bearer(admin)))).status).toBe(400);
    }
    expect((await api("/api/admin/calendar?year=99", { headers: bearer(admin) })).status).toBe(400);
  });
});
