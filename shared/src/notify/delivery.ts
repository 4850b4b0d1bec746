import { z } from "zod";
import type { EventType } from "../dossier/events";
import { vietnamDate, vietnamHour } from "../time/vietnam";

/**
 * Delivering notifications through Zalo (README "Zalo messages"): the statuses of a notification's
 * delivery, the channels tried in order, which notices are urgent, quiet hours and the daily cap,
 * and what each of Zalo's error codes means for the message. Pure, so both the worker and tests
 * read one copy.
 */

/** GOV.UK Notify's lifecycle: created → sending → delivered | failed_permanent; failed_temporary waits for a retry. */
export const DELIVERY_STATUSES = ["created", "sending", "delivered", "failed_permanent", "failed_temporary"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const TERMINAL_STATUSES: readonly DeliveryStatus[] = ["delivered", "failed_permanent"];

/** An OA transaction message to a follower, else a ZNS template message to the phone; in-app is always there. */
export const DELIVERY_CHANNELS = ["oa", "zns"] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** The resident's answer when the mini app asked to allow messages (after a first submission). */
export const MESSAGES_ANSWERS = ["allowed", "refused"] as const;
export type MessagesAnswer = (typeof MESSAGES_ANSWERS)[number];
export const MessagesAnswerBody = z.strictObject({ answer: z.enum(MESSAGES_ANSWERS) });
export const MessagesState = z.object({
  /** null: never asked, so the receipt of a first submission asks. */
  answer: z.enum(MESSAGES_ANSWERS).nullable(),
  /** The OA's signed follow webhook named this resident: OA messages reach them. */
  following: z.boolean(),
  /** The Official Account to follow (zmp-sdk followOA / interactOA); empty when messages are off. */
  oaId: z.string(),
});
export type MessagesState = z.infer<typeof MessagesState>;

/** Delivery state of one notification, as staff see it on a dossier. */
export const DeliveryView = z.object({
  id: z.number().int(),
  title: z.string(),
  createdAt: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  statusLabel: z.string(),
  channel: z.enum(DELIVERY_CHANNELS).nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
export const DeliveryList = z.object({ items: z.array(DeliveryView) });
export type DeliveryList = z.infer<typeof DeliveryList>;

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  created: "Chờ gửi",
  sending: "Đang gửi",
  delivered: "Đã nhận",
  failed_permanent: "Không gửi được qua Zalo",
  failed_temporary: "Gửi lỗi, sẽ thử lại",
};

/**
 * Urgent notices ask the resident to act or tell them their result is ready: a supplement request,
 * a payment request, a result. They go at any hour and beyond the daily cap; every other notice waits.
 */
const URGENT_EVENTS: ReadonlySet<EventType> = new Set<EventType>(["supplement_requested", "payment_requested", "finished"]);
export function isUrgent(n: { topic: string; eventType: EventType | null }): boolean {
  return n.topic === "dossier" && n.eventType !== null && URGENT_EVENTS.has(n.eventType);
}

/** 22:00–06:00 in Vietnam: no non-urgent message. */
export const QUIET_FROM_HOUR = 22;
export const QUIET_UNTIL_HOUR = 6;
export const inQuietHours = (at: Date) => {
  const h = vietnamHour(at);
  return h >= QUIET_FROM_HOUR || h < QUIET_UNTIL_HOUR;
};

/** The next 06:00 in Vietnam (23:00 UTC) at or after `at`. */
export function quietHoursEnd(at: Date): Date {
  const end = new Date(`${vietnamDate(at)}T${String(QUIET_UNTIL_HOUR).padStart(2, "0")}:00:00+07:00`);
  return end.getTime() > at.getTime() ? end : new Date(end.getTime() + 86_400_000);
}

/** The start of the next day in Vietnam, when a resident's daily cap starts again. */
export const nextVietnamDay = (at: Date) => new Date(new Date(`${vietnamDate(at)}T00:00:00+07:00`).getTime() + 86_400_000);

/** The start of the day in Vietnam that `at` falls on, as an ISO instant (the cap counts sends since then). */
export const vietnamDayStart = (at: Date) => new Date(`${vietnamDate(at)}T00:00:00+07:00`);

export type Pacing = { send: true } | { send: false; until: Date; reason: "quiet_hours" | "daily_cap" };

/**
 * Whether a notice may go now. Non-urgent notices wait out quiet hours and, once the resident got
 * `cap` Zalo messages today (in Vietnam), wait for the next day; nothing is dropped.
 */
export function pacing(at: Date, urgent: boolean, sentToday: number, cap: number): Pacing {
  if (urgent) return { send: true };
  if (inQuietHours(at)) return { send: false, until: quietHoursEnd(at), reason: "quiet_hours" };
  if (sentToday >= cap) {
    const next = nextVietnamDay(at);
    // The next day starts inside quiet hours: wait until they end.
    return { send: false, until: quietHoursEnd(next), reason: "daily_cap" };
  }
  return { send: true };
}

/**
 * What one answer from Zalo means. Failures come back as HTTP 200 with `error` ≠ 0 (INTEGRATIONS §1):
 * - retry: try the same channel again later (unknown error, 5xx, a network failure);
 * - refresh: the OA access token expired or is invalid: refresh it once, then retry once;
 * - fallback: this channel cannot reach this resident (invalid phone, no Zalo account, old Zalo,
 *   refused, not a follower): try the next channel, and past the last one only in-app remains;
 * - alert: our own configuration is wrong (app, secret, template): no retry, an alert for operators.
 */
export type Verdict = "ok" | "retry" | "refresh" | "fallback" | "alert";

const RETRY_CODES = new Set([-100]);
const REFRESH_CODES = new Set([-216, -124, -220]);
const ALERT_CODES = new Set([-101, -102, -103, -104, -105, -106, -109, -111, -112, -224]);
/** -108 invalid phone, -110 Zalo too old, -118 no Zalo account, -119/-115 refused or inactive, -213 not a follower, -230 no interaction. */
const FALLBACK_CODES = new Set([-108, -110, -115, -118, -119, -213, -230]);

export function classify(answer: { httpStatus: number; error?: number | null } | { timeout: true }): Verdict {
  if ("timeout" in answer) return "retry";
  if (answer.httpStatus === 401) return "refresh";
  if (answer.httpStatus >= 500 || answer.httpStatus === 429) return "retry";
  const code = answer.error;
  if (answer.httpStatus === 200 && code === 0) return "ok";
  if (code === undefined || code === null) return "retry";
  if (RETRY_CODES.has(code)) return "retry";
  if (REFRESH_CODES.has(code)) return "refresh";
  if (ALERT_CODES.has(code)) return "alert";
  if (FALLBACK_CODES.has(code)) return "fallback";
  // An unknown code: this channel does not work for this message; the next one may.
  return "fallback";
}

/** Backoff before retry n (1-based): 30 s, 1, 2, 4 … min, at most 30 min. */
export const retryDelaySeconds = (attempt: number) => Math.min(30 * 2 ** Math.max(0, attempt - 1), 1800);

/** A notification is terminal within 72 hours of its creation, whatever happened. */
export const DELIVERY_DEADLINE_MS = 72 * 3_600_000;
