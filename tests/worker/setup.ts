import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { inject } from "vitest";
import { loadCatalogue } from "../../scripts/seed/load";
import { createDb } from "../../worker/src/db/client";

// Idempotent: every test file starts from the migrated schema and the sample province.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await loadCatalogue(createDb(env.DB), inject("sampleCatalogue"));
