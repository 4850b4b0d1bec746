import type { ActionBody, InboxQuery, IntakeBody } from "../../../shared/src/staff/api";
import { callAuthed } from "./authed-api";

/**
 * The staff workspace's API (`/api/staff/*`) through the typed client: answers are typed by the
 * routes. Only the staff pages import this module, so residents never download it.
 */

export type InboxFilters = Partial<Pick<InboxQuery, "due" | "q" | "procedure" | "channel" | "unit" | "cursor">> & {
  /** Comma-separated status codes, e.g. "2,4". */
  status?: string;
};

export const staffApi = {
  inbox: (filters: InboxFilters, limit = 30) => {
    const query: Record<string, string> = { limit: String(limit) };
    for (const [key, value] of Object.entries(filters)) if (value) query[key] = value;
    return callAuthed((api) => api.staff.dossiers.$get({ query }));
  },
  /** Opening a dossier is audited; `reason` says why (e.g. printing a form), else "Xem hồ sơ để giải quyết". */
  get: (code: string, reason?: string) =>
    callAuthed((api) => api.staff.dossiers[":code"].$get({ param: { code }, query: reason ? { reason } : {} })),
  /** One step on a dossier, valid only against the version the officer saw (If-Match). */
  act: (code: string, version: number, body: ActionBody) =>
    callAuthed((api) =>
      api.staff.dossiers[":code"].actions.$post({ param: { code }, json: body }, { headers: { "If-Match": `"${version}"` } }),
    ),
  intake: (body: IntakeBody, idempotencyKey: string) =>
    callAuthed((api) => api.staff.dossiers.$post({ json: body }, { headers: { "Idempotency-Key": idempotencyKey } })),
  units: () => callAuthed((api) => api.staff.units.$get()),
  /** Refunds a paid online payment (a dossier closed without a result, exempted, or paid twice). */
  refund: (code: string, body: { orderRef: string; reason: string }) =>
    callAuthed((api) => api.staff.dossiers[":code"].refunds.$post({ param: { code }, json: body })),
  audit: (code: string) => callAuthed((api) => api.staff.dossiers[":code"].audit.$get({ param: { code } })),
  /** The dossier's sync to the national portal. */
  portalSync: (code: string) => callAuthed((api) => api.staff.dossiers[":code"]["portal-sync"].$get({ param: { code } })),
  /** A province admin re-sends a failed or dead sync (the admin route; `canResend` says when). */
  resendToPortal: (code: string, reason: string) =>
    callAuthed((api) => api.admin["portal-sync"].dossiers[":code"].$post({ param: { code }, json: { reason } })),
};

type InboxPage = Awaited<ReturnType<typeof staffApi.inbox>>;
export type InboxItem = InboxPage["items"][number];
export type InboxCounts = InboxPage["counts"];
export type StaffUnit = Awaited<ReturnType<typeof staffApi.units>>["items"][number];
export type StaffDossierData = Awaited<ReturnType<typeof staffApi.get>>;
export type TimelineEvent = StaffDossierData["timeline"][number];
export type AuditResult = Awaited<ReturnType<typeof staffApi.audit>>;
export type PortalSyncData = Awaited<ReturnType<typeof staffApi.portalSync>>;
