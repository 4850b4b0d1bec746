import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import type { ProcedureDiff } from "../../shared/src/admin/procedures";
import type { Session } from "../../shared/src/auth/api";
import type { DossierDetail, SubmitResponse } from "../../shared/src/dossier/api";
import { files } from "../../worker/src/db/schema";
import { checkSubmission, writeDossier } from "../../worker/src/dossiers/submit";
import { admin, adminGet, bodyOf, DECISION, openDraft, publish, publishChanged, saveDraft } from "./catalogue-fixtures";
import { completeBody, newKey, procedureDetail, resident, submit, upload, validForm } from "./dossier-fixtures";
import { api, bearer, db, errorOf } from "./helpers";
import { residentView, staffMember, staffView } from "./staff-fixtures";

const uniqueId = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

/** Đăng ký thường trú: its CT01 declaration (document 0) is replaced by the eForm, the proof of residence is not. */
const FLAGGED = "1.004222";

async function file(owner: Session, code = FLAGGED) {
  const res = await submit(owner, await completeBody(owner, code));
  expect(res.status).toBe(201);
  return (await res.json()) as SubmitResponse;
}

const content = (session: Session, fileId: string) => api(`/api/files/${fileId}/content`, { headers: bearer(session) });

const generatedOf = (detail: DossierDetail) =>
  detail.documents.flatMap((d) => d.files.filter((f) => f.fromEform).map((f) => ({ docIndex: d.docIndex, ...f })));

describe("filing a procedure whose declaration the eForm replaces", () => {
  it("needs no upload of the declaration, and attaches the PDF generated from the eForm under it", async () => {
    const owner = await resident(uniqueId("nguoi-khai"), true);
    const body = await completeBody(owner);
    expect(body.documents.map((d) => d.docIndex)).toEqual([1]);
    const filed = await file(owner);

    const detail = (await residentView(owner, filed.code)).body;
    const procedure = await procedureDetail(FLAGGED);
    expect(detail.documents.map((d) => [d.docIndex, d.name, d.files.map((f) => f.fromEform)])).toEqual([
      [0, procedure.documents[0]!.name, [true]],
      [1, procedure.documents[1]!.name, [false]],
    ]);
    const [generated] = generatedOf(detail);
    expect(generated).toMatchObject({ mime: "application/pdf", name: "Tờ khai thay đổi thông tin cư trú.pdf" });

    const row = await db().query.files.findFirst({ where: eq(files.id, generated!.id) });
    expect(row).toMatchObject({ ownerId: owner.user.id, source: "eform", r2Key: `files/${owner.user.id}/${generated!.id}` });
    const object = await env.FILES.get(row!.r2Key);
    expect(object?.httpMetadata?.contentType).toBe("application/pdf");
    const bytes = new Uint8Array(await object!.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
    expect(bytes.length).toBe(generated!.size);

    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toBe(procedure.documents[0]!.name);
    expect(pdf.getAuthor()).toBe(owner.user.displayName);
    expect(pdf.getSubject()).toBe("Kính gửi: Phường An Hòa");
  });

  it("lets the applicant and the handling unit's staff download it, and nobody else", async () => {
    const owner = await resident(uniqueId("nguoi-khai"), true);
    const filed = await file(owner);
    const [generated] = generatedOf((await residentView(owner, filed.code)).body);

    const mine = await content(owner, generated!.id);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("Content-Type")).toBe("application/pdf");
    expect(new TextDecoder().decode((await mine.arrayBuffer()).slice(0, 5))).toBe("%PDF-");

    const officer = await staffMember("phuong-an-hoa");
    const staffSide = (await staffView(officer, filed.code)).body;
    expect(generatedOf(staffSide).map((f) => f.id)).toEqual([generated!.id]);
    expect((await content(officer, generated!.id)).status).toBe(200);

    const stranger = await resident(uniqueId("nguoi-la"), true);
    expect((await content(stranger, generated!.id)).status).toBe(404);
    expect((await content(await staffMember("phuong-binh-minh"), generated!.id)).status).toBe(404);
  });

  it("still asks for the documents the eForm does not replace", async () => {
    const owner = await resident(uniqueId("nguoi-khai"), true);
    const res = await submit(owner, { ...(await completeBody(owner)), documents: [] });
    expect(res.status).toBe(422);
    const details = (await errorOf(res)).details as { kind: string; docIndex?: number }[];
    expect(details.map((d) => [d.kind, d.docIndex])).toEqual([["document", 1]]);
  });

  it("generates one declaration per replaced document, each under its own", async () => {
    const owner = await resident(uniqueId("nguoi-khai"), true);
    const procedure = await procedureDetail("1.000689");
    expect(procedure.documents.map((d) => d.replacedByEform ?? false)).toEqual([true, true, false, false]);
    const filed = await file(owner, "1.000689");
    const generated = generatedOf((await residentView(owner, filed.code)).body);
    expect(generated.map((f) => [f.docIndex, f.name])).toEqual([
      [0, "Tờ khai đăng ký khai sinh.pdf"],
      [1, "Tờ khai đăng ký nhận cha, mẹ, con.pdf"],
    ]);
  });

  it("generates nothing for a procedure whose documents are all papers the resident brings", async () => {
    const owner = await resident(uniqueId("nguoi-khai"), true);
    const procedure = await procedureDetail("2.000815");
    expect(procedure.documents.some((d) => d.replacedByEform)).toBe(false);
    const filed = await file(owner, "2.000815");
    expect(generatedOf((await residentView(owner, filed.code)).body)).toEqual([]);
  });

  it("keeps one declaration when the submission is retried with the same key", async () => {
    const owner = await resident(uniqueId("nguoi-khai"), true);
    const body = await completeBody(owner);
    const key = newKey();
    const first = (await (await submit(owner, body, key)).json()) as SubmitResponse;
    const again = (await (await submit(owner, body, key)).json()) as SubmitResponse;
    expect(again.code).toBe(first.code);
    const stored = await db()
      .select()
      .from(files)
      .where(and(eq(files.ownerId, owner.user.id), eq(files.source, "eform")));
    expect(stored).toHaveLength(1);
  });

  it("does not count against the resident's storage quota, which only counts uploads", async () => {
    const owner = await resident(uniqueId("nguoi-khai"), true);
    await file(owner);
    const listed = (await (await api("/api/files", { headers: bearer(owner) })).json()) as {
      items: { fromEform: boolean }[];
    };
    expect(listed.items.map((f) => f.fromEform).sort()).toEqual([false, true]);
  });

  it("leaves no stored bytes behind when the dossier's write fails", async () => {
    const owner = await resident(uniqueId("nguoi-khai"), true);
    const body = await completeBody(owner);
    const prefix = `files/${owner.user.id}/`;
    const keys = async () => (await env.FILES.list({ prefix })).objects.map((o) => o.key).sort();
    const before = await keys();
    const d = db();
    const checked = await checkSubmission(d, body, { provinceId: "an-hoa", filesOwnerId: owner.user.id, identity: true });
    const uploaded = await d.query.files.findFirst({ where: eq(files.ownerId, owner.user.id) });
    const write = writeDossier(
      d,
      "an-hoa",
      checked,
      {
        actorId: owner.user.id,
        applicant: { id: owner.user.id, name: owner.user.displayName, vneidVerified: true },
        // A statement that fails inside the batch: the upload's row again, under its own id.
        extra: () => [d.insert(files).values(uploaded!)],
      },
      { linkBase: "https://zalo.me/s/1", auditKey: "k".repeat(32), files: env.FILES },
    );
    await expect(write).rejects.toThrow();
    expect(await keys()).toEqual(before);
  });
});

describe("the catalogue's flag", () => {
  it("is in the public catalogue on the declaration only", async () => {
    const procedure = await procedureDetail(FLAGGED);
    expect(procedure.documents.map((d) => d.replacedByEform ?? false)).toEqual([true, false, false]);
  });

  it("is carried through publishing and the diff; once cleared, residents upload the declaration again", async () => {
    const session = await admin();
    const code = "2.000635";
    const published = await publishChanged(session, code, (b) => ({
      ...b,
      cases: b.cases.map((c) => ({ ...c, documents: c.documents.map((d) => ({ ...d, replacedByEform: false })) })),
    }));
    const diff = await adminGet<ProcedureDiff>(session, `/${code}/diff?from=1&to=${published.version}`);
    expect(diff.body.changes.find((c) => c.path === "cases.chung.documents")).toMatchObject({
      before: expect.stringContaining("lập từ biểu mẫu điện tử"),
      after: expect.not.stringContaining("lập từ biểu mẫu điện tử"),
    });

    const procedure = await procedureDetail(code);
    expect(procedure.version).toBe(published.version);
    expect(procedure.documents[0]!.replacedByEform).toBe(false);
    const owner = await resident(uniqueId("nguoi-khai"), true);
    const bare = {
      procedureCode: code,
      procedureVersion: procedure.version,
      receivingUnitId: "phuong-an-hoa",
      form: validForm(procedure.eform),
      documents: [],
      consent: true,
    };
    const refused = await submit(owner, bare);
    expect(refused.status).toBe(422);
    expect((await errorOf(refused)).details).toEqual([expect.objectContaining({ kind: "document", docIndex: 0 })]);
    const scan = (await upload(owner)).body.id;
    const filed = await submit(owner, { ...bare, documents: [{ docIndex: 0, fileIds: [scan] }] });
    expect(filed.status).toBe(201);
    const detail = (await residentView(owner, ((await filed.json()) as SubmitResponse).code)).body;
    expect(generatedOf(detail)).toEqual([]);
  });

  it("cannot be published on an eForm without fields", async () => {
    const session = await admin();
    const draft = (await openDraft(session, "1.010037")).body;
    const saved = await saveDraft(session, draft, { ...bodyOf(draft), decisions: [DECISION], eform: { fields: [] } });
    expect(saved.status).toBe(200);
    const refused = await publish(session, saved.body);
    expect(refused.status).toBe(422);
    const error = await errorOf(new Response(JSON.stringify(refused.body)));
    expect(error.details).toEqual([
      {
        path: "cases.0.documents.0.replacedByEform",
        message:
          'Trường hợp “Trường hợp chung”: "Tờ khai thay đổi thông tin cư trú" được lập từ biểu mẫu điện tử nhưng biểu mẫu chưa có trường nào',
      },
    ]);
  });
});
