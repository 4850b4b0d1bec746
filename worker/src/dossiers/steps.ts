import type { BatchItem } from "drizzle-orm/batch";
import { dueDate, resumeAfterPause } from "../../../shared/src/deadline/due-date";
import { eventHash, GENESIS_HASH } from "../../../shared/src/dossier/audit";
import { type EventPayload, eventFileIds, parseEventPayload, residentNotice } from "../../../shared/src/dossier/events";
import {
  clockEffect,
  type LifecycleAction,
  type LifecycleState,
  type Transition,
  transition,
} from "../../../shared/src/dossier/lifecycle";
import type { DossierStatus } from "../../../shared/src/dossier/status";
import { isNews } from "../../../shared/src/staff/changes";
import type { Db } from "../db/client";
import { workCalendar } from "../db/repo/calendar";
import { type DossierChanges, type DossierRow, insertStep, latestHash, type StepRecord, type ViewRow } from "../db/repo/dossiers";
import { eventWritten } from "../db/repo/portal-sync";
import type { AuthUser } from "../db/repo/users";
import { queueNotifications } from "../notify/queue";
import { queuePortalSync } from "../portal/queue";

/** A job or webhook that takes a step on its own, named in the event it writes. */
export type SystemActor = { role: "system"; name: "payment-gateway" };
/** Who takes a step: a signed-in person, or the system. */
export type Actor = AuthUser | SystemActor;

export const lifecycleState = (d: DossierRow): LifecycleState => ({
  status: d.status as DossierStatus,
  received: d.receivedAt !== null,
  withdrawalRequested: d.withdrawalRequested,
  feeDue: d.feeStatus === "due",
});

/** The state machine's verdict on `action` for the dossier as it stands. */
export const transitionOf = (d: DossierRow, action: LifecycleAction): Transition => transition(lifecycleState(d), action);

export type Moved = Extract<Transition, { ok: true }>;

/** What a step records beyond its transition: the actor's note, the event's details, extra writes. */
export type StepInput = {
  note?: string | null;
  /** Checked against the data shape of the transition's event type before it is written. */
  data?: Partial<EventPayload["data"]>;
  set?: DossierChanges;
  /** Further statements for the same batch (the documents of a supplement). */
  extra?: BatchItem<"sqlite">[];
};

/**
 * The due-date bookkeeping of a transition (DOMAIN §3): acceptance starts the clock, a supplement
 * request pauses it until the resident answers (the due date then moves by the working days it
 * was paused), and the end of processing stops it.
 */
async function clockChanges(
  db: Db,
  row: ViewRow,
  moved: Moved,
  now: Date,
): Promise<{ set: DossierChanges; data: Partial<EventPayload["data"]> }> {
  const { d } = row;
  const at = now.toISOString();
  switch (clockEffect(lifecycleState(d), moved.state)) {
    case "start": {
      const due = dueDate(now, row.processingTime, await workCalendar(db, d.provinceId));
      return { set: { receivedAt: at, dueDate: due.date, dueExplanation: due.explanation }, data: { dueDate: due.date } };
    }
    case "pause":
      return { set: { pausedAt: at }, data: {} };
    case "resume": {
      if (!d.pausedAt || !d.dueDate) return { set: { pausedAt: null }, data: {} };
      const { provinceId, dueExplanation, pausedAt } = d;
      const resumed = resumeAfterPause(
        { date: d.dueDate, explanation: dueExplanation },
        new Date(pausedAt),
        now,
        await workCalendar(db, provinceId),
      );
      return {
        set: { pausedAt: null, dueDate: resumed.date, dueExplanation: resumed.explanation },
        data: { dueDate: resumed.date, pausedDays: resumed.pausedDays },
      };
    }
    case "stop":
      return { set: { pausedAt: null }, data: {} };
    case "none":
      return { set: {}, data: {} };
  }
}

/**
 * Writes one step that the state machine allowed, in one batch: the event (chained to the previous
 * one by hash), the dossier's new state and, for a step the applicant did not take, their
 * notification. The event's number is the dossier's next version, so of two concurrent steps from
 * the same version exactly one commits; false means this one lost and wrote nothing.
 */
export function commitStep(
  db: Db,
  auditKey: string,
  row: ViewRow,
  actor: Actor,
  moved: Moved,
  input: StepInput = {},
  now = new Date(),
): Promise<boolean> {
  return commitSteps(db, auditKey, row, actor, [moved], input, now);
}

/**
 * Writes a chain of single transitions as one step (a shortcut such as finishing straight after
 * acceptance): every transition is its own event, numbered and hashed in turn, with its own clock
 * bookkeeping; `input` belongs to the last. The applicant hears only of the last: the intermediate
 * events are on the timeline and sent to the portal, but a notification of each would be noise.
 */
export async function commitSteps(
  db: Db,
  auditKey: string,
  row: ViewRow,
  actor: Actor,
  moves: readonly Moved[],
  input: StepInput = {},
  now = new Date(),
): Promise<boolean> {
  const records: StepRecord[] = [];
  let current = row;
  let changes: DossierChanges = {};
  let previous = (await latestHash(db, row.d)) ?? GENESIS_HASH;
  for (const [i, moved] of moves.entries()) {
    const last = i === moves.length - 1;
    const { d } = current;
    const clock = await clockChanges(db, current, moved, now);
    const payload = parseEventPayload(moved.event, { ...clock.data, ...(last ? input.data : {}) });
    const event = {
      seq: d.version + 1,
      ...payload,
      actorId: actor.role === "system" ? null : actor.id,
      actorRole: actor.role === "system" ? actor.role : actor.role === "resident" ? ("resident" as const) : ("staff" as const),
      at: now.toISOString(),
      note: (last && input.note) || null,
      status: moved.state.status,
    };
    const hash = await eventHash(auditKey, previous, event);
    previous = hash;
    const notice = event.actorRole === "resident" || !last ? null : residentNotice(payload, d.code, event.note);
    records.push({ event: { ...event, hash }, fileIds: eventFileIds(payload), notice });
    const stepChanges: DossierChanges = {
      status: moved.state.status,
      withdrawalRequested: moved.state.withdrawalRequested,
      ...(moved.fee ? { feeStatus: moved.fee } : {}),
      ...clock.set,
      ...(last ? input.set : {}),
      ...(isNews(payload.type, event.actorRole) ? { attentionSeq: event.seq } : {}),
    };
    changes = { ...changes, ...stepChanges };
    current = { ...current, d: { ...d, ...stepChanges, version: d.version + 1 } };
  }
  const at = now.toISOString();
  const notices = await insertStep(db, row.d, records, changes, [...(input.extra ?? []), eventWritten(db, row.d.id, at)]);
  if (!notices) return false;
  queuePortalSync(row.d.id);
  queueNotifications(notices);
  return true;
}
