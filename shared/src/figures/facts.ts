import { z } from "zod";
import { Channel } from "../dossier/channel";
import { RatingLevel } from "../ratings/ratings";
import { FLOW_COUNTERS, type FlowCounter } from "./counts";

/**
 * What one dossier contributes to the figures (DOMAIN §8), derived from its row and its events.
 * Every day is a local date in Vietnam (YYYY-MM-DD). Stored per dossier in `figures_dossiers`, so a
 * refresh applies only the difference between what a dossier contributed and what it contributes now.
 */
export const DossierFacts = z.object({
  /** The handling unit: every figure of the dossier follows it through transfers. */
  unitId: z.string(),
  procedureId: z.number().int(),
  channel: Channel,
  /** Filed online by a community digital team member for the applicant. */
  assisted: z.boolean(),
  /** The day it was accepted; null while it never was. */
  receivedDay: z.string().nullable(),
  /** The day it was refused at intake (code 3). */
  refusedDay: z.string().nullable(),
  /** The current legal due date: the original one moved only by supplement pauses. */
  dueDate: z.string().nullable(),
  /** The day an open supplement pause began, while the clock is paused. */
  pausedDay: z.string().nullable(),
  closed: z.object({ kind: z.enum(["finished", "withdrawn", "stopped"]), day: z.string(), by: z.string().nullable() }).nullable(),
  /** The result came as a file (the finishing step attached one). */
  eResult: z.boolean(),
  /** At least one document is held as a digital file. */
  digitised: z.boolean(),
  /** At least one document filed reuses a file: attached to an earlier dossier, or an earlier result. */
  reused: z.boolean(),
  /** A supplement was asked for at least once. */
  supplemented: z.boolean(),
  /** The officer who accepted it (null for an acceptance without a person). */
  acceptedBy: z.string().nullable(),
  /** Every supplement request an officer made: who and on which day. */
  supplementRequests: z.array(z.object({ by: z.string(), day: z.string() })),
  /**
   * The applicant's first rating (DOMAIN §7); a re-rating after a case's reply does not replace it.
   * Facts kept before ratings existed read as unrated.
   */
  rating: RatingLevel.nullable().default(null),
});
export type DossierFacts = z.infer<typeof DossierFacts>;

/** The columns of `figures_daily` and `figures_monthly`: the flows and the two stock changes. */
export const FIGURE_COUNTERS = [...FLOW_COUNTERS, "openDelta", "overdueDelta"] as const;
export type FigureCounter = (typeof FIGURE_COUNTERS)[number];
export type FigureCounts = Record<FigureCounter, number>;

export const OFFICER_COUNTERS = ["accepted", "decidedOnTime", "decidedLate", "supplementRequests", "overdueDelta"] as const;
export type OfficerCounter = (typeof OFFICER_COUNTERS)[number];
export type OfficerFigureCounts = Record<OfficerCounter, number>;

export type DailyKey = { day: string; unitId: string; procedureId: number; channel: Channel };
export type MonthlyKey = { month: string; unitId: string; channel: Channel };
export type OfficerKey = { day: string; unitId: string; userId: string };

export type Row<K, C extends string> = { key: K; counts: Partial<Record<C, number>> };
/** Signed rows to add to the three figure tables; counters left out are zero. */
export type Contributions = {
  daily: Row<DailyKey, FigureCounter>[];
  monthly: Row<MonthlyKey, FigureCounter>[];
  officers: Row<OfficerKey, OfficerCounter>[];
};

const DAY_MS = 86_400_000;
/** Calendar days from one local date to another. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
export const addDays = (day: string, days: number) => new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);
export const monthOf = (day: string) => day.slice(0, 7);

/**
 * The overdue spell of an accepted dossier as stock changes: overdue at the end of day d when its
 * clock runs and d is after the due date. It starts the day after the due date (or on acceptance, if
 * later; possibly a future day) and ends on the closing day or the day an open pause began, if that
 * is later than the start. The spell follows the current due date: a due date moved by a pause
 * restates the dossier's past overdue days, since legally it was never overdue then.
 */
export function overdueSpell(f: DossierFacts): { start: string; end: string | null } | null {
  if (!f.receivedDay || !f.dueDate) return null;
  const afterDue = addDays(f.dueDate, 1);
  const start = [afterDue, f.receivedDay].sort()[1] as string;
  const end = f.closed?.day ?? f.pausedDay;
  if (end !== null && end <= start) return null;
  return { start, end };
}

const RATED_COUNTER: Record<RatingLevel, FlowCounter> = {
  very_satisfied: "ratedVerySatisfied",
  satisfied: "ratedSatisfied",
  dissatisfied: "ratedDissatisfied",
};

/** Early, on the due date, or late: the finishing day against the due date (shared/src/deadline/on-time.ts). */
export function timeliness(day: string, dueDate: string): "early" | "onDue" | "late" {
  return day < dueDate ? "early" : day === dueDate ? "onDue" : "late";
}

class Adder<K, C extends string> {
  private rows = new Map<string, Row<K, C>>();
  add(key: K, counter: C, n = 1) {
    if (n === 0) return;
    const id = JSON.stringify(key);
    const row: Row<K, C> = this.rows.get(id) ?? { key, counts: {} };
    const value = (row.counts[counter] ?? 0) + n;
    if (value === 0) delete row.counts[counter];
    else row.counts[counter] = value;
    this.rows.set(id, row);
  }
  addRow(row: Row<K, C>, sign: 1 | -1) {
    for (const [counter, n] of Object.entries(row.counts) as [C, number][]) this.add(row.key, counter, sign * n);
  }
  list(): Row<K, C>[] {
    return [...this.rows.values()].filter((r) => Object.keys(r.counts).length > 0);
  }
}

type Adders = {
  daily: Adder<DailyKey, FigureCounter>;
  monthly: Adder<MonthlyKey, FigureCounter>;
  officers: Adder<OfficerKey, OfficerCounter>;
};
const adders = (): Adders => ({ daily: new Adder(), monthly: new Adder(), officers: new Adder() });
const listed = (a: Adders): Contributions => ({ daily: a.daily.list(), monthly: a.monthly.list(), officers: a.officers.list() });

/** The rows a dossier with these facts adds to `figures_daily`, `figures_monthly` and `figures_officers`. */
export function contributions(f: DossierFacts): Contributions {
  const a = adders();
  const { unitId, procedureId, channel } = f;
  const add = (day: string, counter: FigureCounter, n = 1) => {
    a.daily.add({ day, unitId, procedureId, channel }, counter, n);
    a.monthly.add({ month: monthOf(day), unitId, channel }, counter, n);
  };
  const officer = (day: string, userId: string | null, counter: OfficerCounter, n = 1) => {
    if (userId) a.officers.add({ day, unitId, userId }, counter, n);
  };

  if (f.refusedDay) add(f.refusedDay, "refused");
  for (const r of f.supplementRequests) officer(r.day, r.by, "supplementRequests");
  const received = f.receivedDay;
  if (received) {
    add(received, "received");
    if (f.assisted) add(received, "receivedAssisted");
    if (f.digitised) add(received, "receivedDigitised");
    if (f.reused) add(received, "receivedReused");
    if (f.supplemented) add(received, "receivedSupplemented");
    add(received, "openDelta");
    officer(received, f.acceptedBy, "accepted");

    const spell = overdueSpell(f);
    if (spell) {
      add(spell.start, "overdueDelta");
      officer(spell.start, f.acceptedBy, "overdueDelta");
      if (spell.end) {
        add(spell.end, "overdueDelta", -1);
        officer(spell.end, f.acceptedBy, "overdueDelta", -1);
      }
    }

    const closed = f.closed;
    if (closed) {
      add(closed.day, "openDelta", -1);
      const due = f.dueDate ?? closed.day;
      if (closed.kind === "withdrawn") add(closed.day, "withdrawn");
      if (closed.kind === "stopped") {
        add(closed.day, "stopped");
        if (closed.day > due) add(closed.day, "stoppedLate");
      }
      if (closed.kind === "finished") {
        const when = timeliness(closed.day, due);
        add(closed.day, when === "early" ? "finishedEarly" : when === "onDue" ? "finishedOnDue" : "finishedLate");
        if (f.eResult) add(closed.day, "finishedEResult");
        add(closed.day, "elapsedDays", daysBetween(received, closed.day));
        add(closed.day, "allowedDays", daysBetween(received, due));
        officer(closed.day, closed.by, when === "late" ? "decidedLate" : "decidedOnTime");
        // A rating counts with the dossier's result, so a period's ratings are of the dossiers it finished.
        if (f.rating) add(closed.day, RATED_COUNTER[f.rating]);
      }
    }
  }
  return listed(a);
}

/** Several contributions added up, row by row. */
export function sumContributions(parts: readonly Contributions[], sign: 1 | -1 = 1): Contributions {
  const a = adders();
  for (const c of parts) {
    for (const r of c.daily) a.daily.addRow(r, sign);
    for (const r of c.monthly) a.monthly.addRow(r, sign);
    for (const r of c.officers) a.officers.addRow(r, sign);
  }
  return listed(a);
}

/** The signed changes that turn the contributions of `before` (null: none yet) into those of `after`. */
export function diffContributions(before: DossierFacts | null, after: DossierFacts | null): Contributions {
  const removed = before ? [sumContributions([contributions(before)], -1)] : [];
  return sumContributions([...removed, ...(after ? [contributions(after)] : [])]);
}
