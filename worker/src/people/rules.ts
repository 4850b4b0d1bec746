import { hasUnit, ROLE_LABELS, ROLE_RANK, type Role } from "../../../shared/src/auth/roles";
import type { AuthUser } from "../db/repo/users";
import { ApiError, forbidden, invalidField } from "../lib/errors";

/**
 * Who may change whom, decided here and nowhere else. Nobody changes their own role or disables
 * themselves, nobody touches a person ranked above them, and nobody gives a role above their own.
 * (The last active admin is guarded inside the write itself: see `anotherActiveAdmin`.)
 */
export function assertMayManage(actor: Pick<AuthUser, "id" | "role">, target: { id: string; role: Role }) {
  if (target.id === actor.id) throw forbidden("Bạn không thể tự thay đổi vai trò hoặc khóa tài khoản của chính mình.");
  if (ROLE_RANK[target.role] > ROLE_RANK[actor.role]) throw forbidden("Bạn không thể thay đổi người có vai trò cao hơn bạn.");
}

export function assertMayGive(actor: Pick<AuthUser, "role">, role: Role) {
  if (ROLE_RANK[role] > ROLE_RANK[actor.role])
    throw forbidden(`Bạn không thể giao vai trò "${ROLE_LABELS[role]}", cao hơn vai trò của bạn.`);
}

/** A role's unit and grants as they will be: roles without a unit carry none. */
export function placement(role: Role, unitId: string | null, grantUnitIds: readonly string[]) {
  if (!hasUnit(role)) {
    if (unitId || grantUnitIds.length > 0) throw invalidField("unitId", "Vai trò này không gắn với đơn vị");
    return { role, unitId: null, grantUnitIds: [] };
  }
  if (!unitId) throw invalidField("unitId", "Vai trò này cần chọn đơn vị công tác");
  return { role, unitId, grantUnitIds: [...new Set(grantUnitIds)].filter((id) => id !== unitId).sort() };
}

/** Every unit newly given must exist in the province and be active. */
export function assertUnitsActive(wanted: readonly string[], active: ReadonlySet<string>) {
  const missing = wanted.filter((id) => !active.has(id));
  if (missing.length > 0)
    throw new ApiError(
      400,
      "validation_failed",
      "Dữ liệu gửi lên không hợp lệ.",
      missing.map((id) => ({ path: "unitId", message: `Đơn vị "${id}" không tồn tại hoặc đã ngừng hoạt động` })),
    );
}
