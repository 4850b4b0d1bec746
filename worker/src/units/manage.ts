import {
  type AdminUnit,
  deactivateRefusal,
  electronicIdRefusal,
  mergeRefusal,
  moveRefusal,
  type UnitChanges,
  type UnitCreateBody,
} from "../../../shared/src/admin/units";
import { defaultCohort } from "../../../shared/src/catalogue/schemas";
import type { Db } from "../db/client";
import {
  adminUnits,
  deactivateUnit,
  electronicIdTaken,
  insertUnit,
  mergeUnit,
  provinceOf,
  type UnitSet,
  unitExists,
  updateUnit,
} from "../db/repo/units";
import type { AuthUser } from "../db/repo/users";
import { ApiError, conflict, notFound } from "../lib/errors";

/**
 * The unit tree's changes, decided here: the shared rules (no cycles, the root stays the root,
 * electronic ids unique and of the province, nothing retired while it still has work) on the
 * province's current tree, then one batch that also records who changed what and why.
 */

const invalid = (path: string, message: string) => new ApiError(400, "validation_failed", message, [{ path, message }]);

/** The write's own conditions found the tree changed since it was read (a concurrent change). */
const changedMeanwhile = () => conflict("Đơn vị vừa được thay đổi. Vui lòng tải lại danh sách và thử lại.");

async function tree(db: Db, provinceId: string) {
  const units = await adminUnits(db, provinceId);
  const find = (id: string) => units.find((u) => u.id === id);
  return { units, find };
}

async function unitOf(db: Db, provinceId: string, id: string): Promise<AdminUnit> {
  const unit = (await tree(db, provinceId)).find(id);
  if (!unit) throw notFound("Không tìm thấy đơn vị này.");
  return unit;
}

async function checkElectronicId(db: Db, units: readonly AdminUnit[], provinceId: string, electronicId: string, unitId: string) {
  // Taken (in any province) is a conflict with existing data; anything else is a mistake in the request.
  if (await electronicIdTaken(db, electronicId, unitId))
    throw conflict(`Mã định danh điện tử ${electronicId} đã dùng cho đơn vị khác.`, [{ path: "electronicId" }]);
  const refusal = electronicIdRefusal(units, (await provinceOf(db, provinceId))?.code ?? "", electronicId, unitId);
  if (refusal) throw invalid("electronicId", refusal);
}

export async function createUnit(db: Db, admin: AuthUser, body: UnitCreateBody): Promise<AdminUnit> {
  const { provinceId } = admin;
  const { units } = await tree(db, provinceId);
  if (await unitExists(db, body.id)) throw conflict(`Mã đơn vị "${body.id}" đã có.`, [{ path: "id" }]);
  const placement = moveRefusal(units, { id: body.id, parentId: null, kind: body.kind }, body.parentId);
  if (placement) throw invalid("parentId", placement);
  await checkElectronicId(db, units, provinceId, body.electronicId, body.id);
  const { reason, ...fields } = body;
  const unit = { ...fields, provinceId, cohort: body.cohort ?? defaultCohort(body.kind) };
  await insertUnit(db, unit, {
    provinceId,
    actorId: admin.id,
    entityId: body.id,
    action: "create",
    reason,
    data: { after: fields },
  });
  return unitOf(db, provinceId, body.id);
}

/** Renames, moves or corrects a unit; a repeated request changes nothing more and records nothing. */
export async function changeUnit(db: Db, admin: AuthUser, id: string, changes: UnitChanges, reason: string): Promise<AdminUnit> {
  const { provinceId } = admin;
  const { units, find } = await tree(db, provinceId);
  const unit = find(id);
  if (!unit) throw notFound("Không tìm thấy đơn vị này.");
  if (unit.deactivatedAt) throw conflict("Đơn vị đã ngừng hoạt động; không sửa được thông tin.");
  const set: UnitSet = {};
  const before: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes) as [keyof UnitChanges, unknown][]) {
    if (value === undefined || JSON.stringify(unit[key]) === JSON.stringify(value)) continue;
    Object.assign(set, { [key]: value });
    before[key] = unit[key];
  }
  if (Object.keys(set).length === 0) return unit;
  if (set.parentId !== undefined) {
    const refusal = moveRefusal(units, unit, set.parentId);
    if (refusal) throw invalid("parentId", refusal);
  }
  if (set.electronicId !== undefined) await checkElectronicId(db, units, provinceId, set.electronicId, id);
  const change = { provinceId, actorId: admin.id, entityId: id, action: "change", reason, data: { before, after: set } };
  if (!(await updateUnit(db, provinceId, id, set, change)))
    throw conflict("Đơn vị vừa ngừng hoạt động; không sửa được thông tin.");
  return unitOf(db, provinceId, id);
}

/** Stops a unit that has no work left; one with open dossiers or staff is refused, naming both counts. */
export async function deactivate(db: Db, admin: AuthUser, id: string, reason: string): Promise<AdminUnit> {
  const { provinceId } = admin;
  const { units, find } = await tree(db, provinceId);
  const unit = find(id);
  if (!unit) throw notFound("Không tìm thấy đơn vị này.");
  const refusal = deactivateRefusal(units, unit);
  if (refusal) throw conflict(refusal, { openDossiers: unit.openDossiers, activeStaff: unit.activeStaff });
  const change = { provinceId, actorId: admin.id, entityId: id, action: "deactivate", reason, data: {} };
  if (!(await deactivateUnit(db, provinceId, id, new Date().toISOString(), change))) throw changedMeanwhile();
  return unitOf(db, provinceId, id);
}

/**
 * Merges a unit into another: the source stops taking dossiers and names the target as its
 * successor; its staff move to the target, whose scope then covers the source's dossiers
 * (access.ts). Dossiers keep the units they were filed with, so figures stay per unit.
 */
export async function merge(db: Db, admin: AuthUser, id: string, into: string, reason: string) {
  const { provinceId } = admin;
  const { units, find } = await tree(db, provinceId);
  const source = find(id);
  if (!source) throw notFound("Không tìm thấy đơn vị này.");
  const target = find(into);
  const refusal = mergeRefusal(units, source, target);
  if (refusal) throw conflict(refusal);
  const change = {
    provinceId,
    actorId: admin.id,
    entityId: id,
    action: "merge",
    reason,
    data: { into, openDossiers: source.openDossiers, movedStaff: source.activeStaff },
  };
  const moved = await mergeUnit(db, provinceId, id, into, new Date().toISOString(), change);
  if (moved === null) throw changedMeanwhile();
  return { source: await unitOf(db, provinceId, id), target: await unitOf(db, provinceId, into), movedStaff: moved };
}
