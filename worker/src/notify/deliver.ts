import { notificationLink } from "../../../shared/src/auth/api";
import {
  classify,
  DELIVERY_DEADLINE_MS,
  type DeliveryChannel,
  isUrgent,
  pacing,
  retryDelaySeconds,
  TERMINAL_STATUSES,
  vietnamDayStart,
} from "../../../shared/src/notify/delivery";
import { createDb, type Db } from "../db/client";
import {
  claimDelivery,
  type DeliveryRow,
  deferDelivery,
  deliverySource,
  markDeadLettered,
  markFailed,
  markRetry,
  markSent,
  markUnconfirmed,
  notificationOf,
  sentSince,
} from "../db/repo/deliveries";
import { messagesConfigured, sendOaTransaction, sendZns, type ZaloAnswer } from "../services/zalo-messages";
import { logNotify, NOTIFY_DEAD_LETTER_QUEUE, NotifyMessage } from "./queue";
import { accessToken, refreshToken, TokenUnavailable } from "./token";

/**
 * Delivering one notification through Zalo, exactly once in effect: the row is claimed with a
 * conditional update before any call (so a redelivered batch or a second consumer sends nothing),
 * the OA message goes to a follower and otherwise a ZNS message to the phone, and each answer is
 * classified (shared/src/notify/delivery.ts): retry later, refresh the token once, fall back to the
 * next channel, or alert. A call that timed out may have got through, so it is not repeated until
 * its confirmation window passed without a delivery webhook.
 */

/** How long a claim holds a row while one send runs. */
export const LEASE_MS = 60_000;
/** After a timeout, wait this long for a delivery webhook before sending again. */
export const CONFIRM_WAIT_MS = 10 * 60_000;

export type DeliveryOutcome =
  | { kind: "sent"; channel: DeliveryChannel }
  | { kind: "unconfirmed"; channel: DeliveryChannel }
  | { kind: "deferred"; until: string; reason: string }
  | { kind: "retry"; delaySeconds: number; error: string }
  | { kind: "failed"; error: string }
  | { kind: "skipped" };

const iso = (ms: number) => new Date(ms).toISOString();
const toZnsPhone = (phone: string) => (phone.startsWith("0") ? `84${phone.slice(1)}` : phone);
const PHONE = /^(0|84)\d{9}$/;
const errorOf = (a: ZaloAnswer) =>
  a.kind === "answer" ? (a.error !== null && a.error !== 0 ? `zalo_${a.error}` : `http_${a.httpStatus}`) : a.kind;

type Source = NonNullable<Awaited<ReturnType<typeof deliverySource>>>;

/** The resident's phone for ZNS: the one Zalo gave, else the contact phone of the dossier's form. */
function phoneOf(s: Source): string | null {
  if (s.phone && PHONE.test(s.phone)) return s.phone;
  const fromForm = s.form?.phone;
  return typeof fromForm === "string" && PHONE.test(fromForm.replace(/\s/g, "")) ? fromForm.replace(/\s/g, "") : null;
}

function send(env: CloudflareBindings, channel: DeliveryChannel, token: string, n: DeliveryRow, s: Source): Promise<ZaloAnswer> {
  const link = `${env.QR_LINK_BASE}${notificationLink({ topic: n.topic, code: s.code, subjectId: n.subjectId })}`;
  if (channel === "oa") {
    const rows = [
      ...(s.code ? [{ key: "Mã hồ sơ", value: s.code }] : []),
      ...(s.procedureName ? [{ key: "Thủ tục", value: s.procedureName }] : []),
    ];
    return sendOaTransaction(env, token, s.oaUserId!, {
      header: n.title,
      text: n.body,
      rows,
      button: { title: s.code ? "Xem hồ sơ" : "Xem chi tiết", url: link },
    });
  }
  // The ZNS template's parameters (README "Zalo messages"): code (≤ 30), procedure, status, content, path.
  return sendZns(env, token, {
    phone: toZnsPhone(phoneOf(s)!),
    templateId: env.ZNS_TEMPLATE_ID,
    trackingId: String(n.id),
    templateData: {
      ma_ho_so: s.code ?? "",
      thu_tuc: (s.procedureName ?? "").slice(0, 200),
      trang_thai: n.title.slice(0, 30),
      noi_dung: n.body.slice(0, 200),
      duong_dan: notificationLink({ topic: n.topic, code: s.code, subjectId: n.subjectId }).slice(1),
    },
  });
}

/** The channels that can reach the resident, in order, starting from where an earlier attempt stopped. */
function channelsFor(env: CloudflareBindings, n: DeliveryRow, s: Source): DeliveryChannel[] {
  const all: DeliveryChannel[] = [
    ...(s.oaUserId ? (["oa"] as const) : []),
    ...(phoneOf(s) && env.ZNS_TEMPLATE_ID ? (["zns"] as const) : []),
  ];
  const from = n.deliveryChannel ? all.indexOf(n.deliveryChannel) : 0;
  return from > 0 ? all.slice(from) : all;
}

export async function deliverOne(db: Db, env: CloudflareBindings, id: number, now = () => Date.now()): Promise<DeliveryOutcome> {
  const start = now();
  const lease = iso(start + LEASE_MS);
  const n = await claimDelivery(db, id, iso(start), lease);
  if (!n) return { kind: "skipped" };
  const s = await deliverySource(db, id);
  if (!s || start - new Date(n.createdAt).getTime() > DELIVERY_DEADLINE_MS) {
    await markFailed(db, id, lease, n.deliveryChannel, "expired", false);
    return { kind: "failed", error: "expired" };
  }
  const sentToday = await sentSince(db, n.userId, vietnamDayStart(new Date(start)).toISOString(), id);
  const pace = pacing(
    new Date(start),
    isUrgent({ topic: n.topic, eventType: s.eventType }),
    sentToday,
    Number(env.NOTIFY_DAILY_CAP) || 3,
  );
  if (!pace.send) {
    await deferDelivery(db, id, lease, pace.until.toISOString(), pace.reason);
    return { kind: "deferred", until: pace.until.toISOString(), reason: pace.reason };
  }
  const channels = channelsFor(env, n, s);
  if (channels.length === 0) {
    // Neither a follower nor a phone: the notice stays in the app only.
    await markFailed(db, id, lease, null, "no_channel", false);
    return { kind: "failed", error: "no_channel" };
  }
  let token: string;
  try {
    token = await accessToken(db, env, now);
  } catch (err) {
    if (!(err instanceof TokenUnavailable)) throw err;
    return retryLater(db, env, n, lease, channels[0]!, err.message, now);
  }
  let lastError = "no_channel";
  for (const channel of channels) {
    let answer = await send(env, channel, token, n, s);
    let verdict = answer.kind === "answer" ? classify(answer) : classify({ timeout: true });
    if (verdict === "refresh") {
      try {
        token = await refreshToken(db, env, token, now);
      } catch (err) {
        if (!(err instanceof TokenUnavailable)) throw err;
        return retryLater(db, env, n, lease, channel, err.message, now);
      }
      answer = await send(env, channel, token, n, s);
      verdict = answer.kind === "answer" ? classify(answer) : classify({ timeout: true });
      // A second refusal of a fresh token is not ours to fix by refreshing again.
      if (verdict === "refresh") verdict = "retry";
    }
    const at = now();
    if (verdict === "ok" && answer.kind === "answer") {
      await markSent(db, id, lease, channel, answer.msgId, iso(at));
      return { kind: "sent", channel };
    }
    if (answer.kind === "timeout") {
      await markUnconfirmed(db, id, lease, channel, iso(at), iso(at + CONFIRM_WAIT_MS));
      return { kind: "unconfirmed", channel };
    }
    lastError = errorOf(answer);
    if (verdict === "retry") return retryLater(db, env, n, lease, channel, lastError, now);
    if (verdict === "alert") {
      // Our configuration is wrong (app, secret, template): operators look; nothing personal is logged.
      logNotify("zalo_alert", { notification: id, channel, error: lastError });
      await markFailed(db, id, lease, channel, `alert_${lastError}`, true);
      return { kind: "failed", error: `alert_${lastError}` };
    }
    // fallback: the next channel, if any.
  }
  await markFailed(db, id, lease, channels.at(-1)!, lastError, true);
  return { kind: "failed", error: lastError };
}

async function retryLater(
  db: Db,
  env: CloudflareBindings,
  n: DeliveryRow,
  lease: string,
  channel: DeliveryChannel,
  error: string,
  now: () => number,
): Promise<DeliveryOutcome> {
  const attempts = n.deliveryAttempts + 1;
  if (attempts >= (Number(env.NOTIFY_MAX_ATTEMPTS) || 8)) {
    await markFailed(db, n.id, lease, channel, `retries_exhausted_${error}`, true);
    return { kind: "failed", error: `retries_exhausted_${error}` };
  }
  const delaySeconds = retryDelaySeconds(attempts);
  await markRetry(db, n.id, lease, channel, error, iso(now() + delaySeconds * 1000));
  return { kind: "retry", delaySeconds, error };
}

/** The queue and its dead-letter queue, dispatched by `batch.queue`. */
export async function consumeNotify(batch: MessageBatch<unknown>, env: CloudflareBindings) {
  const db = createDb(env.DB);
  const ids: { id: number; message: Message<unknown> }[] = [];
  for (const message of batch.messages) {
    const parsed = NotifyMessage.safeParse(message.body);
    if (!parsed.success) {
      logNotify("notify_bad_message", { id: message.id });
      message.ack();
    } else ids.push({ id: parsed.data.id, message });
  }
  if (batch.queue === NOTIFY_DEAD_LETTER_QUEUE) {
    if (ids.length) await markDeadLettered(db, [...new Set(ids.map((i) => i.id))]);
    for (const { id, message } of ids) {
      logNotify("notify_dead_letter", { notification: id });
      message.ack();
    }
    return;
  }
  // Without Zalo configured the rows wait as created; the sweep queues them once it is.
  if (!messagesConfigured(env)) {
    batch.ackAll();
    return;
  }
  await Promise.all(
    ids.map(async ({ id, message }) => {
      const outcome = await deliverOne(db, env, id);
      if (outcome.kind === "retry") message.retry({ delaySeconds: outcome.delaySeconds });
      else message.ack();
    }),
  );
}

/** Whether a row is settled, for tests and the staff view. */
export const isTerminal = async (db: Db, id: number) => {
  const row = await notificationOf(db, id);
  return row ? TERMINAL_STATUSES.includes(row.deliveryStatus) : true;
};
