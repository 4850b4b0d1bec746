import {
  INVITATION_TTL_DAYS,
  type InvitationBody,
  type InvitationCreated,
  type InvitationPreview,
} from "../../../shared/src/admin/people";
import { ROLE_LABELS, type StaffRole } from "../../../shared/src/auth/roles";
import { invitationPath } from "../../../shared/src/links/deep-link";
import type { Db } from "../db/client";
import { recordChange } from "../db/repo/changes";
import {
  acceptInvitationStatements,
  type InvitationRow,
  insertInvitation,
  invitationById,
  invitationByTokenHash,
  invitationState,
  revokeInvitationStatement,
} from "../db/repo/invitations";
import { activeUnitIds } from "../db/repo/people";
import { type AuthUser, getUser, type User } from "../db/repo/users";
import { randomToken, sha256Hex } from "../lib/crypto";
import { ApiError, conflict, forbidden, notFound } from "../lib/errors";
import { assertMayGive, assertUnitsActive, placement } from "./rules";

/**
 * Invitations: the only way anyone becomes staff. The link carries a random token of which only
 * the SHA-256 is stored; it binds one account, once, within a week.
 */

type Refusal = "unknown" | "used" | "expired" | "revoked" | "already_staff";

const REFUSALS: Record<Refusal, string> = {
  unknown: "Không tìm thấy lời mời này. Vui lòng kiểm tra lại đường liên kết hoặc mã QR.",
  used: "Lời mời này đã được sử dụng. Mỗi lời mời chỉ dùng được một lần.",
  expired: "Lời mời này đã hết hạn. Vui lòng đề nghị quản trị viên gửi lời mời mới.",
  revoked: "Lời mời này đã bị thu hồi. Vui lòng liên hệ quản trị viên nếu cần.",
  already_staff: "Tài khoản của bạn đã có vai trò cán bộ. Mỗi người chỉ giữ một vai trò cán bộ.",
};

/** 404 for an unknown token and in a preview (nothing to show); 409 when an accept or a revocation does not fit the state. */
const refused = (reason: Refusal, status: 404 | 409) =>
  reason === "unknown" || status === 404
    ? new ApiError(404, "not_found", REFUSALS[reason], { reason })
    : conflict(REFUSALS[reason], { reason });

const stateRefusal = (row: InvitationRow, now: string): Refusal | null => {
  const state = invitationState(row, now);
  return state === "accepted" ? "used" : state === "pending" ? null : state;
};

export async function createInvitation(
  db: Db,
  linkBase: string,
  actor: AuthUser,
  body: InvitationBody,
): Promise<InvitationCreated> {
  assertMayGive(actor, body.role);
  const { unitId, grantUnitIds } = placement(body.role, body.unitId, body.grantUnitIds);
  const units = [...(unitId ? [unitId] : []), ...grantUnitIds];
  assertUnitsActive(units, await activeUnitIds(db, actor.provinceId, units));
  const token = randomToken();
  const id = crypto.randomUUID();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000).toISOString();
  await db.batch([
    insertInvitation(db, {
      id,
      provinceId: actor.provinceId,
      tokenHash: await sha256Hex(token),
      displayName: body.displayName,
      role: body.role,
      unitId,
      grantUnitIds,
      createdBy: actor.id,
      expiresAt,
    }),
    recordChange(db, {
      provinceId: actor.provinceId,
      actorId: actor.id,
      entity: "invitation",
      entityId: id,
      action: "invite",
      reason: body.reason,
      data: { displayName: body.displayName, role: body.role, unitId, grantUnitIds, expiresAt },
    }),
  ]);
  return { id, link: `${linkBase}${invitationPath(token)}`, token, expiresAt };
}

export async function revokeInvitation(db: Db, actor: AuthUser, id: string, reason: string) {
  const row = await invitationById(db, actor.provinceId, id);
  if (!row) throw notFound("Không tìm thấy lời mời này.");
  const refusal = stateRefusal(row, new Date().toISOString());
  if (refusal) throw refused(refusal, 409);
  const at = new Date().toISOString();
  const { statement, tookEffect } = revokeInvitationStatement(db, id, at);
  const [revoked] = await db.batch([
    statement,
    recordChange(
      db,
      { provinceId: actor.provinceId, actorId: actor.id, entity: "invitation", entityId: id, action: "revoke", reason, data: {} },
      tookEffect,
    ),
  ]);
  if (revoked.meta.changes !== 1) throw refused("used", 409);
}

async function openInvitation(db: Db, provinceId: string, token: string) {
  return invitationByTokenHash(db, provinceId, await sha256Hex(token));
}

/** What the invited person sees before accepting; an invitation that cannot be accepted is a 404 saying why. */
export async function previewInvitation(db: Db, provinceId: string, token: string): Promise<InvitationPreview> {
  const found = await openInvitation(db, provinceId, token);
  if (!found) throw refused("unknown", 404);
  const refusal = stateRefusal(found.invitation, new Date().toISOString());
  if (refusal) throw refused(refusal, 404);
  const { invitation, unitName, invitedBy } = found;
  const role = invitation.role as StaffRole;
  return {
    displayName: invitation.displayName,
    role,
    roleLabel: ROLE_LABELS[role],
    unit: invitation.unitId ? { id: invitation.unitId, name: unitName ?? invitation.unitId } : null,
    invitedBy,
    expiresAt: invitation.expiresAt,
  };
}

/**
 * Binds `userId` (signed in through Zalo, or through the staff SSO) to the invitation's role, unit
 * and grants, in one batch with the invitation marked accepted. Single use is decided in SQL: of
 * two concurrent accepts exactly one claims it. Accepting again with the same account is a no-op.
 * A person keeps at most one staff role, so an account that already has one is refused.
 */
export async function acceptInvitation(db: Db, provinceId: string, token: string, userId: string): Promise<User> {
  const found = await openInvitation(db, provinceId, token);
  if (!found) throw refused("unknown", 409);
  const { invitation } = found;
  const user = await getUser(db, userId);
  if (!user || user.provinceId !== provinceId || user.disabledAt) throw forbidden();
  if (invitation.acceptedBy === userId) return user;
  const refusal = stateRefusal(invitation, new Date().toISOString());
  if (refusal) throw refused(refusal, 409);
  if (user.role !== "resident") throw refused("already_staff", 409);
  const units = [...(invitation.unitId ? [invitation.unitId] : []), ...invitation.grantUnitIds];
  if ((await activeUnitIds(db, provinceId, units)).size !== new Set(units).size)
    throw conflict("Đơn vị trong lời mời đã ngừng hoạt động. Vui lòng liên hệ quản trị viên để được mời lại.");

  const at = new Date().toISOString();
  const { claimed, statements } = acceptInvitationStatements(db, invitation, userId, at);
  const [claim] = await db.batch([
    ...statements,
    recordChange(
      db,
      {
        provinceId,
        actorId: userId,
        entity: "invitation",
        entityId: invitation.id,
        action: "accept",
        reason: "",
        data: { userId, role: invitation.role, unitId: invitation.unitId, grantUnitIds: invitation.grantUnitIds },
      },
      claimed,
    ),
  ]);
  if (claim.meta.changes === 1) return (await getUser(db, userId))!;
  // Someone else won the race, or the state changed since it was read: say which.
  const now = await invitationById(db, provinceId, invitation.id);
  if (now?.acceptedBy === userId) return (await getUser(db, userId))!;
  throw refused(now ? (stateRefusal(now, at) ?? "already_staff") : "unknown", 409);
}
