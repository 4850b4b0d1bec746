import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { InvitationList, InvitationPreview } from "../../shared/src/admin/people";
import type { Me } from "../../shared/src/auth/api";
import { invitations, staffUnitGrants, units, users } from "../../worker/src/db/schema";
import { sha256Hex } from "../../worker/src/lib/crypto";
import { acceptInvitation } from "../../worker/src/people/invitations";
import { api, bearer, db, errorIn, getJson, json, signIn, signInZalo, testEnv } from "./helpers";
import { accept, admin, changesOf, invitationBody, invite } from "./people-fixtures";
import { fileDossier } from "./staff-fixtures";

let zaloUsers = 0;
const newZaloUser = () => signInZalo(`moi-${++zaloUsers}-${crypto.randomUUID().slice(0, 8)}`);
const preview = (token: string) => getJson<InvitationPreview>(`/api/invitations/${token}`);

afterEach(() => vi.restoreAllMocks());

describe("creating an invitation", () => {
  it("answers a link of the mini app with a token shown once, stores only its hash, and records the change", async () => {
    const by = await admin();
    const before = Date.now();
    const created = await invite(by, { displayName: "Ngô Thị Hoa", reason: "Tăng cường bộ phận một cửa" });
    expect(created.link).toBe(`${testEnv().QR_LINK_BASE}/moi/${created.token}`);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const week = 7 * 86_400_000;
    expect(Date.parse(created.expiresAt) - before).toBeGreaterThanOrEqual(week - 1000);
    expect(Date.parse(created.expiresAt) - before).toBeLessThan(week + 60_000);

    const row = await db().select().from(invitations).where(eq(invitations.id, created.id)).get();
    expect(row!.tokenHash).toBe(await sha256Hex(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const [change] = await changesOf("invitation", created.id);
    expect(change).toMatchObject({ actorId: by.user.id, action: "invite", reason: "Tăng cường bộ phận một cửa" });
    expect(change!.data).toMatchObject({ displayName: "Ngô Thị Hoa", role: "officer", unitId: "phuong-an-hoa" });
    expect(JSON.stringify(change)).not.toContain(created.token);
  });

  it("refuses a unit-bound role without a unit, an admin with one, and units that do not exist or no longer work", async () => {
    const by = await admin();
    await db().update(units).set({ deactivatedAt: new Date().toISOString() }).where(eq(units.id, "xa-tan-phu"));
    try {
      for (const body of [
        invitationBody({ unitId: null }),
        invitationBody({ role: "admin", unitId: "phuong-an-hoa" }),
        invitationBody({ unitId: "khong-co-don-vi" }),
        invitationBody({ unitId: "xa-tan-phu" }),
        invitationBody({ grantUnitIds: ["khong-co-don-vi"] }),
        invitationBody({ reason: "  " }),
      ]) {
        const res = await getJson("/api/admin/invitations", json("POST", body, bearer(by)));
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(errorIn(res.body).code).toBe("validation_failed");
      }
    } finally {
      await db().update(units).set({ deactivatedAt: null }).where(eq(units.id, "xa-tan-phu"));
    }
  });

  it("lists invitations by state, newest first", async () => {
    const by = await admin();
    const pending = await invite(by);
    const revoked = await invite(by);
    await api(`/api/admin/invitations/${revoked.id}/revoke`, json("POST", { reason: "Mời nhầm người" }, bearer(by)));
    const list = (state: string) =>
      getJson<InvitationList>(`/api/admin/invitations?state=${state}&limit=100`, { headers: bearer(by) });
    const pendingIds = (await list("pending")).body.items.map((i) => i.id);
    expect(pendingIds).toContain(pending.id);
    expect(pendingIds).not.toContain(revoked.id);
    const revokedItems = (await list("revoked")).body.items;
    expect(revokedItems.find((i) => i.id === revoked.id)).toMatchObject({ state: "revoked", createdBy: { id: by.user.id } });
    const all = (await getJson<InvitationList>("/api/admin/invitations?limit=1", { headers: bearer(by) })).body;
    expect(all.items[0]!.id).toBe(revoked.id);
    const next = await getJson<InvitationList>(`/api/admin/invitations?limit=1&cursor=${all.nextCursor}`, {
      headers: bearer(by),
    });
    expect(next.body.items[0]!.id).toBe(pending.id);
  });
});

describe("accepting an invitation", () => {
  it("shows who invited whom for what, then binds a new Zalo user's role, unit and grants in one step", async () => {
    const by = await admin();
    const created = await invite(by, { displayName: "Lý Văn Nam", grantUnitIds: ["phuong-binh-minh"] });
    const shown = await preview(created.token);
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({
      displayName: "Lý Văn Nam",
      role: "officer",
      roleLabel: "Cán bộ một cửa",
      unit: { id: "phuong-an-hoa", name: expect.stringContaining("An Hòa") },
      invitedBy: by.user.displayName,
      expiresAt: created.expiresAt,
    });

    const person = await newZaloUser();
    const res = await accept(person, created.token);
    expect(res.status).toBe(200);
    expect(res.body as Me).toMatchObject({
      id: person.user.id,
      role: "officer",
      unitId: "phuong-an-hoa",
      displayName: "Lý Văn Nam",
    });
    const grants = await db().select().from(staffUnitGrants).where(eq(staffUnitGrants.userId, person.user.id));
    expect(grants.map((g) => g.unitId)).toEqual(["phuong-binh-minh"]);
    const [change] = await changesOf("invitation", created.id);
    expect(change).toMatchObject({ actorId: person.user.id, action: "accept" });

    // The same session now opens the unit's inbox and a dossier of the granted unit.
    const inbox = await getJson("/api/staff/dossiers", { headers: bearer(person) });
    expect(inbox.status).toBe(200);
    const granted = await fileDossier("phuong-binh-minh");
    expect((await getJson(`/api/staff/dossiers/${granted.code}`, { headers: bearer(person) })).status).toBe(200);

    // Accepting again with the same account changes nothing; signing in again keeps the invited name.
    expect((await accept(person, created.token)).status).toBe(200);
  });

  it("refuses a used link to a second Zalo user, with its own message", async () => {
    const created = await invite(await admin());
    expect((await accept(await newZaloUser(), created.token)).status).toBe(200);
    const second = await newZaloUser();
    const res = await accept(second, created.token);
    expect(res.status).toBe(409);
    expect(errorIn(res.body)).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("đã được sử dụng"),
      details: { reason: "used" },
    });
    expect((await db().select().from(users).where(eq(users.id, second.user.id)).get())!.role).toBe("resident");
    const shown = await preview(created.token);
    expect(shown.status).toBe(404);
    expect(errorIn(shown.body).details).toEqual({ reason: "used" });
  });

  it("refuses expired and revoked invitations and unknown tokens, each with its own message", async () => {
    const by = await admin();
    const expired = await invite(by);
    await db()
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(invitations.id, expired.id));
    const revoked = await invite(by);
    const revoke = await api(
      `/api/admin/invitations/${revoked.id}/revoke`,
      json("POST", { reason: "Người được mời chuyển công tác" }, bearer(by)),
    );
    expect(revoke.status).toBe(204);
    expect((await changesOf("invitation", revoked.id))[0]).toMatchObject({
      action: "revoke",
      reason: "Người được mời chuyển công tác",
    });
    const unknown = `${"x".repeat(42)}0`;

    const messages = new Set<string>();
    for (const [token, reason, status] of [
      [expired.token, "expired", 409],
      [revoked.token, "revoked", 409],
      [unknown, "unknown", 404],
    ] as const) {
      const person = await newZaloUser();
      const res = await accept(person, token);
      expect(res.status, reason).toBe(status);
      expect(errorIn(res.body).details).toEqual({ reason });
      messages.add(errorIn(res.body).message);
      const shown = await preview(token);
      expect(shown.status).toBe(404);
      expect(errorIn(shown.body).message).toBe(errorIn(res.body).message);
      expect((await db().select().from(users).where(eq(users.id, person.user.id)).get())!.role).toBe("resident");
    }
    expect(messages.size).toBe(3);
    // A revoked or expired invitation cannot be revoked again.
    const again = await getJson(
      `/api/admin/invitations/${revoked.id}/revoke`,
      json("POST", { reason: "Thu hồi lần nữa" }, bearer(by)),
    );
    expect(again.status).toBe(409);
  });

  it("refuses a person who already holds a staff role: one staff role per person", async () => {
    const created = await invite(await admin(), { role: "leader" });
    const officer = await signIn("can-bo-tu-phap");
    const res = await accept(officer, created.token);
    expect(res.status).toBe(409);
    expect(errorIn(res.body).details).toEqual({ reason: "already_staff" });
    const row = await db().select().from(users).where(eq(users.id, officer.user.id)).get();
    expect(row).toMatchObject({ role: "officer", unitId: "so-tu-phap" });
    expect((await preview(created.token)).status).toBe(200);
  });

  it("binds exactly one of many concurrent accepts", async () => {
    const created = await invite(await admin());
    const people = await Promise.all(Array.from({ length: 6 }, () => newZaloUser()));
    const results = await Promise.all(people.map((p) => accept(p, created.token)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const winner = people[results.findIndex((r) => r.status === 200)]!;
    const row = await db().select().from(invitations).where(eq(invitations.id, created.id)).get();
    expect(row!.acceptedBy).toBe(winner.user.id);
    const roles = await Promise.all(
      people.map(async (p) => (await db().select().from(users).where(eq(users.id, p.user.id)).get())!.role),
    );
    expect(roles.filter((r) => r === "officer")).toHaveLength(1);
    expect((await changesOf("invitation", created.id)).filter((c) => c.action === "accept")).toHaveLength(1);
  });

  it("is the same function the staff single sign-on calls, refusing a disabled account", async () => {
    const created = await invite(await admin());
    const person = await newZaloUser();
    await db().update(users).set({ disabledAt: new Date().toISOString() }).where(eq(users.id, person.user.id));
    await expect(acceptInvitation(db(), "an-hoa", created.token, person.user.id)).rejects.toMatchObject({ status: 403 });
    await db().update(users).set({ disabledAt: null }).where(eq(users.id, person.user.id));
    const user = await acceptInvitation(db(), "an-hoa", created.token, person.user.id);
    expect(user).toMatchObject({ role: "officer", unitId: "phuong-an-hoa" });
  });

  it("never writes a token to the logs", async () => {
    const lines: string[] = [];
    for (const level of ["log", "info", "warn", "error"] as const)
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.join(" ")));
    const created = await invite(await admin());
    await preview(created.token);
    const person = await newZaloUser();
    await accept(person, created.token);
    await accept(await newZaloUser(), created.token);
    await accept(await signIn("can-bo-phuong"), created.token);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.includes(created.token))).toEqual([]);
  });
});
