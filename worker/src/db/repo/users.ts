import { and, eq, isNull, notExists, type SQL, sql } from "drizzle-orm";
import type { Me, Role } from "../../../../shared/src/auth/api";
import type { VneidClaims } from "../../../../shared/src/identity/claims";
import type { Db } from "../client";
import { sessions, users } from "../schema";

export type User = typeof users.$inferSelect;

/** What routes know about the caller. */
export type AuthUser = Pick<User, "id" | "provinceId" | "role" | "unitId" | "displayName"> & { vneidVerified: boolean };

export function toMe(user: User): Me {
  return {
    id: user.id,
    role: user.role,
    displayName: user.displayName,
    unitId: user.unitId,
    phoneHint: user.phone ? `••• ••• ${user.phone.slice(-3)}` : null,
    vneidVerified: user.vneidVerifiedAt !== null,
  };
}

/** The resident behind a Zalo id, created on first sign-in. Only the name Zalo already shares is kept. */
export async function upsertZaloUser(db: Db, provinceId: string, zaloId: string, name: string): Promise<User> {
  const [user] = await db
    .insert(users)
    .values({ id: crypto.randomUUID(), provinceId, zaloId, role: "resident", displayName: name })
    .onConflictDoUpdate({
      target: users.zaloId,
      // Staff keep the name their invitation gave them (it is printed on receipts), not their Zalo name.
      set: {
        displayName: sql`CASE WHEN excluded.display_name = '' OR role <> 'resident' THEN display_name ELSE excluded.display_name END`,
      },
    })
    .returning();
  return user!;
}

export type UserSeed = {
  id: string;
  role: Role;
  unitId: string | null;
  displayName: string;
  vneidVerified?: boolean;
  /** A verified seed's identity, as if its VNeID link had given these claims. */
  vneidClaims?: VneidClaims;
};

/**
 * Staff, admins and development personas are provisioned with fixed ids, each time as the seed
 * says: a persona without VNeID loses a link made since (its subject and claims too).
 */
export async function upsertUser(db: Db, provinceId: string, seed: UserSeed): Promise<User> {
  const row = {
    id: seed.id,
    provinceId,
    role: seed.role,
    unitId: seed.unitId,
    displayName: seed.displayName,
    vneidVerifiedAt: seed.vneidVerified ? sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` : null,
    vneidSubject: null,
    vneidClaims: seed.vneidVerified ? (seed.vneidClaims ?? null) : null,
  };
  const [user] = await db.insert(users).values(row).onConflictDoUpdate({ target: users.id, set: row }).returning();
  return user!;
}

export async function getUser(db: Db, id: string): Promise<User | undefined> {
  return db.query.users.findFirst({ where: eq(users.id, id) });
}

export async function setPhone(db: Db, userId: string, phone: string) {
  await db.update(users).set({ phone }).where(eq(users.id, userId));
}

/** Links a VNeID identity, keeping the claims of this link (the source of the eForm's identity fields). */
export async function markVneidVerified(db: Db, userId: string, subject: string, claims: VneidClaims | null) {
  await db
    .update(users)
    .set({ vneidSubject: subject, vneidClaims: claims, vneidVerifiedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
    .where(eq(users.id, userId));
}

export async function findUserBySsoSubject(db: Db, subject: string): Promise<User | undefined> {
  return db.query.users.findFirst({ where: eq(users.ssoSubject, subject) });
}

/**
 * The account behind an SSO subject, created as a resident's (no Zalo identity yet) when there is
 * none: an invited person accepting on a desktop. Concurrent callers get the same account.
 */
export async function findOrCreateSsoUser(db: Db, provinceId: string, subject: string): Promise<User> {
  await db
    .insert(users)
    .values({ id: crypto.randomUUID(), provinceId, role: "resident", ssoSubject: subject })
    .onConflictDoNothing({ target: users.ssoSubject });
  return (await findUserBySsoSubject(db, subject))!;
}

/**
 * Binds an SSO subject to an account that has none, in one statement, and only while no other
 * account holds it (the unique index is the last guard). False when nothing was bound.
 */
export async function bindSsoSubject(db: Db, userId: string, subject: string): Promise<boolean> {
  const taken = db.select({ id: users.id }).from(users).where(eq(users.ssoSubject, subject));
  const result = await db
    .update(users)
    .set({ ssoSubject: subject })
    .where(and(eq(users.id, userId), isNull(users.ssoSubject), notExists(taken)))
    .run();
  return result.meta.changes === 1;
}

/**
 * Disabling an account ends every session it has, in the same batch; only while `guard` holds
 * (the sessions end only if the account was disabled by this very statement list).
 */
export function disableStatements(db: Db, userId: string, at: string, guard?: SQL) {
  const disabledNow = sql`EXISTS (SELECT 1 FROM ${users} WHERE ${users.id} = ${userId} AND ${users.disabledAt} = ${at})`;
  return [
    db
      .update(users)
      .set({ disabledAt: at })
      .where(and(eq(users.id, userId), isNull(users.disabledAt), guard)),
    db
      .update(sessions)
      .set({ revokedAt: at })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), disabledNow)),
  ] as const;
}

export async function disableUser(db: Db, userId: string) {
  await db.batch(disableStatements(db, userId, new Date().toISOString()));
}
