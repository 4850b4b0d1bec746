import { DELIVERY_DEADLINE_MS } from "../../../shared/src/notify/delivery";
import type { Db } from "../db/client";
import { dueDeliveries, expireDeliveries, markDelivered, stampQueued, unconfirmedZns } from "../db/repo/deliveries";
import { messagesConfigured, znsStatus } from "../services/zalo-messages";
import { logNotify } from "./queue";
import { accessToken, rotateToken, TokenUnavailable } from "./token";

/**
 * The every-minute sweep, so nothing is stuck: everything older than 72 hours becomes terminal;
 * rows waiting and due (a lost queue message, the end of quiet hours, a retry time) and unconfirmed
 * sends whose window passed are queued again; ZNS messages accepted a while ago without a delivery
 * webhook are asked about; the OA token is rotated before it expires.
 */

/** A row queued after its commit gets this long before the sweep queues it too. */
export const SWEEP_GRACE_MS = 60_000;
/** Ask Zalo about a ZNS message still unconfirmed this long after it was accepted. */
export const STATUS_AFTER_MS = 15 * 60_000;
/** A backlog drains at up to this many messages a minute, in sendBatch calls of 50. */
const PER_RUN = 500;
// D1 binds at most 100 parameters a statement, and stamping binds one per id.
const PER_BATCH = 50;
/** A row the sweep queued is not queued again before this (its message may still be on the queue). */
export const REQUEUE_AFTER_MS = 5 * 60_000;
const STATUS_PER_RUN = 20;

export async function sweepNotifications(db: Db, env: CloudflareBindings, now = () => Date.now()) {
  if (!messagesConfigured(env)) return { expired: 0, queued: 0, confirmed: 0, rotated: false };
  const t = now();
  const expired = await expireDeliveries(db, new Date(t - DELIVERY_DEADLINE_MS).toISOString());
  const due = await dueDeliveries(
    db,
    new Date(t).toISOString(),
    new Date(t - SWEEP_GRACE_MS).toISOString(),
    new Date(t - REQUEUE_AFTER_MS).toISOString(),
    PER_RUN,
  );
  for (let i = 0; i < due.length; i += PER_BATCH) {
    const ids = due.slice(i, i + PER_BATCH).map(({ id }) => id);
    await env.NOTIFY.sendBatch(ids.map((id) => ({ body: { id } })));
    await stampQueued(db, ids, new Date(t).toISOString());
  }
  let confirmed = 0;
  let rotated = false;
  try {
    rotated = await rotateToken(db, env, now);
    const pending = await unconfirmedZns(db, new Date(t - STATUS_AFTER_MS).toISOString(), STATUS_PER_RUN);
    if (pending.length) {
      const token = await accessToken(db, env, now);
      for (const p of pending) {
        if (!p.msgId || !p.phone) continue;
        const answer = await znsStatus(env, token, p.msgId, p.phone.startsWith("0") ? `84${p.phone.slice(1)}` : p.phone);
        const status = answer.kind === "answer" && answer.error === 0 ? answer.data?.status : undefined;
        if (Number(status) === 1 && (await markDelivered(db, { id: p.id }, new Date(now()).toISOString()))) confirmed++;
      }
    }
  } catch (err) {
    if (!(err instanceof TokenUnavailable)) throw err;
    logNotify("notify_sweep_token_unavailable", { error: err.message });
  }
  return { expired, queued: due.length, confirmed, rotated };
}
