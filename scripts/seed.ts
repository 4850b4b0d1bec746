// Loads a catalogue into a local D1 (the SQLite file wrangler dev uses), through the same
// repository functions as the worker. Usage: tsx scripts/seed.ts [--persist DIR] [--synthetic N]
import { parseArgs } from "node:util";
import { getPlatformProxy } from "wrangler";
import { createDb } from "../worker/src/db/client";
import { upsertProcedures } from "../worker/src/db/repo/catalogue";
import { sampleProvince } from "../worker/src/db/seed/sample-province";
import { seedSampleProvince } from "../worker/src/db/seed/seed";
import { syntheticProcedures } from "../worker/src/db/seed/synthetic";

const { values } = parseArgs({
  options: { persist: { type: "string", default: ".wrangler/state" }, synthetic: { type: "string" } },
});

const proxy = await getPlatformProxy({
  configPath: "worker/wrangler.jsonc",
  persist: { path: `${values.persist}/v3` },
});
try {
  const db = createDb(proxy.env.DB as Parameters<typeof createDb>[0]);
  const counts = await seedSampleProvince(db);
  console.log(
    `Sample province: ${counts.units} units, ${counts.fields} fields, ${counts.procedures} procedures, ${counts.calendarDays} calendar days`,
  );
  if (values.synthetic) {
    const n = Number(values.synthetic);
    const { province, fields, units } = sampleProvince;
    await upsertProcedures(db, province.id, syntheticProcedures(n, fields, units));
    console.log(`Synthetic procedures: ${n}`);
  }
} finally {
  await proxy.dispose();
}
