import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Session } from "../../shared/src/auth/api";
import { addDays } from "../../shared/src/deadline/due-date";
import { dossierEvents } from "../../worker/src/db/schema";
import { type Answer, type Api, api, bearer, db, getJson, signIn } from "./helpers";
import {
  type ActionRequest,
  act,
  actionBody,
  dossierRow,
  drive,
  eventsOf,
  fileDossier,
  quietSecurityLog,
  residentView,
  staffView,
  step,
  uploadPdf,
} from "./staff-fixtures";

afterEach(() => vi.restoreAllMocks());

const audit = (session: Session, code: string) =>
  getJson<Answer<Api["staff"]["dossiers"][":code"]["audit"]["$get"]>>(`/api/staff/dossiers/${code}/audit`, {
    headers: bearer(session),
  });

const APPEND_ONLY = ["dossier_events_no_update", "dossier_events_no_delete"];

/**
 * Someone with write access to the database itself: drops the append-only triggers, runs
 * `change`, and puts the triggers back (from the migration, so they stay what production has).
 */
async function asDatabaseAttacker(change: () => Promise<unknown>) {
  const migration = env.TEST_MIGRATIONS.find((m) => m.name.includes("append_only"))!;
  for (const name of APPEND_ONLY) await env.DB.prepare(`DROP TRIGGER ${name}`).run();
  try {
    await change();
  } finally {
    for (const statement of migration.queries.filter((q) => APPEND_ONLY.some((name) => q.includes(name))))
      await env.DB.prepare(statement).run();
  }
}

/** Rewrites one stored event behind the API's back. */
async function tamper(code: string, seq: number, patch: Partial<typeof dossierEvents.$inferInsert>) {
  const { id } = await dossierRow(code);
  await asDatabaseAttacker(() =>
    db()
      .update(dossierEvents)
      .set(patch)
      .where(and(eq(dossierEvents.dossierId, id), eq(dossierEvents.seq, seq))),
  );
}

describe("append-only storage", () => {
  it("refuses to change or remove an event or a recorded read, even outside the API", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    expect((await staffView(officer, d.code)).status).toBe(200);
    const { id } = await dossierRow(d.code);
    await expect(env.DB.prepare("UPDATE dossier_events SET note = 'sửa' WHERE dossier_id = ?").bind(id).run()).rejects.toThrow(
      /append-only/,
    );
    await expect(env.DB.prepare("DELETE FROM dossier_events WHERE dossier_id = ?").bind(id).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM dossier_reads WHERE dossier_id = ?").bind(id).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("UPDATE dossier_reads SET reason = 'x' WHERE dossier_id = ?").bind(id).run()).rejects.toThrow(
      /append-only/,
    );
    expect((await audit(officer, d.code)).body).toMatchObject({ valid: true, events: 1 });
  });
});

describe("reads", () => {
  it("records each staff opening of a dossier with its reason, or the default one, and lists them", async () => {
    const [officer, admin] = await Promise.all([signIn("can-bo-phuong"), signIn("quan-tri-tinh")]);
    const d = await fileDossier();
    expect(
      (await staffView(officer, d.code, `?reason=${encodeURIComponent("Kiểm tra theo phản ánh của công dân")}`)).status,
    ).toBe(200);
    expect((await staffView(officer, d.code)).status).toBe(200);
    expect((await staffView(admin, d.code, "?reason=Giám sát")).status).toBe(200);
    quietSecurityLog();
    expect((await staffView(officer, d.code, "?reason=ab")).status).toBe(400);
    // The applicant reading their own dossier is not an audited read; staff opening it elsewhere, or its files, are.
    await residentView(d.owner, d.code);
    expect((await getJson(`/api/dossiers/${d.code}`, { headers: bearer(officer) })).status).toBe(200);
    const fileId = (await residentView(d.owner, d.code)).body.documents[0]!.files[0]!.id;
    expect((await api(`/api/files/${fileId}/content`, { headers: bearer(officer) })).status).toBe(200);

    const report = await audit(officer, d.code);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ code: d.code, valid: true, events: 1, brokenAtSeq: null });
    expect(report.body.reads.map((r) => [r.actorId, r.actorName, r.reason])).toEqual([
      ["dev-can-bo-phuong", "Lê Minh Cường", "Kiểm tra theo phản ánh của công dân"],
      ["dev-can-bo-phuong", "Lê Minh Cường", "Xem hồ sơ để giải quyết"],
      ["dev-quan-tri-tinh", "Hoàng Quốc Em", "Giám sát"],
      ["dev-can-bo-phuong", "Lê Minh Cường", "Xem hồ sơ"],
      ["dev-can-bo-phuong", "Lê Minh Cường", `Tải tệp đính kèm ${fileId}`],
    ]);
    const times = report.body.reads.map((r) => r.at);
    expect(times).toEqual([...times].sort());
    // Reading the audit is not itself a read of the dossier.
    expect((await audit(officer, d.code)).body.reads).toHaveLength(5);
  });
});

describe("the event hash chain", () => {
  it("stays valid through rounds of 20 concurrent mixed actions, one winner per round", { timeout: 30_000 }, async () => {
    quietSecurityLog();
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    await drive(officer, d, ["accept", "start_processing"]);
    const reply = await uploadPdf(officer, "huong-dan.pdf");
    const ROUNDS = 4;
    for (let round = 0; round < ROUNDS; round++) {
      const { version, status } = await dossierRow(d.code);
      const mixed: ActionRequest[] = [
        { action: "note", note: `Vòng ${round}` },
        { action: "reply", message: `Trả lời vòng ${round}`, fileIds: [reply] },
        { action: "apologise", reason: "Chờ kết quả xác minh", newDate: addDays("2099-01-01", round) },
        status === 6 ? { action: "confirm_payment" } : actionBody("request_payment"),
      ];
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => act(officer, d.code, mixed[i % mixed.length]!, version)),
      );
      expect([round, answers.map((r) => r.status).sort()]).toEqual([round, [200, ...Array(19).fill(412)]]);
    }
    const { version } = await dossierRow(d.code);
    expect(version).toBe(3 + ROUNDS);
    const report = await audit(officer, d.code);
    const events = await eventsOf(d.code);
    expect(report.body).toMatchObject({ valid: true, brokenAtSeq: null, events: version, head: events.at(-1)!.hash });
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: version }, (_, i) => i + 1));
  });

  it("points at the event whose note was changed in D1, and at the first missing one when the end is cut off", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    await drive(officer, d, ["accept"]);
    await step(officer, d.code, { action: "note", note: "Bản gốc" });
    await step(officer, d.code, { action: "start_processing" });
    await step(officer, d.code, { action: "reply", message: "Đang giải quyết" });
    const events = await eventsOf(d.code);
    expect((await audit(officer, d.code)).body).toMatchObject({ valid: true, events: 5 });

    await tamper(d.code, 3, { note: "Bản đã sửa" });
    expect((await audit(officer, d.code)).body).toMatchObject({ valid: false, brokenAtSeq: 3, head: events[1]!.hash, events: 5 });
    await tamper(d.code, 3, { note: "Bản gốc" });
    expect((await audit(officer, d.code)).body).toMatchObject({ valid: true, brokenAtSeq: null });

    await tamper(d.code, 2, { data: { dueDate: "2099-12-31" } });
    expect((await audit(officer, d.code)).body).toMatchObject({ valid: false, brokenAtSeq: 2 });
    await tamper(d.code, 2, { data: events[1]!.data });

    // Removing the last event leaves a chain that verifies on its own; the dossier's version says one is missing.
    await asDatabaseAttacker(() =>
      db()
        .delete(dossierEvents)
        .where(eq(dossierEvents.id, events.at(-1)!.id)),
    );
    expect((await audit(officer, d.code)).body).toMatchObject({ valid: false, brokenAtSeq: 5, events: 4 });
  });
});
