import { z } from "zod";
import { UnitCohort, UnitId, UnitKind } from "../catalogue/schemas";
import { ChangeReason } from "./changes";

/**
 * The unit tree as the back office manages it (`/api/admin/units`), and the rules every change
 * of it obeys, pure so that the screen can offer only what the API accepts.
 */

const UnitRef = z.object({ id: UnitId, name: z.string() });

/** One unit of the tree, active or not, with what stands in the way of deactivating it. */
export const AdminUnit = z.object({
  id: UnitId,
  parentId: UnitId.nullable(),
  kind: UnitKind,
  name: z.string(),
  electronicId: z.string(),
  address: z.string(),
  phone: z.string(),
  hotline: z.string(),
  priorityWeekdays: z.array(z.number().int()),
  cohort: UnitCohort,
  sortOrder: z.number().int(),
  deactivatedAt: z.string().nullable(),
  /** The unit this one was merged into: its staff moved there, its dossiers kept naming this one. */
  mergedInto: UnitRef.nullable(),
  /** Dossiers this unit handles that are not closed (statuses 1, 2, 4, 5, 6, 9). */
  openDossiers: z.number().int(),
  /** People of a staff role working for this unit whose account is not disabled. */
  activeStaff: z.number().int(),
});
export type AdminUnit = z.infer<typeof AdminUnit>;

export const AdminUnitList = z.object({ items: z.array(AdminUnit) });

/** Electronic identifier of a unit (TT 10/2016): dot-separated groups ending with the province's code. */
export const ElectronicId = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9A-Z]+(\.[0-9A-Z]+)+$/, { error: "Mã định danh điện tử gồm các nhóm chữ số, chữ in hoa cách nhau bởi dấu chấm" });

/** Online dossiers go first on at most two working days (Monday = 1 … Friday = 5). */
export const MAX_PRIORITY_WEEKDAYS = 2;
export const PriorityWeekdays = z
  .array(z.number().int().min(1, { error: "Chọn từ Thứ Hai đến Thứ Sáu" }).max(5, { error: "Chọn từ Thứ Hai đến Thứ Sáu" }))
  .max(MAX_PRIORITY_WEEKDAYS, { error: `Chọn tối đa ${MAX_PRIORITY_WEEKDAYS} ngày ưu tiên` })
  .refine((days) => new Set(days).size === days.length, { error: "Mỗi ngày chỉ chọn một lần" })
  .transform((days) => [...days].sort());

const Phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^[0-9 .+()-]*$/, { error: "Số điện thoại chỉ gồm chữ số, dấu cách và + . ( ) -" });

const unitFields = {
  name: z.string().trim().min(3, { error: "Tên đơn vị cần ít nhất 3 ký tự" }).max(200),
  parentId: UnitId,
  electronicId: ElectronicId,
  address: z.string().trim().max(300),
  phone: Phone,
  hotline: Phone,
  priorityWeekdays: PriorityWeekdays,
  cohort: UnitCohort,
};

/** `POST /api/admin/units`: a department or a commune under an existing active unit. */
export const UnitCreateBody = z.strictObject({
  id: UnitId,
  kind: z.enum(["department", "commune"], { error: "Loại đơn vị là sở, ngành hoặc xã, phường, đặc khu" }),
  ...unitFields,
  address: unitFields.address.default(""),
  phone: unitFields.phone.default(""),
  hotline: unitFields.hotline.default(""),
  priorityWeekdays: unitFields.priorityWeekdays.default([]),
  cohort: UnitCohort.optional(),
  reason: ChangeReason,
});
export type UnitCreateBody = z.infer<typeof UnitCreateBody>;

/** `PATCH /api/admin/units/:id`: any of the unit's details; `parentId` moves it in the tree. */
export const UnitPatchBody = z
  .strictObject({
    name: unitFields.name.optional(),
    parentId: unitFields.parentId.optional(),
    electronicId: unitFields.electronicId.optional(),
    address: unitFields.address.optional(),
    phone: unitFields.phone.optional(),
    hotline: unitFields.hotline.optional(),
    priorityWeekdays: unitFields.priorityWeekdays.optional(),
    cohort: unitFields.cohort.optional(),
    reason: ChangeReason,
  })
  .refine((body) => Object.keys(body).some((key) => key !== "reason"), { error: "Không có thông tin nào thay đổi" });
export type UnitPatchBody = z.infer<typeof UnitPatchBody>;
export type UnitChanges = Omit<UnitPatchBody, "reason">;

/** `POST /api/admin/units/:id/deactivate`. */
export const UnitDeactivateBody = z.strictObject({ reason: ChangeReason });

/** `POST /api/admin/units/:id/merge`: this unit is merged into `into`. */
export const UnitMergeBody = z.strictObject({ into: UnitId, reason: ChangeReason });

/** What a merge did. */
export const UnitMergeResult = z.object({ source: AdminUnit, target: AdminUnit, movedStaff: z.number().int() });

export const AdminUnitIdParam = z.object({ id: UnitId });

// The rules. Each returns the Vietnamese reason a change is refused, or null.

type TreeNode = { id: string; parentId: string | null };

/** The ids of `id` and every unit below it. */
export function subtreeIds(units: readonly TreeNode[], id: string): Set<string> {
  const found = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of units)
      if (u.parentId !== null && found.has(u.parentId) && !found.has(u.id)) {
        found.add(u.id);
        grew = true;
      }
  }
  return found;
}

/** Why `unit` cannot be placed under `parentId`: the province root stays the root, and no unit goes under itself. */
export function moveRefusal(
  units: readonly (TreeNode & { kind: UnitKind; deactivatedAt: string | null })[],
  unit: TreeNode & { kind: UnitKind },
  parentId: string,
): string | null {
  if (unit.kind === "province") return "Không thể chuyển đơn vị cấp tỉnh (gốc của cây đơn vị).";
  const parent = units.find((u) => u.id === parentId);
  if (!parent) return `Không có đơn vị cấp trên "${parentId}".`;
  if (parent.deactivatedAt) return "Không thể đặt đơn vị dưới một đơn vị đã ngừng hoạt động.";
  if (subtreeIds(units, unit.id).has(parentId)) return "Không thể chuyển đơn vị vào dưới chính nó hoặc một đơn vị trực thuộc nó.";
  return null;
}

/** Why `electronicId` cannot be used: it must end with the province's code and be no other unit's. */
export function electronicIdRefusal(
  units: readonly { id: string; electronicId: string }[],
  provinceCode: string,
  electronicId: string,
  unitId: string,
): string | null {
  if (!electronicId.endsWith(`.${provinceCode}`)) return `Mã định danh điện tử phải kết thúc bằng .${provinceCode}.`;
  const other = units.find((u) => u.electronicId === electronicId && u.id !== unitId);
  return other ? `Mã định danh điện tử ${electronicId} đã dùng cho đơn vị khác.` : null;
}

type Retirable = TreeNode & { kind: UnitKind; deactivatedAt: string | null; openDossiers: number; activeStaff: number };

/** Why `unit` cannot stop taking dossiers as it is: it must be active, not the root, and have no active units below. */
function retireRefusal(units: readonly Retirable[], unit: Retirable): string | null {
  if (unit.kind === "province") return "Không thể ngừng hoạt động đơn vị cấp tỉnh.";
  if (unit.deactivatedAt) return "Đơn vị đã ngừng hoạt động.";
  const children = units.filter((u) => u.parentId === unit.id && !u.deactivatedAt).length;
  return children > 0
    ? `Đơn vị còn ${children} đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc sáp nhập các đơn vị đó trước.`
    : null;
}

/** Why `unit` cannot be deactivated: open dossiers or active staff need a merge instead, which carries them over. */
export function deactivateRefusal(units: readonly Retirable[], unit: Retirable): string | null {
  const refusal = retireRefusal(units, unit);
  if (refusal) return refusal;
  const left = [
    unit.openDossiers > 0 ? `${unit.openDossiers} hồ sơ chưa giải quyết xong` : "",
    unit.activeStaff > 0 ? `${unit.activeStaff} cán bộ đang làm việc` : "",
  ].filter(Boolean);
  return left.length > 0
    ? `Đơn vị còn ${left.join(" và ")}. Hãy sáp nhập đơn vị vào một đơn vị khác để chuyển cán bộ và tiếp tục giải quyết hồ sơ.`
    : null;
}

/** Why `unit` cannot be merged into `target`: both active, different, and the target not below the unit. */
export function mergeRefusal(units: readonly Retirable[], unit: Retirable, target: Retirable | undefined): string | null {
  const refusal = retireRefusal(units, unit);
  if (refusal) return refusal;
  if (!target) return "Không có đơn vị nhận sáp nhập này.";
  if (target.id === unit.id) return "Không thể sáp nhập đơn vị vào chính nó.";
  if (target.deactivatedAt) return "Đơn vị nhận sáp nhập đã ngừng hoạt động.";
  return null;
}
