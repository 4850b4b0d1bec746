import { and, desc, eq, exists, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { AdminProcedureListItem, AdminProcedureListQuery } from "../../../../shared/src/admin/procedures";
import type { UnitKind } from "../../../../shared/src/catalogue/schemas";
import { foldForIndex } from "../../../../shared/src/text/fold";
import type { Db } from "../client";
import { fields, procedures, searchEditions, templateFiles, units, users } from "../schema";
import { recordChange } from "./changes";

// The back office's reads and writes of procedure versions. Writes are statements for one batch.

export type VersionRow = typeof procedures.$inferSelect;
export type VersionRowWithEditor = VersionRow & { updatedByName: string | null };
export type Statement = Parameters<Db["batch"]>[0][number];

const nowIso = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

type ListRow = {
  code: string;
  name: string;
  field_id: string;
  field_name: string;
  status: AdminProcedureListItem["status"];
  version: number;
  revision: number;
  publish_on: string | null;
  updated_at: string;
  published_version: number | null;
};

/**
 * Codes of a province by their latest version, in code order, paged after the last code. `q` matches
 * a code prefix or the folded name; `unit` a department's procedures or, for a commune, every
 * commune-level one.
 */
export async function listLatestVersions(
  db: Db,
  provinceId: string,
  query: AdminProcedureListQuery,
  unitKind: UnitKind | undefined,
): Promise<{ items: AdminProcedureListItem[]; nextCursor: string | null }> {
  const filters: SQL[] = [
    sql`p.province_id = ${provinceId}`,
    sql`p.version = (SELECT max(q.version) FROM procedures q WHERE q.province_id = p.province_id AND q.code = p.code)`,
  ];
  if (query.cursor) filters.push(sql`p.code > ${query.cursor}`);
  if (query.status) filters.push(sql`p.status = ${query.status}`);
  if (query.field) filters.push(sql`p.field_id = ${query.field}`);
  if (query.unit) filters.push(unitKind === "commune" ? sql`p.unit_level = 'commune'` : sql`p.competent_unit_id = ${query.unit}`);
  if (query.q) {
    const folded = foldForIndex(query.q).replace(/[%_\\]/g, "\\$&");
    filters.push(
      sql`(p.code LIKE ${`${query.q.replace(/[%_\\]/g, "\\$&")}%`} ESCAPE '\\' OR p.search_name LIKE ${`%${folded}%`} ESCAPE '\\')`,
    );
  }
  const rows = await db.all<ListRow>(sql`
    SELECT p.code, p.name, p.field_id, f.name AS field_name, p.status, p.version, p.revision, p.publish_on, p.updated_at,
      (SELECT v.version FROM procedures v WHERE v.province_id = p.province_id AND v.code = p.code AND v.status = 'published')
        AS published_version
    FROM procedures p JOIN fields f ON f.id = p.field_id
    WHERE ${sql.join(filters, sql` AND `)}
    ORDER BY p.code
    LIMIT ${query.limit + 1}`);
  const items = rows.slice(0, query.limit).map(
    (r): AdminProcedureListItem => ({
      code: r.code,
      name: r.name,
      field: { id: r.field_id, name: r.field_name },
      status: r.status,
      latestVersion: r.version,
      publishedVersion: r.published_version,
      draftVersion: r.status === "draft" ? r.version : null,
      draftRevision: r.status === "draft" ? r.revision : null,
      publishOn: r.status === "scheduled" ? r.publish_on : null,
      updatedAt: r.updated_at,
    }),
  );
  return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.code ?? null) : null };
}

const withEditor = { p: procedures, updatedByName: users.displayName };
const flatten = (r: { p: VersionRow; updatedByName: string | null }): VersionRowWithEditor => ({
  ...r.p,
  updatedByName: r.updatedByName,
});

/** Every version of a code, newest first. */
export async function versionsOf(db: Db, provinceId: string, code: string): Promise<VersionRowWithEditor[]> {
  const rows = await db
    .select(withEditor)
    .from(procedures)
    .leftJoin(users, eq(users.id, procedures.updatedBy))
    .where(and(eq(procedures.provinceId, provinceId), eq(procedures.code, code)))
    .orderBy(desc(procedures.version));
  return rows.map(flatten);
}

export async function versionOf(
  db: Db,
  provinceId: string,
  code: string,
  version: number,
): Promise<VersionRowWithEditor | undefined> {
  const row = await db
    .select(withEditor)
    .from(procedures)
    .leftJoin(users, eq(users.id, procedures.updatedBy))
    .where(and(eq(procedures.provinceId, provinceId), eq(procedures.code, code), eq(procedures.version, version)))
    .get();
  return row && flatten(row);
}

/** The identifiers the publishing rules check references against. */
export async function publishingReferences(db: Db, provinceId: string, templateIds: readonly string[]) {
  const [fieldRows, unitRows, templateRows] = await Promise.all([
    db.select({ id: fields.id }).from(fields).where(eq(fields.provinceId, provinceId)),
    db.select({ id: units.id, kind: units.kind }).from(units).where(eq(units.provinceId, provinceId)),
    templateIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: templateFiles.id })
          .from(templateFiles)
          .where(and(eq(templateFiles.provinceId, provinceId), sql`${templateFiles.id} IN ${templateIds}`)),
  ]);
  return {
    fieldIds: new Set(fieldRows.map((f) => f.id)),
    unitKinds: new Map(unitRows.map((u) => [u.id, u.kind])),
    templateIds: new Set(templateRows.map((t) => t.id)),
  };
}

export async function fieldName(db: Db, provinceId: string, id: string): Promise<string | undefined> {
  const row = await db
    .select({ name: fields.name })
    .from(fields)
    .where(and(eq(fields.provinceId, provinceId), eq(fields.id, id)))
    .get();
  return row?.name;
}

export async function unitKind(db: Db, provinceId: string, id: string): Promise<UnitKind | undefined> {
  const row = await db
    .select({ kind: units.kind })
    .from(units)
    .where(and(eq(units.provinceId, provinceId), eq(units.id, id)))
    .get();
  return row?.kind;
}

export type VersionInsert = typeof procedures.$inferInsert;

export const insertVersion = (db: Db, row: VersionInsert): Statement => db.insert(procedures).values(row).onConflictDoNothing();

/** Replaces a draft's content only at the revision its editor read; the statement's result says whether it did. */
export const updateDraft = (db: Db, id: number, revision: number, set: Partial<VersionInsert>) =>
  db
    .update(procedures)
    .set({ ...set, revision: sql`${procedures.revision} + 1`, updatedAt: nowIso })
    .where(and(eq(procedures.id, id), eq(procedures.status, "draft"), eq(procedures.revision, revision)))
    .returning({ revision: procedures.revision });

/** The version still stands as it was read: same revision, still draft or scheduled. */
const unchanged = (row: VersionRow) =>
  and(eq(procedures.id, row.id), eq(procedures.revision, row.revision), inArray(procedures.status, ["draft", "scheduled"]));

/**
 * Publishing `row` as it was read: archive the code's published version, then publish this one (the
 * unique index allows one published version per code, so the order matters within the batch). If the
 * row changed meanwhile, neither statement changes anything.
 */
export function publishStatements(db: Db, row: VersionRow, at: { effectiveFrom: string; updatedBy: string | null }): Statement[] {
  const stillAsRead = db.select({ id: procedures.id }).from(procedures).where(unchanged(row));
  return [
    db
      .update(procedures)
      .set({ status: "archived", updatedAt: nowIso })
      .where(
        and(
          eq(procedures.provinceId, row.provinceId),
          eq(procedures.code, row.code),
          eq(procedures.status, "published"),
          exists(stillAsRead),
        ),
      ),
    db
      .update(procedures)
      .set({
        status: "published",
        effectiveFrom: at.effectiveFrom,
        publishOn: null,
        publishedAt: nowIso,
        revision: sql`${procedures.revision} + 1`,
        ...(at.updatedBy ? { updatedBy: at.updatedBy } : {}),
        updatedAt: nowIso,
      })
      .where(unchanged(row)),
  ];
}

/** Schedules or archives `row` as it was read; changes nothing if it changed meanwhile. */
export const setStatus = (db: Db, row: VersionRow, set: Pick<VersionInsert, "status" | "publishOn" | "updatedBy">) =>
  db
    .update(procedures)
    .set({ ...set, revision: sql`${procedures.revision} + 1`, updatedAt: nowIso })
    .where(and(eq(procedures.id, row.id), eq(procedures.revision, row.revision)));

/** Versions whose scheduled date in Vietnam has come, oldest date first. */
export async function dueScheduledVersions(db: Db, today: string): Promise<VersionRow[]> {
  return db
    .select()
    .from(procedures)
    .where(and(eq(procedures.status, "scheduled"), lte(procedures.publishOn, today)))
    .orderBy(procedures.publishOn, procedures.code);
}

/**
 * The catalogue's edition: the last time any version of the province changed, and the number of
 * edits of its life events, papers and synonyms (search_editions). Search answers cached under an
 * older edition are never served, so a publish or an admin's edit shows at once in every isolate.
 */
export async function catalogueEdition(db: Db, provinceId: string): Promise<string> {
  const row = await db
    .select({
      at: sql<string | null>`max(${procedures.updatedAt})`,
      aids: sql<
        number | null
      >`(SELECT ${searchEditions.edition} FROM ${searchEditions} WHERE ${searchEditions.provinceId} = ${provinceId})`,
    })
    .from(procedures)
    .where(eq(procedures.provinceId, provinceId))
    .get();
  return `${row?.at ?? ""}#${row?.aids ?? 0}`;
}

/**
 * Records a change of a procedure through the one record of admin changes. With `onlyIfChanged` it
 * is written only when the statement just before it in the batch changed a row (SQLite's changes()),
 * so a write that lost a race leaves no record.
 */
export const recordProcedureChange = (
  db: Db,
  change: {
    provinceId: string;
    actorId: string;
    code: string;
    action: string;
    reason?: string;
    data: unknown;
    onlyIfChanged?: boolean;
  },
): Statement =>
  recordChange(
    db,
    {
      provinceId: change.provinceId,
      actorId: change.actorId,
      entity: "procedure",
      entityId: change.code,
      action: change.action,
      reason: change.reason ?? "",
      data: change.data,
    },
    change.onlyIfChanged ? sql`changes() > 0` : undefined,
  );

export type TemplateRow = typeof templateFiles.$inferSelect;

export const insertTemplate = (db: Db, row: Omit<TemplateRow, "createdAt">) => db.insert(templateFiles).values(row).returning();

export async function templateById(db: Db, provinceId: string, id: string): Promise<TemplateRow | undefined> {
  return db
    .select()
    .from(templateFiles)
    .where(and(eq(templateFiles.provinceId, provinceId), eq(templateFiles.id, id)))
    .get();
}
