import { z } from "zod";
import { ChangeReason } from "../admin/changes";
import { Month } from "../figures/api";

/**
 * Sync of dossiers to the national public-service portal (DVCQG): per dossier, how far its events
 * have been acknowledged. "pending" has events not yet acknowledged; "dead" stopped after the
 * queue's retry cap and waits for an admin to re-send.
 */
export const PORTAL_SYNC_STATES = ["pending", "synced", "failed", "dead"] as const;
export const PortalSyncState = z.enum(PORTAL_SYNC_STATES);
export type PortalSyncState = z.infer<typeof PortalSyncState>;

/** How staff read a dossier's sync state. */
export const PORTAL_SYNC_LABELS: Record<PortalSyncState, string> = {
  synced: "Đã đồng bộ Cổng DVC quốc gia",
  pending: "Đang chờ đồng bộ",
  failed: "Lỗi đồng bộ",
  dead: "Ngừng đồng bộ — cần gửi lại",
};

/** States an admin may re-send from: the queue gave up, or is still retrying a failure. */
export const RESENDABLE_STATES: readonly PortalSyncState[] = ["failed", "dead"];

/** A queue message: sync this dossier's events after what the portal already acknowledged. */
export const PortalSyncMessage = z.object({ dossierId: z.string() });
export type PortalSyncMessage = z.infer<typeof PortalSyncMessage>;

/** `GET /api/staff/dossiers/:code/portal-sync`: the dossier's sync state as staff see it. */
export const PortalSyncStatus = z.object({
  state: PortalSyncState,
  label: z.string(),
  /** Events written but not yet acknowledged by the portal. */
  waitingEvents: z.number().int(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  syncedAt: z.string().nullable(),
  /** Whether the caller (a province admin) may re-send it now. */
  canResend: z.boolean(),
});
export type PortalSyncStatus = z.infer<typeof PortalSyncStatus>;

/** `POST /api/admin/portal-sync/dossiers/:code`: why the admin re-sends it, for the record of changes. */
export const ResendBody = z.object({ reason: ChangeReason });

/** `GET /api/admin/portal-sync`: coverage and lag of a month (DOMAIN §8). */
export const PortalCoverageQuery = z.object({ month: Month.optional() });

/**
 * One unit's sync figures over the dossiers it accepted in the month (R): how many the portal holds
 * with their current status, and how long the portal lagged behind.
 */
export const UnitPortalCoverage = z.object({
  unitId: z.string(),
  unitName: z.string(),
  received: z.number().int(),
  synced: z.number().int(),
  /** synced ÷ received, null when nothing was received. */
  coverage: z.number().nullable(),
  /** Mean minutes from a synced dossier's latest event to the portal's acknowledgement. */
  meanLagMinutes: z.number().nullable(),
  /** Minutes the oldest event still waiting has waited, null when nothing waits. */
  oldestWaitingMinutes: z.number().nullable(),
  failed: z.number().int(),
  dead: z.number().int(),
});
export type UnitPortalCoverage = z.infer<typeof UnitPortalCoverage>;

export const PortalCoverage = z.object({
  month: Month,
  province: UnitPortalCoverage.omit({ unitId: true, unitName: true }),
  units: z.array(UnitPortalCoverage),
});
export type PortalCoverage = z.infer<typeof PortalCoverage>;
