import type { ActionBody, InboxQuery, IntakeBody } from "../../../shared/src/staff/api";
import { ApiFailure } from "./api";
import { type Authed, callAuthed, sendAuthed } from "./authed-api";

/** A polled read: null when the answer is still the one tagged `etag` (304), else the body and its new ETag. */
async function ifChanged<R extends Response & { status: number; json(): Promise<unknown> }>(
  request: (api: Authed, headers: Record<string, string>) => Promise<R>,
  etag: string | null,
): Promise<{ body: Awaited<ReturnType<Extract<R, { status: 200 }>["json"]>>; etag: string | null } | null> {
  try {
    const res = await sendAuthed((api) => request(api, etag ? { "If-None-Match": etag } : {}));
    if (res.status !== 200) return null;
    return {
      body: (await res.json()) as Awaited<ReturnType<Extract<R, { status: 200 }>["json"]>>,
      etag: res.headers.get("ETag"),
    };
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 304) return null;
    throw e;
  }
}

/**
 * The staff workspace's API (`/api/staff/*`) through the typed client: answers are typed by the
 * routes. Only the staff pages import this module, so residents never download it.
 */

export type InboxFilters = Partial<
  Pick<InboxQuery, "due" | "q" | "procedure" | "channel" | "unit" | "cursor" | "mine" | "changed">
> & {
  /** Comma-separated status codes, e.g. "2,4". */
  status?: string;
};

export const staffApi = {
  /** A page of the inbox; with the ETag of the last answer, null when nothing changed since. */
  inbox: (filters: InboxFilters, etag: string | null = null, limit = 30) => {
    const query: Record<string, string> = { limit: String(limit) };
    for (const [key, value] of Object.entries(filters)) if (value) query[key] = value;
    return ifChanged((api, headers) => api.staff.dossiers.$get({ query }, { headers }), etag);
  },
  /** The workspace entry's counts (new since I looked, due within a working day, mine); null when unchanged. */
  summary: (etag: string | null = null) => ifChanged((api, headers) => api.staff.summary.$get(undefined, { headers }), etag),
  /** The officers a unit leader may assign the dossier to. */
  assignees: (code: string) => callAuthed((api) => api.staff.dossiers[":code"].assignees.$get({ param: { code } })),
  assign: (code: string, userId: string | null) =>
    callAuthed((api) => api.staff.dossiers[":code"].assignee.$put({ param: { code }, json: { userId } })),
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

type InboxPage = NonNullable<Awaited<ReturnType<typeof staffApi.inbox>>>["body"];
export type StaffSummaryData = NonNullable<Awaited<ReturnType<typeof staffApi.summary>>>["body"];
export type Assignee = Awaited<ReturnType<typeof staffApi.assignees>>["items"][number];
export type InboxItem = InboxPage["items"][number];
export type InboxCounts = InboxPage["counts"];
export type StaffUnit = Awaited<ReturnType<typeof staffApi.units>>["items"][number];
export type StaffDossierData = Awaited<ReturnType<typeof staffApi.get>>;
export type TimelineEvent = StaffDossierData["timeline"][number];
export type AuditResult = Awaited<ReturnType<typeof staffApi.audit>>;
export type PortalSyncData = Awaited<ReturnType<typeof staffApi.portalSync>>;
