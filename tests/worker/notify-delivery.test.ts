import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, inject, it, vi } from "vitest";
import { STANDIN_APP_ID, STANDIN_OA_SECRET_KEY, signWebhook, type ZaloFault } from "../../scripts/zalo-standin";
import { notificationInsert } from "../../worker/src/db/repo/notifications";
import { notifications, users } from "../../worker/src/db/schema";
import worker from "../../worker/src/index";
import { CONFIRM_WAIT_MS, deliverOne } from "../../worker/src/notify/deliver";
import { NOTIFY_DEAD_LETTER_QUEUE, NOTIFY_QUEUE, type NotifyMessage } from "../../worker/src/notify/queue";
import { sweepNotifications } from "../../worker/src/notify/sweep";
import { COMMUNE, newKey, resident } from "./dossier-fixtures";
import { api, bearer, db, json, testEnv } from "./helpers";
import { dossierRow, drive, fileDossier, staffMember } from "./staff-fixtures";

const standin = () => inject("zaloMessagesUrl");
/** The worker's bindings with Zalo's message APIs pointed at the stand-in (the local configuration leaves them empty). */
const zaloEnv = (over: Partial<CloudflareBindings> = {}): CloudflareBindings => ({
  ...testEnv(),
  ZALO_OA_URL: standin(),
  ZALO_ZNS_URL: standin(),
  ZALO_OAUTH_URL: standin(),
  // A fresh authorisation per file (each test file has its own D1, so its own token row).
  ZALO_OA_REFRESH_TOKEN: `seed-${crypto.randomUUID()}`,
  ZALO_MESSAGES_TIMEOUT_MS: "1000",
  ...over,
});

type Sent = {
  sends: { channel: "oa" | "zns"; key: string; to: string; trackingId: string | null; msgId: string }[];
  duplicates: { key: string; n: number }[];
  refreshes: number;
};
const sent = async (): Promise<Sent> => (await fetch(`${standin()}/api/standin/sent`)).json();
const sendsTo = async (to: string) => (await sent()).sends.filter((s) => s.to === to || s.to === `84${to.slice(1)}`);
async function fault(f: ZaloFault) {
  expect((await fetch(`${standin()}/api/standin/faults`, json("POST", f))).status).toBe(200);
}
/** The stand-in's pending webhooks for these notifications, posted to the worker `times` times each. */
async function deliverWebhooks(ids: number[], times = 1) {
  const { webhooks } = (await (await fetch(`${standin()}/api/standin/webhooks`)).json()) as {
    webhooks: { body: string; signature: string }[];
  };
  const mine = webhooks.filter((w) => ids.includes(Number(JSON.parse(w.body).message?.tracking_id)));
  for (const w of mine)
    for (let i = 0; i < times; i++) {
      const res = await api(
        "/api/webhooks/zalo",
        { method: "POST", headers: { "Content-Type": "application/json", "X-ZEvent-Signature": w.signature }, body: w.body },
        zaloEnv(),
      );
      expect(res.status).toBe(200);
    }
  return mine.length;
}

let phones = 0;
// Below 0990…: the stand-in answers a phone 0999<code>… with that error code, so a clock-derived
// phone must never start with 0999 (it did for about 17 minutes a day).
const newPhone = () => `09${String(10_000_000 + ((Date.now() + ++phones * 7919) % 80_000_000)).slice(0, 8)}`;

async function residentWith({ phone = newPhone() as string | null, oaUserId = null as string | null } = {}) {
  const id = crypto.randomUUID();
  await db()
    .insert(users)
    .values({ id, provinceId: "an-hoa", zaloId: `zalo-${id}`, role: "resident", displayName: "Cư dân", phone, oaUserId });
  return { id, phone: phone ?? "", zaloId: `zalo-${id}` };
}

/** A non-urgent notice (a feedback reply) created at `at`. */
async function notice(userId: string, at = new Date()) {
  const [row] = await notificationInsert(db(), {
    userId,
    topic: "feedback",
    subjectId: crypto.randomUUID(),
    title: "Phản ánh đã được trả lời",
    body: "Đơn vị đã trả lời phản ánh của bạn.",
    createdAt: at.toISOString(),
  });
  return row!.id;
}

const rowOf = async (id: number) => (await db().select().from(notifications).where(eq(notifications.id, id)).get())!;
/** 10:00 in Vietnam on a weekday: outside quiet hours. */
const DAYTIME = new Date("2026-12-02T03:00:00Z");
const clock = (at: Date) => () => at.getTime();

async function consume(ids: number[], { queue = NOTIFY_QUEUE, env = zaloEnv() } = {}) {
  const batch = createMessageBatch(
    queue,
    ids.map((id, i) => ({ id: `n-${id}-${i}-${Date.now()}`, timestamp: new Date(), attempts: 1, body: { id } })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, env);
  return getQueueResult(batch, ctx);
}

/** A filed dossier's supplement request, told to an applicant with a fresh phone: its notification. */
async function supplementNotice() {
  const officer = await staffMember(COMMUNE);
  const f = await fileDossier();
  const d = await dossierRow(f.code);
  const phone = newPhone();
  await db().update(users).set({ phone }).where(eq(users.id, d.applicantId));
  await drive(officer, f, ["request_supplement"]);
  const n = (await db().select().from(notifications).where(eq(notifications.dossierId, d.id)).all()).at(-1)!;
  return { f, d, phone, n };
}

describe("delivery through Zalo", () => {
  it("sends a step's notice once by ZNS, naming the procedure and the code and opening the dossier, across redelivery and duplicate webhooks", async () => {
    // A supplement request is urgent, so the wall clock's hour does not matter.
    const { phone, n } = await supplementNotice();
    expect(n.deliveryStatus).toBe("created");

    const result = await consume([n.id]);
    expect(result.explicitAcks).toHaveLength(1);
    await consume([n.id, n.id]);
    const to = await sendsTo(phone);
    expect(to).toHaveLength(1);
    expect(to[0]).toMatchObject({ channel: "zns", trackingId: String(n.id) });
    expect(await rowOf(n.id)).toMatchObject({ deliveryStatus: "sending", deliveryChannel: "zns", deliveryAttempts: 1 });

    expect(await deliverWebhooks([n.id], 2)).toBe(1);
    const delivered = await rowOf(n.id);
    expect(delivered).toMatchObject({ deliveryStatus: "delivered", providerMsgId: to[0]!.msgId });
    await consume([n.id]);
    expect(await sendsTo(phone)).toHaveLength(1);
    expect(await rowOf(n.id)).toEqual(delivered);
  });

  it("puts the procedure, code and deep link into the message", async () => {
    const officer = await staffMember(COMMUNE);
    const f = await fileDossier();
    const d = await dossierRow(f.code);
    const follower = `oa-${crypto.randomUUID()}`;
    await db().update(users).set({ oaUserId: follower }).where(eq(users.id, d.applicantId));
    await drive(officer, f, ["request_supplement"]);
    const n = (await db().select().from(notifications).where(eq(notifications.dossierId, d.id)).all()).at(-1)!;
    const seen: unknown[] = [];
    const env = zaloEnv();
    const realFetch = fetch;
    // Read what went out by recording the request bodies on their way to the stand-in.
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).includes("/v3.0/oa/message/transaction")) seen.push(JSON.parse(String(init?.body)));
      return realFetch(input, init);
    }) as typeof fetch;
    try {
      expect(await deliverOne(db(), env, n.id)).toEqual({ kind: "sent", channel: "oa" });
    } finally {
      globalThis.fetch = realFetch;
    }
    const body = JSON.stringify(seen[0]);
    expect(body).toContain(f.code);
    expect(body).toContain(`"user_id":"${follower}"`);
    expect(body).toContain(`${env.QR_LINK_BASE}/ho-so/${encodeURIComponent(f.code)}`);
    expect(body).toContain("Thủ tục");
  });

  it("falls back from OA to ZNS when the resident cannot get OA messages, and to in-app only past the last channel", async () => {
    const r = await residentWith({ oaUserId: `oa-${crypto.randomUUID()}` });
    const id = await notice(r.id, DAYTIME);
    await fault({ mode: "error", code: -213, count: 1, channel: "oa" });
    expect(await deliverOne(db(), zaloEnv(), id, clock(DAYTIME))).toEqual({ kind: "sent", channel: "zns" });
    expect((await sendsTo(r.phone)).map((s) => s.channel)).toEqual(["zns"]);

    const invalid = await residentWith({ phone: "0999108123" });
    const other = await notice(invalid.id, DAYTIME);
    expect(await deliverOne(db(), zaloEnv(), other, clock(DAYTIME))).toEqual({ kind: "failed", error: "zalo_-108" });
    expect(await rowOf(other)).toMatchObject({ deliveryStatus: "failed_permanent", lastError: "zalo_-108", deliveryAttempts: 1 });

    const unreachable = await residentWith({ phone: null });
    const none = await notice(unreachable.id, DAYTIME);
    expect(await deliverOne(db(), zaloEnv(), none, clock(DAYTIME))).toEqual({ kind: "failed", error: "no_channel" });
  });

  it.each([
    { name: "unknown error -100", f: { mode: "error", code: -100 } as const, status: "failed_temporary", error: "zalo_-100" },
    { name: "a 5xx", f: { mode: "http500" } as const, status: "failed_temporary", error: "http_500" },
    { name: "no Zalo account -118", f: { mode: "error", code: -118 } as const, status: "failed_permanent", error: "zalo_-118" },
    {
      name: "template invalid -109",
      f: { mode: "error", code: -109 } as const,
      status: "failed_permanent",
      error: "alert_zalo_-109",
    },
    {
      name: "app not linked -105",
      f: { mode: "error", code: -105 } as const,
      status: "failed_permanent",
      error: "alert_zalo_-105",
    },
  ])("classifies $name", async ({ f, status, error }) => {
    const r = await residentWith();
    const id = await notice(r.id, DAYTIME);
    await fault({ ...f, count: 1, to: `84${r.phone.slice(1)}` });
    await deliverOne(db(), zaloEnv(), id, clock(DAYTIME));
    expect(await rowOf(id)).toMatchObject({ deliveryStatus: status, lastError: error, deliveryAttempts: 1 });
    expect(await sendsTo(r.phone)).toHaveLength(0);
    // A retry is due after its backoff; a permanent failure is never sent.
    const later = new Date(DAYTIME.getTime() + 3600_000);
    await deliverOne(db(), zaloEnv(), id, clock(later));
    expect(await sendsTo(r.phone)).toHaveLength(status === "failed_temporary" ? 1 : 0);
  });

  it("stops retrying at the configured cap", async () => {
    const r = await residentWith();
    const id = await notice(r.id, DAYTIME);
    await fault({ mode: "error", code: -100, count: 5, to: `84${r.phone.slice(1)}` });
    const env = zaloEnv({ NOTIFY_MAX_ATTEMPTS: "2" });
    expect(await deliverOne(db(), env, id, clock(DAYTIME))).toMatchObject({ kind: "retry", delaySeconds: 30 });
    expect(await deliverOne(db(), env, id, clock(new Date(DAYTIME.getTime() + 10_000)))).toEqual({ kind: "skipped" });
    expect(await deliverOne(db(), env, id, clock(new Date(DAYTIME.getTime() + 60_000)))).toEqual({
      kind: "failed",
      error: "retries_exhausted_zalo_-100",
    });
    expect(await rowOf(id)).toMatchObject({ deliveryStatus: "failed_permanent", deliveryAttempts: 2 });
    await fetch(`${standin()}/api/standin/faults`, { method: "DELETE" });
  });

  it("never sends again after a timeout that got through: the delivery webhook settles it", async () => {
    const r = await residentWith();
    const id = await notice(r.id, DAYTIME);
    await fault({ mode: "timeout", count: 1, to: `84${r.phone.slice(1)}`, delayMs: 2500 });
    expect(await deliverOne(db(), zaloEnv(), id, clock(DAYTIME))).toEqual({ kind: "unconfirmed", channel: "zns" });
    expect(await rowOf(id)).toMatchObject({ deliveryStatus: "sending", lastError: "timeout", providerMsgId: null });
    // A redelivered message inside the confirmation window sends nothing.
    expect(await deliverOne(db(), zaloEnv(), id, clock(new Date(DAYTIME.getTime() + 60_000)))).toEqual({ kind: "skipped" });
    expect(await deliverWebhooks([id], 2)).toBe(1);
    expect(await rowOf(id)).toMatchObject({ deliveryStatus: "delivered" });
    expect(await deliverOne(db(), zaloEnv(), id, clock(new Date(DAYTIME.getTime() + CONFIRM_WAIT_MS + 1)))).toEqual({
      kind: "skipped",
    });
    expect(await sendsTo(r.phone)).toHaveLength(1);
  }, 20_000);

  it("refreshes the OA token exactly once for ten concurrent expired-token answers", async () => {
    const warm = await residentWith();
    await deliverOne(db(), zaloEnv(), await notice(warm.id, DAYTIME), clock(DAYTIME));
    await fetch(`${standin()}/api/standin/expire-tokens`, { method: "POST" });
    const before = (await sent()).refreshes;
    const rs = await Promise.all(Array.from({ length: 10 }, () => residentWith({ oaUserId: `oa-${crypto.randomUUID()}` })));
    const ids = await Promise.all(rs.map((r) => notice(r.id, DAYTIME)));
    const outcomes = await Promise.all(ids.map((id) => deliverOne(db(), zaloEnv(), id, clock(DAYTIME))));
    expect(outcomes).toEqual(ids.map(() => ({ kind: "sent", channel: "oa" })));
    const after = await sent();
    expect(after.refreshes - before).toBe(1);
    const oaIds = await Promise.all(
      rs.map(async (r) => (await db().select().from(users).where(eq(users.id, r.id)).get())!.oaUserId),
    );
    for (const oa of oaIds) expect(after.sends.filter((s) => s.to === oa)).toHaveLength(1);
    expect(after.duplicates).toEqual([]);
  }, 30_000);

  it("holds non-urgent notices through quiet hours and past the daily cap, and sends them later", async () => {
    const r = await residentWith();
    const night = new Date("2026-12-02T16:30:00Z"); // 23:30 in Vietnam
    const id = await notice(r.id, night);
    expect(await deliverOne(db(), zaloEnv(), id, clock(night))).toEqual({
      kind: "deferred",
      until: "2026-12-02T23:00:00.000Z",
      reason: "quiet_hours",
    });
    expect(await rowOf(id)).toMatchObject({ deliveryStatus: "created", nextAttemptAt: "2026-12-02T23:00:00.000Z" });
    expect(await deliverOne(db(), zaloEnv(), id, clock(new Date("2026-12-02T22:00:00Z")))).toEqual({ kind: "skipped" });
    expect(await deliverOne(db(), zaloEnv(), id, clock(new Date("2026-12-02T23:00:01Z")))).toMatchObject({ kind: "sent" });

    const capped = await residentWith();
    const morning = new Date("2026-12-03T02:00:00Z"); // 09:00 in Vietnam
    const four = [];
    for (let i = 0; i < 4; i++) four.push(await notice(capped.id, morning));
    const outcomes = [];
    for (const n of four) outcomes.push((await deliverOne(db(), zaloEnv({ NOTIFY_DAILY_CAP: "3" }), n, clock(morning))).kind);
    expect(outcomes).toEqual(["sent", "sent", "sent", "deferred"]);
    expect(await rowOf(four[3]!)).toMatchObject({ nextAttemptAt: "2026-12-03T23:00:00.000Z", lastError: "daily_cap" });
    expect(await sendsTo(capped.phone)).toHaveLength(3);
  });

  it("sends urgent notices at night", async () => {
    const { n } = await supplementNotice();
    const night = new Date(new Date(n.createdAt).getTime());
    night.setUTCHours(17, 0, 0, 0); // midnight in Vietnam
    const at = night.getTime() < new Date(n.createdAt).getTime() ? new Date(night.getTime() + 86_400_000) : night;
    expect(await deliverOne(db(), zaloEnv(), n.id, clock(at))).toEqual({ kind: "sent", channel: "zns" });
  });
});

describe("nothing is stuck", () => {
  it("the sweep ends what is older than 72 hours, queues what is due, asks about unconfirmed ZNS and the DLQ fails the rest", async () => {
    const r = await residentWith();
    const at = (ms: number) => () => DAYTIME.getTime() + ms;
    const old = await notice(r.id, new Date(DAYTIME.getTime() - 73 * 3600_000));
    const waiting = await notice(r.id, new Date(DAYTIME.getTime() - 5 * 60_000));
    const fresh = await notice(r.id, DAYTIME);
    const result = await sweepNotifications(db(), zaloEnv(), at(0));
    expect(result.expired).toBeGreaterThanOrEqual(1);
    expect(await rowOf(old)).toMatchObject({ deliveryStatus: "failed_permanent", lastError: "expired" });
    expect(result.queued).toBeGreaterThanOrEqual(1);
    expect((await rowOf(waiting)).queuedAt).toBe(DAYTIME.toISOString());
    expect((await rowOf(fresh)).deliveryStatus).toBe("created");
    // What was just queued is not queued again while its message may still be on the queue.
    expect((await sweepNotifications(db(), zaloEnv(), at(1000))).queued).toBe(0);

    // Accepted by Zalo, its webhook lost: the status query confirms it once it waited long enough.
    expect(await deliverOne(db(), zaloEnv(), waiting, at(0))).toEqual({ kind: "sent", channel: "zns" });
    await sweepNotifications(db(), zaloEnv(), at(60_000));
    expect((await rowOf(waiting)).deliveryStatus).toBe("sending");
    const later = await sweepNotifications(db(), zaloEnv(), at(20 * 60_000));
    expect(later.confirmed).toBeGreaterThanOrEqual(1);
    expect(await rowOf(waiting)).toMatchObject({ deliveryStatus: "delivered" });

    await consume([fresh], { queue: NOTIFY_DEAD_LETTER_QUEUE });
    expect(await rowOf(fresh)).toMatchObject({ deliveryStatus: "failed_permanent", lastError: "dead_letter" });
    // A delivered row is not failed by a late dead letter.
    await consume([waiting], { queue: NOTIFY_DEAD_LETTER_QUEUE });
    expect((await rowOf(waiting)).deliveryStatus).toBe("delivered");

    // 72 hours on, nothing of this resident is left unsettled.
    await sweepNotifications(db(), zaloEnv(), at(73 * 3600_000));
    for (const id of [old, waiting, fresh]) expect(["delivered", "failed_permanent"]).toContain((await rowOf(id)).deliveryStatus);
  });
});

describe("the OA webhook", () => {
  const signed = (event: object) => {
    const timestamp = String(Date.now());
    const body = JSON.stringify({ app_id: STANDIN_APP_ID, timestamp, ...event });
    return { body, signature: `mac=${signWebhook(body, STANDIN_APP_ID, timestamp, STANDIN_OA_SECRET_KEY)}` };
  };
  const post = (w: { body: string; signature: string }) =>
    api(
      "/api/webhooks/zalo",
      { method: "POST", headers: { "Content-Type": "application/json", "X-ZEvent-Signature": w.signature }, body: w.body },
      zaloEnv(),
    );

  it("learns a follower's OA id from a signed follow event and forgets it on unfollow", async () => {
    const r = await residentWith();
    const res = await post(signed({ event_name: "follow", user_id_by_app: r.zaloId, follower: { id: "oa-follower-1" } }));
    expect(res.status).toBe(200);
    expect((await db().select().from(users).where(eq(users.id, r.id)).get())!.oaUserId).toBe("oa-follower-1");
    await post(signed({ event_name: "unfollow", user_id_by_app: r.zaloId, follower: { id: "oa-follower-1" } }));
    expect((await db().select().from(users).where(eq(users.id, r.id)).get())!.oaUserId).toBeNull();
  });

  it("refuses a wrong signature and changes nothing; acknowledges an event it does not handle", async () => {
    const r = await residentWith();
    const w = signed({ event_name: "follow", user_id_by_app: r.zaloId, follower: { id: "oa-x" } });
    const res = await post({ body: w.body, signature: "mac=0000" });
    expect(res.status).toBe(401);
    const tampered = await post({ body: w.body.replace("oa-x", "oa-y"), signature: w.signature });
    expect(tampered.status).toBe(401);
    expect((await db().select().from(users).where(eq(users.id, r.id)).get())!.oaUserId).toBeNull();
    const other = await post(signed({ event_name: "user_send_text", message: { msg_id: "m-9", text: "xin chào" } }));
    expect(other.status).toBe(200);
    expect(await other.json()).toEqual({ ok: true, handled: false });
  });

  it("is not there while Zalo messages are off", async () => {
    const w = signed({ event_name: "follow" });
    const res = await api("/api/webhooks/zalo", { method: "POST", headers: { "X-ZEvent-Signature": w.signature }, body: w.body });
    expect(res.status).toBe(404);
  });
});

describe("the resident's answer to allowing messages", () => {
  it("is recorded for the caller only, and anonymous callers are refused", async () => {
    const { signInZalo } = await import("./helpers");
    const session = await signInZalo(`notify-${crypto.randomUUID()}`);
    const first = await api("/api/me/zalo-messages", { headers: bearer(session) });
    expect(await first.json()).toMatchObject({ answer: null, following: false });
    expect((await api("/api/me/zalo-messages", json("POST", { answer: "allowed" }, bearer(session)))).status).toBe(204);
    expect(await (await api("/api/me/zalo-messages", { headers: bearer(session) })).json()).toMatchObject({ answer: "allowed" });
    const other = await signInZalo(`notify-${crypto.randomUUID()}`);
    expect(await (await api("/api/me/zalo-messages", { headers: bearer(other) })).json()).toMatchObject({ answer: null });
    expect((await api("/api/me/zalo-messages")).status).toBe(401);
    expect((await api("/api/me/zalo-messages", json("POST", { answer: "maybe" }, bearer(session)))).status).toBe(400);
  });
});

describe("every writer queues its notices once its batch commits", () => {
  it("puts a feedback reply's notice on the NOTIFY queue without the sweep", async () => {
    const queued: number[] = [];
    const env = zaloEnv({
      NOTIFY: {
        send: async (body: NotifyMessage) => void queued.push(body.id),
        sendBatch: async (messages: Iterable<{ body: NotifyMessage }>) => {
          for (const m of messages) queued.push(m.body.id);
        },
      } as unknown as CloudflareBindings["NOTIFY"],
    });
    const author = await resident(`pakn-${crypto.randomUUID()}`);
    const leader = await staffMember("phuong-tan-an");
    await db().update(users).set({ role: "leader" }).where(eq(users.id, leader.user.id));
    const created = await api(
      "/api/feedback",
      json(
        "POST",
        { kind: "phan_anh", unitId: "phuong-tan-an", content: "Bộ phận một cửa đóng cửa sớm hơn giờ niêm yết." },
        { ...bearer(author), "Idempotency-Key": newKey() },
      ),
      env,
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(queued).toEqual([]);
    const res = await api(`/api/staff/feedback/${id}/reply`, json("POST", { body: "Đơn vị đã khắc phục." }, bearer(leader)), env);
    expect(res.status).toBe(200);
    const notice = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, author.user.id), eq(notifications.topic, "feedback")))
      .get();
    await vi.waitFor(() => expect(queued).toEqual([notice!.id]));
    expect(notice!.queuedAt).toBeNull();
  });
});

describe("staff see the delivery of a dossier's notices", () => {
  it("in their scope only: a resident is refused, an officer of another unit sees nothing", async () => {
    const officer = await staffMember(COMMUNE);
    const f = await fileDossier();
    const d = await dossierRow(f.code);
    await db().update(users).set({ phone: newPhone() }).where(eq(users.id, d.applicantId));
    await drive(officer, f, ["request_supplement"]);
    const n = (await db().select().from(notifications).where(eq(notifications.dossierId, d.id)).all()).at(-1)!;
    await deliverOne(db(), zaloEnv(), n.id);
    const path = `/api/staff/dossiers/${encodeURIComponent(f.code)}/deliveries`;
    const res = await api(path, { headers: bearer(officer) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { id: number; status: string; statusLabel: string; channel: string | null }[] };
    expect(body.items[0]).toMatchObject({ id: n.id, status: "sending", statusLabel: "Đang gửi", channel: "zns" });
    expect(JSON.stringify(body)).not.toMatch(/09\d{8}|84\d{9}/);
    expect((await api(path, { headers: bearer(f.owner) })).status).toBe(403);
    const stranger = await staffMember("phuong-binh-minh");
    expect((await api(path, { headers: bearer(stranger) })).status).toBe(404);
  });
});
