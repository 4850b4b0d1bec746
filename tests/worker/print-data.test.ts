import { describe, expect, it } from "vitest";
import type { StaffDossierDetail } from "../../shared/src/staff/api";
import { newKey } from "./dossier-fixtures";
import { bearer, getJson, json, signIn } from "./helpers";
import { fileDossier, intakeBody, residentStep, staffMember, staffView, step } from "./staff-fixtures";

const viewOf = async (...args: Parameters<typeof staffView>) => (await staffView(...args)).body as StaffDossierDetail;

/** What the printed forms (Mẫu 01–04) read from the staff view of a dossier. */
describe("the staff view for printing", () => {
  it("gives an online applicant's phone from the form when the account has none", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    const { status, body } = await staffView(officer, d.code);
    expect(status).toBe(200);
    // The resident signed in with Zalo and shared no number; the form's phone field has one.
    expect((body as StaffDossierDetail).applicant.phone).toBe("0912345678");
  });

  it("names the officer who accepted the dossier, whoever reads it, and nothing before acceptance", async () => {
    const reader = await signIn("can-bo-phuong");
    const acceptor = await staffMember("phuong-an-hoa");
    const d = await fileDossier();
    expect((await viewOf(reader, d.code)).acceptance).toBeNull();
    await step(acceptor, d.code, { action: "accept" });
    const view = await viewOf(reader, d.code);
    expect(view.acceptance).toMatchObject({ officerName: `Cán bộ ${acceptor.user.id}`, at: view.receivedAt });
  });

  it("names the officer who registered a counter intake and lists the papers handed over", async () => {
    const officer = await signIn("can-bo-phuong");
    const body = await intakeBody();
    const res = await getJson("/api/staff/dossiers", json("POST", body, { ...bearer(officer), "Idempotency-Key": newKey() }));
    expect(res.status).toBe(201);
    const { acceptance } = await viewOf(officer, res.body.code);
    expect(acceptance?.officerName).toBe("Lê Minh Cường");
    // The declaration generated from the eForm (document 0) is received with the papers.
    expect(acceptance?.documents.map((doc) => [doc.docIndex, doc.files.length])).toEqual([
      [0, 1],
      ...body.paperDocuments.map((docIndex) => [docIndex, 0]),
    ]);
  });

  it("keeps the documents received at acceptance when a later supplement adds files", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    await step(officer, d.code, { action: "accept" });
    const accepted = await viewOf(officer, d.code);
    expect(accepted.acceptance?.documents).toEqual(accepted.documents);

    await step(officer, d.code, {
      action: "request_supplement",
      checks: [{ docIndex: 1, passed: false, note: "Bản sao không rõ nét" }],
    });
    await residentStep(d.owner, d.code, "submit_supplement");
    const after = await viewOf(officer, d.code);
    const filesOf = (docs: StaffDossierDetail["documents"]) => docs.flatMap((doc) => doc.files.map((f) => f.name));
    expect(filesOf(after.documents)).toEqual(expect.arrayContaining(["bo-sung.pdf"]));
    expect(after.documents).not.toEqual(accepted.documents);
    expect(after.acceptance).toEqual(accepted.acceptance);
  });

  it("counts a supplement answered before acceptance among the documents received", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    await step(officer, d.code, {
      action: "request_supplement",
      checks: [{ docIndex: 1, passed: false, note: "Bản sao không rõ nét" }],
    });
    await residentStep(d.owner, d.code, "submit_supplement");
    await step(officer, d.code, { action: "accept" });
    const view = await viewOf(officer, d.code);
    expect(view.acceptance?.documents.flatMap((doc) => doc.files.map((f) => f.name))).toContain("bo-sung.pdf");
    expect(view.acceptance?.documents).toEqual(view.documents);
  });
});
