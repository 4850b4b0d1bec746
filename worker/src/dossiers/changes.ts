import { vietnamDate } from "../../../shared/src/time/vietnam";
import type { Db } from "../db/client";
import { inboxStamp, type StaffScope, type Viewer } from "../db/repo/staff";

/**
 * The ETag of what the inbox shows `viewer` for `variant` (the query string, or "summary"): it
 * changes when a dossier of their units changes, when they open a dossier, when their units
 * change and at midnight in Vietnam (due dates are judged against today). Read before the inbox
 * itself, so a change in between only costs one extra refresh.
 */
export async function inboxTag(db: Db, scope: StaffScope, viewer: Viewer, variant: string, now = new Date()): Promise<string> {
  const stamp = await inboxStamp(db, scope, viewer);
  const parts = [vietnamDate(now), stamp.units, stamp.seen, viewer.id, viewer.role, scope.unitIds, variant];
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(JSON.stringify(parts)));
  const hex = [...new Uint8Array(digest).slice(0, 12)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `W/"${hex}"`;
}

/** Whether an If-None-Match header names `tag` (weak comparison, as RFC 9110 asks for GET). */
export function unchanged(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  const weak = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => t.trim() === "*" || weak(t) === weak(tag));
}
