import { createFactory } from "hono/factory";
import { createDb, type Db } from "../db/client";
import type { StaffScope } from "../db/repo/staff";
import type { AuthUser } from "../db/repo/users";

export type AppEnv = {
  Bindings: CloudflareBindings;
  /** `user` is set by requireUser() on routes that need a caller; `scope` on staff routes. */
  Variables: { db: Db; user: AuthUser & { sessionId: string }; scope: StaffScope };
};

export const factory = createFactory<AppEnv>({
  initApp: (app) => {
    app.use(async (c, next) => {
      c.set("db", createDb(c.env.DB));
      await next();
    });
  },
});
