import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { monthCounts, officerCounts, procedureCounts, trendCounts } from "../../worker/src/figures/read";
import { recording } from "./helpers";

describe("the dashboards' reads", () => {
  it("use the figure tables through their keys only: no dossier, no event, no whole-table scan", async () => {
    const { db, seen } = recording();
    const asOf = new Date("2026-03-15T05:00:00Z");
    await monthCounts(db, "2026-03", asOf);
    await trendCounts(db, null, ["2026-01", "2026-02", "2026-03"], asOf);
    await trendCounts(db, ["phuong-an-hoa"], ["2026-03"], asOf);
    await procedureCounts(db, "phuong-an-hoa", "2026-03", asOf);
    await officerCounts(db, "phuong-an-hoa", "2026-03", asOf);
    expect(seen.length).toBeGreaterThanOrEqual(7);
    for (const { sql, values } of seen) {
      expect(sql).not.toMatch(/"dossiers"|"dossier_events"/);
      const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .bind(...values)
        .all<{ detail: string }>();
      const scans = plan.results.map((r) => r.detail).filter((d) => /^SCAN figures_/.test(d));
      expect(scans, `${sql}\n${plan.results.map((r) => r.detail).join("\n")}`).toEqual([]);
    }
  });
});
