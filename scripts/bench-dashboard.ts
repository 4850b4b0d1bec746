// The synthetic year (scripts/seed/history.ts) of the dashboard section of `npm run bench`, written
// into the persisted local D1 through the platform proxy while no wrangler dev serves it: first the
// year up to yesterday, then, once the figures are recomputed, the last day's events, so that the
// refresh of one day can be timed.
import { getPlatformProxy } from "wrangler";
import type { ProcedureInput, Unit } from "../shared/src/catalogue/schemas";
import { applyHistory, dropHistoryPlan, type HistoryD1, planHistory } from "./seed/history";

const DAY_MS = 86_400_000;
const seconds = (start: number) => Math.round((performance.now() - start) / 10) / 100;

async function withDb<T>(persistTo: string, work: (db: HistoryD1) => Promise<T>): Promise<T> {
  const proxy = await getPlatformProxy({ configPath: "worker/wrangler.jsonc", persist: { path: `${persistTo}/v3` } });
  try {
    return await work(proxy.env.DB as HistoryD1);
  } finally {
    await proxy.dispose();
  }
}

const countOf = async (db: HistoryD1, table: string) =>
  (await db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).all<{ n: number }>()).results[0]?.n ?? 0;

/** Plans `count` dossiers over the year before `now` and writes what happened up to a day before it. */
export function writeYearToYesterday(
  persistTo: string,
  opts: { count: number; now: Date; provinceId: string; units: readonly Unit[]; procedures: readonly ProcedureInput[] },
) {
  return withDb(persistTo, async (db) => {
    const { results } = await db
      .prepare("SELECT id, code FROM procedures WHERE province_id = ? AND status = 'published'")
      .bind(opts.provinceId)
      .all<{ id: number; code: string }>();
    let start = performance.now();
    await dropHistoryPlan(db);
    await planHistory(db, { ...opts, procedureIds: new Map(results.map((r) => [r.code, r.id])) });
    const planSeconds = seconds(start);
    start = performance.now();
    await applyHistory(db, opts.count, 0, opts.now.getTime() - DAY_MS);
    return {
      planSeconds,
      writeSeconds: seconds(start),
      dossiers: await countOf(db, "dossiers"),
      events: await countOf(db, "dossier_events"),
    };
  });
}

/** Writes the last day of the planned year (up to `now`) and drops the plan. */
export function writeLastDay(persistTo: string, { count, now }: { count: number; now: Date }) {
  return withDb(persistTo, async (db) => {
    const before = await countOf(db, "dossier_events");
    const start = performance.now();
    await applyHistory(db, count, now.getTime() - DAY_MS, now.getTime());
    const writeSeconds = seconds(start);
    await dropHistoryPlan(db);
    return { writeSeconds, events: (await countOf(db, "dossier_events")) - before, dossiers: await countOf(db, "dossiers") };
  });
}
