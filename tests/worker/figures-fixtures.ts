import { expect } from "vitest";
import { type Contributions, contributions, type DossierFacts, sumContributions } from "../../shared/src/figures/facts";
import { dossierIdsAfter } from "../../worker/src/db/repo/figures";
import { figuresDaily, figuresMonthly, figuresOfficers } from "../../worker/src/db/schema";
import { deriveFacts } from "../../worker/src/figures/derive";
import { db } from "./helpers";

/** Rows as sorted "key | counter=n …" lines, zero counters and all-zero rows left out. */
function lines(rows: readonly { key: object; counts: Record<string, number | undefined> }[]) {
  return rows
    .map((r) => {
      const counts = Object.entries(r.counts)
        .filter(([, n]) => n)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, n]) => `${k}=${n}`);
      return counts.length ? `${Object.values(r.key).join(" ")} | ${counts.join(" ")}` : "";
    })
    .filter(Boolean)
    .sort();
}

const split = <K extends string>(row: Record<string, unknown>, keys: readonly K[]) => ({
  key: Object.fromEntries(keys.map((k) => [k, row[k]])),
  counts: Object.fromEntries(Object.entries(row).filter(([k]) => !(keys as readonly string[]).includes(k))) as Record<
    string,
    number
  >,
});

/** The three figure tables as kept. */
export async function keptTables() {
  const [daily, monthly, officers] = await db().batch([
    db().select().from(figuresDaily),
    db().select().from(figuresMonthly),
    db().select().from(figuresOfficers),
  ]);
  return {
    daily: lines(daily.map((r) => split(r, ["day", "unitId", "procedureId", "channel"] as const))),
    monthly: lines(monthly.map((r) => split(r, ["month", "unitId", "channel"] as const))),
    officers: lines(officers.map((r) => split(r, ["day", "unitId", "userId"] as const))),
  };
}

/** What the tables must hold: every dossier's contributions, derived afresh from the raw dossiers. */
export async function recomputedTables() {
  const parts: Contributions[] = [];
  for (let after = ""; ; ) {
    const ids = await dossierIdsAfter(db(), after, 50);
    if (ids.length === 0) break;
    for (const f of (await deriveFacts(db(), ids)).values()) parts.push(contributions(f));
    after = ids.at(-1)!;
  }
  const all = sumContributions(parts);
  return {
    daily: lines(
      all.daily.map((r) => ({
        key: { day: r.key.day, u: r.key.unitId, p: r.key.procedureId, c: r.key.channel },
        counts: r.counts,
      })),
    ),
    monthly: lines(all.monthly),
    officers: lines(all.officers),
  };
}

export async function expectKeptEqualsRecomputed() {
  expect(await keptTables()).toEqual(await recomputedTables());
}

/** Every dossier's facts, derived afresh. */
export async function allFacts(): Promise<DossierFacts[]> {
  const facts: DossierFacts[] = [];
  for (let after = ""; ; ) {
    const ids = await dossierIdsAfter(db(), after, 50);
    if (ids.length === 0) return facts;
    facts.push(...(await deriveFacts(db(), ids)).values());
    after = ids.at(-1)!;
  }
}

/**
 * A unit's stocks at the end of day b, straight from the definitions (DOMAIN §8), not from the
 * stored changes: open = accepted by b and not closed by b; overdue = open, not paused by b, and b
 * after the due date.
 */
export function referenceStocks(facts: readonly DossierFacts[], unitId: string, start: string, b: string) {
  const openAt = (f: DossierFacts, day: string) =>
    f.unitId === unitId && f.receivedDay !== null && f.receivedDay <= day && !(f.closed && f.closed.day <= day);
  const dayBefore = new Date(Date.parse(start) - 86_400_000).toISOString().slice(0, 10);
  return {
    openAtStart: facts.filter((f) => openAt(f, dayBefore)).length,
    openAtEnd: facts.filter((f) => openAt(f, b)).length,
    overdueAtEnd: facts.filter((f) => openAt(f, b) && !(f.pausedDay && f.pausedDay <= b) && b > f.dueDate!).length,
    received: facts.filter((f) => f.unitId === unitId && f.receivedDay && f.receivedDay >= start && f.receivedDay <= b).length,
  };
}
