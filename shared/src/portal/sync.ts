import { z } from "zod";

/**
 * Sync of dossiers to the national public-service portal (DVCQG): per dossier, how far its events
 * have been acknowledged. "pending" has events not yet acknowledged; "dead" stopped after the
 * queue's retry cap and waits for an admin to re-send.
 */
export const PORTAL_SYNC_STATES = ["pending", "synced", "failed", "dead"] as const;
export const PortalSyncState = z.enum(PORTAL_SYNC_STATES);
export type PortalSyncState = z.infer<typeof PortalSyncState>;

/** A queue message: sync this dossier's events after what the portal already acknowledged. */
export const PortalSyncMessage = z.object({ dossierId: z.string() });
export type PortalSyncMessage = z.infer<typeof PortalSyncMessage>;
