import type { Context } from "hono";
import type { Role } from "../../../shared/src/auth/api";
import { forbidden, rateLimited } from "../lib/errors";
import { type AppEnv, factory } from "../lib/factory";
import { authenticate } from "./session";

/**
 * Requires a signed-in caller with one of `roles`; sets `c.var.user` (also before refusing, so a
 * wrong role's 403 is logged with who asked). A wrong role is a 403.
 */
export const requireUser = (...roles: Role[]) =>
  factory.createMiddleware(async (c, next) => {
    const user = await authenticate(c.var.db, c.env, c.req.header("Authorization"));
    c.set("user", user);
    if (roles.length > 0 && !roles.includes(user.role)) throw forbidden();
    await next();
  });

/** On a router that already ran requireUser(): narrows one route to `roles`. */
export const requireRole = (...roles: Role[]) =>
  factory.createMiddleware(async (c, next) => {
    if (!roles.includes(c.var.user.role)) throw forbidden();
    await next();
  });

/** Counts one attempt under `key` with a Workers rate-limiting binding; over the limit is a 429. */
export async function limit(limiter: RateLimit, key: string) {
  const { success } = await limiter.limit({ key });
  if (!success) throw rateLimited();
}

type LimiterName = {
  [K in keyof CloudflareBindings]-?: CloudflareBindings[K] extends RateLimit ? K : never;
}[keyof CloudflareBindings];

/** A rate limit ahead of a route's body validation, so a refused request is never read. */
export const rateLimit = (limiter: LimiterName, key: (c: Context<AppEnv>) => string) =>
  factory.createMiddleware(async (c, next) => {
    await limit(c.env[limiter], key(c));
    await next();
  });

/**
 * Who is calling, by network: the IPv4 address, or the /64 prefix of an IPv6 one (a single
 * subscriber gets a whole /64, so anything finer could be rotated at will).
 */
export function clientAddress(header: string | undefined): string {
  if (!header) return "local";
  if (!header.includes(":")) return header;
  const [head = "", tail = ""] = header.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * A generous ceiling per client address for the sign-in routes, against floods. It is no
 * per-person limit: many residents share one address behind carrier NAT.
 */
export const addressCeiling = rateLimit("ADDRESS_LIMITER", (c) => `auth:${clientAddress(c.req.header("CF-Connecting-IP"))}`);
