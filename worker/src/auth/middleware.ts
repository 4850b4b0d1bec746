import type { Role } from "../../../shared/src/auth/api";
import { forbidden, rateLimited } from "../lib/errors";
import { factory } from "../lib/factory";
import { authenticate } from "./session";

/** Requires a signed-in caller with one of `roles`; sets `c.var.user`. A wrong role is a 403. */
export const requireUser = (...roles: Role[]) =>
  factory.createMiddleware(async (c, next) => {
    const user = await authenticate(c.var.db, c.env, c.req.header("Authorization"));
    if (roles.length > 0 && !roles.includes(user.role)) throw forbidden();
    c.set("user", user);
    await next();
  });

/** On a router that already ran requireUser(): narrows one route to `roles`. */
export const requireRole = (...roles: Role[]) =>
  factory.createMiddleware(async (c, next) => {
    if (!roles.includes(c.var.user.role)) throw forbidden();
    await next();
  });

/** Per-user (not per-IP: carrier NAT) rate limit through a Workers rate-limiting binding. */
export async function limit(limiter: RateLimit, key: string) {
  const { success } = await limiter.limit({ key });
  if (!success) throw rateLimited();
}
