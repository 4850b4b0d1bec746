import { ROLE_LABELS } from "../../../shared/src/auth/roles";
import { inStatusGroup } from "../../../shared/src/dossier/status";
import type { Assignment } from "../../../shared/src/staff/changes";
import type { Db } from "../db/client";
import type { DossierRow, ViewRow } from "../db/repo/dossiers";
import { currentAssignment, type StaffScope, unitStaff, writeAssignment } from "../db/repo/staff";
import type { AuthUser } from "../db/repo/users";
import { ApiError, conflict, invalidField } from "../lib/errors";
import { inScope } from "./access";

/**
 * Assignment of a dossier to a named officer: only a leader of the unit handling it assigns, and
 * only to an active officer or leader who works for that unit.
 */

/** The caller leads a unit that handles the dossier (their own, a granted or a merged one). */
export const mayAssign = (user: AuthUser, scope: StaffScope, d: Pick<DossierRow, "provinceId" | "handlingUnitId">) =>
  user.role === "leader" && inScope(scope, d);

function requireLeader(user: AuthUser, scope: StaffScope, d: DossierRow) {
  if (!mayAssign(user, scope, d))
    throw new ApiError(403, "forbidden", "Chỉ lãnh đạo đơn vị giải quyết hồ sơ được phân công cán bộ.");
}

/** The officers the leader may assign the dossier to. */
export async function assigneesFor(db: Db, user: AuthUser, scope: StaffScope, row: ViewRow) {
  requireLeader(user, scope, row.d);
  const staff = await unitStaff(db, row.d.handlingUnitId);
  return { items: staff.map((s) => ({ id: s.id, name: s.name, roleLabel: ROLE_LABELS[s.role] })) };
}

/**
 * Gives the dossier to `userId` (null withdraws the assignment). Assigning it again to the same
 * person changes nothing, so a retried request records one assignment.
 */
export async function assignDossier(
  db: Db,
  user: AuthUser,
  scope: StaffScope,
  row: ViewRow,
  userId: string | null,
  now = new Date(),
): Promise<Assignment | null> {
  const { d } = row;
  requireLeader(user, scope, d);
  if (!inStatusGroup("open", d.status)) throw conflict("Hồ sơ đã kết thúc, không phân công được.");
  if (userId !== null && !(await unitStaff(db, d.handlingUnitId)).some((s) => s.id === userId))
    throw invalidField("userId", "Cán bộ được phân công phải thuộc đơn vị giải quyết hồ sơ.");
  if (userId !== d.assignedTo) await writeAssignment(db, d.id, userId, user.id, now.toISOString());
  return currentAssignment(db, { id: d.id, assignedTo: userId });
}
