import { sql } from "drizzle-orm";
import { renderSVG } from "uqr";
import { QrQuery } from "../../../shared/src/catalogue/api";
import { factory } from "../lib/factory";
import { validate } from "../lib/validate";
import { openApiDocument } from "../openapi";

const openApiJson = JSON.stringify(openApiDocument);

export const metaRoutes = factory
  .createApp()
  .get("/health", async (c) => {
    await c.var.db.run(sql`SELECT 1`);
    return c.json({ status: "ok" as const, database: "ok" as const, time: new Date().toISOString() }, 200);
  })
  .get("/openapi.json", (c) => c.body(openApiJson, 200, { "Content-Type": "application/json; charset=utf-8" }))
  // An SVG QR for posters and counters; the link base comes from configuration.
  .get("/qr", validate("query", QrQuery), (c) => {
    const link = `${c.env.QR_LINK_BASE}${c.req.valid("query").path}`;
    const svg = renderSVG(link, { ecc: "M", border: 2 });
    return c.body(svg, 200, {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "public, max-age=86400",
      "X-QR-Target": link,
    });
  });
