import { z } from "zod";

/**
 * Who a person is to the province. Everyone who signs in with Zalo is a resident; the other roles
 * are given only by an admin's invitation, and a person with one of them still files their own
 * dossiers as a resident.
 * - officer: cán bộ một cửa / chuyên viên of a unit (plus units granted to them), processes dossiers;
 * - leader: lãnh đạo đơn vị, sees and acts on the unit's work and figures, approves what the unit decides;
 * - helper: tổ công nghệ số cộng đồng, files online on a resident's behalf, with their consent;
 * - admin: the province's administrator, runs the back office and reads every unit's work.
 */
export const ROLES = ["resident", "officer", "leader", "helper", "admin"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** The roles an invitation can give. */
export const STAFF_ROLES = ["officer", "leader", "helper", "admin"] as const satisfies readonly Role[];
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

/** Roles that act on dossiers in the staff workspace. */
export const PROCESSING_ROLES = ["officer", "leader"] as const satisfies readonly Role[];
/** Roles that open the staff workspace: those who act, and the admin who reads. */
export const WORKSPACE_ROLES = [...PROCESSING_ROLES, "admin"] as const satisfies readonly Role[];

/** Roles that file online for a resident beside them: the team, and counter staff for online-only procedures. */
export const ASSISTING_ROLES = ["helper", ...PROCESSING_ROLES] as const satisfies readonly Role[];

export const processes = (role: Role) => (PROCESSING_ROLES as readonly Role[]).includes(role);
export const assists = (role: Role) => (ASSISTING_ROLES as readonly Role[]).includes(role);
export const opensWorkspace = (role: Role) => (WORKSPACE_ROLES as readonly Role[]).includes(role);

/** Roles tied to a unit; an admin serves the whole province. */
export const hasUnit = (role: Role) => role === "officer" || role === "leader" || role === "helper";

/** Ordered by power: nobody may give a role above their own, nor raise their own. */
export const ROLE_RANK: Record<Role, number> = { resident: 0, helper: 1, officer: 2, leader: 3, admin: 4 };

export const ROLE_LABELS: Record<Role, string> = {
  resident: "Người dân",
  officer: "Cán bộ một cửa",
  leader: "Lãnh đạo đơn vị",
  helper: "Tổ công nghệ số cộng đồng",
  admin: "Quản trị tỉnh",
};
