import { z } from "zod";

/** Stable machine codes of the API's error envelope. */
export const ErrorCode = z.enum([
  "validation_failed",
  "bad_request",
  "unauthorized",
  "forbidden",
  "identity_required",
  "not_found",
  "conflict",
  "precondition_failed",
  "precondition_required",
  "idempotency_key_reused",
  "incomplete",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "upstream_failed",
  "internal",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorEnvelope = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
