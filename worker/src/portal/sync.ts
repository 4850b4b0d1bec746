import { type PortalEvent, type PortalSource, portalDossier, sentToPortal } from "../../../shared/src/portal/dossier";
import { PortalSyncMessage } from "../../../shared/src/portal/sync";
import { createDb, type Db } from "../db/client";
import {
  advanceCursor,
  ensureSyncRow,
  eventsAfter,
  failPass,
  fileNames,
  finishPass,
  markDead,
  syncSource,
  takeLease,
  unitName,
} from "../db/repo/portal-sync";
import { PortalError, portalConfigured, sendDossier } from "../services/portal";
import { logPortal, PORTAL_DEAD_LETTER_QUEUE } from "./queue";

/**
 * The consumer of the portal sync queue. A message names a dossier; the consumer takes the
 * dossier's lease, sends each event after the cursor in id order (each with the idempotency key
 * dossier id + event id, so a repeat is harmless) and moves the cursor after each acknowledgement.
 * A failure leaves the cursor where it was and retries the message with exponential backoff; past
 * the queue's cap the message reaches the dead-letter queue, whose consumer marks the dossier dead.
 */

/** How long a pass may hold a dossier; renewed with every acknowledgement. */
export const LEASE_MS = 60_000;
/** When another consumer holds the dossier, look again this much later. */
export const BUSY_DELAY_SECONDS = 10;
const BACKOFF_BASE_SECONDS = 30;
export const BACKOFF_CAP_SECONDS = 3600;

/** Delay before the next delivery after `attempts` failed ones: 30 s, 1, 2, 4 … min, at most an hour. */
export const backoffSeconds = (attempts: number) =>
  Math.min(BACKOFF_BASE_SECONDS * 2 ** Math.max(0, attempts - 1), BACKOFF_CAP_SECONDS);

export type PassOutcome =
  | { kind: "synced" | "busy" | "dead" | "unknown_dossier"; sent: number }
  | { kind: "failed"; sent: number; error: string };

async function loadSource(db: Db, dossierId: string): Promise<PortalSource> {
  const { dossier, events } = await syncSource(db, dossierId);
  if (!dossier) throw new Error(`dossier ${dossierId} vanished`);
  const { d, procedureCode } = dossier;
  const mapped = events.map(({ e, actorName }) => ({ ...e, actorName }) as PortalEvent);
  const firstTransfer = mapped.find((e) => e.type === "transferred");
  const firstUnitId = firstTransfer?.type === "transferred" ? firstTransfer.data.fromUnitId : d.handlingUnitId;
  const resultIds = mapped.flatMap((e) => (e.type === "finished" ? e.data.fileIds : []));
  return {
    code: d.code,
    procedureCode,
    applicantName: d.applicantName,
    channel: d.channel,
    submittedAt: d.submittedAt,
    vneidVerified: d.vneidVerified,
    fee: d.fee,
    status: d.status,
    firstHandlingUnitName: await unitName(db, firstUnitId),
    fileNames: await fileNames(db, resultIds),
    events: mapped,
  };
}

/**
 * Sends one event. The first acknowledged send creates the dossier at the portal, every later one
 * updates it; a create the portal already holds (an earlier attempt got through unacknowledged) is
 * sent again as an update, so a dossier is never created twice.
 */
async function sendEvent(env: CloudflareBindings, dossierId: string, source: PortalSource, eventId: number, created: boolean) {
  const key = `${dossierId}:${eventId}`;
  const dossier = portalDossier(source, eventId);
  let answer = await sendDossier(env, key, created, dossier);
  if (answer === "exists" && !created) answer = await sendDossier(env, `${key}:update`, true, dossier);
  else if (answer === "unknown" && created) answer = await sendDossier(env, `${key}:create`, false, dossier);
  if (answer === "exists" || answer === "unknown") throw new PortalError(`refused_${answer}`);
}

const iso = (ms: number) => new Date(ms).toISOString();

/** One pass over a dossier: everything after the cursor, under its lease. */
export async function syncPass(db: Db, env: CloudflareBindings, dossierId: string, now = () => Date.now()): Promise<PassOutcome> {
  await ensureSyncRow(db, dossierId);
  const leaseId = crypto.randomUUID();
  const start = now();
  const lease = await takeLease(db, dossierId, leaseId, iso(start), iso(start + LEASE_MS));
  if (!lease) {
    const row = await db.query.portalSync.findFirst({
      where: (t, { eq }) => eq(t.dossierId, dossierId),
      columns: { state: true },
    });
    return { kind: !row ? "unknown_dossier" : row.state === "dead" ? "dead" : "busy", sent: 0 };
  }
  let cursor = lease.lastEventId;
  let sent = 0;
  try {
    // Until no event is left: steps committed during the pass are sent in it.
    for (let todo = await eventsAfter(db, dossierId, cursor); todo.length > 0; todo = await eventsAfter(db, dossierId, cursor)) {
      const source = await loadSource(db, dossierId);
      for (const { id } of todo) {
        const event = source.events.find((e) => e.id === id)!;
        if (sentToPortal(event.type)) {
          await sendEvent(env, dossierId, source, id, cursor !== null);
          sent++;
        }
        const at = now();
        if (!(await advanceCursor(db, dossierId, leaseId, id, iso(at), iso(at + LEASE_MS)))) return { kind: "busy", sent };
        cursor = id;
      }
    }
    await finishPass(db, dossierId, leaseId, iso(now()));
    return { kind: "synced", sent };
  } catch (err) {
    const error = err instanceof PortalError ? err.message : "internal_error";
    if (!(err instanceof PortalError)) logPortal("portal_sync_error", { dossierId, error: (err as Error).message });
    await failPass(db, dossierId, leaseId, error, iso(now()));
    return { kind: "failed", sent, error };
  }
}

/** The queue and its dead-letter queue, dispatched by `batch.queue`. */
export async function consumePortalSync(batch: MessageBatch<unknown>, env: CloudflareBindings) {
  const db = createDb(env.DB);
  const byDossier = new Map<string, Message<unknown>[]>();
  for (const message of batch.messages) {
    const parsed = PortalSyncMessage.safeParse(message.body);
    if (!parsed.success) {
      logPortal("portal_sync_bad_message", { id: message.id });
      message.ack();
      continue;
    }
    byDossier.set(parsed.data.dossierId, [...(byDossier.get(parsed.data.dossierId) ?? []), message]);
  }
  if (batch.queue === PORTAL_DEAD_LETTER_QUEUE) {
    for (const [dossierId, messages] of byDossier) {
      await markDead(db, dossierId);
      logPortal("portal_sync_dead", { dossierId });
      for (const m of messages) m.ack();
    }
    return;
  }
  // Without a portal configured the rows stay pending; the sweep queues them once it is.
  if (!portalConfigured(env)) {
    batch.ackAll();
    return;
  }
  await Promise.all(
    [...byDossier].map(async ([dossierId, messages]) => {
      const outcome = await syncPass(db, env, dossierId);
      if (outcome.kind === "failed") {
        logPortal("portal_sync_failed", { dossierId, error: outcome.error, attempts: messages[0]!.attempts });
        for (const m of messages) m.retry({ delaySeconds: backoffSeconds(m.attempts) });
      } else if (outcome.kind === "busy") {
        // Another consumer holds it and may have read its events before this message's step
        // committed: look again later with a fresh message, without spending this one's retries.
        try {
          await env.PORTAL_SYNC.send({ dossierId }, { delaySeconds: BUSY_DELAY_SECONDS });
          for (const m of messages) m.ack();
        } catch {
          for (const m of messages) m.retry({ delaySeconds: BUSY_DELAY_SECONDS });
        }
      } else {
        for (const m of messages) m.ack();
      }
    }),
  );
}
