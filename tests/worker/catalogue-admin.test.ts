import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { AdminProcedureList, ProcedureDiff, ProcedureVersionDetail } from "../../shared/src/admin/procedures";
import { MAX_TEMPLATE_BYTES } from "../../shared/src/files/templates";
import { adminChanges } from "../../worker/src/db/schema";
import { admin, adminGet, adminProcedure, bodyOf, DECISION, openDraft, saveDraft } from "./catalogue-fixtures";
import { pdf, resident } from "./dossier-fixtures";
import { api, bearer, db, errorOf, getJson, json } from "./helpers";
import { staffMember } from "./staff-fixtures";

const changesOf = (code: string) =>
  db().select().from(adminChanges).where(eq(adminChanges.entityId, code)).orderBy(desc(adminChanges.id));

describe("who may use the admin catalogue", () => {
  it("is only a province admin: residents and officers are refused, nobody signed in is a 401", async () => {
    const paths: [string, RequestInit][] = [
      ["/api/admin/procedures", {}],
      ["/api/admin/procedures/1.004222", {}],
      ["/api/admin/procedures/1.004222/drafts", { method: "POST" }],
      ["/api/admin/templates", { method: "POST", body: pdf() }],
    ];
    const refused = [await resident("cu-dan-danh-muc"), await staffMember("phuong-an-hoa")];
    for (const [path, init] of paths) {
      expect((await api(path, init)).status, path).toBe(401);
      for (const session of refused) {
        const res = await api(path, { ...init, headers: bearer(session) });
        expect(res.status, path).toBe(403);
        expect((await errorOf(res)).code).toBe("forbidden");
      }
    }
  });
});

describe("the list of procedures", () => {
  it("finds a code by its name without diacritics, filters by status and pages by code", async () => {
    const session = await admin();
    const found = await adminGet<AdminProcedureList>(session, "?q=thuong tru&limit=50");
    expect(found.status).toBe(200);
    const residence = found.body.items.find((p) => p.code === "1.004222")!;
    expect(residence).toMatchObject({ name: "Đăng ký thường trú", status: "published", publishedVersion: 1, draftVersion: null });

    const first = await adminGet<AdminProcedureList>(session, "?limit=5");
    const second = await adminGet<AdminProcedureList>(session, `?limit=5&cursor=${first.body.nextCursor}`);
    const codes = [...first.body.items, ...second.body.items].map((p) => p.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(10);

    await openDraft(session, "1.004222");
    const drafts = await adminGet<AdminProcedureList>(session, "?status=draft&limit=100");
    expect(drafts.body.items.map((p) => p.code)).toEqual(["1.004222"]);
    expect(drafts.body.items[0]).toMatchObject({
      status: "draft",
      latestVersion: 2,
      publishedVersion: 1,
      draftVersion: 2,
      draftRevision: 1,
    });
  });
});

describe("drafts", () => {
  it("copies the published version into a new draft, once however often it is asked for", async () => {
    const session = await admin();
    const first = await openDraft(session, "1.004194");
    expect(first.status).toBe(201);
    expect(first.headers.get("ETag")).toBe('"1"');
    expect(first.body).toMatchObject({ version: 2, status: "draft", name: "Đăng ký tạm trú", revision: 1 });
    // The sample data has no cases: the draft holds the one case its single-case columns describe.
    expect(first.body.cases).toHaveLength(1);
    expect(first.body.cases[0]!.channels.map((c) => c.channel)).toEqual(["online", "counter"]);

    const again = await openDraft(await admin(), "1.004194");
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(2);
    const procedure = await adminProcedure(session, "1.004194");
    expect(procedure.body.versions.map((v) => [v.version, v.status])).toEqual([
      [2, "draft"],
      [1, "published"],
    ]);
    expect((await changesOf("1.004194")).map((c) => c.action)).toEqual(["open_draft"]);
  });

  it("creates a new procedure as version 1, refusing a code that exists and a field that does not", async () => {
    const session = await admin();
    const template = (await openDraft(session, "1.000656")).body;
    const created = await getJson<ProcedureVersionDetail>(
      "/api/admin/procedures",
      json("POST", { ...bodyOf(template), code: "2.999001.H99", name: "Thủ tục thử nghiệm mới" }, bearer(session)),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: "2.999001.H99", version: 1, status: "draft", name: "Thủ tục thử nghiệm mới" });
    expect(created.body.updatedBy).toMatch(/^Quản trị \d+$/);

    const again = await api(
      "/api/admin/procedures",
      json("POST", { ...bodyOf(template), code: "2.999001.H99" }, bearer(session)),
    );
    expect(again.status).toBe(409);
    const unknownField = await api(
      "/api/admin/procedures",
      json("POST", { ...bodyOf(template), code: "2.999002.H99", fieldId: "khong-co" }, bearer(session)),
    );
    expect(unknownField.status).toBe(400);
    expect((await errorOf(unknownField)).details).toEqual([{ path: "fieldId", message: 'Không có lĩnh vực "khong-co"' }]);
  });

  it("lets only one of two admins save over the same revision; the other gets a 412 and overwrites nothing", async () => {
    const [an, binh] = [await admin(), await admin()];
    const draft = (await openDraft(an, "1.003197")).body;
    const seenByBinh = (await openDraft(binh, "1.003197")).body;
    expect(seenByBinh.revision).toBe(draft.revision);

    const first = await saveDraft(an, draft, { ...bodyOf(draft), name: "Xóa đăng ký thường trú (sửa của An)" });
    expect(first.status).toBe(200);
    expect(first.headers.get("ETag")).toBe('"2"');

    const second = await saveDraft(binh, seenByBinh, { ...bodyOf(seenByBinh), name: "Xóa đăng ký thường trú (sửa của Bình)" });
    expect(second.status).toBe(412);
    expect((await adminGet<ProcedureVersionDetail>(an, `/1.003197/versions/${draft.version}`)).body.name).toBe(
      "Xóa đăng ký thường trú (sửa của An)",
    );

    const missing = await saveDraft(binh, seenByBinh, bodyOf(seenByBinh), null);
    expect(missing.status).toBe(428);
    // Binh reloads and saves on top of An's revision.
    const reloaded = await saveDraft(binh, first.body, { ...bodyOf(first.body), summary: "Bình bổ sung mô tả" });
    expect(reloaded.status).toBe(200);
    expect(reloaded.body).toMatchObject({
      name: "Xóa đăng ký thường trú (sửa của An)",
      summary: "Bình bổ sung mô tả",
      revision: 3,
    });
    // One record per saved edit; the refused ones left none.
    expect((await changesOf("1.003197")).map((c) => c.action)).toEqual(["change", "change", "open_draft"]);
  });

  it("refuses to edit a published version", async () => {
    const session = await admin();
    const published = (await adminGet<ProcedureVersionDetail>(session, "/1.010038/versions/1")).body;
    const res = await saveDraft(session, published, bodyOf(published));
    expect(res.status).toBe(409);
  });
});

describe("the difference between two versions", () => {
  it("lists each change with a Vietnamese label and both values as text", async () => {
    const session = await admin();
    const draft = (await openDraft(session, "1.010038")).body;
    const body = bodyOf(draft);
    const [only] = body.cases;
    const cases = [
      {
        ...only!,
        channels: only!.channels.map((c) => (c.channel === "counter" ? { ...c, fee: 15_000 } : c)),
      },
    ];
    await saveDraft(session, draft, { ...body, name: "Tách hộ (sửa đổi)", cases, decisions: [DECISION] });
    const diff = await adminGet<ProcedureDiff>(session, `/1.010038/diff?from=1&to=${draft.version}`);
    expect(diff.status).toBe(200);
    const byPath = new Map(diff.body.changes.map((c) => [c.path, c]));
    expect(byPath.get("name")).toEqual({ path: "name", label: "Tên thủ tục", before: "Tách hộ", after: "Tách hộ (sửa đổi)" });
    const counter = byPath.get("cases.chung.channels.counter")!;
    expect(counter.label).toBe("Trường hợp “Trường hợp chung”: Tại quầy");
    expect(counter.after).toContain("15.000\u00a0đ");
    expect(byPath.get(`decisions.${DECISION.number}`)).toMatchObject({
      before: null,
      label: `Căn cứ pháp lý ${DECISION.number}`,
    });
    expect(diff.body.changes).toHaveLength(3);

    expect((await adminGet(session, "/1.010038/diff?from=1&to=99")).status).toBe(404);
  });
});

describe("blank form templates", () => {
  const docx = () => {
    const entry = (name: string) => [
      0x50,
      0x4b,
      0x03,
      0x04,
      ...new Array(22).fill(0),
      name.length,
      0,
      0,
      0,
      ...Array.from(name, (ch) => ch.charCodeAt(0)),
    ];
    return new Uint8Array([...entry("[Content_Types].xml"), ...entry("word/document.xml")]);
  };

  it("stores a PDF or Word form sniffed from its bytes, and anyone downloads it with a safe name", async () => {
    const session = await admin();
    const up = await api("/api/admin/templates", {
      method: "POST",
      headers: { ...bearer(session), "X-File-Name": encodeURIComponent('Tờ khai "CT01".docx') },
      body: docx(),
    });
    expect(up.status).toBe(201);
    const meta = (await up.json()) as { id: string; name: string; mime: string; url: string };
    expect(meta).toMatchObject({
      name: "Tờ khai CT01.docx",
      mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });

    const down = await api(meta.url);
    expect(down.status).toBe(200);
    expect(new Uint8Array(await down.arrayBuffer())).toEqual(docx());
    expect(down.headers.get("Content-Disposition")).toBe(
      `attachment; filename="To khai CT01.docx"; filename*=UTF-8''${encodeURIComponent("Tờ khai CT01.docx")}`,
    );
    expect(down.headers.get("Content-Type")).toBe(meta.mime);
  });

  it("refuses images and scripts named like documents, empty bodies, and unknown ids", async () => {
    const session = await admin();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const send = (body: Uint8Array) =>
      api("/api/admin/templates", { method: "POST", headers: { ...bearer(session), "X-File-Name": "mau.pdf" }, body });
    expect((await send(png)).status).toBe(415);
    expect((await send(new TextEncoder().encode("<script>alert(1)</script>"))).status).toBe(415);
    expect((await send(new Uint8Array())).status).toBe(400);
    const oversized = new Uint8Array(MAX_TEMPLATE_BYTES + 1).fill(0x20);
    oversized.set(pdf());
    expect((await send(oversized)).status).toBe(413);
    expect((await api(`/api/templates/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await api("/api/templates/..%2F..%2Ffiles")).status).toBe(400);
  });
});
