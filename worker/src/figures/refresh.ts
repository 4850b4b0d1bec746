import { DossierFacts, diffContributions, sumContributions } from "../../../shared/src/figures/facts";
import type { Db } from "../db/client";
import { addContributions, claimRefresh, eventsAfter, keepFacts, keptFacts, lostRefresh, refreshState } from "../db/repo/figures";
import { deriveFacts } from "./derive";

/** Dossiers per batch: each is one D1 transaction with its own refresh row, within D1's limits. */
const DOSSIERS_PER_BATCH = 40;

export type RefreshResult = {
  /** Events consumed. */
  events: number;
  /** Dossiers whose facts were taken again. */
  dossiers: number;
  /** Nothing was left in the log after this refresh. */
  caughtUp: boolean;
  /** Why it stopped before catching up: another refresh committed first, or a recompute is running. */
  skipped?: "someone else refreshed" | "recompute running";
};

/**
 * Brings the figures up to date from the event log, incrementally: the events after the cursor (at
 * most `maxEvents`), in order, name the dossiers that changed; each dossier's facts are taken again
 * and only the difference from what it contributed before is applied. Each batch of dossiers is one
 * D1 transaction whose first statement claims its range of events (see `claimRefresh`), so under
 * retries and overlapping runs every event is applied exactly once: the loser's batch fails whole.
 */
export async function refreshFigures(db: Db, { maxEvents }: { maxEvents: number }): Promise<RefreshResult> {
  const state = await refreshState(db);
  if (state.running) return { events: 0, dossiers: 0, caughtUp: false, skipped: "recompute running" };
  let cursor = state.cursor;
  const events = await eventsAfter(db, cursor, maxEvents + 1);
  const taken = events.slice(0, maxEvents);
  const result: RefreshResult = { events: 0, dossiers: 0, caughtUp: events.length <= maxEvents };
  for (const batch of batchesOf(taken)) {
    try {
      await applyBatch(db, cursor, batch.to, batch.dossiers);
    } catch (err) {
      if (!lostRefresh(err)) throw err;
      return { ...result, caughtUp: false, skipped: "someone else refreshed" };
    }
    result.events += batch.events;
    result.dossiers += batch.dossiers.length;
    cursor = batch.to;
  }
  return result;
}

/** Contiguous runs of events naming at most DOSSIERS_PER_BATCH dossiers. */
function batchesOf(events: readonly { id: number; dossierId: string }[]) {
  const batches: { to: number; events: number; dossiers: string[] }[] = [];
  let current: { to: number; events: number; dossiers: Set<string> } | null = null;
  for (const e of events) {
    if (!current || (!current.dossiers.has(e.dossierId) && current.dossiers.size >= DOSSIERS_PER_BATCH)) {
      if (current) batches.push({ ...current, dossiers: [...current.dossiers] });
      current = { to: e.id, events: 0, dossiers: new Set() };
    }
    current.dossiers.add(e.dossierId);
    current.to = e.id;
    current.events++;
  }
  if (current) batches.push({ ...current, dossiers: [...current.dossiers] });
  return batches;
}

async function applyBatch(db: Db, from: number, to: number, ids: string[]) {
  const [now, before] = await Promise.all([deriveFacts(db, ids), keptFacts(db, ids)]);
  const changes = ids.map((id) => {
    const kept = before.get(id);
    return diffContributions(kept === undefined ? null : DossierFacts.parse(kept), now.get(id) ?? null);
  });
  const facts = [...now].map(([dossierId, f]) => ({ dossierId, facts: f }));
  await db.batch([
    claimRefresh(db, from, to, ids.length),
    ...addContributions(db, sumContributions(changes)),
    ...keepFacts(db, facts, true),
  ]);
}

/** Events a dashboard request applies before it reads, so a step taken a moment ago shows. */
const CATCH_UP_EVENTS = 200;

/**
 * A short refresh before a dashboard reads the figures; the cron job does the rest. Losing to a
 * concurrent refresh is fine here: that one applies the same events.
 */
export const catchUp = (db: Db) => refreshFigures(db, { maxEvents: CATCH_UP_EVENTS });

/** The cron that keeps the figures current: every minute, a bounded step. */
export const REFRESH_CRON = "* * * * *";
const EVENTS_PER_MINUTE = 2000;
export const refreshEveryMinute = (db: Db) => refreshFigures(db, { maxEvents: EVENTS_PER_MINUTE });

/** The nightly run: refreshes until the log is caught up (or a recompute or another refresh takes over). */
export async function catchUpFully(db: Db): Promise<RefreshResult> {
  const total: RefreshResult = { events: 0, dossiers: 0, caughtUp: false };
  for (;;) {
    const r = await refreshEveryMinute(db);
    total.events += r.events;
    total.dossiers += r.dossiers;
    if (r.caughtUp || r.skipped || r.events === 0) return { ...r, events: total.events, dossiers: total.dossiers };
  }
}
