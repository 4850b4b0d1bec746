import { and, eq } from "drizzle-orm";
import type { ProcedureDetail, ProcedureSearchQuery, ProcedureSummary } from "../../../../shared/src/catalogue/api";
import { storedCases } from "../../../../shared/src/catalogue/cases";
import type { Fees, ProcessingTime } from "../../../../shared/src/catalogue/schemas";
import {
  parseForgivingQuery,
  parseSearchQuery,
  type SynonymEntry,
  toColumnFtsExpression,
  toFtsExpression,
} from "../../../../shared/src/search/query";
import { type IndexedProcedure, SearchEngine, type SearchFilter } from "../../search/engine";
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

const SUMMARY_SQL = `p.id, p.code, p.name, p.field_id, f.name AS field_name, p.service_level, p.unit_level,
  p.agency, p.processing_time, p.fees, p.online_only, p.essential`;

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

export type SearchPage = { items: ProcedureSummary[]; nextCursor: string | null; didYouMean: string | null };

type IndexRow = {
  id: number;
  name: string;
  search_name: string;
  search_aliases: string;
  search_body: string;
  field_id: string;
  service_level: string;
  unit_level: string;
  competent_unit_id: string | null;
  online_only: number;
  essential: number;
  popularity: number;
  status: string;
};

const INDEX_COLUMNS = `id, name, search_name, search_aliases, search_body, field_id, service_level, unit_level,
  competent_unit_id, online_only, essential, popularity, status`;
/**
 * The catalogue's edition in one row: the newest procedure change (`at`, what the index refreshes
 * from) and the stamp every edit of life events, papers and synonyms bumps. `full` is the edition
 * as catalogueEdition() spells it, which answers are kept under.
 */
const EDITION_SQL = `SELECT coalesce(max(updated_at), '') AS at,
  coalesce((SELECT edition FROM search_editions WHERE province_id = ?1), 0) AS aids
  FROM procedures WHERE province_id = ?1`;
type EditionRow = { at: string; aids: number };
const editionOf = (row: unknown) => {
  const { at = "", aids = 0 } = (row ?? {}) as Partial<EditionRow>;
  return { at, full: `${at}#${aids}` };
};
const LOAD_CHUNK = 5000;

const toIndexed = (r: IndexRow): IndexedProcedure => ({
  id: r.id,
  name: r.name,
  searchName: r.search_name,
  searchAliases: r.search_aliases,
  searchBody: r.search_body,
  fieldId: r.field_id,
  level: r.service_level,
  unitLevel: r.unit_level,
  competentUnitId: r.competent_unit_id,
  onlineOnly: r.online_only === 1,
  essential: r.essential === 1,
  popularity: r.popularity,
});

/** A province's index in this isolate, at the catalogue edition it reflects. */
type Resident = { engine: SearchEngine; edition: string; refreshing: Promise<void> | null };
const residents = new Map<string, Promise<Resident>>();
/** The same, once loaded. */
const loaded = new Map<string, Resident>();

async function loadResident(d1: D1Database, provinceId: string): Promise<Resident> {
  // The edition first: a row changed while the chunks load is at or after it, so the next refresh catches it.
  const edition = editionOf(await d1.prepare(EDITION_SQL).bind(provinceId).first()).at;
  const engine = new SearchEngine();
  for (let after = 0; ; ) {
    const { results } = await d1
      .prepare(
        `SELECT ${INDEX_COLUMNS} FROM procedures WHERE province_id = ? AND status = 'published' AND id > ? ORDER BY id LIMIT ?`,
      )
      .bind(provinceId, after, LOAD_CHUNK)
      .all<IndexRow>();
    for (const row of results) engine.add(toIndexed(row));
    if (results.length < LOAD_CHUNK) break;
    after = (results.at(-1) as IndexRow).id;
  }
  return { engine, edition, refreshing: null };
}

/** Applies every row changed at or after the resident's edition (idempotent), up to `edition`. */
function refreshResident(d1: D1Database, provinceId: string, resident: Resident, edition: string): Promise<void> {
  resident.refreshing ??= (async () => {
    try {
      const { results } = await d1
        .prepare(`SELECT ${INDEX_COLUMNS}, updated_at FROM procedures WHERE province_id = ? AND updated_at >= ?`)
        .bind(provinceId, resident.edition)
        .all<IndexRow & { updated_at: string }>();
      let newest = resident.edition;
      for (const row of results) {
        if (row.status === "published") resident.engine.add(toIndexed(row));
        else resident.engine.remove(row.id);
        if (row.updated_at > newest) newest = row.updated_at;
      }
      resident.edition = newest > edition ? newest : edition;
    } finally {
      resident.refreshing = null;
    }
  })();
  return resident.refreshing;
}

function residentIndex(d1: D1Database, provinceId: string): Promise<Resident> {
  let resident = residents.get(provinceId);
  if (!resident) {
    resident = loadResident(d1, provinceId);
    residents.set(provinceId, resident);
    resident.then(
      (r) => loaded.set(provinceId, r),
      () => residents.delete(provinceId),
    );
  }
  return resident;
}

/** A page at a catalogue edition; `provisional` when it came from FTS5 while the index builds (not to be kept). */
export type SearchAnswer = { page: SearchPage; edition: string; provisional?: true };

/**
 * Published procedures of a province, filtered, and ranked when a query is given, from an index kept
 * in the isolate (SearchEngine: exact name first, corrected words below exact ones, name ≫ aliases ≫
 * body). The index is fresh by catalogue edition: each answer is one D1 batch, the edition and the
 * page's rows by id; when the edition moved, the changed rows are applied and the page computed again.
 * Forgiving reading (Telex, VNI, joined words, typos) is against the index's vocabulary; `didYouMean`
 * is the corrected query in the catalogue's spelling.
 */
export async function searchProcedures(
  db: Db,
  provinceId: string,
  query: ProcedureSearchQuery,
  options: {
    synonyms?: readonly SynonymEntry[];
    /**
     * Where a cold isolate may build its index after answering (the request's waitUntil); that
     * answer then comes from FTS5, read exactly. Without it the first search waits for the index.
     */
    background?: (work: Promise<unknown>) => void;
  } = {},
): Promise<SearchAnswer> {
  const d1 = db.$client;
  const filter: SearchFilter = {
    ...(query.field !== undefined ? { fieldId: query.field } : {}),
    ...(query.level !== undefined ? { level: query.level } : {}),
    ...(query.onlineOnly !== undefined ? { onlineOnly: query.onlineOnly } : {}),
    ...(query.essential !== undefined ? { essential: query.essential } : {}),
  };
  if (query.unit) {
    const [unit] = await db
      .select({ id: units.id, kind: units.kind })
      .from(units)
      .where(and(eq(units.provinceId, provinceId), eq(units.id, query.unit)));
    if (!unit) {
      const edition = editionOf(await d1.prepare(EDITION_SQL).bind(provinceId).first()).full;
      return { page: { items: [], nextCursor: null, didYouMean: null }, edition };
    }
    filter.unit = unit.kind === "commune" ? { kind: "commune" } : { kind: "department", id: unit.id };
  }
  const offset = Number(query.cursor ?? 0);
  if (!loaded.has(provinceId) && options.background) {
    options.background(residentIndex(d1, provinceId));
    return ftsAnswer(d1, provinceId, query, filter, offset, options.synonyms);
  }
  const resident = await residentIndex(d1, provinceId);
  for (let attempt = 0; ; attempt++) {
    const { engine } = resident;
    let ids: number[];
    let hasMore: boolean;
    let didYouMean: string | null = null;
    if (query.q) {
      const read = parseForgivingQuery(query.q, engine.vocabulary, options.synonyms);
      ({ ids, hasMore } = engine.search(read.groups, filter, offset, query.limit));
      didYouMean = read.corrected;
    } else ({ ids, hasMore } = engine.list(filter, offset, query.limit));
    const statements = [d1.prepare(EDITION_SQL).bind(provinceId)];
    if (ids.length > 0)
      statements.push(
        d1
          .prepare(
            `SELECT ${SUMMARY_SQL} FROM procedures p JOIN fields f ON f.id = p.field_id
             WHERE p.id IN (${ids.map(() => "?").join(",")}) AND p.status = 'published'`,
          )
          .bind(...ids),
      );
    const [editionResult, rowsResult] = await d1.batch<Record<string, unknown>>(statements);
    const edition = editionOf(editionResult?.results[0]);
    if (edition.at !== resident.edition && attempt === 0) {
      await refreshResident(d1, provinceId, resident, edition.at);
      continue;
    }
    const byId = new Map(((rowsResult?.results ?? []) as (SummaryRow & { id: number })[]).map((r) => [r.id, r]));
    const items = ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toSummary(row)] : [];
    });
    return {
      page: { items, nextCursor: hasMore ? String(offset + query.limit) : null, didYouMean },
      edition: edition.full,
    };
  }
}

/**
 * The answer of a cold isolate, from FTS5 while the index builds: the same filters, the query read
 * exactly (folding, synonyms, prefix; no vocabulary yet for corrections), name and alias matches
 * first, then BM25 with popularity. One batch: the edition and the page.
 */
async function ftsAnswer(
  d1: D1Database,
  provinceId: string,
  query: ProcedureSearchQuery,
  filter: SearchFilter,
  offset: number,
  synonyms?: readonly SynonymEntry[],
): Promise<SearchAnswer> {
  const where = ["p.province_id = ?", "p.status = 'published'"];
  const binds: unknown[] = [provinceId];
  if (filter.fieldId !== undefined) where.push("p.field_id = ?") && binds.push(filter.fieldId);
  if (filter.level !== undefined) where.push("p.service_level = ?") && binds.push(filter.level);
  if (filter.onlineOnly !== undefined) where.push("p.online_only = ?") && binds.push(filter.onlineOnly ? 1 : 0);
  if (filter.essential !== undefined) where.push("p.essential = ?") && binds.push(filter.essential ? 1 : 0);
  if (filter.unit?.kind === "commune") where.push("p.unit_level = 'commune'");
  if (filter.unit?.kind === "department") where.push("p.competent_unit_id = ?") && binds.push(filter.unit.id);
  const groups = query.q ? parseSearchQuery(query.q, synonyms) : [];
  const editionStatement = d1.prepare(EDITION_SQL).bind(provinceId);
  if (query.q && groups.length === 0) {
    const edition = editionOf(await editionStatement.first()).full;
    return { page: { items: [], nextCursor: null, didYouMean: null }, edition, provisional: true };
  }
  const page = d1.prepare(
    groups.length > 0
      ? `SELECT ${SUMMARY_SQL} FROM procedures_fts JOIN procedures p ON p.id = procedures_fts.rowid
           JOIN fields f ON f.id = p.field_id
         WHERE procedures_fts MATCH ? AND ${where.join(" AND ")}
         ORDER BY CASE
             WHEN p.id IN (SELECT rowid FROM procedures_fts WHERE procedures_fts MATCH ?) THEN 0
             WHEN p.id IN (SELECT rowid FROM procedures_fts WHERE procedures_fts MATCH ?) THEN 1
             ELSE 2 END,
           bm25(procedures_fts, 10.0, 6.0, 1.0) * (1.0 + p.popularity / 1000.0), p.name
         LIMIT ? OFFSET ?`
      : `SELECT ${SUMMARY_SQL} FROM procedures p JOIN fields f ON f.id = p.field_id
         WHERE ${where.join(" AND ")} ORDER BY p.popularity DESC, p.name LIMIT ? OFFSET ?`,
  );
  const bound =
    groups.length > 0
      ? page.bind(
          toFtsExpression(groups),
          ...binds,
          toColumnFtsExpression(groups, ["search_name"]),
          toColumnFtsExpression(groups, ["search_aliases"]),
          query.limit + 1,
          offset,
        )
      : page.bind(...binds, query.limit + 1, offset);
  const [editionResult, rowsResult] = await d1.batch<Record<string, unknown>>([editionStatement, bound]);
  const rows = (rowsResult?.results ?? []) as SummaryRow[];
  return {
    page: {
      items: rows.slice(0, query.limit).map(toSummary),
      nextCursor: rows.length > query.limit ? String(offset + query.limit) : null,
      didYouMean: null,
    },
    edition: editionOf(editionResult?.results[0]).full,
    provisional: true,
  };
}

/** What a list shows of a procedure's row (the detail adds to it). */
export function summaryOf(p: typeof procedures.$inferSelect, fieldName: string): ProcedureSummary {
  return {
    code: p.code,
    name: p.name,
    field: { id: p.fieldId, name: fieldName },
    level: p.serviceLevel,
    unitLevel: p.unitLevel,
    agency: p.agency,
    processingTime: p.processingTime,
    fees: p.fees,
    onlineOnly: p.onlineOnly,
    essential: p.essential,
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
    ...summaryOf(p, row.fieldName),
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
