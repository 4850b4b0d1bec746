// Loads a catalogue into a local D1 (the SQLite file wrangler dev uses), through the same
// repository functions as the worker, and optionally a synthetic year of N dossiers for the figures.
// Usage: tsx scripts/seed.ts [--persist DIR] [--synthetic N [--synthetic-from M]] [--history N]
// (--synthetic-from M publishes only synthetic procedures M..N-1: growing a catalogue already seeded with M.)
import { parseArgs } from "node:util";
import { getPlatformProxy } from "wrangler";
import { createDb } from "../worker/src/db/client";
import { publishProcedureVersions } from "../worker/src/db/repo/catalogue";
import { type HistoryD1, hasHistory, seedHistory } from "./seed/history";
import { loadCatalogue } from "./seed/load";
import { readCatalogue } from "./seed/read";
import { bindLocalStaffAccounts } from "./seed/staff-accounts";
import { syntheticProcedures } from "./seed/synthetic";

const { values } = parseArgs({
  options: {
    persist: { type: "string", default: ".wrangler/state" },
    synthetic: { type: "string" },
    "synthetic-from": { type: "string" },
    history: { type: "string" },
  },
});

const catalogue = readCatalogue();
const proxy = await getPlatformProxy({
  configPath: "worker/wrangler.jsonc",
  persist: { path: `${values.persist}/v3` },
});
try {
  const db = createDb(proxy.env.DB as Parameters<typeof createDb>[0]);
  const counts = await loadCatalogue(db, catalogue);
  console.log(
    `Sample province: ${counts.units} units, ${counts.fields} fields, ${counts.procedures} procedures, ${counts.calendarDays} calendar days`,
  );
  const staff = await bindLocalStaffAccounts(db, catalogue.province.id);
  console.log(`Staff accounts bound to the local SSO: ${staff}`);
  if (values.synthetic) {
    const n = Number(values.synthetic);
    const { province, fields, units } = catalogue;
    const from = Number(values["synthetic-from"] ?? 0);
    await publishProcedureVersions(db, province.id, syntheticProcedures(n, fields, units).slice(from));
    console.log(`Synthetic procedures: ${n}`);
  }
  const historyDb = proxy.env.DB as HistoryD1;
  if (values.history && !(await hasHistory(historyDb))) {
    const count = Number(values.history);
    const { results } = await historyDb
      .prepare("SELECT id, code FROM procedures WHERE province_id = ? AND status = 'published'")
      .bind(catalogue.province.id)
      .all<{ id: number; code: string }>();
    const start = Date.now();
    await seedHistory(historyDb, {
      count,
      provinceId: catalogue.province.id,
      units: catalogue.units,
      procedures: catalogue.procedures,
      procedureIds: new Map(results.map((r) => [r.code, r.id])),
      now: new Date(),
    });
    console.log(`A synthetic year of ${count} dossiers for the figures (${(Date.now() - start) / 1000} s)`);
  }
} finally {
  await proxy.dispose();
}
