import { createScheduledController } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ProcedureVersionDetail } from "../../shared/src/admin/procedures";
import type { ProcedureList } from "../../shared/src/catalogue/api";
import { vietnamDate } from "../../shared/src/time/vietnam";
import { PUBLISH_CRON } from "../../worker/src/catalogue/versions";
import { adminChanges } from "../../worker/src/db/schema";
import worker from "../../worker/src/index";
import {
  admin,
  adminGet,
  adminProcedure,
  bodyOf,
  DECISION,
  openDraft,
  publish,
  publishChanged,
  saveDraft,
} from "./catalogue-fixtures";
import { completeBody, procedureDetail, resident, submit, validForm } from "./dossier-fixtures";
import { bearer, db, errorOf, getJson, json, testEnv } from "./helpers";
import { clockAt, residentView, staffMember, staffView } from "./staff-fixtures";

afterEach(() => vi.useRealTimers());

const search = (q: string) => getJson<ProcedureList>(`/api/procedures?q=${encodeURIComponent(q)}`);

describe("refusing to publish", () => {
  it("lists every problem of the version at once", async () => {
    const session = await admin();
    const draft = (await openDraft(session, "1.000459")).body;
    const body = bodyOf(draft);
    const broken = {
      ...body,
      unitLevel: "province" as const,
      competentUnitId: null,
      onlineOnly: true,
      decisions: [],
      cases: [{ id: "truc-tiep", name: "Nộp trực tiếp", channels: [], documents: [] }, ...body.cases],
      eform: {
        fields: [
          { key: "hoTen", label: "Họ tên", type: "text" as const, required: true },
          { key: "hoTen", label: "Họ tên (lần hai)", type: "text" as const, required: true },
          { key: "loai", label: "Loại giấy", type: "select" as const, required: true },
        ],
      },
    };
    const saved = await saveDraft(session, draft, broken);
    expect(saved.status).toBe(200);
    const refused = await publish(session, saved.body);
    expect(refused.status).toBe(422);
    const error = await errorOf(new Response(JSON.stringify(refused.body)));
    expect(error.code).toBe("incomplete");
    const paths = (error.details as { path: string }[]).map((p) => p.path);
    expect(paths).toEqual([
      "competentUnitId",
      "cases.0.channels",
      "cases.0.channels",
      "decisions",
      "eform.fields",
      "eform.fields.2.options",
    ]);
    expect((error.details as { message: string }[])[1]!.message).toBe("Trường hợp “Nộp trực tiếp” chưa có cách thức nộp hồ sơ");
    // Nothing changed: the published version is still the one residents see.
    expect((await procedureDetail("1.000459")).version).toBe(1);
  });

  it("refuses a date in the past, a stale revision and a missing If-Match", async () => {
    const session = await admin();
    const draft = (await openDraft(session, "1.001978")).body;
    const saved = (await saveDraft(session, draft, { ...bodyOf(draft), decisions: [DECISION] })).body;
    expect((await publish(session, saved, { on: "2020-01-01", reason: "Thử ngày cũ" })).status).toBe(400);
    expect((await publish(session, draft)).status).toBe(412);
    const missing = await getJson(
      `/api/admin/procedures/${saved.code}/versions/${saved.version}/publish`,
      json("POST", { reason: "Không có If-Match" }, bearer(session)),
    );
    expect(missing.status).toBe(428);
  });
});

describe("publishing a version", () => {
  it("shows in search at once, even when the same query was just answered from the cache", async () => {
    const session = await admin();
    expect((await search("xac nhan thong tin cu tru")).body.items.map((p) => p.code)).toContain("1.010037");
    expect((await search("xac nhan noi o hien tai")).body.items).toEqual([]);

    const published = await publishChanged(session, "1.010037", (b) => ({ ...b, name: "Xác nhận nơi ở hiện tại" }));
    expect(published).toMatchObject({ status: "published", version: 2, effectiveFrom: vietnamDate(new Date()) });

    const found = (await search("xac nhan noi o hien tai")).body.items;
    expect(found.map((p) => [p.code, p.name])).toEqual([["1.010037", "Xác nhận nơi ở hiện tại"]]);
    expect((await procedureDetail("1.010037")).version).toBe(2);
    const versions = (await adminProcedure(session, "1.010037")).body.versions;
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [2, "published"],
      [1, "archived"],
    ]);
    const record = await db().select().from(adminChanges).where(eq(adminChanges.entityId, "1.010037"));
    expect(record.map((c) => [c.action, c.reason])).toContainEqual(["publish", "Công bố theo quyết định mới"]);
  });

  it("keeps a dossier filed under version 1 on version 1's name, fee and form; new filings get version 2", async () => {
    const session = await admin();
    const owner = await resident(`nguoi-nop-v1-${crypto.randomUUID().slice(0, 6)}`);
    const v1 = await procedureDetail("1.004222");
    const filed = await submit(owner, await completeBody(owner, "1.004222"));
    expect(filed.status).toBe(201);
    const { code, fee } = (await filed.json()) as { code: string; fee: { amount: number } };

    const v2 = await publishChanged(session, "1.004222", (b) => ({
      ...b,
      name: "Đăng ký thường trú (quy trình mới)",
      cases: b.cases.map((c) => ({ ...c, channels: c.channels.map((ch) => ({ ...ch, fee: ch.fee + 5_000 })) })),
      eform: { fields: [...b.eform.fields, { key: "lyDoMoi", label: "Lý do đăng ký", type: "text", required: true }] },
    }));

    const mine = (await residentView(owner, code)).body;
    expect(mine.procedure).toEqual({ code: "1.004222", name: v1.name, version: 1 });
    expect(mine.fee.amount).toBe(fee.amount);
    expect(mine.procedureVersion).toEqual({ version: 1, effectiveFrom: v1.effectiveFrom, decisions: [] });
    expect(Object.keys(mine.form)).not.toContain("lyDoMoi");
    const officer = await staffMember("phuong-an-hoa");
    const staffSide = (await staffView(officer, code)).body;
    expect(staffSide.procedure.name).toBe(v1.name);
    expect(staffSide.procedureVersion.version).toBe(1);
    // The dossier still moves through its steps under version 1.
    expect(staffSide.allowedActions).toContain("accept");

    const stale = await submit(owner, await completeBody(owner, "1.004222").then((b) => ({ ...b, procedureVersion: 1 })));
    expect(stale.status).toBe(409);
    const fresh = await submit(owner, await completeBody(owner, "1.004222"));
    expect(fresh.status).toBe(201);
    const filedV2 = (await fresh.json()) as {
      code: string;
      procedure: { name: string; version: number };
      fee: { amount: number };
    };
    expect(filedV2.procedure).toEqual({ code: "1.004222", name: v2.name, version: 2 });
    expect(filedV2.fee.amount).toBe(fee.amount + 5_000);
    expect((await residentView(owner, filedV2.code)).body.procedureVersion).toEqual({
      version: 2,
      effectiveFrom: v2.effectiveFrom,
      decisions: [DECISION],
    });
  });
});

describe("scheduled publishing", () => {
  const runCron = () => worker.scheduled(createScheduledController({ cron: PUBLISH_CRON, scheduledTime: Date.now() }), testEnv());

  it("publishes on its date in Vietnam from the hourly job, once", async () => {
    clockAt("2026-12-02T10:00:00Z"); // 17:00 on 2 December in Vietnam
    const session = await admin();
    const draft = (await openDraft(session, "1.002360")).body;
    const saved = (
      await saveDraft(session, draft, { ...bodyOf(draft), name: "Tên mới công bố ngày 3/12", decisions: [DECISION] })
    ).body;
    const scheduled = await publish(session, saved, { on: "2026-12-03", reason: "Hẹn công bố theo quyết định" });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({ status: "scheduled", publishOn: "2026-12-03" });

    await runCron(); // still 2 December in Vietnam: nothing yet
    expect((await procedureDetail("1.002360")).version).toBe(1);

    vi.setSystemTime(new Date("2026-12-02T17:05:00Z")); // 00:05 on 3 December in Vietnam
    await runCron();
    const detail = await procedureDetail("1.002360");
    expect(detail).toMatchObject({ version: draft.version, name: "Tên mới công bố ngày 3/12", effectiveFrom: "2026-12-03" });
    const after = (await adminGet<ProcedureVersionDetail>(session, `/1.002360/versions/${draft.version}`)).body;

    await runCron(); // idempotent: nothing is scheduled any more
    expect((await adminGet<ProcedureVersionDetail>(session, `/1.002360/versions/${draft.version}`)).body).toEqual(after);
    const record = await db().select().from(adminChanges).where(eq(adminChanges.entityId, "1.002360"));
    expect(record.filter((c) => c.action === "publish_on_schedule")).toHaveLength(1);
  });
});

describe("procedures residents cannot file here", () => {
  it("refuses a procedure handled on another system, naming it and linking there", async () => {
    const session = await admin();
    const externalSystem = {
      name: "Cổng dịch vụ công Bộ Công an",
      url: "https://dichvucong.bocongan.gov.vn",
      explanation: "Thủ tục cư trú được giải quyết trên hệ thống của Bộ Công an.",
    };
    await publishChanged(session, "1.004194", (b) => ({ ...b, externalSystem }));
    expect((await procedureDetail("1.004194")).externalSystem).toEqual(externalSystem);
    const owner = await resident(`nguoi-nop-ngoai-${crypto.randomUUID().slice(0, 6)}`);
    const res = await submit(owner, await completeBody(owner, "1.004194"));
    expect(res.status).toBe(409);
    const error = await errorOf(res);
    expect(error.message).toContain("Cổng dịch vụ công Bộ Công an");
    expect(error.details).toEqual({ externalSystem: { name: externalSystem.name, url: externalSystem.url } });
  });

  it("refuses an online-only procedure at the counter, offering to file it online instead", async () => {
    const procedure = await procedureDetail("1.010040");
    expect(procedure.onlineOnly).toBe(true);
    const officer = await staffMember("phuong-an-hoa");
    const body = {
      procedureCode: "1.010040",
      procedureVersion: procedure.version,
      receivingUnitId: "phuong-an-hoa",
      form: validForm(procedure.eform),
      documents: [],
      paperDocuments: procedure.documents.flatMap((d, i) => (d.required ? [i] : [])),
      channel: "counter",
      applicant: { fullName: "Trần Văn Quầy" },
    };
    const res = await getJson(
      "/api/staff/dossiers",
      json("POST", body, { ...bearer(officer), "Idempotency-Key": `test-key-online-only-${Date.now()}` }),
    );
    expect(res.status).toBe(409);
    expect((await errorOf(new Response(JSON.stringify(res.body)))).message).toContain("chỉ tiếp nhận hồ sơ trực tuyến");
  });
});
