import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import type { PortalSyncStatus } from "../../shared/src/portal/sync";
import { portalSync } from "../../worker/src/db/schema";
import worker from "../../worker/src/index";
import { PORTAL_DEAD_LETTER_QUEUE, PORTAL_QUEUE } from "../../worker/src/portal/queue";
import { sweepPortalSync } from "../../worker/src/portal/sweep";
import { backoffSeconds, syncPass } from "../../worker/src/portal/sync";
import { COMMUNE } from "./dossier-fixtures";
import { bearer, db, errorOf, getJson, json, testEnv } from "./helpers";
import { admin, changesOf } from "./people-fixtures";
import { dossierRow, drive, eventsOf, type Filed, fileDossier, staffMember } from "./staff-fixtures";

const standin = () => inject("portalUrl");
/** The worker's bindings with the portal pointed at the stand-in (the local configuration leaves it empty). */
const portalEnv = (): CloudflareBindings => ({ ...testEnv(), PORTAL_URL: standin() });

type Received = {
  calls: { key: string; isUpdating: boolean; MaHoSo: string; TrangThaiHoSo: string; dossier: Record<string, unknown> }[];
  dossiers: Record<string, { creates: number; updates: number; latest: Record<string, unknown> }>;
};
const received = async (code: string): Promise<Received> =>
  (await fetch(`${standin()}/api/standin/received?MaHoSo=${encodeURIComponent(code)}`)).json();

async function fault(f: { mode: "fail" | "timeout" | "duplicate"; count: number; MaHoSo: string; delayMs?: number }) {
  const res = await fetch(`${standin()}/api/standin/faults`, json("POST", f));
  expect(res.status).toBe(200);
}

let messages = 0;
/** Delivers one batch to the worker's queue handler, as the queue would on delivery `attempts`. */
async function consume(dossierIds: string[], { queue = PORTAL_QUEUE, attempts = 1, env = portalEnv() } = {}) {
  const batch = createMessageBatch(
    queue,
    dossierIds.map((dossierId) => ({ id: `m-${++messages}`, timestamp: new Date(), attempts, body: { dossierId } })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, env);
  return { batch, result: await getQueueResult(batch, ctx) };
}

const rowOf = async (dossierId: string) =>
  (await db().select().from(portalSync).where(eq(portalSync.dossierId, dossierId)).get())!;
const setRow = (dossierId: string, patch: Partial<typeof portalSync.$inferInsert>) =>
  db().update(portalSync).set(patch).where(eq(portalSync.dossierId, dossierId));

async function filed(): Promise<Filed & { id: string }> {
  const f = await fileDossier();
  return { ...f, id: (await dossierRow(f.code)).id };
}

const statusOf = (session: { accessToken: string }, code: string) =>
  getJson<PortalSyncStatus>(`/api/staff/dossiers/${encodeURIComponent(code)}/portal-sync`, { headers: bearer(session as never) });

describe("a new dossier and its steps", () => {
  it("gets its sync row, pending, in the batch that creates it", async () => {
    const { id } = await filed();
    expect(await rowOf(id)).toMatchObject({ state: "pending", lastEventId: null, attempts: 0 });
    expect((await rowOf(id)).queuedAt).not.toBeNull();
  });

  it("waits again after a step on a synced dossier", async () => {
    const officer = await staffMember(COMMUNE);
    const f = await filed();
    await consume([f.id]);
    const synced = await rowOf(f.id);
    expect(synced.state).toBe("synced");
    await drive(officer, f, ["accept"]);
    const after = await rowOf(f.id);
    expect(after.state).toBe("pending");
    expect(after.queuedAt! > synced.queuedAt!).toBe(true);
  });
});

describe("the queue consumer", () => {
  it("creates the dossier at the portal with its first event, then updates it with each later one in order", async () => {
    const officer = await staffMember(COMMUNE);
    const f = await filed();
    const { result } = await consume([f.id]);
    expect(result.explicitAcks).toHaveLength(1);
    const first = await received(f.code);
    expect(first.calls.map((c) => [c.isUpdating, c.TrangThaiHoSo])).toEqual([[false, "1"]]);

    await drive(officer, f, ["accept", "start_processing"]);
    await consume([f.id]);
    const events = await eventsOf(f.code);
    const all = await received(f.code);
    expect(all.calls.map((c) => [c.isUpdating, c.TrangThaiHoSo])).toEqual([
      [false, "1"],
      [true, "2"],
      [true, "4"],
    ]);
    expect(all.calls.map((c) => c.key)).toEqual(events.map((e) => `${f.id}:${e.id}`));
    expect(all.dossiers[f.code]).toMatchObject({ creates: 1, updates: 2 });
    expect(all.dossiers[f.code]!.latest).toMatchObject({
      MaHoSo: f.code,
      MaTTHC: "1.004222",
      HinhThuc: "1",
      TrangThaiHoSo: "4",
      DonViXuLy: expect.stringContaining("An Hòa"),
      NgayTiepNhan: expect.stringMatching(/^\d{14}$/),
      NgayHenTra: expect.stringMatching(/^\d{8}235959$/),
    });
    expect(await rowOf(f.id)).toMatchObject({ state: "synced", lastEventId: events.at(-1)!.id, attempts: 0, leaseId: null });
  });

  it("leaves the cursor where it was on a failure, records it and retries with backoff", async () => {
    const f = await filed();
    await fault({ mode: "fail", count: 1, MaHoSo: f.code });
    // The delay a retry asks for is not in getQueueResult's answer: a delivery whose retry() records it.
    const retried: (QueueRetryOptions | undefined)[] = [];
    const delivery = {
      id: "d1",
      timestamp: new Date(),
      attempts: 3,
      body: { dossierId: f.id },
      ack() {},
      retry: (o?: QueueRetryOptions) => retried.push(o),
    };
    await worker.queue(
      { queue: PORTAL_QUEUE, messages: [delivery], metadata: {} as MessageBatchMetadata, ackAll() {}, retryAll() {} },
      portalEnv(),
    );
    expect(retried).toEqual([{ delaySeconds: 120 }]);
    expect(await rowOf(f.id)).toMatchObject({
      state: "failed",
      attempts: 1,
      lastError: "http_503",
      lastEventId: null,
      leaseId: null,
    });
    expect((await received(f.code)).calls).toEqual([]);

    await fault({ mode: "fail", count: 1, MaHoSo: f.code });
    const { batch, result } = await consume([f.id], { attempts: 4 });
    expect(result.retryMessages).toEqual([{ msgId: batch.messages[0]!.id }]);
    expect(await rowOf(f.id)).toMatchObject({ state: "failed", attempts: 2 });

    await consume([f.id], { attempts: 5 });
    expect(await rowOf(f.id)).toMatchObject({ state: "synced", attempts: 0, lastError: null });
    expect((await received(f.code)).dossiers[f.code]).toMatchObject({ creates: 1, updates: 0 });
  });

  it("backs off exponentially from 30 seconds up to an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(backoffSeconds)).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600]);
  });

  it("counts a create that timed out after getting through as done when retried: the portal holds it once", async () => {
    const f = await filed();
    await fault({ mode: "timeout", count: 1, MaHoSo: f.code, delayMs: 9000 });
    await consume([f.id]);
    expect(await rowOf(f.id)).toMatchObject({ state: "failed", lastError: "timeout", lastEventId: null });
    expect((await received(f.code)).dossiers[f.code]).toMatchObject({ creates: 1 });

    await consume([f.id], { attempts: 2 });
    expect(await rowOf(f.id)).toMatchObject({ state: "synced" });
    const after = await received(f.code);
    expect(after.dossiers[f.code]).toMatchObject({ creates: 1, updates: 0 });
    expect(after.calls).toHaveLength(1);
  }, 30_000);

  it("sends a create of a dossier the portal already holds again as an update", async () => {
    const f = await filed();
    // Sent earlier under another key (say, before a restore of the database lost the cursor).
    const earlier = await fetch(
      `${standin()}/api/dvcqg/DongBoHoSoMC`,
      json(
        "POST",
        { isUpdating: false, data: [{ MaHoSo: f.code, TrangThaiHoSo: "1" }] },
        {
          Authorization: "Bearer dev-portal-token",
          "Idempotency-Key": `earlier-${f.id}`,
        },
      ),
    );
    expect(earlier.status).toBe(200);
    await consume([f.id]);
    expect(await rowOf(f.id)).toMatchObject({ state: "synced" });
    const after = await received(f.code);
    expect(after.dossiers[f.code]).toMatchObject({ creates: 1, updates: 1 });
    expect(after.calls.map((c) => c.isUpdating)).toEqual([false, true]);
  });

  it("takes a duplicate answer as an acknowledgement, and a repeated event changes nothing at the portal", async () => {
    const f = await filed();
    await fault({ mode: "duplicate", count: 1, MaHoSo: f.code });
    await consume([f.id]);
    expect(await rowOf(f.id)).toMatchObject({ state: "synced" });

    // The acknowledgement was lost: the same event goes again with the same key.
    await setRow(f.id, { lastEventId: null, state: "pending" });
    await consume([f.id]);
    expect(await rowOf(f.id)).toMatchObject({ state: "synced" });
    const after = await received(f.code);
    expect(after.calls).toHaveLength(1);
    expect(after.dossiers[f.code]).toMatchObject({ creates: 1, updates: 0 });
  });

  it("sends each event once when two consumers take the same dossier at once", async () => {
    const officer = await staffMember(COMMUNE);
    const f = await filed();
    await drive(officer, f, ["accept", "start_processing", "request_supplement"]);
    const events = await eventsOf(f.code);
    const [a, b] = await Promise.all([syncPass(db(), portalEnv(), f.id), syncPass(db(), portalEnv(), f.id)]);
    expect(a.sent + b.sent).toBe(events.length);
    const calls = (await received(f.code)).calls;
    expect(calls.map((c) => c.key)).toEqual(events.map((e) => `${f.id}:${e.id}`));
    expect((await received(f.code)).dossiers[f.code]).toMatchObject({ creates: 1, updates: events.length - 1 });
  });

  it("leaves a dossier another consumer holds to it, acknowledging the message without spending its retries", async () => {
    const f = await filed();
    await setRow(f.id, { leaseId: "someone-else", leaseUntil: new Date(Date.now() + 60_000).toISOString() });
    const { batch, result } = await consume([f.id]);
    expect(result.explicitAcks).toEqual([batch.messages[0]!.id]);
    expect(result.retryMessages).toEqual([]);
    expect((await received(f.code)).calls).toEqual([]);
    expect(await rowOf(f.id)).toMatchObject({ leaseId: "someone-else", lastEventId: null });
  });

  it("takes over a lease that ran out", async () => {
    const f = await filed();
    await setRow(f.id, { leaseId: "crashed", leaseUntil: new Date(Date.now() - 1000).toISOString() });
    await consume([f.id]);
    expect(await rowOf(f.id)).toMatchObject({ state: "synced", leaseId: null });
  });

  it("syncs each dossier of a batch once, whatever the number of its messages", async () => {
    const [f1, f2] = [await filed(), await filed()];
    const { result } = await consume([f1.id, f2.id, f1.id]);
    expect(result.explicitAcks).toHaveLength(3);
    expect((await received(f1.code)).calls).toHaveLength(1);
    expect((await received(f2.code)).calls).toHaveLength(1);
  });

  it("acknowledges a malformed message, and without a portal configured leaves the rows pending", async () => {
    const { result } = await consume([]);
    expect(result.explicitAcks).toEqual([]);
    const bad = createMessageBatch(PORTAL_QUEUE, [{ id: "bad", timestamp: new Date(), attempts: 1, body: { code: 1 } }]);
    const ctx = createExecutionContext();
    await worker.queue(bad, portalEnv());
    expect((await getQueueResult(bad, ctx)).explicitAcks).toEqual(["bad"]);

    const f = await filed();
    const { result: unconfigured } = await consume([f.id], { env: testEnv() });
    expect(unconfigured.ackAll).toBe(true);
    expect(await rowOf(f.id)).toMatchObject({ state: "pending", lastEventId: null });
  });
});

describe("the dead-letter queue", () => {
  it("marks a dossier whose retries ran out dead, and the consumer leaves it until an admin re-sends it", async () => {
    const f = await filed();
    await fault({ mode: "fail", count: 1, MaHoSo: f.code });
    await consume([f.id], { attempts: 8 });
    const { result } = await consume([f.id], { queue: PORTAL_DEAD_LETTER_QUEUE, attempts: 1 });
    expect(result.explicitAcks).toHaveLength(1);
    expect(await rowOf(f.id)).toMatchObject({ state: "dead", attempts: 1, lastError: "http_503" });

    await consume([f.id]);
    expect((await received(f.code)).calls).toEqual([]);
    expect(await rowOf(f.id)).toMatchObject({ state: "dead" });
  });

  it("never marks a synced dossier dead", async () => {
    const f = await filed();
    await consume([f.id]);
    await consume([f.id], { queue: PORTAL_DEAD_LETTER_QUEUE });
    expect(await rowOf(f.id)).toMatchObject({ state: "synced" });
  });
});

describe("staff see the sync state; an admin re-sends", () => {
  async function deadDossier() {
    const f = await filed();
    await fault({ mode: "fail", count: 1, MaHoSo: f.code });
    await consume([f.id]);
    await consume([f.id], { queue: PORTAL_DEAD_LETTER_QUEUE });
    return f;
  }

  it("shows the officer of the unit the state in Vietnamese; outside the unit the dossier does not exist", async () => {
    const f = await filed();
    const officer = await staffMember(COMMUNE);
    const pending = await statusOf(officer, f.code);
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({ state: "pending", label: "Đang chờ đồng bộ", waitingEvents: 1, canResend: false });

    await consume([f.id]);
    expect((await statusOf(officer, f.code)).body).toMatchObject({
      state: "synced",
      label: "Đã đồng bộ Cổng DVC quốc gia",
      waitingEvents: 0,
    });

    expect((await statusOf(await staffMember("so-tu-phap"), f.code)).status).toBe(404);
    expect((await statusOf(f.owner, f.code)).status).toBe(403);
  });

  it("labels a failure and a dead sync; only an admin may re-send, and only those", async () => {
    const f = await deadDossier();
    const officer = await staffMember(COMMUNE);
    expect((await statusOf(officer, f.code)).body).toMatchObject({
      label: "Ngừng đồng bộ — cần gửi lại",
      canResend: false,
    });
    const boss = await admin();
    expect((await statusOf(boss, f.code)).body).toMatchObject({ state: "dead", canResend: true });

    const path = `/api/admin/portal-sync/dossiers/${encodeURIComponent(f.code)}`;
    expect((await getJson(path, json("POST", { reason: "Cổng đã hoạt động lại" }, bearer(officer)))).status).toBe(403);
    expect((await getJson(path, json("POST", { reason: "" }, bearer(boss)))).status).toBe(400);

    const resent = await getJson<PortalSyncStatus>(path, json("POST", { reason: "Cổng đã hoạt động lại" }, bearer(boss)));
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ state: "pending", attempts: 0, lastError: null, canResend: false });
    const [change] = await changesOf("dossier", f.code);
    expect(change).toMatchObject({ action: "portal_resend", reason: "Cổng đã hoạt động lại", actorId: expect.any(String) });
    expect(change!.data).toMatchObject({ before: { state: "dead" }, after: { state: "pending" } });

    const again = await getJson(path, json("POST", { reason: "Gửi lại lần nữa" }, bearer(boss)));
    expect(again.status).toBe(409);
    expect(errorOf(new Response(JSON.stringify(again.body)))).resolves.toMatchObject({ code: "conflict" });
    expect(await changesOf("dossier", f.code)).toHaveLength(1);

    await consume([f.id]);
    expect(await rowOf(f.id)).toMatchObject({ state: "synced" });
    expect((await received(f.code)).dossiers[f.code]).toMatchObject({ creates: 1 });
  });

  it("re-sends a failed sync too", async () => {
    const f = await filed();
    await fault({ mode: "fail", count: 1, MaHoSo: f.code });
    await consume([f.id]);
    const path = `/api/admin/portal-sync/dossiers/${encodeURIComponent(f.code)}`;
    const res = await getJson(path, json("POST", { reason: "Thử lại ngay" }, bearer(await admin())));
    expect(res.status).toBe(200);
    expect(await rowOf(f.id)).toMatchObject({ state: "pending", attempts: 0 });
  });
});

describe("the sweep for lost messages", () => {
  it("re-queues pending and failed dossiers that waited too long and nobody holds, and nothing else", async () => {
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const [lost, fresh, failedLong, failedRecent, dead, leased] = await Promise.all(Array.from({ length: 6 }, filed));
    await setRow(lost!.id, { queuedAt: ago(20) });
    await setRow(fresh!.id, { queuedAt: ago(1) });
    await setRow(failedLong!.id, { state: "failed", queuedAt: ago(200), lastAttemptAt: ago(120) });
    await setRow(failedRecent!.id, { state: "failed", queuedAt: ago(200), lastAttemptAt: ago(10) });
    await setRow(dead!.id, { state: "dead", queuedAt: ago(200) });
    await setRow(leased!.id, { queuedAt: ago(20), leaseId: "busy", leaseUntil: new Date(Date.now() + 60_000).toISOString() });

    expect((await sweepPortalSync(db(), testEnv())).queued).toEqual([]);
    const { queued } = await sweepPortalSync(db(), portalEnv());
    const ours = [lost, fresh, failedLong, failedRecent, dead, leased].map((f) => f!.id);
    expect(queued.filter((id) => ours.includes(id)).sort()).toEqual([lost!.id, failedLong!.id].sort());
    expect(Date.now() - Date.parse((await rowOf(lost!.id)).queuedAt!)).toBeLessThan(60_000);
    expect((await sweepPortalSync(db(), portalEnv())).queued).not.toContain(lost!.id);

    await consume(queued.filter((id) => ours.includes(id)));
    expect(await rowOf(lost!.id)).toMatchObject({ state: "synced" });
    expect(await rowOf(failedLong!.id)).toMatchObject({ state: "synced" });
  }, 20_000);

  it("runs with the every-minute cron", async () => {
    const lost = await filed();
    await setRow(lost.id, { queuedAt: new Date(Date.now() - 30 * 60_000).toISOString() });
    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), portalEnv(), createExecutionContext());
    expect(Date.now() - Date.parse((await rowOf(lost.id)).queuedAt!)).toBeLessThan(60_000);
  });
});

describe("sync coverage and lag on the admin dashboard", () => {
  it("counts, per unit, the month's accepted dossiers the portal holds at their latest event", async () => {
    const boss = await admin();
    const officer = await staffMember(COMMUNE);
    const read = async () => {
      const res = await getJson("/api/admin/portal-sync", { headers: bearer(boss) });
      expect(res.status).toBe(200);
      return res.body as {
        province: { received: number; synced: number };
        units: {
          unitId: string;
          received: number;
          synced: number;
          coverage: number;
          meanLagMinutes: number | null;
          oldestWaitingMinutes: number | null;
        }[];
      };
    };
    const unitOf = (body: Awaited<ReturnType<typeof read>>) =>
      body.units.find((u) => u.unitId === COMMUNE) ?? { received: 0, synced: 0 };
    const before = unitOf(await read());

    const [a, b, notAccepted] = [await filed(), await filed(), await filed()];
    await drive(officer, a, ["accept"]);
    await drive(officer, b, ["accept"]);
    await consume([a.id, notAccepted.id]);

    const after = await read();
    const unit = unitOf(after) as (typeof after.units)[number];
    expect(unit.received - before.received).toBe(2);
    expect(unit.synced - before.synced).toBe(1);
    expect(unit.coverage).toBeCloseTo(unit.synced / unit.received);
    expect(unit.meanLagMinutes).not.toBeNull();
    expect(unit.oldestWaitingMinutes).not.toBeNull();
    expect(after.province.received).toBeGreaterThanOrEqual(unit.received);

    expect((await getJson("/api/admin/portal-sync", { headers: bearer(officer) })).status).toBe(403);
    expect((await getJson("/api/admin/portal-sync?month=2026-13", { headers: bearer(boss) })).status).toBe(400);
  });
});

// Last: its hundred filings at the commune disturb the coverage test's before-and-after counts.
describe("the sweep at full size", () => {
  it("re-queues a full run of 100 at once (D1 binds at most 100 parameters a statement)", async () => {
    const old = new Date(Date.now() - 3 * 3_600_000).toISOString();
    const waiting = await Promise.all(Array.from({ length: 101 }, filed));
    for (const f of waiting) await setRow(f.id, { queuedAt: old });
    const { queued } = await sweepPortalSync(db(), portalEnv());
    expect(queued).toHaveLength(100);
    const stamped = await Promise.all(queued.map(rowOf));
    expect(stamped.every((r) => r.queuedAt !== old)).toBe(true);
  }, 120_000);
});
