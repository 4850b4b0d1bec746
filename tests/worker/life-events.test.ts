import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import type { AdminLifeEvent, AdminSynonym, UnmatchedList } from "../../shared/src/admin/search";
import type { Session } from "../../shared/src/auth/api";
import type { ProcedureSearchPage } from "../../shared/src/catalogue/api";
import type { LifeEventDetail } from "../../shared/src/search/life-event-api";
import type { LifeEventInput, LifeEventList } from "../../shared/src/search/life-events";
import { publishProcedureVersions } from "../../worker/src/db/repo/catalogue";
import { provinceSynonyms } from "../../worker/src/db/repo/life-events";
import { app } from "../../worker/src/index";
import { resident } from "./dossier-fixtures";
import { api, bearer, db, errorIn, getJson, json, signIn, testEnv } from "./helpers";

const sample = inject("sampleCatalogue");
const provinceId = sample.province.id;

/** A search through the app with an execution context whose waitUntil promises the test can await. */
async function search(params: Record<string, string>) {
  const pending: Promise<unknown>[] = [];
  const ctx = { waitUntil: (p: Promise<unknown>) => void pending.push(p), passThroughOnException() {}, props: {} };
  const res = await app.request(
    `http://localhost/api/procedures?${new URLSearchParams(params)}`,
    undefined,
    testEnv(),
    ctx as unknown as ExecutionContext,
  );
  const body = (await res.json()) as ProcedureSearchPage;
  const waited = pending.length;
  await Promise.all(pending);
  return { status: res.status, body, waited };
}

const unmatchedRows = async () =>
  (
    await env.DB.prepare("SELECT query, count FROM unmatched_queries WHERE province_id = ? ORDER BY query")
      .bind(provinceId)
      .all<{ query: string; count: number }>()
  ).results;

const admin = () => signIn("quan-tri-tinh");
const reason = "Theo góp ý của người dân";

const newEvent = (over: Partial<LifeEventInput> = {}): LifeEventInput => ({
  slug: "nhan-con-nuoi",
  title: "Nhận con nuôi",
  description: "Đăng ký nuôi con nuôi và khai sinh cho con.",
  phrases: ["nhận nuôi bé", "xin con nuôi"],
  steps: [{ code: "1.003005", note: "Làm trước." }],
  position: 5,
  hidden: false,
  ...over,
});

describe("life events for residents", () => {
  it("lists the visible events in the province's order, each with its published procedures, the joint one first", async () => {
    const { status, body, headers } = await getJson<LifeEventList>("/api/life-events");
    expect(status).toBe(200);
    expect(headers.get("Cache-Control")).toContain("max-age");
    const expected = [...sample.lifeEvents].sort((a, b) => a.position - b.position).map((e) => e.slug);
    expect(body.items.map((e) => e.slug)).toEqual(expected);
    const baby = body.items.find((e) => e.slug === "sinh-con")!;
    expect(baby.procedures[0]).toEqual({ code: "1.012864", name: expect.stringContaining("Liên thông") });
    expect(body.items.find((e) => e.slug === "nguoi-than-mat")!.procedures[0]!.code).toBe("1.012865");
  });

  it("shows one event's steps in order with why, and 404 for an unknown one", async () => {
    const { status, body } = await getJson<LifeEventDetail>("/api/life-events/sinh-con");
    expect(status).toBe(200);
    expect(body.steps.map((s) => s.procedure.code)).toEqual(
      sample.lifeEvents.find((e) => e.slug === "sinh-con")!.steps.map((s) => s.code),
    );
    expect(body.steps[0]!.note).toMatch(/Làm trước/);
    expect(body.steps[0]!.procedure.processingTime).toBeDefined();
    const missing = await getJson("/api/life-events/khong-co");
    expect([missing.status, errorIn(missing.body).code]).toEqual([404, "not_found"]);
    const bad = await getJson("/api/life-events/KHONG%20CO");
    expect([bad.status, errorIn(bad.body).code]).toEqual([400, "validation_failed"]);
  });
});

describe("the search answer", () => {
  it("leads with the event a query names, on the first page only", async () => {
    const first = await search({ q: "vừa sinh con", limit: "1" });
    expect(first.status).toBe(200);
    expect(first.body.lifeEvents.map((e) => e.slug)).toEqual(["sinh-con"]);
    expect(first.body.lifeEvents[0]!.procedures[0]!.code).toBe("1.012864");
    expect(first.body.replacement).toBeNull();
    const unaccented = await search({ q: "nguoi nha mat" });
    expect(unaccented.body.lifeEvents.map((e) => e.slug)).toEqual(["nguoi-than-mat"]);
    if (first.body.nextCursor) {
      const later = await search({ q: "vừa sinh con", limit: "1", cursor: first.body.nextCursor });
      expect(later.body.lifeEvents).toEqual([]);
    }
    expect((await search({ q: "đăng ký khai sinh" })).body.lifeEvents).toEqual([]);
  });

  it("explains an abolished paper and links what replaced it", async () => {
    const { body } = await search({ q: "sổ hộ khẩu" });
    expect(body.replacement).toEqual({
      paper: "Sổ hộ khẩu, sổ tạm trú",
      explanation: expect.stringContaining("01/01/2023"),
      procedure: { code: "1.010037", name: "Xác nhận thông tin về cư trú" },
    });
    expect((await search({ q: "CMND" })).body.replacement?.explanation).toContain("01/01/2025");
    expect((await search({ q: "làm căn cước công dân" })).body.replacement?.procedure?.code).toBe("1.012880");
    expect((await search({ q: "mã số thuế cá nhân" })).body.replacement).toMatchObject({ procedure: null });
  });

  it("counts a query that found nothing once per request, stripped of names and numbers, also when cached", async () => {
    const q = "giấy báo tạm vắng mặt cho Nguyễn Văn An 0912345678";
    const first = await search({ q });
    expect(first.body.items).toEqual([]);
    expect(first.waited).toBe(1);
    expect((await unmatchedRows()).filter((r) => r.query.includes("vang mat"))).toEqual([
      { query: "giay bao tam vang mat cho", count: 1 },
    ]);
    // The same answer again comes from the cache and is counted too.
    await search({ q });
    // A later page, a filtered search and a search that found something are not counted.
    await search({ q, cursor: "20" });
    await search({ q, field: "ho-tich" });
    await search({ q: "khai sinh" });
    const rows = await unmatchedRows();
    expect(rows.filter((r) => r.query.includes("vang mat"))).toEqual([{ query: "giay bao tam vang mat cho", count: 2 }]);
    expect(rows.some((r) => /nguyen|0912|an$/.test(r.query))).toBe(false);
    expect(rows.some((r) => r.query.includes("khai sinh"))).toBe(false);
  });

  it("leaves out of events the procedures that are not published, never a broken link", async () => {
    await publishProcedureVersions(db(), provinceId, [
      { ...sample.procedures[0]!, code: "9.000077", status: "draft", name: "Bản nháp Thủ tục Chưa công bố" },
    ]);
    const session = await admin();
    const event = newEvent({
      slug: "thu-chua-cong-bo",
      phrases: ["chưa công bố sự kiện"],
      steps: [
        { code: "9.000077", note: "Chưa công bố." },
        { code: "1.003005", note: "Đã công bố." },
      ],
    });
    const put = await getJson<AdminLifeEvent>(
      "/api/admin/life-events/thu-chua-cong-bo",
      json("PUT", { event, reason }, bearer(session)),
    );
    expect(put.status).toBe(200);
    expect(put.body.steps.map((s) => s.name === null)).toEqual([true, false]);
    const { body } = await getJson<LifeEventList>("/api/life-events");
    expect(body.items.find((e) => e.slug === "thu-chua-cong-bo")!.procedures.map((p) => p.code)).toEqual(["1.003005"]);
    const detail = await getJson<LifeEventDetail>("/api/life-events/thu-chua-cong-bo");
    expect(detail.body.steps.map((s) => s.procedure.code)).toEqual(["1.003005"]);
  });
});

describe("the back office edits events, papers and synonyms", () => {
  const refusedFor = async (session: Session) => {
    const headers = bearer(session);
    return [
      (await getJson("/api/admin/life-events", { headers })).status,
      (await getJson("/api/admin/life-events/nhan-con-nuoi", json("PUT", { event: newEvent(), reason }, headers))).status,
      (
        await getJson(
          "/api/admin/search-synonyms",
          json("POST", { synonym: { keys: ["a b"], expansions: ["c d"] }, reason }, headers),
        )
      ).status,
      (await getJson("/api/admin/unmatched-queries", { headers })).status,
    ];
  };

  it("refuses residents and staff", async () => {
    expect(await refusedFor(await resident(`su-kien-${crypto.randomUUID()}`))).toEqual([403, 403, 403, 403]);
    expect(await refusedFor(await signIn("can-bo-phuong"))).toEqual([403, 403, 403, 403]);
    expect((await getJson("/api/admin/life-events")).status).toBe(401);
  });

  it("creates, changes, hides and removes an event; search and the home list follow at once; each edit is recorded", async () => {
    const session = await admin();
    const headers = bearer(session);
    expect((await search({ q: "nhận nuôi bé" })).body.lifeEvents).toEqual([]);
    const created = await getJson<AdminLifeEvent>(
      "/api/admin/life-events/nhan-con-nuoi",
      json("PUT", { event: newEvent(), reason }, headers),
    );
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ slug: "nhan-con-nuoi", updatedBy: { id: session.user.id } });
    expect((await search({ q: "nhận nuôi bé" })).body.lifeEvents.map((e) => e.slug)).toEqual(["nhan-con-nuoi"]);
    expect((await getJson<LifeEventList>("/api/life-events")).body.items[0]!.slug).toBe("nhan-con-nuoi");

    await getJson("/api/admin/life-events/nhan-con-nuoi", json("PUT", { event: newEvent({ hidden: true }), reason }, headers));
    expect((await search({ q: "nhận nuôi bé" })).body.lifeEvents).toEqual([]);
    expect((await getJson<LifeEventList>("/api/life-events")).body.items.map((e) => e.slug)).not.toContain("nhan-con-nuoi");
    expect((await getJson("/api/life-events/nhan-con-nuoi")).status).toBe(404);

    const removed = await api("/api/admin/life-events/nhan-con-nuoi/delete", json("POST", { reason }, headers));
    expect(removed.status).toBe(204);
    const again = await api("/api/admin/life-events/nhan-con-nuoi/delete", json("POST", { reason }, headers));
    expect(again.status).toBe(404);
    const changes = await env.DB.prepare(
      "SELECT action FROM admin_changes WHERE entity = 'life_event' AND entity_id = 'nhan-con-nuoi' ORDER BY id",
    ).all<{ action: string }>();
    expect(changes.results.map((c) => c.action)).toEqual(["create", "update", "remove"]);
  });

  it("refuses an unknown procedure code, a slug that differs from the path and a body without a reason, with the envelope", async () => {
    const headers = bearer(await admin());
    const unknown = await getJson(
      "/api/admin/life-events/nhan-con-nuoi",
      json(
        "PUT",
        {
          event: newEvent({
            steps: [
              { code: "1.003005", note: "" },
              { code: "9.999999", note: "" },
            ],
          }),
          reason,
        },
        headers,
      ),
    );
    expect(unknown.status).toBe(400);
    expect(errorIn(unknown.body)).toMatchObject({
      code: "validation_failed",
      details: [{ path: "event.steps.1.code", message: expect.stringContaining("9.999999") }],
    });
    const slug = await getJson("/api/admin/life-events/khac", json("PUT", { event: newEvent(), reason }, headers));
    expect([slug.status, errorIn(slug.body).code]).toEqual([400, "validation_failed"]);
    const noReason = await getJson("/api/admin/life-events/nhan-con-nuoi", json("PUT", { event: newEvent() }, headers));
    expect([noReason.status, errorIn(noReason.body).code]).toEqual([400, "validation_failed"]);
    const paper = await getJson(
      "/api/admin/paper-replacements/so-ho-khau",
      json(
        "PUT",
        {
          replacement: {
            slug: "so-ho-khau",
            paper: "Sổ hộ khẩu",
            phrases: ["sổ hộ khẩu"],
            explanation: "Hết giá trị từ 01/01/2023.",
            procedureCode: "9.999999",
          },
          reason,
        },
        headers,
      ),
    );
    expect([paper.status, errorIn(paper.body).code]).toEqual([400, "validation_failed"]);
  });

  it("changes a paper's explanation, and the search answer shows it at once", async () => {
    const headers = bearer(await admin());
    const before = (await search({ q: "sổ tạm trú" })).body.replacement!;
    const put = await getJson(
      "/api/admin/paper-replacements/so-ho-khau",
      json(
        "PUT",
        {
          replacement: {
            slug: "so-ho-khau",
            paper: before.paper,
            phrases: ["sổ hộ khẩu", "sổ tạm trú"],
            explanation: "Sổ hộ khẩu, sổ tạm trú không còn dùng từ 01/01/2023 (đã sửa).",
            procedureCode: "1.010037",
            verified: true,
            source: "Luật Cư trú 2020",
          },
          reason,
        },
        headers,
      ),
    );
    expect(put.status).toBe(200);
    expect((await search({ q: "sổ tạm trú" })).body.replacement?.explanation).toContain("(đã sửa)");
  });

  it("turns an unmatched query into a synonym in one step, after which the query finds its procedure", async () => {
    const q = "lễ dạm ngõ";
    expect((await search({ q })).body.items).toEqual([]);
    const headers = bearer(await admin());
    const listed = await getJson<UnmatchedList>("/api/admin/unmatched-queries", { headers });
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((i) => i.query === "le dam ngo")).toMatchObject({ count: 1, resolvedAt: null });

    const created = await getJson<AdminSynonym>(
      "/api/admin/search-synonyms",
      json("POST", { synonym: { keys: [q], expansions: ["đăng ký kết hôn"] }, reason, fromUnmatched: "le dam ngo" }, headers),
    );
    expect(created.status).toBe(201);
    expect(await provinceSynonyms(db(), provinceId)).toContainEqual([[q], ["đăng ký kết hôn"]]);
    const found = await search({ q });
    expect(found.body.items[0]?.code).toBe("1.000894");
    const after = await getJson<UnmatchedList>("/api/admin/unmatched-queries", { headers });
    expect(after.body.items.map((i) => i.query)).not.toContain("le dam ngo");
    const all = await getJson<UnmatchedList>("/api/admin/unmatched-queries?resolved=true", { headers });
    expect(all.body.items.find((i) => i.query === "le dam ngo")?.resolvedAt).not.toBeNull();

    // The same key twice is a conflict; removing the synonym makes the query find nothing again.
    const twice = await getJson(
      "/api/admin/search-synonyms",
      json("POST", { synonym: { keys: ["Lễ dạm ngõ"], expansions: ["kết hôn"] }, reason }, headers),
    );
    expect([twice.status, errorIn(twice.body).code]).toEqual([409, "conflict"]);
    const removed = await api(`/api/admin/search-synonyms/${created.body.id}/delete`, json("POST", { reason }, headers));
    expect(removed.status).toBe(204);
    expect((await search({ q })).body.items).toEqual([]);
  });

  it("filters the unmatched queries by dates in Vietnam", async () => {
    const headers = bearer(await admin());
    await search({ q: "giấy phép nuôi chim yến" });
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const inRange = await getJson<UnmatchedList>(`/api/admin/unmatched-queries?from=${today}&to=${today}`, { headers });
    expect(inRange.body.items.map((i) => i.query)).toContain("giay phep nuoi chim yen");
    const past = await getJson<UnmatchedList>("/api/admin/unmatched-queries?from=2020-01-01&to=2020-01-31", { headers });
    expect(past.body.items).toEqual([]);
    const bad = await getJson("/api/admin/unmatched-queries?from=hom-qua", { headers });
    expect(bad.status).toBe(400);
  });
});
