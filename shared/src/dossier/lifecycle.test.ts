import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allowedActions,
  canApply,
  clockEffect,
  FEE_DUE_MESSAGE,
  feeBlocks,
  type LifecycleAction,
  type LifecycleState,
  offeredActions,
  RESIDENT_ACTIONS,
  STAFF_ACTIONS,
  stepsFor,
  submitted,
  transition,
} from "./lifecycle";
import { DOSSIER_STATUSES, type DossierStatus, STATUS_GROUPS } from "./status";

const ALL_ACTIONS: readonly LifecycleAction[] = [...STAFF_ACTIONS, ...RESIDENT_ACTIONS];
const ALL_STATUSES = DOSSIER_STATUSES;
const FINAL_STATUSES: readonly DossierStatus[] = STATUS_GROUPS.closed;
const START: LifecycleState = { status: 1, received: false, withdrawalRequested: false, feeDue: false };

const state = (
  status: DossierStatus,
  received = status !== 1 && status !== 3,
  withdrawalRequested = false,
  feeDue = status === 6,
): LifecycleState => ({ status, received, withdrawalRequested, feeDue });

/** The same state with a fee due. */
const due = (s: LifecycleState): LifecycleState => ({ ...s, feeDue: true });

function apply(s: LifecycleState, action: LifecycleAction) {
  const t = transition(s, action);
  if (!t.ok) throw new Error(`${action} refused from ${JSON.stringify(s)}`);
  return t;
}

/**
 * The rule table (DOMAIN §3) written out: every legal move, from a reachable state, with the
 * status and event it must produce.
 */
const LEGAL: readonly [LifecycleState, LifecycleAction, DossierStatus, string][] = [
  [state(1), "accept", 2, "accepted"],
  [state(1), "refuse", 3, "refused"],
  [state(5, false), "refuse", 3, "refused"],
  [state(2), "start_processing", 4, "processing"],
  [state(1), "request_supplement", 5, "supplement_requested"],
  [state(2), "request_supplement", 5, "supplement_requested"],
  [state(4), "request_supplement", 5, "supplement_requested"],
  [state(2), "request_payment", 6, "payment_requested"],
  [state(4), "request_payment", 6, "payment_requested"],
  [state(6), "confirm_payment", 4, "payment_confirmed"],
  [due(state(2)), "confirm_payment", 2, "payment_confirmed"],
  [due(state(4)), "confirm_payment", 4, "payment_confirmed"],
  [due(state(9)), "confirm_payment", 9, "payment_confirmed"],
  [due(state(1)), "exempt_fee", 1, "fee_exempted"],
  [due(state(2)), "exempt_fee", 2, "fee_exempted"],
  [due(state(4)), "exempt_fee", 4, "fee_exempted"],
  [due(state(5)), "exempt_fee", 5, "fee_exempted"],
  [state(6), "exempt_fee", 4, "fee_exempted"],
  [due(state(9)), "exempt_fee", 9, "fee_exempted"],
  [state(4), "stop", 8, "stopped"],
  [state(5), "stop", 8, "stopped"],
  [state(6), "stop", 8, "stopped"],
  [state(4), "finish", 9, "finished"],
  [state(9), "hand_over", 10, "returned"],
  [state(2, true, true), "confirm_withdrawal", 7, "withdrawn"],
  [state(4, true, true), "confirm_withdrawal", 7, "withdrawn"],
  [state(5, true, true), "confirm_withdrawal", 7, "withdrawn"],
  [state(6, true, true), "confirm_withdrawal", 7, "withdrawn"],
  [state(2), "apologise", 2, "apologised"],
  [state(4), "apologise", 4, "apologised"],
  [state(5), "apologise", 5, "apologised"],
  [state(6), "apologise", 6, "apologised"],
  [state(1), "transfer", 1, "transferred"],
  [state(2), "transfer", 2, "transferred"],
  [state(4), "transfer", 4, "transferred"],
  ...ALL_STATUSES.map((s) => [state(s), "note", s, "internal_note"] as [LifecycleState, LifecycleAction, DossierStatus, string]),
  ...ALL_STATUSES.map((s) => [state(s), "reply", s, "message"] as [LifecycleState, LifecycleAction, DossierStatus, string]),
  [state(5, false), "submit_supplement", 1, "supplement_submitted"],
  [state(5, true), "submit_supplement", 4, "supplement_submitted"],
  [state(1), "withdraw", 7, "withdrawn"],
  [state(5, false), "withdraw", 7, "withdrawn"],
  [state(2), "withdraw", 2, "withdrawal_requested"],
  [state(4), "withdraw", 4, "withdrawal_requested"],
  [state(5), "withdraw", 5, "withdrawal_requested"],
  [state(6), "withdraw", 6, "withdrawal_requested"],
  [state(10), "rate", 10, "rated"],
];

const ILLEGAL: readonly [LifecycleState, LifecycleAction][] = [
  [state(2), "accept"],
  [state(4), "refuse"],
  [state(1), "start_processing"],
  [state(5), "request_supplement"],
  [state(6), "request_supplement"],
  [state(1), "request_payment"],
  [state(6), "request_payment"],
  [state(4), "confirm_payment"],
  [due(state(1)), "confirm_payment"],
  [due(state(5)), "confirm_payment"],
  [state(9), "confirm_payment"],
  [state(6, true, false, false), "confirm_payment"],
  [state(4), "exempt_fee"],
  [state(9), "exempt_fee"],
  [due(state(9)), "hand_over"],
  [state(2), "stop"],
  [state(5, false), "stop"],
  [state(5, false), "apologise"],
  [state(5, true), "refuse"],
  [state(1), "stop"],
  [state(2), "finish"],
  [state(6), "finish"],
  [state(4), "hand_over"],
  [state(4), "confirm_withdrawal"],
  [state(1), "confirm_withdrawal"],
  [state(9, true, true), "confirm_withdrawal"],
  [state(1), "apologise"],
  [state(9), "apologise"],
  [state(5), "transfer"],
  [state(9), "transfer"],
  [state(4), "submit_supplement"],
  [state(1), "submit_supplement"],
  [state(4, true, true), "withdraw"],
  [state(9), "withdraw"],
  [state(9), "rate"],
  [state(4), "rate"],
  // After the handover only a rating is asked for (besides notes and messages).
  ...FINAL_STATUSES.flatMap((s) =>
    ALL_ACTIONS.filter((a) => a !== "note" && a !== "reply" && !(s === 10 && a === "rate")).map(
      (a) => [state(s), a] as [LifecycleState, LifecycleAction],
    ),
  ),
];

describe("lifecycle rule table", () => {
  it.each(LEGAL.map(([s, a, to, event]) => ({ s, a, to, event })))("$a from $s.status → $to ($event)", ({ s, a, to, event }) => {
    expect(canApply(s, a)).toBe(true);
    const t = apply(s, a);
    expect(t.state.status).toBe(to);
    expect(t.event).toBe(event);
  });

  it.each(ILLEGAL.map(([s, a]) => ({ s, a })))("refuses $a from $s.status, listing what is allowed", ({ s, a }) => {
    expect(canApply(s, a)).toBe(false);
    const t = transition(s, a);
    expect(t.ok).toBe(false);
    if (t.ok) return;
    expect(t.allowed).toEqual(allowedActions(s));
    expect(t.allowed).not.toContain(a);
  });

  // Whether the clock has started decides between refusing and stopping, and whether a withdrawal is immediate.
  const RECEIVED_MATTERS: LifecycleAction[] = ["refuse", "stop", "apologise", "withdraw"];
  // Whether a fee is due decides these; every other action ignores the fee.
  const FEE_MATTERS: LifecycleAction[] = ["confirm_payment", "exempt_fee", "hand_over"];

  it("refuses every move the table does not list", () => {
    // Only reachable combinations: 1 and 3 come before acceptance, 5 and 7 either side of it, the rest after.
    const reachable = (s: LifecycleState) =>
      s.status === 5 || s.status === 7 ? true : s.received === !(s.status === 1 || s.status === 3);
    const states = ALL_STATUSES.flatMap((s) => [state(s, false), state(s, true), state(s, true, true)])
      .filter(reachable)
      .flatMap((s) => [
        { ...s, feeDue: false },
        { ...s, feeDue: true },
      ]);
    for (const s of states) {
      for (const a of ALL_ACTIONS) {
        const listed = LEGAL.some(
          ([from, action]) =>
            action === a &&
            from.status === s.status &&
            (!RECEIVED_MATTERS.includes(a) || from.received === s.received) &&
            (!FEE_MATTERS.includes(a) || from.feeDue === s.feeDue) &&
            (a !== "confirm_withdrawal" || s.withdrawalRequested) &&
            (a !== "withdraw" || !s.withdrawalRequested),
        );
        expect(canApply(s, a), `${a} from ${JSON.stringify(s)}`).toBe(listed);
      }
    }
  });

  it("its closed statuses are exactly those that no action leaves", () => {
    const leaves = (s: DossierStatus) =>
      [state(s, false), state(s, true), state(s, true, true), due(state(s, true))].some((from) =>
        ALL_ACTIONS.some((a) => {
          const t = transition(from, a);
          return t.ok && t.state.status !== s;
        }),
      );
    expect(ALL_STATUSES.filter((s) => !leaves(s))).toEqual([3, 7, 8, 10]);
    expect(ALL_STATUSES.filter((s) => !leaves(s))).toEqual([...STATUS_GROUPS.closed]);
  });

  it("offers staff actions in the workspace order, never resident ones", () => {
    expect(allowedActions(state(1))).toEqual(["accept", "refuse", "request_supplement", "transfer", "note", "reply"]);
    expect(allowedActions(state(4))).toEqual([
      "request_supplement",
      "request_payment",
      "stop",
      "finish",
      "apologise",
      "transfer",
      "note",
      "reply",
    ]);
    expect(allowedActions(state(5, true, true))).toEqual(["stop", "confirm_withdrawal", "apologise", "note", "reply"]);
    expect(allowedActions(due(state(9)))).toEqual(["confirm_payment", "exempt_fee", "note", "reply"]);
    expect(allowedActions(state(9))).toEqual(["hand_over", "note", "reply"]);
    expect(allowedActions(state(5))).not.toContain("submit_supplement");
  });

  it("only accepting starts the clock; the flag survives every later step", () => {
    expect(apply(START, "accept").state).toEqual({ status: 2, received: true, withdrawalRequested: false, feeDue: false });
    expect(apply(state(4), "request_supplement").state.received).toBe(true);
    expect(apply(START, "request_supplement").state.received).toBe(false);
    expect(apply(START, "refuse").state.received).toBe(false);
  });
});

describe("finishing without an empty step", () => {
  it("finishes straight after acceptance through the processing step, each its own event", () => {
    expect(canApply(state(2), "finish")).toBe(false);
    expect(stepsFor(state(2), "finish")).toEqual(["start_processing", "finish"]);
    const through = apply(apply(state(2), "start_processing").state, "finish");
    expect(through.state.status).toBe(9);
    expect(offeredActions(state(2))).toContain("finish");
  });

  it("takes a legal step as it is, and offers no shortcut where the intermediate step does not lead on", () => {
    expect(stepsFor(state(4), "finish")).toEqual(["finish"]);
    for (const s of [state(1), state(5), state(6), state(9)]) {
      expect(stepsFor(s, "finish")).toBeNull();
      expect(offeredActions(s)).not.toContain("finish");
    }
    expect(stepsFor(state(1), "hand_over")).toBeNull();
    expect(stepsFor(state(2), "hand_over")).toBeNull();
  });

  it("a fee due does not block finishing, only the handover", () => {
    expect(stepsFor(due(state(2)), "finish")).toEqual(["start_processing", "finish"]);
  });

  it("offers exactly the allowed actions plus the shortcut, in the workspace order, from every state", () => {
    for (const status of ALL_STATUSES)
      for (const s of [state(status, false), state(status, true), due(state(status, true)), state(status, true, true)]) {
        const offered = offeredActions(s);
        const shortcut = stepsFor(s, "finish")?.length === 2;
        expect(offered).toEqual(STAFF_ACTIONS.filter((a) => canApply(s, a) || (a === "finish" && shortcut)));
        // Every step of a plan is legal in turn.
        for (const a of offered) {
          let at = s;
          for (const step of stepsFor(s, a)!) at = apply(at, step).state;
        }
      }
  });
});

describe("withdrawal", () => {
  it("before acceptance withdraws at once", () => {
    const t = apply(START, "withdraw");
    expect(t.event).toBe("withdrawn");
    expect(t.state).toEqual({ status: 7, received: false, withdrawalRequested: false, feeDue: false });
  });

  it("after acceptance is a request an officer confirms", () => {
    const requested = apply(state(4), "withdraw");
    expect(requested.event).toBe("withdrawal_requested");
    expect(requested.state).toEqual({ status: 4, received: true, withdrawalRequested: true, feeDue: false });
    expect(allowedActions(requested.state)).toContain("confirm_withdrawal");
    expect(canApply(requested.state, "withdraw")).toBe(false);
    const confirmed = apply(requested.state, "confirm_withdrawal");
    expect(confirmed.event).toBe("withdrawn");
    expect(confirmed.state).toEqual({ status: 7, received: true, withdrawalRequested: false, feeDue: false });
    expect(allowedActions(confirmed.state)).toEqual(["note", "reply"]);
  });

  it("the request survives other steps until confirmed", () => {
    let s = apply(state(2), "withdraw").state;
    s = apply(s, "request_supplement").state;
    expect(s).toEqual({ status: 5, received: true, withdrawalRequested: true, feeDue: false });
    expect(apply(s, "confirm_withdrawal").state.status).toBe(7);
  });

  it("cannot be confirmed without a request", () => {
    for (const s of [2, 4, 5, 6] as const) expect(canApply(state(s), "confirm_withdrawal")).toBe(false);
  });
});

describe("supplements", () => {
  it("before acceptance the dossier goes back to waiting for acceptance", () => {
    const asked = apply(START, "request_supplement").state;
    const t = apply(asked, "submit_supplement");
    expect(t.state).toEqual({ status: 1, received: false, withdrawalRequested: false, feeDue: false });
    expect(t.event).toBe("supplement_submitted");
  });

  it("after acceptance it goes back to processing", () => {
    const asked = apply(apply(START, "accept").state, "request_supplement").state;
    expect(apply(asked, "submit_supplement").state).toEqual({
      status: 4,
      received: true,
      withdrawalRequested: false,
      feeDue: false,
    });
  });
});

describe("fees", () => {
  it("a dossier filed with a fee owes it; a free one owes nothing", () => {
    expect(submitted(10_000).feeDue).toBe(true);
    expect(submitted(0).feeDue).toBe(false);
  });

  it("refuses the handover while the fee is due, and says it is the fee", () => {
    const finished = due(state(9));
    expect(canApply(finished, "hand_over")).toBe(false);
    expect(feeBlocks(finished, "hand_over")).toBe(true);
    expect(feeBlocks(state(9), "hand_over")).toBe(false);
    expect(feeBlocks(due(state(4)), "hand_over")).toBe(false);
    expect(FEE_DUE_MESSAGE).toContain("Hồ sơ chưa nộp phí, lệ phí");
  });

  it("a confirmed payment or an exemption settles the fee and lets the result out", () => {
    for (const settle of ["confirm_payment", "exempt_fee"] as const) {
      const t = apply(due(state(9)), settle);
      expect(t.state).toEqual(state(9));
      expect(t.fee).toBe(settle === "confirm_payment" ? "paid" : "exempted");
      expect(apply(t.state, "hand_over").state.status).toBe(10);
    }
  });

  it("asking for a payment makes a fee due; settling it resumes processing", () => {
    const asked = apply(state(4), "request_payment");
    expect(asked.fee).toBe("due");
    expect(asked.state).toEqual({ status: 6, received: true, withdrawalRequested: false, feeDue: true });
    expect(apply(asked.state, "confirm_payment").state).toEqual(state(4));
    expect(apply(asked.state, "exempt_fee").state).toEqual(state(4));
  });

  it("steps that do not touch the fee leave it as it was", () => {
    expect(apply(due(START), "accept").state.feeDue).toBe(true);
    expect(apply(due(state(4)), "finish").state.feeDue).toBe(true);
    expect(apply(due(state(4)), "finish").fee).toBeUndefined();
  });
});

describe("clockEffect", () => {
  const effect = (s: LifecycleState, a: LifecycleAction) => clockEffect(s, apply(s, a).state);

  it("starts on acceptance only", () => {
    expect(effect(START, "accept")).toBe("start");
    expect(effect(START, "request_supplement")).toBe("none");
    expect(effect(state(5, false), "submit_supplement")).toBe("none");
    expect(effect(START, "transfer")).toBe("none");
  });

  it("pauses for a supplement after acceptance and resumes when it arrives", () => {
    expect(effect(state(2), "request_supplement")).toBe("pause");
    expect(effect(state(4), "request_supplement")).toBe("pause");
    expect(effect(state(5), "submit_supplement")).toBe("resume");
  });

  it("leaves the clock alone otherwise", () => {
    expect(effect(state(2), "start_processing")).toBe("none");
    expect(effect(state(4), "request_payment")).toBe("none");
    expect(effect(state(6), "confirm_payment")).toBe("none");
    expect(effect(state(5), "apologise")).toBe("none");
  });

  it("stops once the dossier is finished or closed, also from a pause", () => {
    expect(effect(state(4), "finish")).toBe("stop");
    expect(effect(state(4), "stop")).toBe("stop");
    expect(effect(state(5), "stop")).toBe("stop");
    expect(effect({ ...state(5), withdrawalRequested: true }, "confirm_withdrawal")).toBe("stop");
    expect(effect(state(9), "hand_over")).toBe("none");
  });
});

describe("lifecycle properties (generated action sequences)", () => {
  const actions = fc.array(fc.constantFrom(...ALL_ACTIONS), { maxLength: 80 });
  // Random sequences seldom get as far as a handed-over result; these make sure every run walks
  // the long paths too (fast-check runs them first, then the generated ones).
  // Each sequence starts from a new dossier with a fee due or a free one.
  const examples: [LifecycleAction[], boolean][] = [
    [
      [
        "accept",
        "start_processing",
        "request_payment",
        "confirm_payment",
        "request_supplement",
        "submit_supplement",
        "finish",
        "hand_over",
        "note",
        "accept",
      ],
      false,
    ],
    [
      [
        "request_supplement",
        "submit_supplement",
        "accept",
        "withdraw",
        "request_supplement",
        "confirm_withdrawal",
        "reply",
        "submit_supplement",
      ],
      true,
    ],
    [["accept", "request_payment", "stop", "confirm_payment"], false],
    [["accept", "start_processing", "request_payment", "exempt_fee", "finish", "hand_over"], false],
    [["accept", "start_processing", "finish", "hand_over", "confirm_payment", "hand_over"], true],
  ];

  /** Runs a sequence, skipping refused actions, and hands every step to `check`. */
  function walk(
    seq: readonly LifecycleAction[],
    check: (before: LifecycleState, action: LifecycleAction, after: LifecycleState, ok: boolean) => void,
    start = START,
  ) {
    let s = start;
    for (const a of seq) {
      const t = transition(s, a);
      expect(t.ok).toBe(canApply(s, a));
      const after = t.ok ? t.state : s;
      check(s, a, after, t.ok);
      s = after;
    }
    return s;
  }

  it("keeps every invariant, and reaches every status along the way", { timeout: 30_000 }, () => {
    const reached = new Set<DossierStatus>();
    let finalChecks = 0;
    fc.assert(
      fc.property(actions, fc.boolean(), (seq, feeDue) => {
        let everReceived = false;
        walk(
          seq,
          (before, action, after, ok) => {
            reached.add(after.status);
            expect(ALL_STATUSES).toContain(after.status);

            // A final status is final: only notes and replies, and the status stays.
            if (FINAL_STATUSES.includes(before.status)) {
              finalChecks++;
              expect(allowedActions(before)).toEqual(["note", "reply"]);
              expect(ok).toBe(action === "note" || action === "reply");
              expect(after.status).toBe(before.status);
            }

            // Acceptance happens once and is never undone.
            if (before.received) expect(after.received).toBe(true);
            everReceived ||= after.received;
            expect(after.received).toBe(everReceived);

            // Status 2 is entered by accepting, and accepting always lands there.
            if (after.status === 2 && before.status !== 2) expect(action).toBe("accept");
            if (ok && action === "accept") expect(after.status).toBe(2);

            // Nothing gets to processing, payment or a result without acceptance.
            if ([4, 6, 9, 10].includes(after.status)) expect(after.received).toBe(true);

            // Waiting for a payment means a fee is due; a result is never handed over with one due.
            if (after.status === 6) expect(after.feeDue).toBe(true);
            if (ok && action === "hand_over") expect(before.feeDue).toBe(false);
            // Only requesting a payment makes a fee due, only settling it clears it.
            if (!before.feeDue && after.feeDue) expect(action).toBe("request_payment");
            if (before.feeDue && !after.feeDue) expect(["confirm_payment", "exempt_fee"]).toContain(action);

            // What the workspace offers always works, and nothing else does.
            for (const a of STAFF_ACTIONS) expect(allowedActions(before).includes(a)).toBe(transition(before, a).ok);

            if (!ok) {
              const t = transition(before, action);
              expect(t.ok ? [] : t.allowed).toEqual(allowedActions(before));
            }
          },
          submitted(feeDue ? 10_000 : 0),
        );
      }),
      { numRuns: 1500, examples },
    );
    // Guards against properties that hold only because the walk never got anywhere.
    expect([...reached].sort((a, b) => a - b)).toEqual(ALL_STATUSES);
    expect(finalChecks).toBeGreaterThan(0);
  });

  it("the clock starts once, then pauses and resumes in turn until it stops for good", () => {
    fc.assert(
      fc.property(actions, fc.boolean(), (seq, feeDue) => {
        const effects: string[] = [];
        walk(
          seq,
          (before, action, after, ok) => {
            const e = clockEffect(before, after);
            if (e === "start") expect(ok && action === "accept").toBe(true);
            if (e === "pause") expect(after.status).toBe(5);
            if (e !== "none") effects.push(e);
          },
          submitted(feeDue ? 10_000 : 0),
        );
        expect(effects.filter((e) => e === "start").length).toBeLessThanOrEqual(1);
        if (effects.length > 0) expect(effects[0]).toBe("start");
        const stop = effects.indexOf("stop");
        if (stop >= 0) expect(stop).toBe(effects.length - 1);
        const rest = effects.slice(1, stop >= 0 ? stop : undefined);
        rest.forEach((e, i) => {
          expect(e).toBe(i % 2 === 0 ? "pause" : "resume");
        });
      }),
      { numRuns: 1000, examples },
    );
  });
});
