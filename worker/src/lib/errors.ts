import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ErrorCode, ErrorEnvelope } from "../../../shared/src/api/errors";

/** An expected failure that becomes the JSON error envelope. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(status, { message });
  }
}

export const notFound = (message = "Không tìm thấy.") => new ApiError(404, "not_found", message);
export const unauthorized = (message = "Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.") =>
  new ApiError(401, "unauthorized", message);
export const forbidden = (message = "Bạn không có quyền thực hiện thao tác này.") => new ApiError(403, "forbidden", message);
export const conflict = (message: string, details?: unknown) => new ApiError(409, "conflict", message, details);
export const rateLimited = () => new ApiError(429, "rate_limited", "Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.");

function envelope(code: ErrorCode, message: string, details?: unknown): ErrorEnvelope {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: "bad_request",
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
 * One JSON line per security event, with a UTC timestamp. Only ids and route patterns are
 * logged, never request bodies, tokens, phone numbers, citizen ids or names.
 */
export function securityLog(c: Context, event: string, userId?: string, level: "info" | "warn" = "warn") {
  const line = JSON.stringify({
    level,
    at: new Date().toISOString(),
    event,
    route: `${c.req.method} ${c.req.routePath}`,
    user: userId ?? c.get("user")?.id ?? null,
  });
  if (level === "info") console.info(line);
  else console.warn(line);
}

/** The single error path: known errors keep their status, anything else is a logged, generic 500. */
export function handleError(err: Error, c: Context) {
  if (err instanceof ApiError) {
    if (SECURITY_STATUSES.has(err.status)) securityLog(c, err.code);
    return c.json(envelope(err.code, err.message, err.details), err.status);
  }
  if (err instanceof HTTPException) {
    const code = STATUS_CODES[err.status] ?? "bad_request";
    return c.json(envelope(code, err.message || "Yêu cầu không hợp lệ."), err.status);
  }
  // Log the error class and message only: request data may hold personal data.
  console.error(JSON.stringify({ level: "error", path: c.req.path, error: err.name, message: err.message }));
  return c.json(envelope("internal", "Hệ thống đang bận, vui lòng thử lại sau."), 500);
}

export function handleNotFound(c: Context) {
  return c.json(envelope("not_found", "Không tìm thấy đường dẫn này."), 404);
}
