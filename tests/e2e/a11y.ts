import { createRequire } from "node:module";
import type { Page } from "@playwright/test";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Rules reported whatever axe's impact: every page has its <main> landmark. */
const ALWAYS_REPORTED = new Set(["landmark-one-main"]);

/** axe-core run on the current page: the serious and critical violations, and those of ALWAYS_REPORTED. */
export async function seriousA11yViolations(page: Page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v: { id: string; impact: string; nodes: unknown[] }) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.length,
    }));
  });
  return (result as { id: string; impact: string }[]).filter(
    (v) => v.impact === "serious" || v.impact === "critical" || ALWAYS_REPORTED.has(v.id),
  );
}
