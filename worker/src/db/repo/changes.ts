import { and, desc, eq, lt, type SQL, sql } from "drizzle-orm";
import type { ChangeEntity, ChangeList } from "../../../../shared/src/admin/changes";
import type { Db } from "../client";
import { adminChanges, users } from "../schema";

export type Change = {
  provinceId: string;
  actorId: string;
  entity: ChangeEntity;
  entityId: string;
  /** What was done, a short verb such as `invite`, `change`, `disable`, `publish`. */
  action: string;
  /** Why, in the admin's words. */
  reason: string;
  /** What changed: the fields before and after. Never tokens or personal data beyond names. */
  data: unknown;
};

/**
 * The statement recording one admin change, for the caller's own batch, so the change and its
 * record commit together. `onlyIf` makes the record conditional on SQL evaluated inside the batch
 * (e.g. that a conditional update before it took effect), so a refused write leaves no record.
 */
export function recordChange(db: Db, change: Change, onlyIf: SQL = sql`1`) {
  const { provinceId, actorId, entity, entityId, action, reason, data } = change;
  // The columns in the table's order: id (assigned by SQLite), province_id, actor_id, at, entity, entity_id, action, reason, data.
  return db
    .insert(adminChanges)
    .select(
      sql`SELECT NULL, ${provinceId}, ${actorId}, ${new Date().toISOString()}, ${entity}, ${entityId}, ${action}, ${reason}, ${JSON.stringify(data ?? {})} WHERE ${onlyIf}`,
    );
}

export type ChangeFilter = { entity?: ChangeEntity; entityId?: string; cursor?: number; limit: number };

/** The province's record of changes, newest first, with each actor's name. */
export async function listChanges(db: Db, provinceId: string, filter: ChangeFilter): Promise<ChangeList> {
  const rows = await db
    .select({ change: adminChanges, actorName: users.displayName })
    .from(adminChanges)
    .innerJoin(users, eq(users.id, adminChanges.actorId))
    .where(
      and(
        eq(adminChanges.provinceId, provinceId),
        filter.entity ? eq(adminChanges.entity, filter.entity) : undefined,
        filter.entityId ? eq(adminChanges.entityId, filter.entityId) : undefined,
        filter.cursor ? lt(adminChanges.id, filter.cursor) : undefined,
      ),
    )
    .orderBy(desc(adminChanges.id))
    .limit(filter.limit + 1);
  const items = rows.slice(0, filter.limit).map(({ change: c, actorName }) => ({
    id: c.id,
    at: c.at,
    actor: { id: c.actorId, name: actorName },
    entity: c.entity,
    entityId: c.entityId,
    action: c.action,
    reason: c.reason,
    data: c.data,
  }));
  return { items, nextCursor: rows.length > filter.limit ? String(items.at(-1)!.id) : null };
}
