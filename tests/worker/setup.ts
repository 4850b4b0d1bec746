import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { createDb } from "../../worker/src/db/client";
import { seedSampleProvince } from "../../worker/src/db/seed/seed";

// Idempotent: every test file starts from the migrated schema and the sample province.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await seedSampleProvince(createDb(env.DB));
