import { zValidator } from "@hono/zod-validator";
import type { Context, ValidationTargets } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ZodType } from "zod";
import { ApiError } from "./errors";

/** The largest JSON body a route accepts unless it names its own limit. */
export const MAX_JSON_BYTES = 256 * 1024;

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

type JsonOptions = {
  /** Bytes accepted; a bigger body is a 413 before it is read (from Content-Length, or while streaming). */
  maxBytes?: number;
  /** The 413's Vietnamese message. */
  tooLarge?: string;
};

/** A JSON body the route can parse: JSON by its Content-Type and by its text. */
async function readJson(c: Context) {
  const mediaType = (c.req.header("Content-Type") ?? "").split(";")[0]!.trim();
  if (!JSON_MEDIA_TYPE.test(mediaType))
    throw new ApiError(415, "unsupported_media_type", "Dữ liệu phải được gửi dưới dạng JSON (Content-Type: application/json).");
  try {
    // Hono caches the text, so the validator parses it again without reading the body twice.
    await c.req.json();
  } catch {
    throw new ApiError(400, "bad_request", "Dữ liệu gửi lên không phải JSON hợp lệ.");
  }
}

/**
 * zod validation of one request part; failures become a 400 envelope listing each problem. A
 * JSON body is size-limited before it is read, so every JSON route has a limit, and whatever runs
 * before this in the chain (authentication, rate limits) runs before the body is read.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(
  target: Target,
  schema: Schema,
  { maxBytes = MAX_JSON_BYTES, tooLarge = "Dữ liệu gửi lên quá lớn." }: JsonOptions = {},
) {
  const validator = zValidator(target, schema, (result) => {
    if (!result.success) {
      const details = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      throw new ApiError(400, "validation_failed", "Dữ liệu gửi lên không hợp lệ.", details);
    }
  });
  if (target !== "json") return validator;
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(413, "payload_too_large", tooLarge);
    },
  });
  const limited: typeof validator = async (c, next) => {
    await limit(c, async () => {
      await readJson(c);
      await validator(c, next);
    });
  };
  return limited;
}
