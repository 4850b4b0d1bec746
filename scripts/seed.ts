// Loads a catalogue into a local D1 (the SQLite file wrangler dev uses), through the same
// repository functions as the worker. Usage: tsx scripts/seed.ts [--persist DIR] [--synthetic N]
import { parseArgs } from "node:util";
import { getPlatformProxy } from "wrangler";
import { createDb } from "../worker/src/db/client";
import { publishProcedureVersions } from "../worker/src/db/repo/catalogue";
import { loadCatalogue } from "./seed/load";
import { readCatalogue } from "./seed/read";
import { bindLocalStaffAccounts } from "./seed/staff-accounts";
import { syntheticProcedures } from "./seed/synthetic";

const { values } = parseArgs({
  options: { persist: { type: "string", default: ".wrangler/state" }, synthetic: { type: "string" } },
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
    await publishProcedureVersions(db, province.id, syntheticProcedures(n, fields, units));
    console.log(`Synthetic procedures: ${n}`);
  }
} finally {
  await proxy.dispose();
}
