import type { Db } from "../db/client";
import { lostRows, stampQueued } from "../db/repo/portal-sync";
import { portalConfigured } from "../services/portal";
import { BACKOFF_CAP_SECONDS } from "./sync";

/**
 * The every-minute sweep for lost messages (a send after a commit can fail, a deployment can drop
 * a queue): dossiers pending longer than PENDING_AFTER since last queued, or failed with no attempt
 * for longer than the queue's longest backoff, and leased by nobody, go back on the queue.
 */
export const PENDING_AFTER_MS = 10 * 60_000;
export const FAILED_AFTER_MS = (BACKOFF_CAP_SECONDS + 30 * 60) * 1000;
/** One sendBatch at most (100 messages). */
const PER_RUN = 100;

export async function sweepPortalSync(db: Db, env: CloudflareBindings, now = new Date()): Promise<{ queued: string[] }> {
  if (!portalConfigured(env)) return { queued: [] };
  const t = now.getTime();
  const rows = await lostRows(
    db,
    now.toISOString(),
    new Date(t - PENDING_AFTER_MS).toISOString(),
    new Date(t - FAILED_AFTER_MS).toISOString(),
    PER_RUN,
  );
  const queued = rows.map((r) => r.dossierId);
  if (queued.length === 0) return { queued };
  await env.PORTAL_SYNC.sendBatch(queued.map((dossierId) => ({ body: { dossierId } })));
  await stampQueued(db, queued, now.toISOString());
  return { queued };
}
