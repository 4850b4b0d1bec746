import type { AdminProcedure, ProcedureDraftBody, ProcedureVersionDetail } from "../../shared/src/admin/procedures";
import type { Session } from "../../shared/src/auth/api";
import { startSession } from "../../worker/src/auth/session";
import { upsertUser } from "../../worker/src/db/repo/users";
import { bearer, db, getJson, json, testEnv } from "./helpers";

let admins = 0;

/** A fresh province admin, signed in (two of them edit one draft in the race tests). */
export async function admin(): Promise<Session> {
  const id = `quan-tri-${++admins}-${crypto.randomUUID().slice(0, 8)}`;
  const user = await upsertUser(db(), "an-hoa", {
    id,
    role: "admin",
    unitId: null,
    displayName: `Quản trị ${admins}`,
    vneidVerified: false,
  });
  return startSession(db(), testEnv(), user);
}

const base = "/api/admin/procedures";

export const adminGet = <T = unknown>(session: Session, path: string) =>
  getJson<T>(`${base}${path}`, { headers: bearer(session) });

/** Opens (or reopens) the draft of `code`. */
export async function openDraft(session: Session, code: string) {
  return getJson<ProcedureVersionDetail>(`${base}/${code}/drafts`, { method: "POST", headers: bearer(session) });
}

/** The editable body of a version as the admin screen sends it back. */
export function bodyOf(detail: ProcedureVersionDetail): ProcedureDraftBody {
  const {
    code: _code,
    version: _version,
    status: _status,
    effectiveFrom: _effectiveFrom,
    publishOn: _publishOn,
    publishedAt: _publishedAt,
    revision: _revision,
    updatedAt: _updatedAt,
    updatedBy: _updatedBy,
    ...body
  } = detail;
  return body;
}

export function saveDraft(
  session: Session,
  draft: ProcedureVersionDetail,
  body: ProcedureDraftBody,
  revision: number | null = draft.revision,
) {
  const ifMatch: Record<string, string> = revision === null ? {} : { "If-Match": `"${revision}"` };
  return getJson<ProcedureVersionDetail>(
    `${base}/${draft.code}/drafts/${draft.version}`,
    json("PUT", body, { ...bearer(session), ...ifMatch }),
  );
}

export function publish(
  session: Session,
  version: ProcedureVersionDetail,
  body: { on?: string; reason: string } = { reason: "Công bố theo quyết định mới" },
) {
  return getJson<ProcedureVersionDetail>(
    `${base}/${version.code}/versions/${version.version}/publish`,
    json("POST", body, { ...bearer(session), "If-Match": `"${version.revision}"` }),
  );
}

/** A decision every publishable test version cites. */
export const DECISION = {
  number: "712/QĐ-UBND",
  title: "Công bố danh mục thủ tục hành chính",
  issuedOn: "2025-06-20",
  effectiveFrom: "2025-07-01",
};

/** Opens a draft of `code`, applies `change` to its body, saves and publishes it now. */
export async function publishChanged(session: Session, code: string, change: (body: ProcedureDraftBody) => ProcedureDraftBody) {
  const draft = (await openDraft(session, code)).body;
  const saved = await saveDraft(session, draft, change({ ...bodyOf(draft), decisions: [DECISION] }));
  if (saved.status !== 200) throw new Error(`saving failed: ${JSON.stringify(saved.body)}`);
  const published = await publish(session, saved.body);
  if (published.status !== 200) throw new Error(`publishing failed: ${JSON.stringify(published.body)}`);
  return published.body;
}

export const adminProcedure = (session: Session, code: string) => adminGet<AdminProcedure>(session, `/${code}`);
