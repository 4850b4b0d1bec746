import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Session } from "../../shared/src/auth/api";
import type { CheckInput } from "../../shared/src/dossier/supplement";
import type { AuditReport } from "../../shared/src/staff/api";
import { dossierEvents, portalSync } from "../../worker/src/db/schema";
import { completeBody, resident, submit, upload } from "./dossier-fixtures";
import { api, bearer, db, errorIn, errorOf, getJson, json, signIn } from "./helpers";
import {
  act,
  dossierRow,
  eventsOf,
  expectConsistent,
  fileDossier,
  notificationsOf,
  quietSecurityLog,
  residentView,
  setDossier,
  staffMember,
  staffView,
  step,
  uploadPdf,
} from "./staff-fixtures";

afterEach(() => {
  vi.restoreAllMocks();
});

/** A 1×1 PNG: the smallest image a browser shows. */
const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
  (c) => c.charCodeAt(0),
);

const content = (fileId: string, session: Session | null, query = "") =>
  api(`/api/files/${fileId}/content${query}`, { headers: session ? bearer(session) : {} });

/** A dossier whose optional document (index 2) is a photo, filed by a fresh resident. */
async function dossierWithPhoto() {
  const owner = await resident(`nguoi-nop-anh-${crypto.randomUUID().slice(0, 8)}`);
  const photo = await upload(owner, PNG, "anh-so-ho-khau.png");
  const body = await completeBody(owner);
  const res = await submit(owner, { ...body, documents: [...body.documents, { docIndex: 2, fileIds: [photo.body.id] }] });
  expect(res.status).toBe(201);
  const code = ((await res.json()) as { code: string }).code;
  return { owner, code, photoId: photo.body.id as string, pdfId: body.documents[0]!.fileIds[0]! };
}

describe("inline preview of a dossier's documents", () => {
  it("serves a PDF and an image inline, typed as sniffed, with nosniff and a sandboxed CSP, to the unit's officer", async () => {
    const { code, photoId, pdfId } = await dossierWithPhoto();
    const officer = await signIn("can-bo-phuong");
    const pdf = await content(pdfId, officer, "?disposition=inline");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(pdf.headers.get("Content-Disposition")).toMatch(/^inline; filename="[^"]+\.pdf"; filename\*=UTF-8''/);
    expect(pdf.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(pdf.headers.get("Content-Security-Policy")).toBe(
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    );
    expect(pdf.headers.get("Cache-Control")).toBe("private, no-store");
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");

    const image = await content(photoId, officer, "?disposition=inline");
    expect(image.status).toBe(200);
    expect(image.headers.get("Content-Type")).toBe("image/png");
    expect(image.headers.get("Content-Disposition")).toBe(
      `inline; filename="anh-so-ho-khau.png"; filename*=UTF-8''anh-so-ho-khau.png`,
    );
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);

    // Without the parameter it is the download it always was, with the same safe headers.
    const download = await content(pdfId, officer);
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment; /);
    expect(download.headers.get("Content-Security-Policy")).toContain("sandbox");
    await download.arrayBuffer();

    // Each preview is a read of the dossier, audited as one.
    const audit = await getJson<AuditReport>(`/api/staff/dossiers/${code}/audit`, { headers: bearer(officer) });
    expect(audit.body.reads.filter((r) => r.reason.startsWith("Xem trước tệp đính kèm"))).toHaveLength(2);
  });

  it("is refused, as if the file did not exist, to another resident, another unit's officer and anyone signed out", async () => {
    quietSecurityLog();
    const { owner, pdfId } = await dossierWithPhoto();
    const stranger = await resident(`nguoi-la-${crypto.randomUUID().slice(0, 8)}`);
    const otherUnit = await staffMember("so-tu-phap");
    for (const who of [stranger, otherUnit]) {
      const res = await content(pdfId, who, "?disposition=inline");
      expect([res.status, (await errorOf(res)).code]).toEqual([404, "not_found"]);
    }
    expect((await content(pdfId, null, "?disposition=inline")).status).toBe(401);
    // The applicant previews their own document.
    const own = await content(pdfId, owner, "?disposition=inline");
    expect(own.status).toBe(200);
    await own.arrayBuffer();
    const bad = await content(pdfId, owner, "?disposition=render");
    expect([bad.status, (await errorOf(bad)).code]).toEqual([400, "validation_failed"]);
  });
});

describe("a supplement request checked document by document", () => {
  it("asks one item per document chưa đạt and per free-text item; the resident answers each; staff see which file answers which", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    const view = await step(officer, d.code, {
      action: "request_supplement",
      checks: [
        { docIndex: 0, passed: false, note: "Ghi sai ngày sinh" },
        { docIndex: 1, passed: false, note: "Ảnh chụp bị mờ" },
        { docIndex: 2, passed: true },
      ],
      items: ["Bản sao sổ hộ khẩu cũ"],
    });
    const items = [
      "Sửa thông tin tờ khai (Tờ khai thay đổi thông tin cư trú): Ghi sai ngày sinh",
      "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp: Ảnh chụp bị mờ",
      "Bản sao sổ hộ khẩu cũ",
    ];
    expect(view.supplement?.items).toEqual(items);
    expect(view.requiredDocuments.map((r) => [r.docIndex, r.replacedByEform])).toEqual([
      [0, true],
      [1, false],
      [2, false],
    ]);
    const requested = (await eventsOf(d.code)).at(-1)!;
    expect(requested.data).toMatchObject({
      items,
      checks: [
        { docIndex: 0, passed: false, note: "Ghi sai ngày sinh" },
        { docIndex: 1, passed: false, note: "Ảnh chụp bị mờ" },
        { docIndex: 2, passed: true, name: "Giấy tờ chứng minh quan hệ nhân thân với chủ hộ" },
      ],
    });
    expect((await notificationsOf(d.code)).at(-1)!.body).toBe(`Hồ sơ ${d.code} cần bổ sung: ${items.join("; ")}.`);

    // The resident gets exactly one slot per item: the declaration is corrected, never uploaded.
    const asked = await residentView(d.owner, d.code);
    expect(asked.body.supplement!.asks.map((a) => [a.id, a.kind])).toEqual([
      ["doc-0", "form"],
      ["doc-1", "document"],
      ["text-0", "text"],
    ]);

    const scan = await uploadPdf(d.owner, "cho-o-hop-phap.pdf", "chỗ ở");
    const old = await uploadPdf(d.owner, "so-ho-khau.pdf", "sổ hộ khẩu");
    const answer = (answers: unknown[], extra = {}) =>
      api(`/api/dossiers/${d.code}/supplement`, json("POST", { answers, ...extra }, bearer(d.owner)));
    const complete = [
      { askId: "doc-0", text: "Ngày sinh đúng là 17/05/1990" },
      { askId: "doc-1", fileIds: [scan] },
      { askId: "text-0", fileIds: [old] },
    ];

    // Every item must be answered, a document with a file; nothing else is taken.
    for (const [answers, message] of [
      [complete.slice(0, 2), "Chưa trả lời mục yêu cầu bổ sung: Bản sao sổ hộ khẩu cũ."],
      [
        [complete[0], { askId: "doc-1", text: "Đã nộp bản giấy" }, complete[2]],
        "Chưa đính kèm tệp cho mục yêu cầu bổ sung: Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp: Ảnh chụp bị mờ.",
      ],
      [[...complete, { askId: "text-1", fileIds: [old] }], "Có mục trả lời không nằm trong yêu cầu bổ sung."],
    ] as const) {
      const res = await answer([...answers]);
      const error = await errorOf(res);
      expect([res.status, error.code, error.message]).toEqual([400, "validation_failed", message]);
    }
    const byDocument = await api(
      `/api/dossiers/${d.code}/supplement`,
      json("POST", { documents: [{ docIndex: 1, fileIds: [scan] }] }, bearer(d.owner)),
    );
    expect([byDocument.status, (await errorOf(byDocument)).message]).toEqual([
      400,
      "Vui lòng trả lời theo từng mục cán bộ yêu cầu bổ sung.",
    ]);
    expect((await dossierRow(d.code)).status).toBe(5);

    const done = await answer(complete, { note: "Đã bổ sung đủ" });
    expect(done.status).toBe(200);
    expect((await dossierRow(d.code)).status).toBe(1);
    await expectConsistent(d.code);

    // The officer sees each item with what answered it; the document's new file takes its place.
    const seen = await staffView(officer, d.code);
    const submitted = seen.body.timeline.find((e) => e.type === "supplement_submitted")!;
    expect(submitted.answers.map((a) => [a.item, a.text, a.files.map((f) => f.name)])).toEqual([
      [items[0], "Ngày sinh đúng là 17/05/1990", []],
      [items[1], null, ["cho-o-hop-phap.pdf"]],
      [items[2], null, ["so-ho-khau.pdf"]],
    ]);
    expect(seen.body.documents.find((doc) => doc.docIndex === 1)!.files.map((f) => f.name)).toContain("cho-o-hop-phap.pdf");
    expect(seen.body.documents.find((doc) => doc.docIndex === 0)?.files.map((f) => f.name) ?? []).not.toContain("so-ho-khau.pdf");
    // The resident reads the same mapping on their timeline.
    const theirs = await residentView(d.owner, d.code);
    expect(theirs.body.timeline.find((e) => e.type === "supplement_submitted")!.answers).toHaveLength(3);
  });

  it("refuses a request with a chưa đạt and no note, an unknown document, or nothing asked, in Vietnamese", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    for (const [body, path, message] of [
      [
        { checks: [{ docIndex: 1, passed: false }] },
        "checks.0.note",
        "Ghi rõ lý do chưa đạt của “Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp”.",
      ],
      [
        { checks: [{ docIndex: 9, passed: false, note: "Thiếu" }] },
        "checks.0.docIndex",
        "Giấy tờ không thuộc thành phần hồ sơ của thủ tục.",
      ],
      [{ checks: [{ docIndex: 1, passed: true }] }, "items", "Liệt kê đầy đủ giấy tờ cần bổ sung"],
    ] satisfies [{ checks: CheckInput[] }, string, string][]) {
      const res = await act(officer, d.code, { action: "request_supplement", ...body });
      const error = errorIn(res.body);
      expect([res.status, error.code, error.message, error.details]).toEqual([
        400,
        "validation_failed",
        message,
        [{ path, message }],
      ]);
    }
    expect((await dossierRow(d.code)).status).toBe(1);
  });

  it("reads a request recorded before items existed, and takes its answer by document as before", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    // The request as the earlier code wrote it (the log is append-only, so it is written as new):
    // its lines, no items to answer one by one.
    const { id } = await dossierRow(d.code);
    await db()
      .insert(dossierEvents)
      .values({
        dossierId: id,
        seq: 2,
        type: "supplement_requested",
        actorId: officer.user.id,
        actorRole: "staff",
        at: new Date().toISOString(),
        data: { items: ["Hợp đồng thuê nhà có công chứng"] },
        status: 5,
      });
    await setDossier(d.code, { status: 5, version: 2 });

    const asked = await residentView(d.owner, d.code);
    expect(asked.body.supplement).toMatchObject({ items: ["Hợp đồng thuê nhà có công chứng"], asks: [] });
    const fileId = await uploadPdf(d.owner, "hop-dong.pdf");
    const itemised = await api(
      `/api/dossiers/${d.code}/supplement`,
      json("POST", { answers: [{ askId: "text-0", fileIds: [fileId] }] }, bearer(d.owner)),
    );
    expect(itemised.status).toBe(400);
    const res = await api(
      `/api/dossiers/${d.code}/supplement`,
      json("POST", { documents: [{ docIndex: 1, fileIds: [fileId] }] }, bearer(d.owner)),
    );
    expect(res.status).toBe(200);
    const seen = await staffView(officer, d.code);
    expect(seen.status).toBe(200);
    const submitted = seen.body.timeline.find((e) => e.type === "supplement_submitted")!;
    expect([submitted.answers, submitted.files.map((f) => f.name)]).toEqual([[], ["hop-dong.pdf"]]);
    expect(seen.body.timeline.find((e) => e.type === "supplement_requested")!.items).toEqual(["Hợp đồng thuê nhà có công chứng"]);
    expect((await dossierRow(d.code)).status).toBe(1);
  });
});

describe("Hoàn thành without an empty step", () => {
  it("finishes an accepted dossier in one action, recording the processing step before the result", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    const accepted = await step(officer, d.code, { action: "accept" });
    expect(accepted.allowedActions).toContain("finish");
    const before = (await notificationsOf(d.code)).length;
    const result = await uploadPdf(officer, "ket-qua.pdf");

    const finished = await step(officer, d.code, { action: "finish", resultFileIds: [result], note: "Đủ điều kiện" });
    expect(finished).toMatchObject({ status: 9, version: 4, allowedActions: ["confirm_payment", "exempt_fee", "note", "reply"] });
    const events = await eventsOf(d.code);
    expect(events.slice(-2).map((e) => [e.seq, e.type, e.status, e.note, e.at === events.at(-1)!.at])).toEqual([
      [3, "processing", 4, null, true],
      [4, "finished", 9, "Đủ điều kiện", true],
    ]);
    const row = await dossierRow(d.code);
    expect(row).toMatchObject({ status: 9, version: 4, finishedAt: events.at(-1)!.at });
    // The resident hears of the result only; the chain stays whole; the portal gets both steps.
    const notes = await notificationsOf(d.code);
    expect(notes.slice(before).map((n) => [n.eventSeq, n.title])).toEqual([[4, "Đã có kết quả"]]);
    const audit = await getJson<AuditReport>(`/api/staff/dossiers/${d.code}/audit`, { headers: bearer(officer) });
    expect(audit.body).toMatchObject({ valid: true, events: 4 });
    const sync = await db().select().from(portalSync).where(eq(portalSync.dossierId, row.id)).get();
    expect(sync?.state).toBe("pending");
    const resident = await residentView(d.owner, d.code);
    expect(resident.body.results.map((f) => f.name)).toEqual(["ket-qua.pdf"]);
  });

  it("a finish refused mid-way writes nothing: an unaccepted dossier, or a result file that is not the officer's", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    const notAccepted = await act(officer, d.code, { action: "finish", resultFileIds: [await uploadPdf(officer)] });
    expect(notAccepted.status).toBe(409);
    await step(officer, d.code, { action: "accept" });
    const foreign = await uploadPdf(d.owner, "cua-nguoi-khac.pdf");
    const res = await act(officer, d.code, { action: "finish", resultFileIds: [foreign] });
    expect(res.status).toBe(400);
    expect(await dossierRow(d.code)).toMatchObject({ status: 2, version: 2 });
    expect((await eventsOf(d.code)).map((e) => e.type)).toEqual(["submitted", "accepted"]);
  });
});
