import { opensWorkspace, processes } from "../../../shared/src/auth/roles";
import { DossierCode } from "../../../shared/src/dossier/code";
import type { Db } from "../db/client";
import { type DossierRow, dossierByCode, type TrackingRow, trackingRow, type ViewRow } from "../db/repo/dossiers";
import { feedbackWithFile } from "../db/repo/feedback";
import { dossiersWithFile, type FileRow, fileById } from "../db/repo/files";
import { type LookupRow, lookupRow } from "../db/repo/lookup";
import { type StaffScope, scopeUnitIds } from "../db/repo/staff";
import type { AuthUser } from "../db/repo/users";
import { timingSafeEqual } from "../lib/crypto";
import { ApiError, notFound } from "../lib/errors";

/**
 * Who may see or act on a dossier, decided here and nowhere else. A resident sees their own
 * dossiers; staff those their own unit or a granted unit handles; a province admin every dossier
 * of the province, without ever acting on one. Outside that, a dossier does not exist: a 404,
 * never a 403 that would confirm its code.
 */

type Placed = Pick<DossierRow, "applicantId" | "provinceId" | "handlingUnitId">;

const noDossier = () => notFound("Không tìm thấy hồ sơ.");

/**
 * What a staff member or admin may see: their own unit, explicit grants and the units merged into
 * either, or the whole province.
 */
export async function staffScope(db: Db, user: AuthUser): Promise<StaffScope> {
  if (user.role === "admin") return { provinceId: user.provinceId, unitIds: "all" };
  return { provinceId: user.provinceId, unitIds: await scopeUnitIds(db, user) };
}

export const inScope = (scope: StaffScope, d: Pick<DossierRow, "provinceId" | "handlingUnitId">) =>
  d.provinceId === scope.provinceId && (scope.unitIds === "all" || scope.unitIds.includes(d.handlingUnitId));

/**
 * Only staff act, on dossiers their units handle (after a transfer out of scope, nothing is left to
 * do), and never on a dossier they filed themselves: a colleague decides those.
 */
export const mayAct = (user: AuthUser, scope: StaffScope, d: Placed) =>
  processes(user.role) && inScope(scope, d) && d.applicantId !== user.id;

/**
 * The first of `candidates` the caller may see: as its applicant, as staff whose units handle it,
 * or as an admin of the province. The staff scope is read once, and only when needed. A community
 * digital team member has a unit but no workspace: they see only the summaries of the dossiers
 * they filed for residents, in their own list.
 */
async function firstVisible<D extends Placed>(db: Db, user: AuthUser, candidates: readonly D[]): Promise<D | undefined> {
  const own = candidates.find((d) => d.applicantId === user.id);
  if (own || !opensWorkspace(user.role) || candidates.length === 0) return own;
  const scope = await staffScope(db, user);
  return candidates.find((d) => inScope(scope, d));
}

/** A dossier the caller may see, whoever they are. */
export async function visibleDossier(db: Db, user: AuthUser, code: string): Promise<ViewRow> {
  const row = await dossierByCode(db, code);
  if (!row || !(await firstVisible(db, user, [row.d]))) throw noDossier();
  return row;
}

/** The caller's own dossier, for the applicant's steps. */
export async function applicantDossier(db: Db, user: AuthUser, code: string): Promise<ViewRow> {
  const row = await dossierByCode(db, code);
  if (!row || row.d.applicantId !== user.id) throw noDossier();
  return row;
}

/** A dossier the caller may act on as staff; their own is another officer's to decide. */
export async function actionableDossier(db: Db, user: AuthUser, scope: StaffScope, code: string): Promise<ViewRow> {
  const row = await scopedDossier(db, scope, code);
  if (!mayAct(user, scope, row.d)) throw new ApiError(403, "forbidden", "Bạn không xử lý hồ sơ do chính mình nộp.");
  return row;
}

/** A dossier in a staff member's or admin's scope, for the workspace. */
export async function scopedDossier(db: Db, scope: StaffScope, code: string): Promise<ViewRow> {
  const row = await dossierByCode(db, code);
  if (!row || !inScope(scope, row.d)) throw noDossier();
  return row;
}

/** The public status behind a tracking QR: a wrong or missing token is indistinguishable from no dossier. */
export async function trackedDossier(db: Db, code: string, token: string | undefined): Promise<TrackingRow> {
  const row = await trackingRow(db, code);
  if (!row || !token || !timingSafeEqual(token, row.d.trackingToken)) throw noDossier();
  return row;
}

/** How many second factors a dossier can have: the form's phone and citizen id, the registered phone and VNeID's. */
const FACTOR_SLOTS = 4;
const NO_FACTOR = "----";

/** The last four digits of each way the applicant is known, padded to FACTOR_SLOTS so every lookup compares as many. */
function secondFactors(row: LookupRow | undefined): string[] {
  const known: string[] = [];
  if (row) {
    for (const field of row.eform.fields)
      if (field.type === "phone" || field.type === "citizenId") known.push(String(row.d.form[field.key] ?? ""));
    known.push(row.phone ?? "", row.claims?.citizenId ?? "");
  }
  const lastFour = known.map((v) => v.replace(/\D/g, "")).flatMap((v) => (v.length >= 4 ? [v.slice(-4)] : []));
  return [...lastFour, ...Array(FACTOR_SLOTS).fill(NO_FACTOR)].slice(0, Math.max(FACTOR_SLOTS, lastFour.length));
}

/**
 * Lookup by code: the dossier whose code is `code` and whose applicant's phone or citizen id ends in
 * `digits`. A malformed code, an unknown code and a wrong factor are the same 404, after the same
 * query and as many constant-time comparisons.
 */
export async function lookedUpDossier(db: Db, code: string, digits: string): Promise<TrackingRow> {
  const valid = DossierCode.safeParse(code);
  const row = await lookupRow(db, valid.success ? valid.data : "");
  let match = false;
  for (const factor of secondFactors(row)) match = timingSafeEqual(factor, digits) || match;
  if (!row || !match) throw noDossier();
  return { d: row.d, procedureName: row.procedureName, unitName: row.unitName };
}

/** Staff receive counter and postal intake only at a unit of their own. */
export function requireReceivingUnit(scope: StaffScope, unitId: string) {
  if (!inScope(scope, { provinceId: scope.provinceId, handlingUnitId: unitId }))
    throw new ApiError(403, "forbidden", "Bạn chỉ tiếp nhận hồ sơ tại đơn vị mình phụ trách.");
}

/** An inbox filtered to one unit needs that unit in scope. */
export function requireInboxUnit(scope: StaffScope, unitId: string | undefined) {
  if (unitId && !inScope(scope, { provinceId: scope.provinceId, handlingUnitId: unitId }))
    throw new ApiError(403, "forbidden", "Bạn không phụ trách đơn vị này.");
}

/**
 * A file the caller may download: their own, or one attached to a dossier they may see (a
 * submitted document, a result, a reply); then `dossierId` names that dossier.
 */
export async function readableFile(db: Db, user: AuthUser, fileId: string): Promise<{ file: FileRow; dossierId?: string }> {
  const file = await fileById(db, fileId);
  if (!file) throw notFound("Không tìm thấy tệp.");
  if (file.ownerId === user.id) return { file };
  const dossier = await firstVisible(db, user, await dossiersWithFile(db, fileId));
  if (dossier) return { file, dossierId: dossier.id };
  // A photo of a feedback item: for the staff of the unit it was sent to.
  const items = (await feedbackWithFile(db, fileId)).map((f) => ({ ...f, applicantId: f.authorId, handlingUnitId: f.unitId }));
  if (!(await firstVisible(db, user, items))) throw notFound("Không tìm thấy tệp.");
  return { file };
}

/**
 * Feedback (phản ánh, kiến nghị) follows the same scope as dossiers: its author sees it, staff of
 * the unit it was sent to (and an admin) see it, anyone else gets a 404. Of the unit's staff, a
 * leader assigns it to an officer or leader of the unit, and the assignee or a leader replies; an
 * item a staff member wrote themselves is a colleague's to handle.
 */
export const feedbackInScope = (scope: StaffScope, f: { provinceId: string; unitId: string }) =>
  inScope(scope, { provinceId: f.provinceId, handlingUnitId: f.unitId });

export function feedbackActions(
  user: AuthUser,
  scope: StaffScope,
  f: { provinceId: string; unitId: string; authorId: string; assigneeId: string | null; status: string },
): ("assign" | "reply")[] {
  if (!processes(user.role) || !feedbackInScope(scope, f) || f.authorId === user.id || f.status === "answered") return [];
  const leads = user.role === "leader";
  return [...(leads ? (["assign"] as const) : []), ...(leads || f.assigneeId === user.id ? (["reply"] as const) : [])];
}

/**
 * The figures (dashboard, trends, drill-down, officers) of a unit: a province admin reads every
 * unit, a unit leader only the units of their scope; anything else is refused.
 */
export function requireFiguresUnit(scope: StaffScope, unitId: string) {
  if (!inScope(scope, { provinceId: scope.provinceId, handlingUnitId: unitId }))
    throw new ApiError(403, "forbidden", "Bạn chỉ xem số liệu của đơn vị mình phụ trách.");
}
