import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ChangeList } from "../../shared/src/admin/changes";
import type { PeopleList, PersonDetail } from "../../shared/src/admin/people";
import type { Session } from "../../shared/src/auth/api";
import { startSession } from "../../worker/src/auth/session";
import { type AuthUser, setPhone, upsertUser } from "../../worker/src/db/repo/users";
import { users } from "../../worker/src/db/schema";
import { createInvitation } from "../../worker/src/people/invitations";
import { changePerson, disablePerson } from "../../worker/src/people/people";
import { api, bearer, db, errorIn, getJson, json, signIn, testEnv } from "./helpers";
import { admin, changesOf } from "./people-fixtures";
import { fileDossier, staffMember } from "./staff-fixtures";

const patch = (by: Session, id: string, body: unknown) =>
  getJson<PersonDetail>(`/api/admin/people/${id}`, json("PATCH", body, bearer(by)));
const post = (by: Session, id: string, what: "disable" | "enable", reason = "Nghỉ việc theo quyết định") =>
  getJson<PersonDetail>(`/api/admin/people/${id}/${what}`, json("POST", { reason }, bearer(by)));
const staffDossier = (session: Session, code: string) => api(`/api/staff/dossiers/${code}`, { headers: bearer(session) });

let admins = 0;
/** A further active admin of the province, signed in. */
async function anotherAdmin(): Promise<Session> {
  const user = await upsertUser(db(), "an-hoa", {
    id: `quan-tri-${++admins}-${crypto.randomUUID().slice(0, 8)}`,
    role: "admin",
    unitId: null,
    displayName: `Quản trị ${admins}`,
  });
  return startSession(db(), testEnv(), user);
}

const authUser = (s: Session): AuthUser => ({ ...s.user, provinceId: "an-hoa" });

describe("the list and detail of people", () => {
  it("lists staff by name with unit and grants, filters, pages, and never shows a phone number", async () => {
    const by = await admin();
    const leader = await signIn("lanh-dao-phuong");
    const officer = await staffMember("phuong-an-hoa", ["phuong-binh-minh"]);
    await setPhone(db(), officer.user.id, "0912345678");
    const list = async (query: string) => (await getJson<PeopleList>(`/api/admin/people?${query}`, { headers: bearer(by) })).body;

    const all = await list("limit=100");
    expect(all.items.every((p) => p.role !== "resident")).toBe(true);
    const found = all.items.find((p) => p.id === officer.user.id)!;
    expect(found).toMatchObject({
      role: "officer",
      unit: { id: "phuong-an-hoa" },
      grants: [{ id: "phuong-binh-minh" }],
      zaloBound: false,
      ssoBound: false,
      disabledAt: null,
    });
    expect(JSON.stringify(all)).not.toContain("345678");
    const names = all.items.map((p) => p.displayName);
    expect(names).toEqual([...names].sort());

    expect((await list("role=leader")).items.map((p) => p.id)).toEqual([leader.user.id]);
    expect((await list("unit=phuong-binh-minh")).items.map((p) => p.id)).toContain(officer.user.id);
    expect((await list(`q=${encodeURIComponent(officer.user.displayName)}`)).items.map((p) => p.id)).toEqual([officer.user.id]);
    expect((await list("role=resident")).items.every((p) => p.role === "resident")).toBe(true);

    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page: PeopleList = await list(`limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all.items.map((p) => p.id));
    const bad = await getJson("/api/admin/people?cursor=not-ours", { headers: bearer(by) });
    expect(bad.status).toBe(400);

    const detail = await getJson<PersonDetail>(`/api/admin/people/${officer.user.id}`, { headers: bearer(by) });
    expect(detail.body).toMatchObject({ id: officer.user.id, vneidVerified: false });
    expect(JSON.stringify(detail.body)).not.toContain("345678");
    expect((await getJson("/api/admin/people/khong-co", { headers: bearer(by) })).status).toBe(404);
  });
});

describe("changing a person's role, unit and grants", () => {
  it("takes effect on the next request: an officer moved to another unit loses the first unit's dossiers at once", async () => {
    const by = await admin();
    const officer = await staffMember("phuong-an-hoa");
    const filed = await fileDossier("phuong-an-hoa");
    expect((await staffDossier(officer, filed.code)).status).toBe(200);

    const moved = await patch(by, officer.user.id, { unitId: "phuong-binh-minh", reason: "Điều động sang phường Bình Minh" });
    expect(moved.status).toBe(200);
    expect(moved.body.unit).toMatchObject({ id: "phuong-binh-minh" });
    expect((await staffDossier(officer, filed.code)).status).toBe(404);

    const [change] = await changesOf("person", officer.user.id);
    expect(change).toMatchObject({ actorId: by.user.id, action: "change", reason: "Điều động sang phường Bình Minh" });
    expect(change!.data).toEqual({
      before: { role: "officer", unitId: "phuong-an-hoa", grantUnitIds: [] },
      after: { role: "officer", unitId: "phuong-binh-minh", grantUnitIds: [] },
    });

    // A grant gives the first unit back; making them a resident takes the whole workspace away.
    await patch(by, officer.user.id, { grantUnitIds: ["phuong-an-hoa"], reason: "Hỗ trợ phường An Hòa" });
    expect((await staffDossier(officer, filed.code)).status).toBe(200);
    const demoted = await patch(by, officer.user.id, { role: "resident", reason: "Thôi làm cán bộ một cửa" });
    expect(demoted.body).toMatchObject({ role: "resident", unit: null, grants: [] });
    expect((await api("/api/staff/dossiers", { headers: bearer(officer) })).status).toBe(403);

    // Back to staff only by a new invitation, never by an edit.
    const promoted = await patch(by, officer.user.id, {
      role: "officer",
      unitId: "phuong-an-hoa",
      reason: "Quay lại làm cán bộ",
    });
    expect(promoted.status).toBe(409);
    expect(errorIn(promoted.body).message).toContain("qua lời mời");
  });

  it("refuses units that do not exist, a unit for an admin, and no unit for an officer", async () => {
    const by = await admin();
    const officer = await staffMember("phuong-an-hoa");
    for (const body of [
      { unitId: "khong-co-don-vi", reason: "Điều động" },
      { grantUnitIds: ["khong-co-don-vi"], reason: "Phân quyền" },
      { role: "admin", unitId: "phuong-an-hoa", reason: "Nâng quyền" },
      { unitId: null, reason: "Bỏ đơn vị" },
      { reason: "Không đổi gì" },
      { unitId: "phuong-binh-minh", reason: "" },
    ]) {
      const res = await patch(by, officer.user.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await changesOf("person", officer.user.id)).toEqual([]);
  });

  it("refuses changing one's own role, a role above one's own, and a person ranked above", async () => {
    const by = await admin();
    const self = await patch(by, by.user.id, { role: "officer", unitId: "phuong-an-hoa", reason: "Tự hạ quyền" });
    expect(self.status).toBe(403);
    expect((await post(by, by.user.id, "disable")).status).toBe(403);

    const leader = await signIn("lanh-dao-phuong");
    const officer = await staffMember("phuong-an-hoa");
    const body = { role: "admin" as const, unitId: null, reason: "Nâng quyền" };
    await expect(changePerson(db(), authUser(leader), officer.user.id, body)).rejects.toMatchObject({ status: 403 });
    await expect(
      changePerson(db(), authUser(leader), by.user.id, { role: "officer", unitId: "phuong-an-hoa", reason: "Hạ quyền" }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      createInvitation(db(), "https://zalo.me/s/1", authUser(leader), {
        displayName: "Người mới",
        role: "admin",
        unitId: null,
        grantUnitIds: [],
        reason: "Mời làm quản trị",
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect((await db().select().from(users).where(eq(users.id, officer.user.id)).get())!.role).toBe("officer");
  });
});

describe("disabling and enabling", () => {
  it("ends every session at once: the access token is refused on the next request, and so is the refresh token", async () => {
    const by = await admin();
    const officer = await staffMember("phuong-an-hoa");
    expect((await api("/api/staff/dossiers", { headers: bearer(officer) })).status).toBe(200);
    const res = await post(by, officer.user.id, "disable", "Nghỉ việc từ 01/12/2026");
    expect(res.status).toBe(200);
    expect(res.body.disabledAt).not.toBeNull();
    expect((await api("/api/staff/dossiers", { headers: bearer(officer) })).status).toBe(401);
    expect((await api("/api/auth/refresh", json("POST", { refreshToken: officer.refreshToken }))).status).toBe(401);
    expect((await changesOf("person", officer.user.id))[0]).toMatchObject({
      action: "disable",
      reason: "Nghỉ việc từ 01/12/2026",
    });

    const listed = await getJson<PeopleList>("/api/admin/people?disabled=true&limit=100", { headers: bearer(by) });
    expect(listed.body.items.map((p) => p.id)).toContain(officer.user.id);
    const enabled = await post(by, officer.user.id, "enable", "Trở lại công tác");
    expect(enabled.body.disabledAt).toBeNull();
    // The old sessions stay ended; a new sign-in works.
    expect((await api("/api/staff/dossiers", { headers: bearer(officer) })).status).toBe(401);
    const again = await startSession(
      db(),
      testEnv(),
      (await db().select().from(users).where(eq(users.id, officer.user.id)).get())!,
    );
    expect((await api("/api/staff/dossiers", { headers: bearer(again) })).status).toBe(200);
  });

  it("keeps the last active admin: an admin demoted meanwhile cannot remove the only one left", async () => {
    const first = await anotherAdmin();
    const second = await anotherAdmin();
    const everyone = await db().select().from(users).where(eq(users.role, "admin"));
    // Only `first` and `second` stay active admins for this test.
    const others = everyone.filter((u) => u.id !== first.user.id && u.id !== second.user.id && !u.disabledAt).map((u) => u.id);
    for (const id of others) await db().update(users).set({ disabledAt: new Date().toISOString() }).where(eq(users.id, id));
    try {
      // `second` demotes `first`; `first`'s request, authenticated just before, then tries to disable `second`.
      expect(
        (await patch(second, first.user.id, { role: "officer", unitId: "phuong-an-hoa", reason: "Chuyển công tác" })).status,
      ).toBe(200);
      const refused = disablePerson(db(), authUser(first), second.user.id, "Khóa tài khoản");
      await expect(refused).rejects.toMatchObject({ status: 409 });
      const demote = changePerson(db(), authUser(first), second.user.id, {
        role: "officer",
        unitId: "phuong-an-hoa",
        reason: "Hạ quyền",
      });
      await expect(demote).rejects.toMatchObject({ status: 409 });
      expect(await db().select().from(users).where(eq(users.id, second.user.id)).get()).toMatchObject({
        role: "admin",
        disabledAt: null,
      });
      expect(await changesOf("person", second.user.id)).toEqual([]);

      // Two admins disabling each other at once: exactly one wins.
      const third = await anotherAdmin();
      const [a, b] = await Promise.all([post(second, third.user.id, "disable"), post(third, second.user.id, "disable")]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const active = await db().select().from(users).where(eq(users.role, "admin"));
      expect(active.filter((u) => !u.disabledAt && [second.user.id, third.user.id].includes(u.id))).toHaveLength(1);
      expect(errorIn((a.status === 409 ? a : b).body).code).toBe("conflict");
    } finally {
      for (const id of others) await db().update(users).set({ disabledAt: null }).where(eq(users.id, id));
    }
  });
});

describe("the record of changes", () => {
  it("lists every entity's changes newest first with the actor's name, by entity and id, in pages", async () => {
    const by = await admin();
    const officer = await staffMember("phuong-an-hoa");
    await patch(by, officer.user.id, { grantUnitIds: ["phuong-binh-minh"], reason: "Hỗ trợ phường Bình Minh" });
    await post(by, officer.user.id, "disable");
    const day = await api(
      "/api/admin/calendar/2026-11-20",
      json("PUT", { kind: "holiday", name: "Ngày nghỉ thử", source: "Thông báo số 1/TB-UBND" }, bearer(by)),
    );
    expect(day.status).toBe(200);

    const list = async (query: string) =>
      (await getJson<ChangeList>(`/api/admin/changes?${query}`, { headers: bearer(by) })).body;
    const person = await list(`entity=person&entityId=${officer.user.id}`);
    expect(person.items.map((c) => c.action)).toEqual(["disable", "change"]);
    expect(person.items[0]!.actor).toEqual({ id: by.user.id, name: by.user.displayName });
    const calendar = await list("entity=calendar&entityId=2026-11-20");
    expect(calendar.items[0]).toMatchObject({ action: "add", reason: "Thông báo số 1/TB-UBND" });
    const removed = await api("/api/admin/calendar/2026-11-20", { method: "DELETE", headers: bearer(by) });
    expect(removed.status).toBe(204);
    expect((await list("entity=calendar&entityId=2026-11-20")).items.map((c) => c.action)).toEqual(["remove", "add"]);

    const first = await list("limit=1");
    const second = await list(`limit=1&cursor=${first.nextCursor}`);
    expect(second.items[0]!.id).toBeLessThan(first.items[0]!.id);
  });
});
