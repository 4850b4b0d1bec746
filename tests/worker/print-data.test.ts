import { describe, expect, it } from "vitest";
import type { StaffDossierDetail } from "../../shared/src/staff/api";
import { signIn } from "./helpers";
import { fileDossier, staffView } from "./staff-fixtures";

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
});
