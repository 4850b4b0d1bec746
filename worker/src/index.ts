import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";
import { z } from "zod";
import { vi } from "zod/locales";
import { handleError, handleNotFound } from "./lib/errors";
import { factory } from "./lib/factory";
import { authRoutes, devAuthRoutes } from "./routes/auth";
import { fieldRoutes, unitRoutes } from "./routes/catalogue";
import { meRoutes } from "./routes/me";
import { metaRoutes } from "./routes/meta";
import { procedureRoutes } from "./routes/procedures";

// Validation messages that reach residents are in Vietnamese.
z.config(vi());

const app = factory.createApp();

app.use("*", secureHeaders({ crossOriginResourcePolicy: "cross-origin" }));
app.use(
  "/api/*",
  cors({
    origin: (origin, c) => (c.env.ALLOWED_ORIGINS.split(",").includes(origin) ? origin : null),
    allowMethods: ["GET", "POST", "PUT", "DELETE"],
    allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "X-File-Name"],
    maxAge: 600,
  }),
);

const routes = app
  .route("/api", metaRoutes)
  .route("/api/procedures", procedureRoutes)
  .route("/api/fields", fieldRoutes)
  .route("/api/units", unitRoutes)
  .route("/api/auth", authRoutes)
  .route("/api/auth/dev", devAuthRoutes)
  .route("/api/me", meRoutes);

app.onError(handleError);
app.notFound(handleNotFound);

export type AppType = typeof routes;
export default app;
