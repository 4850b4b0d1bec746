import { PublicStatsQuery, PublicStatsUnitParam } from "../../../shared/src/figures/api";
import { isRunning, provinceStats, unitStats } from "../dashboard/stats";
import { factory } from "../lib/factory";
import { validate } from "../lib/validate";

/** A month that ended changes rarely (only a late correction); the running one within minutes. */
const cacheControl = (month: string, now: Date) => `public, max-age=${isRunning(month, now) ? 300 : 3600}`;

/** The province's and each unit's public figures (`/api/stats`): no sign-in, no personal data. */
export const statsRoutes = factory
  .createApp()
  .get("/province", validate("query", PublicStatsQuery), async (c) => {
    const now = new Date();
    const stats = await provinceStats(c.var.db, c.env.PROVINCE_ID, c.req.valid("query").month, now);
    return c.json(stats, 200, { "Cache-Control": cacheControl(stats.month, now) });
  })
  .get("/units/:id", validate("param", PublicStatsUnitParam), validate("query", PublicStatsQuery), async (c) => {
    const now = new Date();
    const stats = await unitStats(c.var.db, c.env.PROVINCE_ID, c.req.valid("param").id, c.req.valid("query").month, now);
    return c.json(stats, 200, { "Cache-Control": cacheControl(stats.month, now) });
  });
