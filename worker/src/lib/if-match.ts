import { ApiError } from "./errors";

/** The ETag of a row's version or revision number. */
export const etag = (version: number) => `"${version}"`;

/**
 * `If-Match: "7"` (or W/"7", or 7) → 7; anything else is treated as not matching. Missing is a 428
 * with `message`, saying what the caller should have read first.
 */
export function ifMatchVersion(header: string | undefined, message: string): number | null {
  if (header === undefined) throw new ApiError(428, "precondition_required", message);
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  return match ? Number(match[1]) : null;
}
