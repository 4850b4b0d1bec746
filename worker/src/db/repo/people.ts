import { and, asc, eq, inArray, isNotNull, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { PeopleList, PersonDetail } from "../../../../shared/src/admin/people";
import type { Role } from "../../../../shared/src/auth/roles";
import type { Db } from "../client";
import { staffUnitGrants, units, users } from "../schema";
import { decodeCursor, encodeCursor } from "./cursor";
import type { User } from "./users";

export type PeopleFilter = { q?: string; role?: Role; unit?: string; disabled?: boolean; cursor?: string; limit: number };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** The grants of each of `userIds`. */
async function grantsByUser(db: Db, userIds: readonly string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const byUser = new Map<string, { id: string; name: string }[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({ userId: staffUnitGrants.userId, id: units.id, name: units.name })
    .from(staffUnitGrants)
    .innerJoin(units, eq(units.id, staffUnitGrants.unitId))
    .where(inArray(staffUnitGrants.userId, [...userIds]))
    .orderBy(units.sortOrder, units.name);
  for (const { userId, id, name } of rows) byUser.set(userId, [...(byUser.get(userId) ?? []), { id, name }]);
  return byUser;
}

const summary = (u: User, unitName: string | null, grants: { id: string; name: string }[]) => ({
  id: u.id,
  displayName: u.displayName,
  role: u.role,
  unit: u.unitId ? { id: u.unitId, name: unitName ?? u.unitId } : null,
  grants,
  zaloBound: u.zaloId !== null,
  ssoBound: u.ssoSubject !== null,
  disabledAt: u.disabledAt,
  createdAt: u.createdAt,
});

/** People of the province by name (then id); without a role filter, everyone but residents. Null for a foreign cursor. */
export async function listPeople(db: Db, provinceId: string, filter: PeopleFilter): Promise<PeopleList | null> {
  const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  if (after === null) return null;
  const rows = await db
    .select({ u: users, unitName: units.name })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        eq(users.provinceId, provinceId),
        filter.role ? eq(users.role, filter.role) : ne(users.role, "resident"),
        filter.unit
          ? or(
              eq(users.unitId, filter.unit),
              sql`EXISTS (SELECT 1 FROM ${staffUnitGrants} WHERE ${staffUnitGrants.userId} = ${users.id} AND ${staffUnitGrants.unitId} = ${filter.unit})`,
            )
          : undefined,
        filter.disabled === undefined ? undefined : filter.disabled ? isNotNull(users.disabledAt) : isNull(users.disabledAt),
        filter.q ? sql`${users.displayName} LIKE ${`%${escapeLike(filter.q)}%`} ESCAPE '\\'` : undefined,
        after ? sql`(${users.displayName}, ${users.id}) > (${after[0]}, ${after[1]})` : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const grants = await grantsByUser(
    db,
    page.map((r) => r.u.id),
  );
  const last = page.at(-1);
  return {
    items: page.map(({ u, unitName }) => summary(u, unitName, grants.get(u.id) ?? [])),
    nextCursor: rows.length > filter.limit && last ? encodeCursor([last.u.displayName, last.u.id]) : null,
  };
}

/** A person of the province with their unit and grants, or undefined. */
export async function personById(db: Db, provinceId: string, id: string): Promise<PersonDetail | undefined> {
  const found = await db
    .select({ u: users, unitName: units.name })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.id, id), eq(users.provinceId, provinceId)))
    .get();
  if (!found) return undefined;
  const grants = (await grantsByUser(db, [id])).get(id) ?? [];
  return { ...summary(found.u, found.unitName, grants), vneidVerified: found.u.vneidVerifiedAt !== null };
}

/** Names of units by id. */
export async function unitNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Which of `ids` are active (not deactivated, not merged) units of the province. */
export async function activeUnitIds(db: Db, provinceId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(
      and(
        eq(units.provinceId, provinceId),
        inArray(units.id, [...new Set(ids)]),
        isNull(units.deactivatedAt),
        isNull(units.mergedIntoId),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/**
 * True in SQL while the province keeps another active admin besides `userId`. A demotion or a
 * disabling of an admin carries it in its WHERE, so two admins removing each other at once can
 * never leave the province without one.
 */
export const anotherActiveAdmin = (provinceId: string, userId: string): SQL =>
  sql`EXISTS (SELECT 1 FROM ${users} WHERE ${users.provinceId} = ${provinceId} AND ${users.role} = 'admin' AND ${users.disabledAt} IS NULL AND ${users.id} <> ${userId})`;

/** Sets role and unit, only while `guard` holds. */
export const setRoleStatement = (db: Db, userId: string, role: Role, unitId: string | null, guard?: SQL) =>
  db
    .update(users)
    .set({ role, unitId })
    .where(and(eq(users.id, userId), guard));

/** Replaces a person's grants: the statements for the caller's batch. */
export function replaceGrantsStatements(db: Db, userId: string, unitIds: readonly string[], grantedBy: string, guard?: SQL) {
  const at = new Date().toISOString();
  return [
    db.delete(staffUnitGrants).where(and(eq(staffUnitGrants.userId, userId), guard)),
    ...unitIds.map((unitId) =>
      db.insert(staffUnitGrants).select(sql`SELECT ${userId}, ${unitId}, ${grantedBy}, ${at} WHERE ${guard ?? sql`1`}`),
    ),
  ];
}

export const enableStatement = (db: Db, userId: string) =>
  db
    .update(users)
    .set({ disabledAt: null })
    .where(and(eq(users.id, userId), isNotNull(users.disabledAt)));
