import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { matchedRoutes } from "hono/route";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ERROR_CODES, type ErrorCode, type ErrorEnvelope } from "../../../shared/src/api/errors";

/** An expected failure that becomes the JSON error envelope. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string = ERROR_CODES[code].message,
    readonly details?: unknown,
  ) {
    super(status, { message });
  }
}

export const notFound = (message: string = ERROR_CODES.not_found.message) => new ApiError(404, "not_found", message);
export const unauthorized = (message: string = ERROR_CODES.unauthorized.message) => new ApiError(401, "unauthorized", message);
export const forbidden = (message: string = ERROR_CODES.forbidden.message) => new ApiError(403, "forbidden", message);
export const conflict = (message: string, details?: unknown) => new ApiError(409, "conflict", message, details);
export const rateLimited = () => new ApiError(429, "rate_limited");
/** A 400 naming the one field at fault, like a schema failure would. */
export const invalidField = (path: string, message: string) =>
  new ApiError(400, "validation_failed", ERROR_CODES.validation_failed.message, [{ path, message }]);

function envelope(code: ErrorCode, message: string, details?: unknown): ErrorEnvelope {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** The code of a framework error (body limits, unreadable requests) by its status. */
const FRAMEWORK_CODES: Partial<Record<number, ErrorCode>> = {
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

/** Refusals worth a security log line: who (a pseudonymous user id), which route pattern, why. */
const SECURITY_STATUSES = new Set([401, 403, 409, 422, 429]);

/**
 * The pattern of the endpoint a request matched ("GET /api/staff/dossiers/:code"), also when a
 * middleware refused it before the endpoint ran (its own pattern would be "/api/staff/*").
 */
function routePattern(c: Context): string {
  const endpoint = matchedRoutes(c).findLast((route) => route.method !== "ALL");
  return `${c.req.method} ${endpoint?.path ?? c.req.routePath}`;
}

/**
 * One JSON line per security event, with a UTC timestamp. Only ids and route patterns are
 * logged, never request bodies, tokens, phone numbers, citizen ids or names.
 */
export function securityLog(c: Context, event: string, userId?: string, level: "info" | "warn" = "warn") {
  const line = JSON.stringify({
    level,
    at: new Date().toISOString(),
    event,
    route: routePattern(c),
    user: userId ?? c.get("user")?.id ?? null,
  });
  if (level === "info") console.info(line);
  else console.warn(line);
}

/**
 * The single error path: known errors keep their status; framework errors get a documented code
 * and its Vietnamese message; anything else is a logged, generic 500.
 */
export function handleError(err: Error, c: Context) {
  if (err instanceof ApiError) {
    if (SECURITY_STATUSES.has(err.status)) securityLog(c, err.code);
    return c.json(envelope(err.code, err.message, err.details), err.status);
  }
  if (err instanceof HTTPException && err.status < 500) {
    const known = FRAMEWORK_CODES[err.status];
    const [code, status] = known ? [known, err.status] : (["bad_request", 400] as const);
    if (SECURITY_STATUSES.has(status)) securityLog(c, code);
    return c.json(envelope(code, ERROR_CODES[code].message), status);
  }
  // Log the route pattern, error class and message only: request data, and paths such as an
  // invitation's, may hold personal data or tokens.
  console.error(JSON.stringify({ level: "error", route: routePattern(c), error: err.name, message: err.message }));
  return c.json(envelope("internal", ERROR_CODES.internal.message), 500);
}

export function handleNotFound(c: Context) {
  return c.json(envelope("not_found", "Không tìm thấy đường dẫn này."), 404);
}
