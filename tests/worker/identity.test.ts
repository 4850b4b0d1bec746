import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Session } from "../../shared/src/auth/api";
import type { PrefillResponse } from "../../shared/src/identity/prefill";
import type { Relaxation, RelaxationList } from "../../shared/src/identity/relaxations";
import { adminChanges, users } from "../../worker/src/db/schema";
import { toVneidClaims } from "../../worker/src/services/oidc";
import { COMMUNE, completeBody, newKey, PROCEDURE, RESIDENT_CLAIMS, resident, submit } from "./dossier-fixtures";
import { api, bearer, db, errorOf, getJson, json, signIn } from "./helpers";
import { relaxVneid, revokeVneidRelaxation } from "./identity-fixtures";
import { authorize, oidcEnv } from "./oidc-fixtures";
import { dossierRow, intakeBody, staffMember } from "./staff-fixtures";

/** Đăng ký tạm trú: commune level, not flagged "requires VNeID" in the catalogue. */
const TAM_TRU = "1.004194";
/** Cấp Phiếu lý lịch tư pháp: the catalogue itself requires VNeID. */
const REQUIRES_VNEID = "2.000488";

const unique = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
const unverified = () => resident(unique("chua-vneid"), false);

async function changesOf(code: string) {
  return db()
    .select()
    .from(adminChanges)
    .where(and(eq(adminChanges.entity, "vneid_relaxation"), eq(adminChanges.entityId, code)))
    .orderBy(adminChanges.id);
}

async function prefillOf(session: Session, code: string) {
  const res = await getJson<PrefillResponse>(`/api/dossiers/prefill?procedure=${code}`, { headers: bearer(session) });
  expect(res.status).toBe(200);
  return res.body;
}

async function filed(session: Session, code = PROCEDURE, form: Record<string, string | number | boolean> = {}) {
  const body = await completeBody(session, code);
  const res = await submit(session, { ...body, form: { ...body.form, ...form } });
  expect(res.status).toBe(201);
  return (await res.json()) as { code: string; submittedAt: string };
}

describe("VNeID for every online filing", () => {
  it("refuses an online filing without a linked identity, in Vietnamese, and files nothing", async () => {
    const session = await unverified();
    const res = await submit(session, await completeBody(session, TAM_TRU));
    expect(res.status).toBe(403);
    const error = await errorOf(res);
    expect(error.code).toBe("identity_required");
    expect(error.message).toContain("VNeID");
    expect(error.message).toContain("một lần");
    const list = await getJson<{ items: unknown[] }>("/api/dossiers", { headers: bearer(session) });
    expect(list.body.items).toEqual([]);
  });

  it("files once the province relaxed the procedure, and refuses again after the relaxation is revoked", async () => {
    const session = await unverified();
    const code = "1.010036";
    await relaxVneid(code, "Thí điểm: người dân chưa có VNeID mức 2");
    const relaxed = await filed(session, code);
    expect((await dossierRow(relaxed.code)).vneidVerified).toBe(false);
    // Another procedure stays strict.
    expect((await submit(session, await completeBody(session, TAM_TRU))).status).toBe(403);

    await revokeVneidRelaxation(code, "Kết thúc thí điểm");
    const again = await submit(session, await completeBody(session, code));
    expect(again.status).toBe(403);
    expect(await changesOf(code)).toMatchObject([
      { action: "relax", reason: "Thí điểm: người dân chưa có VNeID mức 2" },
      { action: "revoke", reason: "Kết thúc thí điểm" },
    ]);
  });

  it("a verified resident's dossier is marked VNeID-verified", async () => {
    const session = await resident(unique("da-vneid"));
    expect((await dossierRow((await filed(session)).code)).vneidVerified).toBe(true);
  });

  it("counter intake is unaffected: the officer checks the papers in person", async () => {
    const officer = await staffMember(COMMUNE);
    const body = await intakeBody({ form: { ...(await intakeBody()).form, fullName: "Trần Văn Quầy" } });
    const res = await api("/api/staff/dossiers", json("POST", body, { ...bearer(officer), "Idempotency-Key": newKey() }));
    expect(res.status).toBe(201);
    const row = await dossierRow(((await res.json()) as { code: string }).code);
    expect(row).toMatchObject({ channel: "counter", vneidVerified: false });
    expect(row.form.fullName).toBe("Trần Văn Quầy");
  });
});

describe("relaxations in the back office", () => {
  it("lists, relaxes with a reason and revokes; relaxing twice records once", async () => {
    const admin = await signIn("quan-tri-tinh");
    const code = "1.010040";
    const first = await api(`/api/admin/vneid-relaxations/${code}`, json("PUT", { reason: "Người cao tuổi" }, bearer(admin)));
    expect(first.status).toBe(200);
    const relaxation = (await first.json()) as Relaxation;
    expect(relaxation).toMatchObject({
      procedureCode: code,
      procedureName: "Gia hạn tạm trú",
      reason: "Người cao tuổi",
      decidedBy: { name: "Hoàng Quốc Em" },
    });
    const second = await api(`/api/admin/vneid-relaxations/${code}`, json("PUT", { reason: "Lần nữa" }, bearer(admin)));
    expect(((await second.json()) as Relaxation).reason).toBe("Người cao tuổi");
    expect(await changesOf(code)).toHaveLength(1);

    const list = await getJson<RelaxationList>("/api/admin/vneid-relaxations", { headers: bearer(admin) });
    expect(list.body.items.map((r) => r.procedureCode)).toContain(code);

    const revoke = () =>
      api(`/api/admin/vneid-relaxations/${code}/revoke`, json("POST", { reason: "Hết thí điểm" }, bearer(admin)));
    expect((await revoke()).status).toBe(204);
    expect((await revoke()).status).toBe(404);
    expect(await changesOf(code)).toHaveLength(2);
    const after = await getJson<RelaxationList>("/api/admin/vneid-relaxations", { headers: bearer(admin) });
    expect(after.body.items.map((r) => r.procedureCode)).not.toContain(code);
  });

  it("refuses to relax a procedure whose catalogue entry requires VNeID, and records nothing", async () => {
    const admin = await signIn("quan-tri-tinh");
    const res = await api(`/api/admin/vneid-relaxations/${REQUIRES_VNEID}`, json("PUT", { reason: "Thử" }, bearer(admin)));
    expect(res.status).toBe(409);
    expect((await errorOf(res)).message).toContain("bắt buộc xác thực VNeID");
    expect(await changesOf(REQUIRES_VNEID)).toEqual([]);
    const session = await unverified();
    expect((await errorOf(await submit(session, await completeBody(session, REQUIRES_VNEID)))).code).toBe("identity_required");
  });

  it("refuses an unknown procedure, a missing reason and every role but the province admin", async () => {
    const admin = await signIn("quan-tri-tinh");
    const unknown = await api("/api/admin/vneid-relaxations/9.999999", json("PUT", { reason: "Thử nghiệm" }, bearer(admin)));
    expect(unknown.status).toBe(404);
    const noReason = await api(`/api/admin/vneid-relaxations/${TAM_TRU}`, json("PUT", { reason: " " }, bearer(admin)));
    expect(noReason.status).toBe(400);

    const anonymous = await api("/api/admin/vneid-relaxations");
    expect(anonymous.status).toBe(401);
    const callers = [
      await resident(unique("cu-dan")),
      await signIn("can-bo-phuong"),
      await signIn("lanh-dao-phuong"),
      await signIn("to-cong-nghe"),
    ];
    for (const caller of callers) {
      expect((await api("/api/admin/vneid-relaxations", { headers: bearer(caller) })).status).toBe(403);
      const put = await api(`/api/admin/vneid-relaxations/${TAM_TRU}`, json("PUT", { reason: "Tự cho phép" }, bearer(caller)));
      expect(put.status).toBe(403);
    }
    expect(await changesOf(TAM_TRU)).toEqual([]);
  });
});

describe("identity claims", () => {
  it("the link asks for the claims and keeps them: the sample citizen's name, id, birth date, sex and address", async () => {
    const session = await resident(unique("lien-ket"), false);
    const start = await api("/api/auth/vneid/start", json("POST", { returnPath: "/p/1.004194/nop" }, bearer(session)), oidcEnv());
    const { authorizationUrl } = (await start.json()) as { authorizationUrl: string };
    const callback = await authorize(authorizationUrl, "login=001190000001");
    const res = await api(callback, undefined, oidcEnv());
    expect(res.headers.get("Location")).toMatch(/\?vneid=ok$/);
    const user = await db().query.users.findFirst({ where: eq(users.id, session.user.id) });
    expect(user?.vneidClaims).toEqual({
      fullName: "Lê Thị Hồng Nhung",
      citizenId: "001190000001",
      birthDate: "1990-03-15",
      sex: "female",
      permanentAddress: "Số 45, đường Trần Hưng Đạo, Phường Bình Minh, Tỉnh An Hòa",
    });
    // Linking again later (the same identity) does not free the subject for another account.
    expect(user?.vneidSubject).toBe("001190000001");
  });

  it("maps OpenID claims: names in parts, a subject that is the citizen id, Vietnamese sex, and drops what does not fit", () => {
    expect(
      toVneidClaims({
        sub: "001302000003",
        family_name: "Võ",
        middle_name: "Thị Ngọc",
        given_name: "Hân",
        gender: "Nữ",
        birthdate: "2002-02-30",
        address: "  Phường Tân An,\n Tỉnh An Hòa ",
      }),
    ).toEqual({
      fullName: "Võ Thị Ngọc Hân",
      citizenId: "001302000003",
      sex: "female",
      permanentAddress: "Phường Tân An, Tỉnh An Hòa",
    });
    expect(toVneidClaims({ sub: "opaque-subject", name: "Nguyễn Văn An" })).toBeNull();
    expect(toVneidClaims({ sub: "001302000003" })).toBeNull();
  });
});

describe("GET /api/dossiers/prefill", () => {
  it("answers identity from VNeID read-only, contact details from any earlier dossier and the usual answers from the same procedure", async () => {
    const session = await resident(unique("prefill"));
    const before = await prefillOf(session, PROCEDURE);
    expect(before.vneid).toEqual({ required: true, linked: true });
    expect(before.fields).toEqual([
      { key: "fullName", value: RESIDENT_CLAIMS.fullName, readOnly: true, source: { kind: "vneid" } },
      { key: "citizenId", value: RESIDENT_CLAIMS.citizenId, readOnly: true, source: { kind: "vneid" } },
    ]);

    const earlier = await filed(session, PROCEDURE, { phone: "0987000111" });
    const source = { kind: "dossier", code: earlier.code, submittedAt: earlier.submittedAt };
    const same = await prefillOf(session, PROCEDURE);
    const row = await dossierRow(earlier.code);
    // Every earlier answer of the same procedure that is not a date or a declaration comes back.
    const reused = Object.entries(row.form).filter(([key]) => !["fullName", "citizenId"].includes(key));
    expect(same.fields.filter((f) => !f.readOnly).map((f) => [f.key, f.value])).toEqual(
      reused.filter(([key]) => same.fields.some((f) => f.key === key)),
    );
    expect(same.fields.find((f) => f.key === "phone")).toEqual({ key: "phone", value: "0987000111", readOnly: false, source });

    // Another procedure reuses only the contact details.
    const other = await prefillOf(session, TAM_TRU);
    expect(other.fields.filter((f) => !f.readOnly)).toEqual([{ key: "phone", value: "0987000111", readOnly: false, source }]);
  });

  it("tells an unlinked resident the link is required, unless the province relaxed the procedure", async () => {
    const session = await unverified();
    const strict = await prefillOf(session, TAM_TRU);
    expect(strict).toEqual({ vneid: { required: true, linked: false }, fields: [] });
    await relaxVneid("1.010043");
    expect((await prefillOf(session, "1.010043")).vneid).toEqual({ required: false, linked: false });
    expect((await prefillOf(await unverified(), REQUIRES_VNEID)).vneid.required).toBe(true);
    await revokeVneidRelaxation("1.010043");
  });

  it("answers 404 for an unknown procedure and 401 without a session", async () => {
    const session = await resident(unique("prefill-404"));
    expect((await api("/api/dossiers/prefill?procedure=9.999999", { headers: bearer(session) })).status).toBe(404);
    expect((await api(`/api/dossiers/prefill?procedure=${PROCEDURE}`)).status).toBe(401);
  });
});

describe("identity fields are read-only", () => {
  it("a submission's identity fields are replaced by the claims; other answers are kept", async () => {
    const session = await resident(unique("mao-danh"));
    const receipt = await filed(session, PROCEDURE, {
      fullName: "Kẻ Mạo Danh",
      citizenId: "079999999999",
      phone: "0911222333",
    });
    const row = await dossierRow(receipt.code);
    expect(row.form).toMatchObject({
      fullName: RESIDENT_CLAIMS.fullName,
      citizenId: RESIDENT_CLAIMS.citizenId,
      phone: "0911222333",
    });
  });

  it("identity fields left out of the submission are filled from the claims", async () => {
    const session = await resident(unique("bo-trong"));
    const body = await completeBody(session, TAM_TRU);
    const { fullName: _n, citizenId: _c, ...rest } = body.form;
    const res = await submit(session, { ...body, form: rest });
    expect(res.status).toBe(201);
    const row = await dossierRow(((await res.json()) as { code: string }).code);
    expect(row.form).toMatchObject({ fullName: RESIDENT_CLAIMS.fullName, citizenId: RESIDENT_CLAIMS.citizenId });
  });
});
