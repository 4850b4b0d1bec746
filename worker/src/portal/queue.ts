import { AsyncLocalStorage } from "node:async_hooks";
import type { PortalSyncMessage } from "../../../shared/src/portal/sync";

/**
 * Putting dossiers on the portal sync queue after their writes commit. A request (or cron run)
 * opens a scope with the queue binding and its waitUntil, so the one place every step and every
 * new dossier passes through (dossiers/steps.ts, dossiers/submit.ts) can enqueue without each
 * caller threading the environment down. Outside a scope nothing is sent: the row is pending and
 * the sweep re-queues it.
 */

export const PORTAL_QUEUE = "mot-cua-zalo-portal-sync";
export const PORTAL_DEAD_LETTER_QUEUE = "mot-cua-zalo-portal-sync-dlq";

type Scope = { queue: Queue<PortalSyncMessage>; waitUntil: ((promise: Promise<unknown>) => void) | null };
const scope = new AsyncLocalStorage<Scope>();

export const withPortalQueue = <T>(queue: Queue<PortalSyncMessage>, waitUntil: Scope["waitUntil"], run: () => T): T =>
  scope.run({ queue, waitUntil }, run);

export const logPortal = (event: string, data: object) =>
  console.info(JSON.stringify({ level: "info", at: new Date().toISOString(), event, ...data }));

/** Queues the dossier's sync once the response is sent; a failed send leaves it to the sweep. */
export function queuePortalSync(dossierId: string) {
  const current = scope.getStore();
  if (!current) return;
  const sent = current.queue
    .send({ dossierId })
    .catch((err: Error) => logPortal("portal_enqueue_failed", { dossierId, error: err.message }));
  current.waitUntil?.(sent);
}
