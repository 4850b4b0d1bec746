import { createFactory } from "hono/factory";
import { createDb, type Db } from "../db/client";

export type AppEnv = {
  Bindings: CloudflareBindings;
  Variables: { db: Db };
};

export const factory = createFactory<AppEnv>({
  initApp: (app) => {
    app.use(async (c, next) => {
      c.set("db", createDb(c.env.DB));
      await next();
    });
  },
});
