import { and, desc, eq, gt, isNotNull, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { InvitationList, InvitationState } from "../../../../shared/src/admin/people";
import type { Db } from "../client";
import { invitations, staffUnitGrants, units, users } from "../schema";
import { decodeCursor, encodeCursor } from "./cursor";
import { unitNames } from "./people";

export type InvitationRow = typeof invitations.$inferSelect;

/** An invitation by the hash of its token, with its unit's and inviter's names. */
export async function invitationByTokenHash(db: Db, provinceId: string, tokenHash: string) {
  return db
    .select({ invitation: invitations, unitName: units.name, invitedBy: users.displayName })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.createdBy))
    .leftJoin(units, eq(units.id, invitations.unitId))
    .where(and(eq(invitations.tokenHash, tokenHash), eq(invitations.provinceId, provinceId)))
    .get();
}

export async function invitationById(db: Db, provinceId: string, id: string) {
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.provinceId, provinceId)))
    .get();
}

export const insertInvitation = (db: Db, row: typeof invitations.$inferInsert) => db.insert(invitations).values(row);

/** Where an invitation stands at `now`: used and revoked outrank expired. */
export function invitationState(
  row: Pick<InvitationRow, "acceptedAt" | "revokedAt" | "expiresAt">,
  now: string,
): InvitationState {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt <= now ? "expired" : "pending";
}

function stateFilter(state: InvitationState, now: string): SQL {
  const open = and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
  switch (state) {
    case "accepted":
      return isNotNull(invitations.acceptedAt);
    case "revoked":
      return and(isNull(invitations.acceptedAt), isNotNull(invitations.revokedAt))!;
    case "expired":
      return and(open, lte(invitations.expiresAt, now))!;
    case "pending":
      return and(open, gt(invitations.expiresAt, now))!;
  }
}

/** The province's invitations, newest first, paged by (createdAt, id). */
export async function listInvitations(
  db: Db,
  provinceId: string,
  query: { state?: InvitationState; cursor?: string; limit: number },
  now: string,
): Promise<InvitationList | null> {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  if (after === null) return null;
  const rows = await db
    .select({
      i: invitations,
      unitName: units.name,
      creatorName: users.displayName,
      acceptorName: sql<
        string | null
      >`(SELECT acceptor.display_name FROM ${users} AS acceptor WHERE acceptor.id = ${invitations.acceptedBy})`.as(
        "acceptor_name",
      ),
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.createdBy))
    .leftJoin(units, eq(units.id, invitations.unitId))
    .where(
      and(
        eq(invitations.provinceId, provinceId),
        query.state ? stateFilter(query.state, now) : undefined,
        after ? sql`(${invitations.createdAt}, ${invitations.id}) < (${after[0]}, ${after[1]})` : undefined,
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const names = await unitNames(
    db,
    page.flatMap((r) => r.i.grantUnitIds),
  );
  const last = page.at(-1);
  return {
    items: page.map(({ i, unitName, creatorName, acceptorName }) => ({
      id: i.id,
      displayName: i.displayName,
      role: i.role as InvitationList["items"][number]["role"],
      unit: i.unitId ? { id: i.unitId, name: unitName ?? i.unitId } : null,
      grants: i.grantUnitIds.map((id) => ({ id, name: names.get(id) ?? id })),
      state: invitationState(i, now),
      createdBy: { id: i.createdBy, name: creatorName },
      createdAt: i.createdAt,
      expiresAt: i.expiresAt,
      acceptedAt: i.acceptedAt,
      acceptedBy: i.acceptedBy ? { id: i.acceptedBy, name: acceptorName ?? "" } : null,
      revokedAt: i.revokedAt,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.i.createdAt, last.i.id]) : null,
  };
}

/**
 * Revokes an invitation still open; `changes` is 0 when it was accepted or revoked meanwhile.
 * `tookEffect` is true in SQL, later in the same batch, only if this revocation did.
 */
export const revokeInvitationStatement = (db: Db, id: string, at: string) => ({
  statement: db
    .update(invitations)
    .set({ revokedAt: at })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt))),
  tookEffect: sql`EXISTS (SELECT 1 FROM ${invitations} WHERE ${invitations.id} = ${id} AND ${invitations.revokedAt} = ${at})`,
});

/**
 * The statements accepting an invitation for `userId`, for one batch. The first claims it in SQL
 * (still open, unexpired, the account an active resident of the province): of two concurrent
 * accepts exactly one changes a row. Every later statement runs only if this claim took effect.
 */
export function acceptInvitationStatements(db: Db, invitation: InvitationRow, userId: string, at: string) {
  const claimed = sql`EXISTS (SELECT 1 FROM ${invitations} WHERE ${invitations.id} = ${invitation.id} AND ${invitations.acceptedBy} = ${userId} AND ${invitations.acceptedAt} = ${at})`;
  const claim = db
    .update(invitations)
    .set({ acceptedAt: at, acceptedBy: userId })
    .where(
      and(
        eq(invitations.id, invitation.id),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, at),
        sql`EXISTS (SELECT 1 FROM ${users} WHERE ${users.id} = ${userId} AND ${users.provinceId} = ${invitation.provinceId} AND ${users.role} = 'resident' AND ${users.disabledAt} IS NULL)`,
      ),
    );
  const bind = db
    .update(users)
    .set({ role: invitation.role, unitId: invitation.unitId, displayName: invitation.displayName })
    .where(and(eq(users.id, userId), claimed));
  const grants = invitation.grantUnitIds.map((unitId) =>
    db
      .insert(staffUnitGrants)
      .select(sql`SELECT ${userId}, ${unitId}, ${invitation.createdBy}, ${at} WHERE ${claimed}`)
      .onConflictDoNothing(),
  );
  return { claimed, statements: [claim, bind, ...grants] as const };
}
