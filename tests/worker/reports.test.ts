import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Session } from "../../shared/src/auth/api";
import type { MonthlyReport, ReportList } from "../../shared/src/figures/api";
import { csvCell, reportCsv } from "../../worker/src/dashboard/csv";
import { monthToReport } from "../../worker/src/dashboard/report";
import worker from "../../worker/src/index";
import { newKey } from "./dossier-fixtures";
import { api, bearer, getJson, json, signIn, testEnv } from "./helpers";
import { clockAt, fileDossier, intakeBody, staffMember, step } from "./staff-fixtures";

const MONTH = "2025-07";
let admin: Session;

const report = (month = MONTH) => getJson<MonthlyReport>(`/api/admin/reports/${month}`, { headers: bearer(admin) });
const nightly = (at: string) =>
  worker.scheduled(createScheduledController({ cron: "0 19 * * *", scheduledTime: Date.parse(at) }), testEnv());

beforeAll(async () => {
  // July 2025 in the units' history: Phường An Hòa files online only (both left open past their due dates),
  // Phường Bình Minh only at the counter; both have an online target for the year.
  clockAt("2025-07-10T03:00:00Z");
  const anHoa = await staffMember("phuong-an-hoa");
  const binhMinh = await staffMember("phuong-binh-minh");
  for (let i = 0; i < 2; i++) {
    const { code } = await fileDossier("phuong-an-hoa");
    await step(anHoa, code, { action: "accept" });
  }
  const intake = await api(
    "/api/staff/dossiers",
    json("POST", await intakeBody({ receivingUnitId: "phuong-binh-minh" }), { ...bearer(binhMinh), "Idempotency-Key": newKey() }),
  );
  expect(intake.status).toBe(201);
  admin = await signIn("quan-tri-tinh");
  const targets = await api(
    "/api/admin/targets",
    json(
      "POST",
      {
        metric: "online_rate",
        period: "2025",
        decision: { number: "12/QĐ-UBND", date: "2025-01-10" },
        targets: [
          { unitId: "phuong-an-hoa", value: 0.6 },
          { unitId: "phuong-binh-minh", value: 0.5 },
        ],
      },
      bearer(admin),
    ),
  );
  expect(targets.status).toBe(201);
  vi.useRealTimers();
  admin = await signIn("quan-tri-tinh");
});

afterAll(() => vi.useRealTimers());

describe("the nightly job", () => {
  it("prepares a report on the 1st in Vietnam only, for the month that ended", () => {
    expect(monthToReport(new Date("2025-07-31T17:00:00Z"))).toBe("2025-07"); // 00:00 on 1 August in Vietnam
    expect(monthToReport(new Date("2025-07-31T16:59:59Z"))).toBeNull(); // 23:59 on 31 July
    expect(monthToReport(new Date("2025-08-01T19:00:00Z"))).toBeNull(); // the cron on the 2nd
    expect(monthToReport(new Date("2025-12-31T19:00:00Z"))).toBe("2025-12"); // the cron at 02:00 on 1 January
  });

  it("stores the month's praise and reminders once: running it again keeps the first", async () => {
    expect((await report()).status).toBe(404);
    await nightly("2025-07-31T19:00:00Z");
    const first = await report();
    expect(first.status).toBe(200);
    const { data } = first.body;
    expect(data).toMatchObject({ month: MONTH, asOf: "2025-07-31", provinceName: expect.stringMatching(/An Hòa/) });

    const anHoa = data.units.find((u) => u.unitId === "phuong-an-hoa")!;
    expect(anHoa).toMatchObject({
      received: 2,
      receivedOnline: 2,
      onlineRate: 1,
      onlineTarget: 0.6,
      onlineStatus: "met",
      overdueOpen: 2,
    });
    expect(anHoa.reasons).toEqual(["met_target", "top_of_cohort", "overdue"]);
    const binhMinh = data.units.find((u) => u.unitId === "phuong-binh-minh")!;
    expect(binhMinh).toMatchObject({ received: 1, onlineRate: 0, onlineTarget: 0.5, onlineStatus: "behind", stillNeeded: 1 });
    expect(binhMinh.reasons).toEqual(["behind_target", "overdue"]);
    expect(data.praise.map((u) => u.unitId)).toContain("phuong-an-hoa");
    expect(data.praise.map((u) => u.unitId)).not.toContain("phuong-binh-minh");
    expect(data.remind.map((u) => u.unitId)).toEqual(expect.arrayContaining(["phuong-an-hoa", "phuong-binh-minh"]));
    expect(data.province.received).toBeGreaterThanOrEqual(3);

    await nightly("2025-07-31T19:00:00Z");
    expect((await report()).body.preparedAt).toBe(first.body.preparedAt);
    const list = await getJson<ReportList>("/api/admin/reports", { headers: bearer(admin) });
    expect(list.body.items.find((r) => r.month === MONTH)).toMatchObject({
      praise: data.praise.length,
      remind: data.remind.length,
    });
  });

  it("is prepared again only by an admin, with a reason, and reviewed with a note", async () => {
    const post = (path: string, body: unknown, session = admin) =>
      api(`/api/admin/reports/${path}`, json("POST", body, bearer(session)));
    expect((await post(`${MONTH}/prepare`, {})).status).toBe(400);
    const month = new Date().toISOString().slice(0, 7);
    expect((await post(`${month}/prepare`, { reason: "Chạy lại báo cáo" })).status).toBe(400);
    const leader = await signIn("lanh-dao-phuong");
    expect((await post(`${MONTH}/prepare`, { reason: "Chạy lại báo cáo" }, leader)).status).toBe(403);

    const reviewed = await post(`${MONTH}/review`, { note: "Đã trình Chủ tịch UBND tỉnh" });
    expect(reviewed.status).toBe(200);
    expect(await reviewed.json()).toMatchObject({ reviewNote: "Đã trình Chủ tịch UBND tỉnh", reviewedBy: { id: admin.user.id } });
    const again = await post(`${MONTH}/prepare`, { reason: "Số liệu tháng 7 được điều chỉnh" });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ reviewedBy: null, reviewNote: "" });
    const changes = (
      await env.DB.prepare("SELECT action, reason FROM admin_changes WHERE entity = 'report' AND entity_id = ? ORDER BY id")
        .bind(MONTH)
        .all()
    ).results;
    expect(changes).toEqual([
      { action: "review", reason: "Đã trình Chủ tịch UBND tỉnh" },
      { action: "prepare", reason: "Số liệu tháng 7 được điều chỉnh" },
    ]);
    expect((await post("2025-01/review", { note: "" })).status).toBe(404);
  });
});

describe("the CSV", () => {
  it("opens in Excel with Vietnamese intact: BOM, CRLF, quoting, a file name", async () => {
    const res = await api(`/api/admin/reports/${MONTH}/csv`, { headers: bearer(admin) });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe(
      `attachment; filename="bao-cao-thang-${MONTH}.csv"; filename*=UTF-8''bao-cao-thang-${MONTH}.csv`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(text.replaceAll("\r\n", "")).not.toContain("\n");
    expect(lines[0]).toBe(
      "Nhóm,Đơn vị,Xếp hạng trong nhóm,Số đơn vị trong nhóm,Hồ sơ tiếp nhận,Tiếp nhận trực tuyến,Tỷ lệ trực tuyến,Chỉ tiêu trực tuyến," +
        "Hồ sơ trực tuyến còn thiếu,Tỷ lệ đúng hạn,Chỉ tiêu đúng hạn,Đã giải quyết,Giải quyết trễ hạn,Quá hạn đang xử lý,Khen / nhắc",
    );
    const anHoa = lines.find((l) => l.startsWith('"Phường, xã",Phường An Hòa,'))!;
    expect(anHoa).toContain(",100%,60%,0,");
    expect(anHoa.endsWith("Đạt chỉ tiêu; Dẫn đầu nhóm; Còn hồ sơ quá hạn")).toBe(true);
    expect((await api("/api/admin/reports/2025-01/csv", { headers: bearer(admin) })).status).toBe(404);
  });

  it("quotes per RFC 4180 and never lets a cell run as a formula", () => {
    expect(csvCell('Sở "Tư pháp", tỉnh')).toBe('"Sở ""Tư pháp"", tỉnh"');
    expect(csvCell("dòng 1\ndòng 2")).toBe('"dòng 1\ndòng 2"');
    for (const formula of ["=1+1", "+84 901", "-5", "@SUM(A1)", "\t=1"]) expect(csvCell(formula)).toBe(`'${formula}`);
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvCell(null)).toBe("");
    expect(csvCell(12)).toBe("12");
  });

  it("guards a unit name an admin typed as a formula", async () => {
    const { data } = (await report()).body;
    const csv = reportCsv({ ...data, units: [{ ...data.units[0]!, name: "=cmd|' /C calc'!A0" }] });
    expect(csv).toContain(",'=cmd|' /C calc'!A0,");
  });
});
