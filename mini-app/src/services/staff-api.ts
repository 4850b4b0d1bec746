import type { SubmitResponse } from "../../../shared/src/dossier/api";
import type { ActionBody, AuditReport, Inbox, InboxQuery, IntakeBody, StaffDossierDetail } from "../../../shared/src/staff/api";
import { fetchAuthed } from "./authed-api";

/**
 * The staff workspace's API (`/api/staff/*`), typed by the shared contract. Only the staff
 * pages import this module, so residents never download it.
 */

export type InboxFilters = Partial<Pick<InboxQuery, "due" | "q" | "procedure" | "channel" | "unit" | "cursor">> & {
  /** Comma-separated status codes, e.g. "2,4". */
  status?: string;
};

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify(body),
});

const dossierPath = (code: string) => `/api/staff/dossiers/${encodeURIComponent(code)}`;

export const staffApi = {
  inbox: (filters: InboxFilters, limit = 30) => {
    const query = new URLSearchParams({ limit: String(limit) });
    for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
    return fetchAuthed<Inbox>(`/api/staff/dossiers?${query}`);
  },
  /** Opening a dossier is audited; `reason` says why (e.g. printing a form), else "Xem hồ sơ để giải quyết". */
  get: (code: string, reason?: string) =>
    fetchAuthed<StaffDossierDetail>(reason ? `${dossierPath(code)}?${new URLSearchParams({ reason })}` : dossierPath(code)),
  /** One step on a dossier, valid only against the version the officer saw (If-Match). */
  act: (code: string, version: number, body: ActionBody) =>
    fetchAuthed<StaffDossierDetail>(`${dossierPath(code)}/actions`, json(body, { "If-Match": `"${version}"` })),
  intake: (body: IntakeBody, idempotencyKey: string) =>
    fetchAuthed<SubmitResponse>("/api/staff/dossiers", json(body, { "Idempotency-Key": idempotencyKey })),
  units: () => fetchAuthed<{ items: { id: string; name: string }[] }>("/api/staff/units"),
  audit: (code: string) => fetchAuthed<AuditReport>(`${dossierPath(code)}/audit`),
};
