import { and, asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { AdminUnit } from "../../../../shared/src/admin/units";
import type { UnitCohort, UnitKind } from "../../../../shared/src/catalogue/schemas";
import { STATUS_GROUPS } from "../../../../shared/src/dossier/status";
import type { Db } from "../client";
import { provinces, units, users } from "../schema";
import { type Change, recordChange } from "./changes";

/** The record of a unit change, written in the same batch as the change. */
export type UnitChange = Omit<Change, "entity">;

const record = (db: Db, change: UnitChange, onlyIf?: SQL) => recordChange(db, { ...change, entity: "unit" }, onlyIf);

const openStatuses = sql.raw(`(${STATUS_GROUPS.open.join(",")})`);
// Written out because drizzle leaves a single table's columns unqualified inside a subquery.
const openDossiers = sql<number>`(SELECT count(*) FROM dossiers d WHERE d.handling_unit_id = units.id AND d.status IN ${openStatuses})`;
const activeStaff = sql<number>`(SELECT count(*) FROM users s WHERE s.unit_id = units.id AND s.disabled_at IS NULL AND s.role IN ('officer', 'leader', 'helper'))`;
const mergedIntoName = sql<string | null>`(SELECT m.name FROM units m WHERE m.id = units.merged_into_id)`;

/** The province's name and electronic-identifier code (e.g. H99). */
export async function provinceOf(db: Db, provinceId: string) {
  const [row] = await db
    .select({ code: provinces.code, name: provinces.name })
    .from(provinces)
    .where(eq(provinces.id, provinceId));
  return row;
}

/** Every unit of the province, active or not, in the province's order. */
export async function adminUnits(db: Db, provinceId: string): Promise<AdminUnit[]> {
  const rows = await db
    .select({ u: units, openDossiers, activeStaff, mergedIntoName })
    .from(units)
    .where(eq(units.provinceId, provinceId))
    .orderBy(asc(units.sortOrder), asc(units.name));
  return rows.map(({ u, mergedIntoName: name, ...counts }) => ({
    id: u.id,
    parentId: u.parentId,
    kind: u.kind,
    name: u.name,
    electronicId: u.electronicId,
    address: u.address,
    phone: u.phone,
    hotline: u.hotline,
    priorityWeekdays: u.priorityWeekdays,
    cohort: u.cohort,
    sortOrder: u.sortOrder,
    deactivatedAt: u.deactivatedAt,
    mergedInto: u.mergedIntoId ? { id: u.mergedIntoId, name: name ?? "" } : null,
    openDossiers: Number(counts.openDossiers),
    activeStaff: Number(counts.activeStaff),
  }));
}

/** Any unit with this id, in any province: ids are global. */
export async function unitExists(db: Db, id: string): Promise<boolean> {
  return (await db.select({ id: units.id }).from(units).where(eq(units.id, id))).length > 0;
}

/** Electronic identifiers are unique across provinces too (the dossier code starts with one). */
export async function electronicIdTaken(db: Db, electronicId: string, exceptUnitId: string): Promise<boolean> {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.electronicId, electronicId));
  return row !== undefined && row.id !== exceptUnitId;
}

export type NewUnit = {
  id: string;
  provinceId: string;
  parentId: string;
  kind: UnitKind;
  name: string;
  electronicId: string;
  address: string;
  phone: string;
  hotline: string;
  priorityWeekdays: number[];
  cohort: UnitCohort;
};

/** Adds a unit at the end of the province's order, with its record. */
export async function insertUnit(db: Db, unit: NewUnit, change: UnitChange) {
  const sortOrder = sql<number>`(SELECT coalesce(max(sort_order), -1) + 1 FROM units WHERE province_id = ${unit.provinceId})`;
  await db.batch([db.insert(units).values({ ...unit, sortOrder }), record(db, change)]);
}

export type UnitSet = Partial<Omit<NewUnit, "id" | "provinceId" | "kind">>;

/** Changes an active unit's details, with its record; false when the unit was deactivated meanwhile. */
export async function updateUnit(db: Db, provinceId: string, id: string, set: UnitSet, change: UnitChange) {
  const [updated] = await db.batch([
    db
      .update(units)
      .set(set)
      .where(and(eq(units.provinceId, provinceId), eq(units.id, id), isNull(units.deactivatedAt))),
    record(db, change, sql`changes() > 0`),
  ]);
  return updated.meta.changes > 0;
}

const stillRetirable = (id: string) =>
  sql`NOT EXISTS (SELECT 1 FROM units c WHERE c.parent_id = ${id} AND c.deactivated_at IS NULL)`;

/**
 * Deactivates a unit that has no open dossier, active staff or active unit below it, checked again
 * inside the write; false when one appeared meanwhile (nothing is written then).
 */
export async function deactivateUnit(db: Db, provinceId: string, id: string, at: string, change: UnitChange) {
  const [updated] = await db.batch([
    db
      .update(units)
      .set({ deactivatedAt: at })
      .where(
        and(
          eq(units.provinceId, provinceId),
          eq(units.id, id),
          isNull(units.deactivatedAt),
          stillRetirable(id),
          sql`NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.handling_unit_id = ${id} AND d.status IN ${openStatuses})`,
          sql`NOT EXISTS (SELECT 1 FROM users s WHERE s.unit_id = ${id} AND s.disabled_at IS NULL AND s.role IN ('officer', 'leader', 'helper'))`,
        ),
      ),
    record(db, change, sql`changes() > 0`),
  ]);
  return updated.meta.changes > 0;
}

/**
 * Merges `sourceId` into `targetId` in one batch: the source is deactivated naming the target, and
 * everyone working for the source now works for the target. Dossiers are not touched: they keep the
 * units they were filed with and handled by. Returns how many people moved, or null when the
 * source or target changed meanwhile (nothing is written then).
 */
export async function mergeUnit(db: Db, provinceId: string, sourceId: string, targetId: string, at: string, change: UnitChange) {
  const merged = sql`EXISTS (SELECT 1 FROM units m WHERE m.id = ${sourceId} AND m.merged_into_id = ${targetId} AND m.deactivated_at = ${at})`;
  const [updated, moved] = await db.batch([
    db
      .update(units)
      .set({ deactivatedAt: at, mergedIntoId: targetId })
      .where(
        and(
          eq(units.provinceId, provinceId),
          eq(units.id, sourceId),
          isNull(units.deactivatedAt),
          stillRetirable(sourceId),
          sql`EXISTS (SELECT 1 FROM units t WHERE t.id = ${targetId} AND t.province_id = ${provinceId} AND t.deactivated_at IS NULL)`,
        ),
      ),
    db
      .update(users)
      .set({ unitId: targetId })
      .where(and(eq(users.unitId, sourceId), merged)),
    record(db, change, merged),
  ]);
  return updated.meta.changes > 0 ? moved.meta.changes : null;
}

/** A unit's successor: the active unit it was merged into, following merges of merges. */
export async function successorOf(db: Db, unitId: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db.all<{ id: string; name: string }>(sql`
    WITH RECURSIVE chain(id, depth) AS (
      SELECT merged_into_id, 1 FROM units WHERE id = ${unitId} AND merged_into_id IS NOT NULL
      UNION SELECT u.merged_into_id, c.depth + 1 FROM units u JOIN chain c ON u.id = c.id WHERE u.merged_into_id IS NOT NULL AND c.depth < 50)
    SELECT u.id, u.name FROM chain c JOIN units u ON u.id = c.id WHERE u.deactivated_at IS NULL ORDER BY c.depth LIMIT 1`);
  return row;
}
