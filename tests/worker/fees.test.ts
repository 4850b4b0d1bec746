import { afterEach, describe, expect, it, vi } from "vitest";
import { newKey, procedureDetail, validForm } from "./dossier-fixtures";
import { bearer, getJson, json } from "./helpers";
import { clockAt, staffMember } from "./staff-fixtures";

// Cấp lại giấy phép lái xe: 115.000 đ online until 31/12/2025, 135.000 đ at the counter and afterwards.
const LICENCE = "1.002807";
const DEPARTMENT = "cong-an-tinh";

afterEach(() => vi.useRealTimers());

describe("the fee a dossier is charged", () => {
  it.each(["counter", "postal"])(
    "is the counter rate for a dossier received by %s while the online rate applies",
    async (channel) => {
      // 23:59:59 on 31/12/2025 in Vietnam: the last second of the online rate.
      clockAt("2025-12-31T16:59:59Z");
      const officer = await staffMember(DEPARTMENT);
      const procedure = await procedureDetail(LICENCE);
      const body = {
        procedureCode: LICENCE,
        procedureVersion: procedure.version,
        receivingUnitId: DEPARTMENT,
        form: validForm(procedure.eform),
        documents: [],
        paperDocuments: (procedure.documents as { required: boolean }[]).flatMap((doc, i) => (doc.required ? [i] : [])),
        channel,
        applicant: { fullName: "Lê Thị Quầy" },
      };
      const res = await getJson("/api/staff/dossiers", json("POST", body, { ...bearer(officer), "Idempotency-Key": newKey() }));
      expect(res.status).toBe(201);
      expect(res.body.fee).toMatchObject({ channel, amount: 135_000, online: 115_000, counter: 135_000 });
    },
  );
});
