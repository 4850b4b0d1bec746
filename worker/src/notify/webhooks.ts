import type { Db } from "../db/client";
import { markDelivered, setOaUserId } from "../db/repo/deliveries";
import { secret } from "../lib/config";
import { recordStarRating } from "../ratings/ratings";

/**
 * Zalo's OA webhook: `X-ZEvent-Signature` = sha256(app_id + raw body + timestamp + OA secret key),
 * hex, sometimes prefixed "mac=" (app_id and timestamp are the body's). Zalo wants a 200 within
 * about two seconds and retries otherwise, so every handler is one conditional update, and a
 * repeated event changes nothing.
 */

export type ZaloEvent = {
  app_id?: string;
  event_name?: string;
  timestamp?: string | number;
  user_id_by_app?: string;
  follower?: { id?: string };
  message?: {
    msg_id?: string;
    tracking_id?: string;
    // user_feedback (a SERVICE_RATING template's answer)
    rate?: number | string;
    feedbacks?: string[];
    note?: string;
    submit_time?: string | number;
  };
};

async function sha256Hex(text: string) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The event when the signature holds and names our app; null otherwise. */
export async function verifiedEvent(
  env: CloudflareBindings,
  raw: string,
  signature: string | undefined,
): Promise<ZaloEvent | null> {
  let event: ZaloEvent;
  try {
    event = JSON.parse(raw) as ZaloEvent;
  } catch {
    return null;
  }
  if (!signature || typeof event !== "object" || event === null || String(event.app_id ?? "") !== env.ZALO_OA_APP_ID) return null;
  const expected = await sha256Hex(`${event.app_id}${raw}${event.timestamp ?? ""}${secret(env, "ZALO_OA_SECRET_KEY")}`);
  const given = signature.trim().replace(/^mac=/i, "").toLowerCase();
  if (given.length !== expected.length) return null;
  let diff = 0;
  for (let i = 0; i < given.length; i++) diff |= given.charCodeAt(i) ^ expected.charCodeAt(i);
  return diff === 0 ? event : null;
}

type Handler = (env: CloudflareBindings, db: Db, event: ZaloEvent, at: string) => Promise<unknown>;

/** What each event does, by `event_name`; anything else is acknowledged and ignored. */
export const ZALO_EVENT_HANDLERS: Record<string, Handler> = {
  // A message reached the phone: ZNS names our notification id as tracking_id, OA only its msg_id.
  user_received_message: async (_env, db, e, at) => {
    const tracking = Number(e.message?.tracking_id);
    if (Number.isSafeInteger(tracking) && tracking > 0) return markDelivered(db, { id: tracking }, at, e.message?.msg_id);
    if (e.message?.msg_id) return markDelivered(db, { msgId: e.message.msg_id }, at);
  },
  // The resident follows the OA: `follower.id` is their OA-scoped id, `user_id_by_app` our users.zalo_id.
  follow: async (_env, db, e) =>
    e.user_id_by_app && e.follower?.id ? setOaUserId(db, e.user_id_by_app, e.follower.id) : undefined,
  unfollow: async (_env, db, e) => (e.user_id_by_app ? setOaUserId(db, e.user_id_by_app, null) : undefined),
  // The resident answered a ZNS service-rating template: stars for the dossier of that notification.
  user_feedback: async (env, _db, e) =>
    recordStarRating(env, {
      rate: e.message?.rate,
      feedbacks: e.message?.feedbacks,
      note: e.message?.note,
      submitDate: e.message?.submit_time,
      msgId: e.message?.msg_id,
      trackingId: e.message?.tracking_id,
    }),
};

export async function handleZaloEvent(env: CloudflareBindings, db: Db, event: ZaloEvent, at: string) {
  const handler = event.event_name ? ZALO_EVENT_HANDLERS[event.event_name] : undefined;
  if (handler) await handler(env, db, event, at);
  return { handled: Boolean(handler) };
}
