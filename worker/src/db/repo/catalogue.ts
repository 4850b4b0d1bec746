import { and, asc, eq, sql } from "drizzle-orm";
import type { FieldWithCount, UnitWithCount } from "../../../../shared/src/catalogue/api";
import type { Field, ProcedureInput, Province, Unit } from "../../../../shared/src/catalogue/schemas";
import { procedureSearchText } from "../../../../shared/src/search/index-text";
import type { Db } from "../client";
import { fields, procedures, provinces, units } from "../schema";

/** D1 caps one batch's work; keep each batch comfortably small. */
const BATCH_SIZE = 200;

async function inBatches<T>(db: Db, items: T[], toStatement: (item: T) => Parameters<Db["batch"]>[0][number]) {
  for (let i = 0; i < items.length; i += BATCH_SIZE) {
    const statements = items.slice(i, i + BATCH_SIZE).map(toStatement);
    if (statements.length > 0) await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
  }
}

export async function upsertProvince(db: Db, province: Province) {
  await db
    .insert(provinces)
    .values(province)
    .onConflictDoUpdate({ target: provinces.id, set: { name: province.name, code: province.code } });
}

export async function upsertUnits(db: Db, provinceId: string, list: Unit[]) {
  const rows = list.map((u, sortOrder) => ({ ...u, provinceId, sortOrder }));
  await inBatches(db, rows, (row) => db.insert(units).values(row).onConflictDoUpdate({ target: units.id, set: row }));
}

export async function upsertFields(db: Db, provinceId: string, list: Field[]) {
  await inBatches(db, list, (f) => {
    const row = { ...f, provinceId };
    return db.insert(fields).values(row).onConflictDoUpdate({ target: fields.id, set: row });
  });
}

/** Inserts or replaces procedure versions, computing their folded search text. Idempotent. */
export async function upsertProcedures(db: Db, provinceId: string, list: ProcedureInput[]) {
  const fieldNames = new Map(
    (await db.select({ id: fields.id, name: fields.name }).from(fields).where(eq(fields.provinceId, provinceId))).map((f) => [
      f.id,
      f.name,
    ]),
  );
  await inBatches(db, list, (p) => {
    const row = {
      ...p,
      provinceId,
      ...procedureSearchText(p, fieldNames.get(p.fieldId) ?? ""),
      updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
    };
    return db
      .insert(procedures)
      .values(row)
      .onConflictDoUpdate({ target: [procedures.provinceId, procedures.code, procedures.version], set: row });
  });
}

const publishedIn = (provinceId: string) => and(eq(procedures.provinceId, provinceId), eq(procedures.status, "published"));

export async function listFields(db: Db, provinceId: string): Promise<FieldWithCount[]> {
  return db
    .select({ id: fields.id, name: fields.name, procedureCount: sql<number>`count(${procedures.id})` })
    .from(fields)
    .leftJoin(procedures, and(eq(procedures.fieldId, fields.id), publishedIn(provinceId)))
    .where(eq(fields.provinceId, provinceId))
    .groupBy(fields.id)
    .orderBy(asc(fields.sortOrder), asc(fields.name));
}

const unitColumns = {
  id: units.id,
  parentId: units.parentId,
  kind: units.kind,
  name: units.name,
  electronicId: units.electronicId,
  address: units.address,
  phone: units.phone,
  priorityWeekdays: units.priorityWeekdays,
};

/** Procedures a unit handles: its own provincial ones, or every commune-level one for a commune. */
function unitProcedureCount(provinceId: string) {
  return sql<number>`(SELECT count(*) FROM ${procedures} WHERE ${procedures.provinceId} = ${provinceId}
    AND ${procedures.status} = 'published'
    AND (${procedures.competentUnitId} = ${units.id} OR (${units.kind} = 'commune' AND ${procedures.unitLevel} = 'commune')))`;
}

export async function listUnits(db: Db, provinceId: string): Promise<UnitWithCount[]> {
  return db
    .select({ ...unitColumns, procedureCount: unitProcedureCount(provinceId) })
    .from(units)
    .where(eq(units.provinceId, provinceId))
    .orderBy(asc(units.sortOrder));
}

export async function getUnit(db: Db, provinceId: string, id: string): Promise<UnitWithCount | undefined> {
  const [unit] = await db
    .select({ ...unitColumns, procedureCount: unitProcedureCount(provinceId) })
    .from(units)
    .where(and(eq(units.provinceId, provinceId), eq(units.id, id)));
  return unit;
}
