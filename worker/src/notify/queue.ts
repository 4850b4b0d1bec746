import { AsyncLocalStorage } from "node:async_hooks";
import { z } from "zod";
import { messagesConfigured } from "../services/zalo-messages";

/**
 * Putting notifications on the delivery queue after the batch that wrote them commits, in the
 * shape of portal/queue.ts: a request or cron run opens a scope with the binding and its
 * waitUntil. Outside a scope, or when a send fails, the every-minute sweep queues the row.
 */

export const NOTIFY_QUEUE = "mot-cua-zalo-notify";
export const NOTIFY_DEAD_LETTER_QUEUE = "mot-cua-zalo-notify-dlq";
export const NotifyMessage = z.object({ id: z.number().int().min(1) });
export type NotifyMessage = z.infer<typeof NotifyMessage>;

type Scope = { env: CloudflareBindings; waitUntil: ((promise: Promise<unknown>) => void) | null };
const scope = new AsyncLocalStorage<Scope>();

export const withNotifyQueue = <T>(env: CloudflareBindings, waitUntil: Scope["waitUntil"], run: () => T): T =>
  scope.run({ env, waitUntil }, run);

export const logNotify = (event: string, data: object) =>
  console.info(JSON.stringify({ level: "info", at: new Date().toISOString(), event, ...data }));

function enqueue(find: () => Promise<number[]>) {
  const current = scope.getStore();
  if (!current || !messagesConfigured(current.env)) return;
  const sent = find()
    .then((ids) => (ids.length ? current.env.NOTIFY.sendBatch(ids.map((id) => ({ body: { id } }))) : undefined))
    .catch((err: Error) => logNotify("notify_enqueue_failed", { error: err.message }));
  current.waitUntil?.(sent);
}

/** Queues notifications whose ids the caller knows, once its batch committed. */
export const queueNotifications = (ids: number[]) => enqueue(async () => ids);
