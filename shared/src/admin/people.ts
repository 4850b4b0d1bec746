import { z } from "zod";
import { hasUnit, Role, StaffRole } from "../auth/roles";
import { ChangeReason } from "./changes";

/** A unit id as the catalogue spells them (`phuong-an-hoa`). */
export const UnitId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: "Mã đơn vị không hợp lệ" });
const UnitIds = z.array(UnitId).max(50, { error: "Tối đa 50 đơn vị được phân quyền" });

const UnitRef = z.object({ id: z.string(), name: z.string() });

/** A person as the back office sees them: never a phone number or a citizen id. */
export const PersonSummary = z.object({
  id: z.string(),
  displayName: z.string(),
  role: Role,
  unit: UnitRef.nullable(),
  /** Further units the person acts on (staff_unit_grants). */
  grants: z.array(UnitRef),
  zaloBound: z.boolean(),
  ssoBound: z.boolean(),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

/** `GET /api/admin/people/:id`. */
export const PersonDetail = PersonSummary.extend({ vneidVerified: z.boolean() });
export type PersonDetail = z.infer<typeof PersonDetail>;

export const PersonIdParam = z.object({ id: z.string().min(1).max(64) });

/**
 * `GET /api/admin/people`: by name; without `role`, everyone but residents (staff come by
 * invitation, residents by the thousand). `cursor` is the `nextCursor` of the previous page.
 */
export const PeopleQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: Role.optional(),
  unit: UnitId.optional(),
  disabled: z.enum(["true", "false"]).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const PeopleList = z.object({ items: z.array(PersonSummary), nextCursor: z.string().nullable() });
export type PeopleList = z.infer<typeof PeopleList>;

/** An admin serves the whole province; the other staff roles belong to a unit. */
function checkUnit(
  value: { role?: Role | undefined; unitId?: string | null | undefined; grantUnitIds?: string[] | undefined },
  ctx: z.core.$RefinementCtx,
) {
  if (value.role === undefined) return;
  if (hasUnit(value.role) && !value.unitId)
    ctx.addIssue({ code: "custom", path: ["unitId"], message: "Vai trò này cần chọn đơn vị công tác" });
  if (!hasUnit(value.role) && (value.unitId || (value.grantUnitIds?.length ?? 0) > 0))
    ctx.addIssue({ code: "custom", path: ["unitId"], message: "Vai trò này không gắn với đơn vị" });
}

/** `POST /api/admin/invitations`. */
export const InvitationBody = z
  .strictObject({
    displayName: z.string().trim().min(2, { error: "Họ và tên cần ít nhất 2 ký tự" }).max(100),
    role: StaffRole,
    unitId: UnitId.nullable().default(null),
    grantUnitIds: UnitIds.default([]),
    reason: ChangeReason,
  })
  .superRefine(checkUnit);
export type InvitationBody = z.infer<typeof InvitationBody>;

/** Seven days to accept an invitation. */
export const INVITATION_TTL_DAYS = 7;

/** The answer to creating an invitation: the token is shown this once and never stored. */
export const InvitationCreated = z.object({
  id: z.string(),
  /** `QR_LINK_BASE + /moi/<token>`: opens the acceptance page in Zalo. */
  link: z.string(),
  token: z.string(),
  expiresAt: z.string(),
});
export type InvitationCreated = z.infer<typeof InvitationCreated>;

export const INVITATION_STATES = ["pending", "accepted", "expired", "revoked"] as const;
export const InvitationState = z.enum(INVITATION_STATES);
export type InvitationState = z.infer<typeof InvitationState>;

export const INVITATION_STATE_LABELS: Record<InvitationState, string> = {
  pending: "Đang chờ nhận",
  accepted: "Đã nhận",
  expired: "Đã hết hạn",
  revoked: "Đã thu hồi",
};

export const InvitationSummary = z.object({
  id: z.string(),
  displayName: z.string(),
  role: StaffRole,
  unit: UnitRef.nullable(),
  grants: z.array(UnitRef),
  state: InvitationState,
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  /** The account the invitation was bound to. */
  acceptedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  revokedAt: z.string().nullable(),
});
export type InvitationSummary = z.infer<typeof InvitationSummary>;

/** `GET /api/admin/invitations`: newest first; `cursor` is the `nextCursor` of the previous page. */
export const InvitationsQuery = z.object({
  state: InvitationState.optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const InvitationList = z.object({ items: z.array(InvitationSummary), nextCursor: z.string().nullable() });
export type InvitationList = z.infer<typeof InvitationList>;

export const InvitationIdParam = z.object({ id: z.uuid({ error: "Mã lời mời không hợp lệ" }) });

/** A reason for revoking an invitation, disabling or enabling an account. */
export const ReasonBody = z.strictObject({ reason: ChangeReason });
export const RevokeInvitationBody = ReasonBody;
export const DisableBody = ReasonBody;
export const EnableBody = ReasonBody;

/** `PATCH /api/admin/people/:id`: any of role, unit and grants, always with a reason. */
export const PersonChangeBody = z
  .strictObject({
    role: Role.optional(),
    unitId: UnitId.nullable().optional(),
    grantUnitIds: UnitIds.optional(),
    reason: ChangeReason,
  })
  .refine((b) => b.role !== undefined || b.unitId !== undefined || b.grantUnitIds !== undefined, {
    error: "Chưa có thay đổi nào về vai trò, đơn vị hoặc phân quyền",
  });
export type PersonChangeBody = z.infer<typeof PersonChangeBody>;

/** The random token of an invitation link (32 bytes, base64url). */
export const InvitationToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: "Mã lời mời không hợp lệ" });
export const InvitationTokenParam = z.object({ token: InvitationToken });

/** `GET /api/invitations/:token`: what the invited person sees before accepting. */
export const InvitationPreview = z.object({
  displayName: z.string(),
  role: StaffRole,
  roleLabel: z.string(),
  unit: UnitRef.nullable(),
  invitedBy: z.string(),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

/** `POST /api/invitations/accept`. */
export const AcceptInvitationBody = z.strictObject({ token: InvitationToken });
