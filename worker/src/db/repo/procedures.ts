import { and, eq, type SQL, sql } from "drizzle-orm";
import type { ProcedureDetail, ProcedureSearchQuery, ProcedureSummary } from "../../../../shared/src/catalogue/api";
import { storedCases } from "../../../../shared/src/catalogue/cases";
import type { Fees, ProcessingTime } from "../../../../shared/src/catalogue/schemas";
import { parseSearchQuery, type SynonymEntry, toColumnFtsExpression, toFtsExpression } from "../../../../shared/src/search/query";
import type { Db } from "../client";
import { fields, procedures, units } from "../schema";

type SummaryRow = {
  code: string;
  name: string;
  field_id: string;
  field_name: string;
  service_level: ProcedureSummary["level"];
  unit_level: ProcedureSummary["unitLevel"];
  agency: string;
  processing_time: string;
  fees: string;
  online_only: number;
  essential: number;
};

const SUMMARY_COLUMNS = sql.raw(`p.code, p.name, p.field_id, f.name AS field_name, p.service_level, p.unit_level,
  p.agency, p.processing_time, p.fees, p.online_only, p.essential`);

function toSummary(r: SummaryRow): ProcedureSummary {
  return {
    code: r.code,
    name: r.name,
    field: { id: r.field_id, name: r.field_name },
    level: r.service_level,
    unitLevel: r.unit_level,
    agency: r.agency,
    processingTime: JSON.parse(r.processing_time) as ProcessingTime,
    fees: JSON.parse(r.fees) as Fees,
    onlineOnly: r.online_only === 1,
    essential: r.essential === 1,
  };
}

export type SearchPage = { items: ProcedureSummary[]; nextCursor: string | null };

/**
 * Published procedures of a province, filtered, and ranked when a query is given:
 * matches in the name first, then in the colloquial aliases, then in the body; within each,
 * BM25 (name ≫ aliases ≫ body) boosted up to 2× for popular procedures (BM25 is negative: lower is better).
 * Pages by offset; the catalogue is small enough (≤100k rows) that this stays cheap.
 */
export async function searchProcedures(
  db: Db,
  provinceId: string,
  query: ProcedureSearchQuery,
  options: { synonyms?: readonly SynonymEntry[] } = {},
): Promise<SearchPage> {
  const filters: SQL[] = [sql`p.province_id = ${provinceId}`, sql`p.status = 'published'`];
  if (query.field) filters.push(sql`p.field_id = ${query.field}`);
  if (query.level) filters.push(sql`p.service_level = ${query.level}`);
  if (query.onlineOnly !== undefined) filters.push(sql`p.online_only = ${query.onlineOnly ? 1 : 0}`);
  if (query.essential !== undefined) filters.push(sql`p.essential = ${query.essential ? 1 : 0}`);
  if (query.unit) {
    const [unit] = await db
      .select({ id: units.id, kind: units.kind })
      .from(units)
      .where(and(eq(units.provinceId, provinceId), eq(units.id, query.unit)));
    if (!unit) return { items: [], nextCursor: null };
    filters.push(unit.kind === "commune" ? sql`p.unit_level = 'commune'` : sql`p.competent_unit_id = ${unit.id}`);
  }

  const offset = Number(query.cursor ?? 0);
  const page = sql`LIMIT ${query.limit + 1} OFFSET ${offset}`;
  const where = sql.join(filters, sql` AND `);

  let rows: SummaryRow[];
  if (query.q) {
    const groups = parseSearchQuery(query.q, options.synonyms);
    // Only punctuation or nothing searchable: nothing can match.
    if (groups.length === 0) return { items: [], nextCursor: null };
    const match = toFtsExpression(groups);
    const nameMatch = toColumnFtsExpression(groups, ["search_name"]);
    const aliasMatch = toColumnFtsExpression(groups, ["search_aliases"]);
    rows = await db.all<SummaryRow>(sql`
      SELECT ${SUMMARY_COLUMNS}
      FROM procedures_fts
      JOIN procedures p ON p.id = procedures_fts.rowid
      JOIN fields f ON f.id = p.field_id
      WHERE procedures_fts MATCH ${match} AND ${where}
      ORDER BY CASE
          WHEN p.id IN (SELECT rowid FROM procedures_fts WHERE procedures_fts MATCH ${nameMatch}) THEN 0
          WHEN p.id IN (SELECT rowid FROM procedures_fts WHERE procedures_fts MATCH ${aliasMatch}) THEN 1
          ELSE 2 END,
        bm25(procedures_fts, 10.0, 6.0, 1.0) * (1.0 + p.popularity / 1000.0), p.name
      ${page}`);
  } else {
    rows = await db.all<SummaryRow>(sql`
      SELECT ${SUMMARY_COLUMNS}
      FROM procedures p JOIN fields f ON f.id = p.field_id
      WHERE ${where}
      ORDER BY p.popularity DESC, p.name
      ${page}`);
  }
  const hasMore = rows.length > query.limit;
  return {
    items: rows.slice(0, query.limit).map(toSummary),
    nextCursor: hasMore ? String(offset + query.limit) : null,
  };
}

/** The published version of a procedure with everything the detail screen shows. */
export async function getPublishedProcedure(db: Db, provinceId: string, code: string): Promise<ProcedureDetail | undefined> {
  const [row] = await db
    .select({ p: procedures, fieldName: fields.name, unit: units })
    .from(procedures)
    .innerJoin(fields, eq(fields.id, procedures.fieldId))
    .leftJoin(units, eq(units.id, procedures.competentUnitId))
    .where(and(eq(procedures.provinceId, provinceId), eq(procedures.code, code), eq(procedures.status, "published")));
  if (!row) return undefined;
  const { p, unit } = row;
  return {
    code: p.code,
    name: p.name,
    field: { id: p.fieldId, name: row.fieldName },
    level: p.serviceLevel,
    unitLevel: p.unitLevel,
    agency: p.agency,
    processingTime: p.processingTime,
    fees: p.fees,
    onlineOnly: p.onlineOnly,
    essential: p.essential,
    requiresVneid: p.requiresVneid,
    version: p.version,
    effectiveFrom: p.effectiveFrom,
    summary: p.summary,
    competentUnit: unit
      ? {
          id: unit.id,
          parentId: unit.parentId,
          kind: unit.kind,
          name: unit.name,
          electronicId: unit.electronicId,
          address: unit.address,
          phone: unit.phone,
          priorityWeekdays: unit.priorityWeekdays,
        }
      : null,
    documents: p.documents,
    eform: p.eform,
    resultDelivery: p.resultDelivery,
    aliases: p.aliases,
    cases: storedCases(p.cases, p),
    decisions: p.decisions,
    result: p.result,
    requirements: p.requirements,
    externalSystem: p.externalSystem ?? null,
  };
}

export type ProcedureRow = typeof procedures.$inferSelect;

/** The published version's full row, for filing a dossier under it. */
export async function publishedProcedureRow(db: Db, provinceId: string, code: string): Promise<ProcedureRow | undefined> {
  return db.query.procedures.findFirst({
    where: and(eq(procedures.provinceId, provinceId), eq(procedures.code, code), eq(procedures.status, "published")),
  });
}
