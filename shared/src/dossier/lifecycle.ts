import type { EventType } from "./events";
import { DOSSIER_STATUSES, type DossierStatus, inStatusGroup, STATUS_GROUPS } from "./status";

/**
 * The dossier lifecycle (DOMAIN §3) as a pure state machine. Staff actions either move the
 * status or, for the events that are not states (apology, transfer, internal note, reply),
 * leave it; the resident's own steps are modelled here too so that generated sequences of
 * both can be checked together.
 */
export const STAFF_ACTIONS = [
  "accept",
  "refuse",
  "start_processing",
  "request_supplement",
  "request_payment",
  "confirm_payment",
  "exempt_fee",
  "stop",
  "finish",
  "hand_over",
  "confirm_withdrawal",
  "apologise",
  "transfer",
  "note",
  "reply",
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

export const RESIDENT_ACTIONS = ["submit_supplement", "withdraw", "rate"] as const;
export type ResidentAction = (typeof RESIDENT_ACTIONS)[number];
export type LifecycleAction = StaffAction | ResidentAction;

export interface LifecycleState {
  status: DossierStatus;
  /** Accepted once (status 2 reached): the clock has started. */
  received: boolean;
  /** The resident asked to withdraw after acceptance; an officer confirms it. */
  withdrawalRequested: boolean;
  /** A fee is neither paid nor exempted (dossiers.fee_status = "due"): the result cannot be handed over. */
  feeDue: boolean;
}

/** A dossier just filed online (1), waiting for acceptance, with no fee due. */
export const SUBMITTED: LifecycleState = { status: 1, received: false, withdrawalRequested: false, feeDue: false };

/** A dossier just filed, whose fee is due unless it is free (the quote's amount is 0). */
export const submitted = (feeAmount: number): LifecycleState => ({ ...SUBMITTED, feeDue: feeAmount > 0 });

/** What a step does to the dossier's fee (dossiers.fee_status), written in the same batch. */
export type FeeEffect = "due" | "paid" | "exempted";

type Rule = {
  from: readonly DossierStatus[];
  /** The status afterwards; undefined keeps it. */
  to?: (s: LifecycleState) => DossierStatus;
  when?: (s: LifecycleState) => boolean;
  /** The timeline event this action writes. */
  event: EventType;
  fee?: FeeEffect;
};

/** Waiting for the fee (6) resumes processing once it is settled; elsewhere the status stays. */
const settleFee = (s: LifecycleState): DossierStatus => (s.status === 6 ? 4 : s.status);

const RULES: Record<LifecycleAction, Rule> = {
  accept: { from: [1], to: () => 2, event: "accepted" },
  // A supplement left unanswered before acceptance ends in a refusal, after it in a stop (DOMAIN §3).
  refuse: { from: [1, 5], to: () => 3, when: (s) => !s.received, event: "refused" },
  start_processing: { from: [2], to: () => 4, event: "processing" },
  // One notice lists everything missing (Mẫu 02); before acceptance the clock has not started.
  request_supplement: { from: [1, 2, 4], to: () => 5, event: "supplement_requested" },
  request_payment: { from: [2, 4], to: () => 6, event: "payment_requested", fee: "due" },
  // A fee is settled once accepted, paid online or at the desk, or exempted on a recorded ground (DOMAIN §6).
  confirm_payment: { from: [2, 4, 6, 9], to: settleFee, when: (s) => s.feeDue, event: "payment_confirmed", fee: "paid" },
  exempt_fee: { from: STATUS_GROUPS.open, to: settleFee, when: (s) => s.feeDue, event: "fee_exempted", fee: "exempted" },
  stop: { from: [4, 5, 6], to: () => 8, when: (s) => s.received, event: "stopped" },
  finish: { from: [4], to: () => 9, event: "finished" },
  // No result leaves the desk while its fee is due (see feeBlocks).
  hand_over: { from: [9], to: () => 10, when: (s) => !s.feeDue, event: "returned" },
  confirm_withdrawal: { from: STATUS_GROUPS.inProgress, to: () => 7, when: (s) => s.withdrawalRequested, event: "withdrawn" },
  apologise: { from: STATUS_GROUPS.inProgress, when: (s) => s.received, event: "apologised" },
  transfer: { from: [1, 2, 4], event: "transferred" },
  note: { from: DOSSIER_STATUSES, event: "internal_note" },
  reply: { from: DOSSIER_STATUSES, event: "message" },
  submit_supplement: { from: [5], to: (s) => (s.received ? 4 : 1), event: "supplement_submitted" },
  // Once the result is handed over the applicant is asked for a rating (DOMAIN §7); one per dossier (worker/src/ratings/).
  rate: { from: [10], event: "rated" },
  // Before anyone accepted it the withdrawal takes effect at once; afterwards an officer confirms it.
  withdraw: {
    from: [1, ...STATUS_GROUPS.inProgress],
    to: (s) => (s.received ? s.status : 7),
    when: (s) => !s.withdrawalRequested,
    event: "withdrawal_requested",
  },
};

export function canApply(state: LifecycleState, action: LifecycleAction): boolean {
  const rule = RULES[action];
  return rule.from.includes(state.status) && (rule.when?.(state) ?? true);
}

/** The staff actions allowed now, in the order a workspace offers them. */
export function allowedActions(state: LifecycleState): StaffAction[] {
  return STAFF_ACTIONS.filter((a) => canApply(state, a));
}

/**
 * Steps the workspace takes on the officer's behalf when nothing else happens in between: a
 * result signed straight after acceptance goes through processing (2 → 4 → 9, DOMAIN §3). Each
 * step is still recorded as its own event, so figures and the portal see the processing step.
 */
const VIA: Partial<Record<StaffAction, StaffAction>> = { finish: "start_processing" };

/**
 * The single steps that perform `action` now, in order: the action itself when the state machine
 * allows it, else a shortcut's intermediate step followed by it; null when neither applies.
 */
export function stepsFor(state: LifecycleState, action: LifecycleAction): LifecycleAction[] | null {
  if (canApply(state, action)) return [action];
  const via = (VIA as Partial<Record<LifecycleAction, StaffAction>>)[action];
  if (!via || !canApply(state, via)) return null;
  const between = transition(state, via);
  return between.ok && canApply(between.state, action) ? [via, action] : null;
}

/** What the workspace offers: the allowed actions plus those a shortcut reaches, in the same order. */
export function offeredActions(state: LifecycleState): StaffAction[] {
  return STAFF_ACTIONS.filter((a) => stepsFor(state, a) !== null);
}

/**
 * Whether `action` is refused only because the fee is due: the officer is told to confirm the
 * payment or record an exemption.
 */
export const feeBlocks = (state: LifecycleState, action: LifecycleAction): boolean =>
  state.feeDue && !canApply(state, action) && canApply({ ...state, feeDue: false }, action);

export const FEE_DUE_MESSAGE =
  "Hồ sơ chưa nộp phí, lệ phí nên chưa thể trả kết quả. Vui lòng xác nhận đã thu phí, lệ phí hoặc ghi nhận miễn phí, lệ phí (nêu căn cứ) trước khi trả kết quả.";

export type Transition =
  | { ok: true; state: LifecycleState; event: EventType; fee?: FeeEffect }
  | { ok: false; allowed: StaffAction[] };

/** Applies one action, or says which staff actions are allowed instead. */
export function transition(state: LifecycleState, action: LifecycleAction): Transition {
  if (!canApply(state, action)) return { ok: false, allowed: allowedActions(state) };
  const rule = RULES[action];
  const status = rule.to?.(state) ?? state.status;
  let event: EventType = rule.event;
  if (action === "withdraw" && status === 7) event = "withdrawn";
  return {
    ok: true,
    event,
    ...(rule.fee ? { fee: rule.fee } : {}),
    state: {
      status,
      received: state.received || status === 2,
      // A pending withdrawal request lapses once the dossier is finished or closed.
      withdrawalRequested: clockStopped(status) ? false : action === "withdraw" ? true : state.withdrawalRequested,
      feeDue: rule.fee ? rule.fee === "due" : state.feeDue,
    },
  };
}

/** Resolved or closed for good: the processing clock no longer matters. */
const clockStopped = (status: DossierStatus) => inStatusGroup("resolved", status) || inStatusGroup("closed", status);

/** What an action does to the processing clock, for the due-date bookkeeping. */
export function clockEffect(before: LifecycleState, after: LifecycleState): "start" | "pause" | "resume" | "stop" | "none" {
  if (!before.received && after.received) return "start";
  if (!before.received) return "none";
  if (!clockStopped(before.status) && clockStopped(after.status)) return "stop";
  if (before.status !== 5 && after.status === 5) return "pause";
  if (before.status === 5 && after.status !== 5) return "resume";
  return "none";
}
