import { and, asc, desc, eq, gte, inArray, isNull, lte, type SQL, sql } from "drizzle-orm";
import type {
  AdminLifeEvent,
  AdminPaperReplacement,
  AdminSynonym,
  SynonymInput,
  UnmatchedItem,
} from "../../../../shared/src/admin/search";
import type { ProcedureSummary } from "../../../../shared/src/catalogue/api";
import type { LifeEventInput, LifeEventSummary, PaperReplacementInput } from "../../../../shared/src/search/life-events";
import type { SynonymEntry } from "../../../../shared/src/search/query";
import type { Db } from "../client";
import {
  fields,
  lifeEvents,
  paperReplacements,
  procedures,
  searchEditions,
  searchSynonyms,
  unmatchedQueries,
  users,
} from "../schema";
import { recordChange } from "./changes";
import { summaryOf } from "./procedures";

/**
 * Life events, abolished or renamed papers, the province's synonyms and the queries that found
 * nothing: queries and batch writes. Every write bumps the province's search edition in its own
 * batch, so cached search answers (keyed by the catalogue's edition) change at once.
 */

/** The statement bumping the province's search edition, for the writer's own batch. */
export const bumpSearchEdition = (db: Db, provinceId: string) =>
  db
    .insert(searchEditions)
    .values({ provinceId, edition: 1 })
    .onConflictDoUpdate({ target: searchEditions.provinceId, set: { edition: sql`${searchEditions.edition} + 1` } });

/** Names of the published versions of `codes`. */
export async function publishedNames(db: Db, provinceId: string, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: procedures.code, name: procedures.name })
    .from(procedures)
    .where(and(eq(procedures.provinceId, provinceId), eq(procedures.status, "published"), inArray(procedures.code, [...codes])));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The published versions of `codes` as search results show them, by code. */
export async function publishedSummaries(
  db: Db,
  provinceId: string,
  codes: readonly string[],
): Promise<Map<string, ProcedureSummary>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ p: procedures, fieldName: fields.name })
    .from(procedures)
    .innerJoin(fields, eq(fields.id, procedures.fieldId))
    .where(and(eq(procedures.provinceId, provinceId), eq(procedures.status, "published"), inArray(procedures.code, [...codes])));
  return new Map(rows.map(({ p, fieldName }) => [p.code, summaryOf(p, fieldName)]));
}

/** A visible life event of the province. */
export async function visibleLifeEvent(db: Db, provinceId: string, slug: string): Promise<LifeEventRow | undefined> {
  return db
    .select()
    .from(lifeEvents)
    .where(and(eq(lifeEvents.provinceId, provinceId), eq(lifeEvents.slug, slug), eq(lifeEvents.hidden, false)))
    .get();
}

/** The codes among `codes` that the province's catalogue has no version of at all. */
export async function unknownProcedureCodes(db: Db, provinceId: string, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectDistinct({ code: procedures.code })
    .from(procedures)
    .where(and(eq(procedures.provinceId, provinceId), inArray(procedures.code, [...codes])));
  const known = new Set(rows.map((r) => r.code));
  return codes.filter((c) => !known.has(c));
}

// ---------------------------------------------------------------- what the search and the home screen read

export type LifeEventRow = typeof lifeEvents.$inferSelect;
export type PaperReplacementRow = typeof paperReplacements.$inferSelect;

/**
 * Everything the search needs beside the catalogue, read in one round trip: visible life events,
 * papers, synonyms, and the names of the published procedures they refer to.
 */
export async function searchAidRows(db: Db, provinceId: string) {
  const referenced = sql`SELECT json_extract(j.value, '$.code') FROM ${lifeEvents} le, json_each(le.steps) j WHERE le.province_id = ${provinceId}
    UNION SELECT procedure_code FROM ${paperReplacements} WHERE province_id = ${provinceId} AND procedure_code IS NOT NULL`;
  const [events, papers, synonyms, names] = await db.batch([
    db
      .select()
      .from(lifeEvents)
      .where(and(eq(lifeEvents.provinceId, provinceId), eq(lifeEvents.hidden, false)))
      .orderBy(asc(lifeEvents.position), asc(lifeEvents.title)),
    db.select().from(paperReplacements).where(eq(paperReplacements.provinceId, provinceId)).orderBy(asc(paperReplacements.slug)),
    db
      .select({ keys: searchSynonyms.keys, expansions: searchSynonyms.expansions })
      .from(searchSynonyms)
      .where(eq(searchSynonyms.provinceId, provinceId))
      .orderBy(asc(searchSynonyms.id)),
    db
      .select({ code: procedures.code, name: procedures.name })
      .from(procedures)
      .where(
        and(
          eq(procedures.provinceId, provinceId),
          eq(procedures.status, "published"),
          sql`${procedures.code} IN (${referenced})`,
        ),
      ),
  ]);
  return { events, papers, synonyms, names: new Map(names.map((n) => [n.code, n.name])) };
}

/** The province's own synonyms, to join the built-in ones in the query parser. */
export async function provinceSynonyms(db: Db, provinceId: string): Promise<SynonymEntry[]> {
  const rows = await db
    .select({ keys: searchSynonyms.keys, expansions: searchSynonyms.expansions })
    .from(searchSynonyms)
    .where(eq(searchSynonyms.provinceId, provinceId))
    .orderBy(asc(searchSynonyms.id));
  return rows.map((r) => [r.keys, r.expansions] as const);
}

/** An event as residents see it: its published procedures in order. */
export const toSummary = (e: LifeEventRow, names: Map<string, string>): LifeEventSummary => ({
  slug: e.slug,
  title: e.title,
  description: e.description,
  procedures: e.steps.flatMap((s) => (names.has(s.code) ? [{ code: s.code, name: names.get(s.code)! }] : [])),
});

// ---------------------------------------------------------------- the queries that found nothing

/** Counts one unmatched query (already stripped and folded). */
export async function countUnmatched(db: Db, provinceId: string, query: string, at = new Date().toISOString()) {
  await db
    .insert(unmatchedQueries)
    .values({ provinceId, query, count: 1, firstSeen: at, lastSeen: at })
    .onConflictDoUpdate({
      target: [unmatchedQueries.provinceId, unmatchedQueries.query],
      set: { count: sql`${unmatchedQueries.count} + 1`, lastSeen: at },
    });
}

/** Seen within [from, to] (instants), most frequent first; answered ones only on request. */
export async function listUnmatched(
  db: Db,
  provinceId: string,
  filter: { from?: string; to?: string; resolved: boolean; limit: number },
): Promise<UnmatchedItem[]> {
  const where: (SQL | undefined)[] = [eq(unmatchedQueries.provinceId, provinceId)];
  if (filter.from) where.push(gte(unmatchedQueries.lastSeen, filter.from));
  if (filter.to) where.push(lte(unmatchedQueries.firstSeen, filter.to));
  if (!filter.resolved) where.push(isNull(unmatchedQueries.resolvedAt));
  const rows = await db
    .select()
    .from(unmatchedQueries)
    .where(and(...where))
    .orderBy(desc(unmatchedQueries.count), desc(unmatchedQueries.lastSeen))
    .limit(filter.limit);
  return rows.map((r) => ({
    query: r.query,
    count: r.count,
    firstSeen: r.firstSeen,
    lastSeen: r.lastSeen,
    resolvedAt: r.resolvedAt,
  }));
}

// ---------------------------------------------------------------- the back office's lists

const actorOf = (id: string | null, name: string | null) => (id ? { id, name: name ?? "" } : null);

export async function adminLifeEvents(db: Db, provinceId: string, slug?: string): Promise<AdminLifeEvent[]> {
  const rows = await db
    .select({ e: lifeEvents, actorName: users.displayName })
    .from(lifeEvents)
    .leftJoin(users, eq(users.id, lifeEvents.updatedBy))
    .where(and(eq(lifeEvents.provinceId, provinceId), slug ? eq(lifeEvents.slug, slug) : undefined))
    .orderBy(asc(lifeEvents.position), asc(lifeEvents.title));
  const names = await publishedNames(db, provinceId, [...new Set(rows.flatMap((r) => r.e.steps.map((s) => s.code)))]);
  return rows.map(({ e, actorName }) => ({
    slug: e.slug,
    title: e.title,
    description: e.description,
    phrases: e.phrases,
    steps: e.steps.map((s) => ({ code: s.code, note: s.note, name: names.get(s.code) ?? null })),
    position: e.position,
    hidden: e.hidden,
    updatedAt: e.updatedAt,
    updatedBy: actorOf(e.updatedBy, actorName),
  }));
}

export async function adminPaperReplacements(db: Db, provinceId: string, slug?: string): Promise<AdminPaperReplacement[]> {
  const rows = await db
    .select({ p: paperReplacements, actorName: users.displayName })
    .from(paperReplacements)
    .leftJoin(users, eq(users.id, paperReplacements.updatedBy))
    .where(and(eq(paperReplacements.provinceId, provinceId), slug ? eq(paperReplacements.slug, slug) : undefined))
    .orderBy(asc(paperReplacements.slug));
  const names = await publishedNames(db, provinceId, [...new Set(rows.flatMap((r) => r.p.procedureCode ?? []))]);
  return rows.map(({ p, actorName }) => ({
    slug: p.slug,
    paper: p.paper,
    phrases: p.phrases,
    explanation: p.explanation,
    procedureCode: p.procedureCode,
    procedureName: p.procedureCode ? (names.get(p.procedureCode) ?? null) : null,
    verified: p.verified,
    source: p.source,
    updatedAt: p.updatedAt,
    updatedBy: actorOf(p.updatedBy, actorName),
  }));
}

export async function adminSynonyms(db: Db, provinceId: string, id?: number): Promise<AdminSynonym[]> {
  const rows = await db
    .select({ s: searchSynonyms, actorName: users.displayName })
    .from(searchSynonyms)
    .leftJoin(users, eq(users.id, searchSynonyms.updatedBy))
    .where(and(eq(searchSynonyms.provinceId, provinceId), id ? eq(searchSynonyms.id, id) : undefined))
    .orderBy(desc(searchSynonyms.id));
  return rows.map(({ s, actorName }) => ({
    id: s.id,
    keys: s.keys,
    expansions: s.expansions,
    updatedAt: s.updatedAt,
    updatedBy: actorOf(s.updatedBy, actorName),
  }));
}

// ---------------------------------------------------------------- writes (the back office and the seed)

/** Who writes: an admin with a reason (recorded in the change log), or the seed (null: only missing rows). */
export type Writer = { actorId: string; reason: string } | null;

const eventValues = (provinceId: string, e: LifeEventInput, at: string, by: string | null) => ({
  provinceId,
  slug: e.slug,
  title: e.title,
  description: e.description,
  phrases: e.phrases,
  steps: e.steps.map((s) => ({ code: s.code, note: s.note })),
  position: e.position,
  hidden: e.hidden,
  updatedAt: at,
  updatedBy: by,
});

/**
 * Writes life events: an admin's replaces the event of its slug and is recorded with what it
 * was before; the seed's adds the missing ones and keeps what an admin edited.
 */
export async function saveLifeEvents(
  db: Db,
  provinceId: string,
  events: readonly LifeEventInput[],
  writer: Writer,
  before: Record<string, unknown> = {},
) {
  if (events.length === 0) return;
  const at = new Date().toISOString();
  const writes = events.flatMap((e) => {
    const values = eventValues(provinceId, e, at, writer?.actorId ?? null);
    const { provinceId: _p, slug: _s, ...set } = values;
    const insert = db.insert(lifeEvents).values(values);
    if (!writer) return [insert.onConflictDoNothing()];
    return [
      insert.onConflictDoUpdate({ target: [lifeEvents.provinceId, lifeEvents.slug], set }),
      recordChange(db, {
        provinceId,
        actorId: writer.actorId,
        entity: "life_event",
        entityId: e.slug,
        action: before[e.slug] ? "update" : "create",
        reason: writer.reason,
        data: { before: before[e.slug] ?? null, after: e },
      }),
    ];
  });
  await db.batch([bumpSearchEdition(db, provinceId), ...writes]);
}

export async function deleteLifeEvent(db: Db, provinceId: string, slug: string, writer: NonNullable<Writer>, before: unknown) {
  await db.batch([
    db.delete(lifeEvents).where(and(eq(lifeEvents.provinceId, provinceId), eq(lifeEvents.slug, slug))),
    recordChange(
      db,
      {
        provinceId,
        actorId: writer.actorId,
        entity: "life_event",
        entityId: slug,
        action: "remove",
        reason: writer.reason,
        data: { before },
      },
      sql`changes() > 0`,
    ),
    bumpSearchEdition(db, provinceId),
  ]);
}

const paperValues = (provinceId: string, p: PaperReplacementInput, at: string, by: string | null) => ({
  provinceId,
  slug: p.slug,
  paper: p.paper,
  phrases: p.phrases,
  explanation: p.explanation,
  procedureCode: p.procedureCode,
  verified: p.verified,
  source: p.source,
  updatedAt: at,
  updatedBy: by,
});

/** Writes paper replacements, as saveLifeEvents does life events. */
export async function savePaperReplacements(
  db: Db,
  provinceId: string,
  papers: readonly PaperReplacementInput[],
  writer: Writer,
  before: Record<string, unknown> = {},
) {
  if (papers.length === 0) return;
  const at = new Date().toISOString();
  const writes = papers.flatMap((p) => {
    const values = paperValues(provinceId, p, at, writer?.actorId ?? null);
    const { provinceId: _p, slug: _s, ...set } = values;
    const insert = db.insert(paperReplacements).values(values);
    if (!writer) return [insert.onConflictDoNothing()];
    return [
      insert.onConflictDoUpdate({ target: [paperReplacements.provinceId, paperReplacements.slug], set }),
      recordChange(db, {
        provinceId,
        actorId: writer.actorId,
        entity: "paper_replacement",
        entityId: p.slug,
        action: before[p.slug] ? "update" : "create",
        reason: writer.reason,
        data: { before: before[p.slug] ?? null, after: p },
      }),
    ];
  });
  await db.batch([bumpSearchEdition(db, provinceId), ...writes]);
}

export async function deletePaperReplacement(
  db: Db,
  provinceId: string,
  slug: string,
  writer: NonNullable<Writer>,
  before: unknown,
) {
  await db.batch([
    db.delete(paperReplacements).where(and(eq(paperReplacements.provinceId, provinceId), eq(paperReplacements.slug, slug))),
    recordChange(
      db,
      {
        provinceId,
        actorId: writer.actorId,
        entity: "paper_replacement",
        entityId: slug,
        action: "remove",
        reason: writer.reason,
        data: { before },
      },
      sql`changes() > 0`,
    ),
    bumpSearchEdition(db, provinceId),
  ]);
}

/**
 * Adds a synonym; with `fromUnmatched` the unmatched query it answers is marked answered in the
 * same batch. Returns the new synonym's id.
 */
export async function insertSynonym(
  db: Db,
  provinceId: string,
  synonym: SynonymInput,
  writer: NonNullable<Writer>,
  fromUnmatched?: string,
): Promise<number> {
  const at = new Date().toISOString();
  const [inserted] = await db.batch([
    db
      .insert(searchSynonyms)
      .values({ provinceId, keys: synonym.keys, expansions: synonym.expansions, updatedAt: at, updatedBy: writer.actorId })
      .returning({ id: searchSynonyms.id }),
    recordChange(db, {
      provinceId,
      actorId: writer.actorId,
      entity: "search_synonym",
      entityId: `${synonym.keys[0]}`,
      action: "create",
      reason: writer.reason,
      data: { after: synonym, fromUnmatched: fromUnmatched ?? null },
    }),
    db
      .update(unmatchedQueries)
      .set({ resolvedAt: at })
      .where(
        and(
          eq(unmatchedQueries.provinceId, provinceId),
          eq(unmatchedQueries.query, fromUnmatched ?? ""),
          isNull(unmatchedQueries.resolvedAt),
        ),
      ),
    bumpSearchEdition(db, provinceId),
  ]);
  return inserted[0]!.id;
}

export async function updateSynonym(
  db: Db,
  provinceId: string,
  id: number,
  synonym: SynonymInput,
  writer: NonNullable<Writer>,
  before: AdminSynonym,
) {
  const at = new Date().toISOString();
  await db.batch([
    db
      .update(searchSynonyms)
      .set({ keys: synonym.keys, expansions: synonym.expansions, updatedAt: at, updatedBy: writer.actorId })
      .where(and(eq(searchSynonyms.provinceId, provinceId), eq(searchSynonyms.id, id))),
    recordChange(
      db,
      {
        provinceId,
        actorId: writer.actorId,
        entity: "search_synonym",
        entityId: String(id),
        action: "update",
        reason: writer.reason,
        data: { before: { keys: before.keys, expansions: before.expansions }, after: synonym },
      },
      sql`changes() > 0`,
    ),
    bumpSearchEdition(db, provinceId),
  ]);
}

export async function deleteSynonym(db: Db, provinceId: string, id: number, writer: NonNullable<Writer>, before: AdminSynonym) {
  await db.batch([
    db.delete(searchSynonyms).where(and(eq(searchSynonyms.provinceId, provinceId), eq(searchSynonyms.id, id))),
    recordChange(
      db,
      {
        provinceId,
        actorId: writer.actorId,
        entity: "search_synonym",
        entityId: String(id),
        action: "remove",
        reason: writer.reason,
        data: { before: { keys: before.keys, expansions: before.expansions } },
      },
      sql`changes() > 0`,
    ),
    bumpSearchEdition(db, provinceId),
  ]);
}

/** Adds the seed's synonyms that are not there yet (by their first key). */
export async function addMissingSynonyms(db: Db, provinceId: string, synonyms: readonly SynonymInput[]) {
  if (synonyms.length === 0) return;
  const existing = new Set((await provinceSynonyms(db, provinceId)).map(([keys]) => keys[0]));
  const missing = synonyms.filter((s) => !existing.has(s.keys[0]));
  if (missing.length === 0) return;
  await db.batch([
    db.insert(searchSynonyms).values(missing.map((s) => ({ provinceId, keys: s.keys, expansions: s.expansions }))),
    bumpSearchEdition(db, provinceId),
  ]);
}
