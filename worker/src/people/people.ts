import type { PersonChangeBody, PersonDetail } from "../../../shared/src/admin/people";
import { hasUnit } from "../../../shared/src/auth/roles";
import type { Db } from "../db/client";
import { recordChange } from "../db/repo/changes";
import {
  activeUnitIds,
  anotherActiveAdmin,
  enableStatement,
  personById,
  replaceGrantsStatements,
  setRoleStatement,
} from "../db/repo/people";
import { type AuthUser, disableStatements } from "../db/repo/users";
import { conflict, notFound } from "../lib/errors";
import { assertMayGive, assertMayManage, assertUnitsActive, placement } from "./rules";

/**
 * Changes to a person's access. Each write and its record of change commit in one batch; a
 * session re-reads the account on every request, so a change holds from the caller's next request.
 */

const noPerson = () => notFound("Không tìm thấy người này.");
const invitationOnly = () =>
  conflict("Người dân chỉ trở thành cán bộ qua lời mời: hãy gửi lời mời để người này tự nhận bằng tài khoản của mình.");
const lastAdmin = () =>
  conflict("Tỉnh cần ít nhất một quản trị viên đang hoạt động: không thể hạ vai trò hoặc khóa quản trị viên cuối cùng.");

async function person(db: Db, actor: AuthUser, id: string) {
  const found = await personById(db, actor.provinceId, id);
  if (!found) throw noPerson();
  return found;
}

/** The guard a write needs when it removes an active admin: another one must remain. */
const adminGuard = (actor: AuthUser, target: PersonDetail, removesAdmin: boolean) =>
  target.role === "admin" && target.disabledAt === null && removesAdmin
    ? anotherActiveAdmin(actor.provinceId, target.id)
    : undefined;

export async function changePerson(db: Db, actor: AuthUser, id: string, body: PersonChangeBody): Promise<PersonDetail> {
  const target = await person(db, actor, id);
  assertMayManage(actor, target);
  const role = body.role ?? target.role;
  assertMayGive(actor, role);
  if (target.role === "resident" && role !== "resident") throw invitationOnly();
  const roleChanged = role !== target.role;
  const before = { role: target.role, unitId: target.unit?.id ?? null, grantUnitIds: target.grants.map((g) => g.id).sort() };
  // A role without a unit drops the unit and grants the person had, unless the body names them.
  const dropsUnit = roleChanged && !hasUnit(role);
  const after = placement(
    role,
    body.unitId !== undefined ? body.unitId : dropsUnit ? null : before.unitId,
    body.grantUnitIds ?? (dropsUnit ? [] : before.grantUnitIds),
  );
  const added = [after.unitId, ...after.grantUnitIds].filter(
    (u): u is string => u !== null && u !== before.unitId && !before.grantUnitIds.includes(u),
  );
  assertUnitsActive(added, await activeUnitIds(db, actor.provinceId, added));
  if (JSON.stringify(before) === JSON.stringify(after)) return target;

  const guard = adminGuard(actor, target, after.role !== "admin");
  const [updated] = await db.batch([
    setRoleStatement(db, id, after.role, after.unitId, guard),
    ...replaceGrantsStatements(db, id, after.grantUnitIds, actor.id, guard),
    recordChange(
      db,
      {
        provinceId: actor.provinceId,
        actorId: actor.id,
        entity: "person",
        entityId: id,
        action: "change",
        reason: body.reason,
        data: { before, after },
      },
      guard,
    ),
  ]);
  if (updated.meta.changes !== 1) throw lastAdmin();
  return person(db, actor, id);
}

/** Disables the account and ends all its sessions at once. Disabling a disabled account changes nothing. */
export async function disablePerson(db: Db, actor: AuthUser, id: string, reason: string): Promise<PersonDetail> {
  const target = await person(db, actor, id);
  assertMayManage(actor, target);
  if (target.disabledAt) return target;
  const at = new Date().toISOString();
  const guard = adminGuard(actor, target, true);
  const [disabled] = await db.batch([
    ...disableStatements(db, id, at, guard),
    recordChange(
      db,
      {
        provinceId: actor.provinceId,
        actorId: actor.id,
        entity: "person",
        entityId: id,
        action: "disable",
        reason,
        data: { role: target.role },
      },
      guard,
    ),
  ]);
  const now = await person(db, actor, id);
  if (disabled.meta.changes !== 1 && !now.disabledAt) throw lastAdmin();
  return now;
}

/** Enables a disabled account; its old sessions stay ended, the person signs in again. */
export async function enablePerson(db: Db, actor: AuthUser, id: string, reason: string): Promise<PersonDetail> {
  const target = await person(db, actor, id);
  assertMayManage(actor, target);
  if (!target.disabledAt) return target;
  await db.batch([
    enableStatement(db, id),
    recordChange(db, {
      provinceId: actor.provinceId,
      actorId: actor.id,
      entity: "person",
      entityId: id,
      action: "enable",
      reason,
      data: { disabledAt: target.disabledAt },
    }),
  ]);
  return person(db, actor, id);
}
