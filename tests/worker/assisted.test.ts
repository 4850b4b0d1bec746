import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Session } from "../../shared/src/auth/api";
import type { SubmitResponse } from "../../shared/src/dossier/api";
import type { AssistedLink, AssistedList, AssistedPreview } from "../../shared/src/dossier/assisted";
import { startSession } from "../../worker/src/auth/session";
import { upsertUser } from "../../worker/src/db/repo/users";
import { assistedFilings, files } from "../../worker/src/db/schema";
import { COMMUNE, completeBody, pdf, resident, upload } from "./dossier-fixtures";
import { api, bearer, db, errorOf, getJson, json, testEnv } from "./helpers";
import { relaxVneid, revokeVneidRelaxation } from "./identity-fixtures";
import { dossierRow, eventsOf, notificationsOf, staffMember, step } from "./staff-fixtures";

const ONLINE_ONLY = "1.010037";

/** A fresh community digital team member of the commune, signed in (each has their own rate window). */
async function teamMember(): Promise<Session> {
  const id = `to-cong-nghe-${crypto.randomUUID().slice(0, 8)}`;
  const user = await upsertUser(db(), "an-hoa", {
    id,
    role: "helper",
    unitId: COMMUNE,
    displayName: "Đỗ Văn Hải",
    vneidVerified: false,
  });
  return startSession(db(), testEnv(), user);
}

let helper: Session;
beforeEach(async () => {
  helper = await teamMember();
});

const newResident = () => resident(`assisted-${crypto.randomUUID().slice(0, 8)}`);

async function prepare(session: Session, code?: string) {
  const { consent: _, ...submission } = await completeBody(session, code);
  const res = await api("/api/assisted", json("POST", { submission, applicantName: "Nguyễn Thị Bình" }, bearer(session)));
  return { res, submission };
}

async function prepared(session = helper, code?: string) {
  const { res, submission } = await prepare(session, code);
  expect(res.status).toBe(201);
  return { ...((await res.json()) as AssistedLink), submission };
}

const confirm = (session: Session, token: string) => api("/api/assisted/confirm", json("POST", { token }, bearer(session)));

const listOf = async (session: Session) =>
  (await getJson<AssistedList>("/api/assisted", { headers: bearer(session) })).body.items;

async function consentFile(session = helper) {
  const file = await upload(session, pdf("giấy đồng ý có chữ ký"), "giay-dong-y.pdf");
  return file.body.id as string;
}

describe("assisted filing with consent in the resident's own Zalo", () => {
  it("files nothing until the resident confirms; then the dossier is theirs, online and assisted", async () => {
    const link = await prepared();
    expect(link.link).toContain(`/uy-quyen/${link.token}`);
    const stored = await db().select().from(assistedFilings).where(eq(assistedFilings.id, link.id)).get();
    expect(stored?.tokenHash).not.toContain(link.token);
    expect(stored?.dossierId).toBeNull();
    expect((await listOf(helper)).find((i) => i.id === link.id)?.state).toBe("pending");

    const an = await newResident();
    const preview = await getJson<AssistedPreview>(`/api/assisted/consent/${link.token}`, { headers: bearer(an) });
    expect(preview.status).toBe(200);
    expect(preview.body.helperName).toBe("Đỗ Văn Hải");
    expect(preview.body.fields.length).toBeGreaterThan(0);
    expect(preview.body.documents.every((d) => d.files.length > 0)).toBe(true);

    const res = await confirm(an, link.token);
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as SubmitResponse;
    expect(receipt.channel).toBe("online");
    const row = await dossierRow(receipt.code);
    expect(row.applicantId).toBe(an.user.id);
    expect(row.assistedBy).toBe(helper.user.id);
    expect(row.channel).toBe("online");

    // Listed under the resident's own dossiers, with the files readable by them and no longer by the helper.
    const own = await getJson<{ items: { code: string }[] }>("/api/dossiers", { headers: bearer(an) });
    expect(own.body.items.map((d) => d.code)).toContain(receipt.code);
    const detail = await getJson(`/api/dossiers/${receipt.code}`, { headers: bearer(an) });
    expect(detail.body.assistedBy).toBe("Đỗ Văn Hải");
    expect(detail.body.timeline[0].details).toContain("Nộp trực tuyến với sự hỗ trợ của Tổ công nghệ số cộng đồng: Đỗ Văn Hải");
    const fileId = link.submission.documents[0]!.fileIds[0]!;
    expect((await api(`/api/files/${fileId}/content`, { headers: bearer(an) })).status).toBe(200);
    expect((await api(`/api/files/${fileId}/content`, { headers: bearer(helper) })).status).toBe(404);
    const [event] = await eventsOf(receipt.code);
    expect(event?.data).toMatchObject({ assisted: { helperId: helper.user.id, consent: "zalo" } });
    expect(event?.actorId).toBe(an.user.id);

    // The helper's list shows the summary; the dossier itself stays out of their reach.
    const item = (await listOf(helper)).find((i) => i.id === link.id);
    expect(item).toMatchObject({ state: "filed", consentKind: "zalo", dossier: { code: receipt.code, status: 1 } });
    expect((await api(`/api/dossiers/${receipt.code}`, { headers: bearer(helper) })).status).toBe(404);

    // The usual notifications go to the resident.
    await step(await staffMember(COMMUNE), receipt.code, { action: "accept" });
    const notices = await notificationsOf(receipt.code);
    expect(notices.map((n) => n.userId)).toEqual([an.user.id]);
  });

  it("a retry answers the same receipt; a second account and a reused link are refused", async () => {
    const link = await prepared();
    const an = await newResident();
    const [first, again] = [await confirm(an, link.token), await confirm(an, link.token)];
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    const code = ((await first.json()) as SubmitResponse).code;
    expect(((await again.json()) as SubmitResponse).code).toBe(code);

    const other = await newResident();
    const refused = await confirm(other, link.token);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).details).toMatchObject({ reason: "used" });
    expect((await api(`/api/assisted/consent/${link.token}`, { headers: bearer(other) })).status).toBe(404);
    expect((await api(`/api/dossiers/${code}`, { headers: bearer(other) })).status).toBe(404);
  });

  it("two accounts confirming at once file exactly one dossier", async () => {
    const link = await prepared();
    const answers = await Promise.all([confirm(await newResident(), link.token), confirm(await newResident(), link.token)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it("refuses an expired, a cancelled or an unknown link, and the helper's own confirmation", async () => {
    const an = await newResident();
    const expired = await prepared();
    await db().update(assistedFilings).set({ expiresAt: "2020-01-01T00:00:00.000Z" }).where(eq(assistedFilings.id, expired.id));
    const late = await confirm(an, expired.token);
    expect(late.status).toBe(409);
    expect((await errorOf(late)).details).toMatchObject({ reason: "expired" });

    const cancelled = await prepared();
    expect((await api(`/api/assisted/${cancelled.id}/cancel`, { method: "POST", headers: bearer(helper) })).status).toBe(204);
    const refused = await confirm(an, cancelled.token);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).details).toMatchObject({ reason: "cancelled" });

    expect((await confirm(an, "A".repeat(43))).status).toBe(404);
    const own = await prepared();
    expect((await confirm(helper, own.token)).status).toBe(409);
    expect((await db().select().from(assistedFilings).where(eq(assistedFilings.id, own.id)).get())?.dossierId).toBeNull();
  });

  it("a new link replaces the old one", async () => {
    const link = await prepared();
    const res = await api(`/api/assisted/${link.id}/link`, { method: "POST", headers: bearer(helper) });
    expect(res.status).toBe(200);
    const renewed = (await res.json()) as AssistedLink;
    const an = await newResident();
    expect((await confirm(an, link.token)).status).toBe(404);
    expect((await confirm(an, renewed.token)).status).toBe(201);
  });
});

describe("assisted filing with consent signed on paper", () => {
  it("files for a new resident record with the consent file, and answers the receipt to hand over", async () => {
    const link = await prepared();
    const consentFileId = await consentFile();
    const body = { consentFileId, applicant: { fullName: "Trần Văn Cường", phone: "0987654321" } };
    // A team member cannot stand in for VNeID: on paper only where the province relaxed the rule.
    const strict = await api(`/api/assisted/${link.id}/paper-consent`, json("POST", body, bearer(helper)));
    expect(strict.status).toBe(403);
    expect((await errorOf(strict)).code).toBe("identity_required");
    await relaxVneid(link.submission.procedureCode);
    const res = await api(`/api/assisted/${link.id}/paper-consent`, json("POST", body, bearer(helper)));
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as SubmitResponse;
    expect(receipt.trackingUrl).toContain(`/t/${receipt.code}?k=`);
    const row = await dossierRow(receipt.code);
    expect(row).toMatchObject({ applicantName: "Trần Văn Cường", assistedBy: helper.user.id, channel: "online" });
    expect(row.applicantId).not.toBe(helper.user.id);
    const [event] = await eventsOf(receipt.code);
    expect(event?.data).toMatchObject({ assisted: { consent: "signed_paper", consentFileId } });
    const consent = await db().select().from(files).where(eq(files.id, consentFileId)).get();
    expect(consent?.ownerId).toBe(row.applicantId);

    // Staff of the handling unit see the consent in the timeline.
    const officer = await staffMember(COMMUNE);
    const staffView = await getJson(`/api/staff/dossiers/${receipt.code}`, { headers: bearer(officer) });
    expect(staffView.body.assistedBy).toBe("Đỗ Văn Hải");
    expect(staffView.body.timeline[0].files.map((f: { id: string }) => f.id)).toEqual([consentFileId]);
    expect((await api(`/api/files/${consentFileId}/content`, { headers: bearer(officer) })).status).toBe(200);

    // A retry answers the same receipt; the resident can no longer confirm in Zalo.
    const again = await api(`/api/assisted/${link.id}/paper-consent`, json("POST", body, bearer(helper)));
    expect(((await again.json()) as SubmitResponse).code).toBe(receipt.code);
    expect((await confirm(await newResident(), link.token)).status).toBe(409);
    await revokeVneidRelaxation(link.submission.procedureCode);
  });

  it("refuses without a consent file of the helper's own", async () => {
    const link = await prepared();
    const applicant = { fullName: "Trần Văn Cường", phone: "0987654321" };
    const documentId = link.submission.documents[0]!.fileIds[0]!;
    const someoneElses = await consentFile(await newResident());
    for (const consentFileId of [documentId, someoneElses]) {
      const res = await api(`/api/assisted/${link.id}/paper-consent`, json("POST", { consentFileId, applicant }, bearer(helper)));
      expect(res.status).toBe(400);
    }
    const missing = await api(`/api/assisted/${link.id}/paper-consent`, json("POST", { applicant }, bearer(helper)));
    expect(missing.status).toBe(400);
    expect((await db().select().from(assistedFilings).where(eq(assistedFilings.id, link.id)).get())?.dossierId).toBeNull();
  });
});

describe("who may file for a resident", () => {
  it("a resident cannot prepare, list or give paper consent; another helper cannot touch a filing", async () => {
    const an = await newResident();
    expect((await prepare(an)).res.status).toBe(403);
    expect((await api("/api/assisted", { headers: bearer(an) })).status).toBe(403);
    const link = await prepared();
    const body = { consentFileId: await consentFile(), applicant: { fullName: "Trần Văn Cường", phone: "0987654321" } };
    expect((await api(`/api/assisted/${link.id}/paper-consent`, json("POST", body, bearer(an)))).status).toBe(403);
    const officer = await staffMember(COMMUNE);
    expect((await api(`/api/assisted/${link.id}/cancel`, { method: "POST", headers: bearer(officer) })).status).toBe(404);
    expect((await listOf(officer)).map((i) => i.id)).not.toContain(link.id);
  });

  it("a helper cannot read dossiers of their unit filed by others", async () => {
    const an = await newResident();
    const body = await completeBody(an);
    const res = await api("/api/dossiers", json("POST", body, { ...bearer(an), "Idempotency-Key": crypto.randomUUID() }));
    const { code } = (await res.json()) as SubmitResponse;
    expect((await api(`/api/dossiers/${code}`, { headers: bearer(helper) })).status).toBe(404);
    const fileId = body.documents[0]!.fileIds[0]!;
    expect((await api(`/api/files/${fileId}/content`, { headers: bearer(helper) })).status).toBe(404);
  });

  it("counter staff file online only for online-only procedures, through the same flow", async () => {
    const officer = await staffMember(COMMUNE);
    const refused = await prepare(officer);
    expect(refused.res.status).toBe(409);
    const link = await prepared(officer, ONLINE_ONLY);
    const an = await newResident();
    const res = await confirm(an, link.token);
    expect(res.status).toBe(201);
    const row = await dossierRow(((await res.json()) as SubmitResponse).code);
    expect(row).toMatchObject({ applicantId: an.user.id, assistedBy: officer.user.id, channel: "online" });
  });
});
