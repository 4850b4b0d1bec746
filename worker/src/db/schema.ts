import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type {
  EForm,
  Fees,
  ProcessingTime,
  RequiredDocument,
  ResultDelivery,
} from "../../../shared/src/catalogue/schemas";

const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** A tenant: one province per deployment. */
export const provinces = sqliteTable("provinces", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  code: text("code").notNull(),
});

/** Provincial departments and communes, as a tree under the province's people's committee. */
export const units = sqliteTable(
  "units",
  {
    id: text("id").primaryKey(),
    provinceId: text("province_id").notNull().references(() => provinces.id),
    parentId: text("parent_id"),
    kind: text("kind", { enum: ["province", "department", "commune"] }).notNull(),
    name: text("name").notNull(),
    electronicId: text("electronic_id").notNull(),
    address: text("address").notNull().default(""),
    phone: text("phone").notNull().default(""),
    priorityWeekdays: json<number[]>("priority_weekdays").notNull().default(sql`'[]'`),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [index("units_province_kind").on(t.provinceId, t.kind, t.sortOrder), uniqueIndex("units_electronic_id").on(t.electronicId)],
);

/** Lĩnh vực: the catalogue's subject areas. */
export const fields = sqliteTable(
  "fields",
  {
    id: text("id").primaryKey(),
    provinceId: text("province_id").notNull().references(() => provinces.id),
    name: text("name").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [index("fields_province").on(t.provinceId, t.sortOrder)],
);

/**
 * One version of a procedure. A national code can have several versions; at
 * most one is published. `search_*` hold folded text indexed by `procedures_fts`.
 */
export const procedures = sqliteTable(
  "procedures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    provinceId: text("province_id").notNull().references(() => provinces.id),
    code: text("code").notNull(),
    version: integer("version").notNull(),
    status: text("status", { enum: ["draft", "published", "archived"] }).notNull(),
    effectiveFrom: text("effective_from").notNull(),
    name: text("name").notNull(),
    summary: text("summary").notNull().default(""),
    fieldId: text("field_id").notNull().references(() => fields.id),
    unitLevel: text("unit_level", { enum: ["province", "commune"] }).notNull(),
    competentUnitId: text("competent_unit_id").references(() => units.id),
    agency: text("agency").notNull(),
    serviceLevel: text("service_level", { enum: ["toan_trinh", "mot_phan"] }).notNull(),
    processingTime: json<ProcessingTime>("processing_time").notNull(),
    fees: json<Fees>("fees").notNull(),
    documents: json<RequiredDocument[]>("documents").notNull(),
    eform: json<EForm>("eform").notNull(),
    onlineOnly: integer("online_only", { mode: "boolean" }).notNull().default(false),
    essential: integer("essential", { mode: "boolean" }).notNull().default(false),
    resultDelivery: json<ResultDelivery[]>("result_delivery").notNull(),
    aliases: json<string[]>("aliases").notNull().default(sql`'[]'`),
    popularity: integer("popularity").notNull().default(0),
    searchName: text("search_name").notNull(),
    searchAliases: text("search_aliases").notNull(),
    searchBody: text("search_body").notNull(),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("procedures_code_version").on(t.provinceId, t.code, t.version),
    uniqueIndex("procedures_one_published").on(t.provinceId, t.code).where(sql`${t.status} = 'published'`),
    index("procedures_listing").on(t.provinceId, t.status, t.essential, t.popularity),
    index("procedures_field").on(t.fieldId, t.status),
    index("procedures_unit").on(t.competentUnitId, t.status),
  ],
);
