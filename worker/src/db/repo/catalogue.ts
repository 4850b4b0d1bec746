import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import type { FieldWithCount, UnitWithCount } from "../../../../shared/src/catalogue/api";
import {
  defaultCohort,
  type Field,
  type ProcedureInput,
  type Province,
  type Unit,
} from "../../../../shared/src/catalogue/schemas";
import { procedureSearchText } from "../../../../shared/src/search/index-text";
import type { Db } from "../client";
import { fields, procedures, provinces, units } from "../schema";

/** D1 caps one batch's work; keep each batch comfortably small. */
const STATEMENTS_PER_BATCH = 200;

type Statement = Parameters<Db["batch"]>[0][number];

/**
 * Runs statements in batches, each atomic; the statements of one item never straddle two batches.
 * `last` joins the final batch, so it commits only with the last item (e.g. the record of the change).
 */
async function inBatches<T>(db: Db, items: readonly T[], toStatements: (item: T) => Statement[], last?: Statement) {
  let batch: Statement[] = [];
  const flush = async () => {
    if (batch.length > 0) await db.batch(batch as [Statement, ...Statement[]]);
    batch = [];
  };
  for (const item of items) {
    const statements = toStatements(item);
    if (batch.length + statements.length > STATEMENTS_PER_BATCH) await flush();
    batch.push(...statements);
  }
  if (last) batch.push(last);
  await flush();
}

// The publishing functions: what loads the sample province and what a back office calls, for one
// item or many. Each is idempotent.

export async function upsertProvince(db: Db, province: Province) {
  await db
    .insert(provinces)
    .values(province)
    .onConflictDoUpdate({ target: provinces.id, set: { name: province.name, code: province.code } });
}

/**
 * Adds units or corrects them; `sortOrder` places each in the province's list of units. A hotline
 * or cohort the data leaves out is the back office's to set, and stays as it is.
 */
export async function upsertUnits(db: Db, provinceId: string, list: readonly (Unit & { sortOrder: number })[]) {
  await inBatches(db, list, (unit) => {
    const row = { ...unit, provinceId };
    return [
      db
        .insert(units)
        .values({ cohort: defaultCohort(unit.kind), ...row })
        .onConflictDoUpdate({ target: units.id, set: row }),
    ];
  });
}

export async function upsertFields(db: Db, provinceId: string, list: readonly Field[]) {
  await inBatches(db, list, (field) => {
    const row = { ...field, provinceId };
    return [db.insert(fields).values(row).onConflictDoUpdate({ target: fields.id, set: row })];
  });
}

/**
 * Saves procedure versions as given (draft, published or archived), with their folded search text.
 * Publishing a version archives the code's previously published version in the same batch, so a
 * code never has two published versions, nor none mid-way. Saving a version again replaces it.
 */
export async function publishProcedureVersions(
  db: Db,
  provinceId: string,
  versions: readonly StoredVersion[],
  { record, edited = false }: { record?: Statement; edited?: boolean } = {},
) {
  const fieldNames = new Map(
    (await db.select({ id: fields.id, name: fields.name }).from(fields).where(eq(fields.provinceId, provinceId))).map((f) => [
      f.id,
      f.name,
    ]),
  );
  const updatedAt = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
  await inBatches(
    db,
    versions,
    (p) => {
      const row = { ...p, provinceId, ...procedureSearchText(p, fieldNames.get(p.fieldId) ?? ""), updatedAt };
      // An edit of a stored draft moves its revision (its ETag), so an editor holding the old one cannot overwrite it.
      const set = edited ? { ...row, revision: sql`${procedures.revision} + 1` } : row;
      const save = db
        .insert(procedures)
        .values(row)
        .onConflictDoUpdate({ target: [procedures.provinceId, procedures.code, procedures.version], set });
      if (p.status !== "published") return [save];
      const archivePrevious = db
        .update(procedures)
        .set({ status: "archived", updatedAt })
        .where(
          and(
            eq(procedures.provinceId, provinceId),
            eq(procedures.code, p.code),
            eq(procedures.status, "published"),
            ne(procedures.version, p.version),
          ),
        );
      return [archivePrevious, save];
    },
    record,
  );
}

/** A version as the publishing functions store it: the data file's shape, plus what a back office adds. */
export type StoredVersion = ProcedureInput &
  Partial<Pick<ProcedureRow, "cases" | "decisions" | "result" | "requirements" | "externalSystem" | "updatedBy">>;

export type ProcedureRow = typeof procedures.$inferSelect;

/**
 * What an export carries: each code's published version, or its latest when none is published
 * (a new procedure still in draft), with its lĩnh vực's name.
 */
export async function currentVersions(db: Db, provinceId: string, code?: string) {
  const current = sql`coalesce(
    (SELECT q.version FROM procedures q WHERE q.province_id = ${provinceId} AND q.code = procedures.code AND q.status = 'published'),
    (SELECT max(q.version) FROM procedures q WHERE q.province_id = ${provinceId} AND q.code = procedures.code))`;
  return db
    .select({ row: procedures, fieldName: fields.name })
    .from(procedures)
    .innerJoin(fields, eq(fields.id, procedures.fieldId))
    .where(
      and(
        eq(procedures.provinceId, provinceId),
        code ? eq(procedures.code, code) : undefined,
        sql`${procedures.version} = ${current}`,
      ),
    )
    .orderBy(asc(procedures.code));
}

/** The latest version of each of `codes` (one query, however many codes: D1 binds at most 100 values). */
export async function latestVersionsOf(db: Db, provinceId: string, codes: readonly string[]): Promise<ProcedureRow[]> {
  return db
    .select()
    .from(procedures)
    .where(
      and(
        eq(procedures.provinceId, provinceId),
        sql`${procedures.code} IN (SELECT value FROM json_each(${JSON.stringify(codes)}))`,
        sql`${procedures.version} = (SELECT max(q.version) FROM procedures q WHERE q.province_id = ${provinceId} AND q.code = procedures.code)`,
      ),
    );
}

/** The province's fields and departments, by which a national record names its lĩnh vực and agency. */
export async function exchangeReferences(db: Db, provinceId: string) {
  const [fieldRows, departments] = await Promise.all([
    db.select({ id: fields.id, name: fields.name }).from(fields).where(eq(fields.provinceId, provinceId)),
    db
      .select({ id: units.id, name: units.name, deactivatedAt: units.deactivatedAt })
      .from(units)
      .where(and(eq(units.provinceId, provinceId), eq(units.kind, "department"))),
  ]);
  return { fields: fieldRows, departments };
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
  hotline: units.hotline,
  priorityWeekdays: units.priorityWeekdays,
  deactivatedAt: units.deactivatedAt,
  mergedIntoId: units.mergedIntoId,
  mergedIntoName: sql<string | null>`(SELECT m.name FROM units m WHERE m.id = units.merged_into_id)`,
};

type UnitRow = Omit<UnitWithCount, "deactivated" | "mergedInto"> & {
  deactivatedAt: string | null;
  mergedIntoId: string | null;
  mergedIntoName: string | null;
};

const publicUnit = ({ deactivatedAt, mergedIntoId, mergedIntoName, ...unit }: UnitRow): UnitWithCount => ({
  ...unit,
  deactivated: deactivatedAt !== null,
  mergedInto: mergedIntoId ? { id: mergedIntoId, name: mergedIntoName ?? "" } : null,
});

/**
 * Procedures a unit handles: those its department is competent for, or every commune-level one for a
 * commune. Written out in SQL because drizzle leaves a single table's columns unqualified, and inside
 * this subquery an unqualified `id` is the procedure's own.
 */
function unitProcedureCount(provinceId: string) {
  return sql<number>`(SELECT count(*) FROM procedures p WHERE p.province_id = ${provinceId} AND p.status = 'published'
    AND (p.competent_unit_id = units.id OR (units.kind = 'commune' AND p.unit_level = 'commune')))`;
}

/** The province's active units; a deactivated unit takes no dossiers and is listed no more. */
export async function listUnits(db: Db, provinceId: string): Promise<UnitWithCount[]> {
  const rows = await db
    .select({ ...unitColumns, procedureCount: unitProcedureCount(provinceId) })
    .from(units)
    .where(and(eq(units.provinceId, provinceId), isNull(units.deactivatedAt)))
    .orderBy(asc(units.sortOrder));
  return rows.map(publicUnit);
}

/** Any unit of the province by id, also a deactivated one (old links and receipts name it). */
export async function getUnit(db: Db, provinceId: string, id: string): Promise<UnitWithCount | undefined> {
  const [unit] = await db
    .select({ ...unitColumns, procedureCount: unitProcedureCount(provinceId) })
    .from(units)
    .where(and(eq(units.provinceId, provinceId), eq(units.id, id)));
  return unit && publicUnit(unit);
}
