import { z } from "zod";
import { LifeEventInput, PaperReplacementInput, Slug } from "../search/life-events";
import { searchTokens } from "../text/fold";
import { ChangeReason } from "./changes";

/**
 * The back office's contracts for what leads residents' searches: life events, abolished or
 * renamed papers, the province's own synonyms, and the queries that found nothing
 * (`/api/admin/life-events`, `/paper-replacements`, `/search-synonyms`, `/unmatched-queries`).
 */

export const SlugParam = z.object({ slug: Slug });
export const SynonymIdParam = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
export const ReasonBody = z.strictObject({ reason: ChangeReason });

/** Creates or replaces the life event of the path's slug. */
export const LifeEventBody = z.strictObject({ event: LifeEventInput, reason: ChangeReason });
export type LifeEventBody = z.infer<typeof LifeEventBody>;

export const PaperReplacementBody = z.strictObject({ replacement: PaperReplacementInput, reason: ChangeReason });
export type PaperReplacementBody = z.infer<typeof PaperReplacementBody>;

const SynonymText = z
  .string()
  .trim()
  .min(2, { error: "Cần ít nhất 2 ký tự" })
  .max(120, { error: "Dài tối đa 120 ký tự" })
  .refine((t) => searchTokens(t).length > 0 && searchTokens(t).length <= 12, {
    error: "Cần có chữ hoặc số, tối đa 12 từ",
  });

/** A province synonym: what residents type (keys) → how the catalogue names it (expansions). */
export const SynonymInput = z.strictObject({
  keys: z.array(SynonymText).min(1, { error: "Cần ít nhất một cụm từ người dân gõ" }).max(20),
  expansions: z.array(SynonymText).min(1, { error: "Cần ít nhất một cách gọi trong danh mục" }).max(5),
});
export type SynonymInput = z.infer<typeof SynonymInput>;

export const SynonymBody = z.strictObject({
  synonym: SynonymInput,
  reason: ChangeReason,
  /** The unmatched query this synonym answers (folded as listed); it leaves the list. */
  fromUnmatched: z.string().max(200).optional(),
});
export type SynonymBody = z.infer<typeof SynonymBody>;

const Actor = z.object({ id: z.string(), name: z.string() }).nullable();

/** A step as the back office shows it: whether residents see the procedure now. */
export const AdminLifeEventStep = z.object({
  code: z.string(),
  note: z.string(),
  /** The published version's name; null while the procedure has none (residents do not see the step). */
  name: z.string().nullable(),
});

export const AdminLifeEvent = z.object({
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  phrases: z.array(z.string()),
  steps: z.array(AdminLifeEventStep),
  position: z.number().int(),
  hidden: z.boolean(),
  updatedAt: z.string(),
  updatedBy: Actor,
});
export type AdminLifeEvent = z.infer<typeof AdminLifeEvent>;
export const AdminLifeEventList = z.object({ items: z.array(AdminLifeEvent) });

export const AdminPaperReplacement = z.object({
  slug: z.string(),
  paper: z.string(),
  phrases: z.array(z.string()),
  explanation: z.string(),
  procedureCode: z.string().nullable(),
  procedureName: z.string().nullable(),
  verified: z.boolean(),
  source: z.string(),
  updatedAt: z.string(),
  updatedBy: Actor,
});
export type AdminPaperReplacement = z.infer<typeof AdminPaperReplacement>;
export const AdminPaperReplacementList = z.object({ items: z.array(AdminPaperReplacement) });

export const AdminSynonym = z.object({
  id: z.number().int(),
  keys: z.array(z.string()),
  expansions: z.array(z.string()),
  updatedAt: z.string(),
  updatedBy: Actor,
});
export type AdminSynonym = z.infer<typeof AdminSynonym>;
export const AdminSynonymList = z.object({ items: z.array(AdminSynonym) });

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Ngày phải có dạng YYYY-MM-DD" });

/** `GET /api/admin/unmatched-queries`: seen within [from, to] (dates in Vietnam), most frequent first. */
export const UnmatchedQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  /** Also the ones already answered by a synonym. */
  resolved: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const UnmatchedItem = z.object({
  query: z.string(),
  count: z.number().int(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  resolvedAt: z.string().nullable(),
});
export type UnmatchedItem = z.infer<typeof UnmatchedItem>;
export const UnmatchedList = z.object({ items: z.array(UnmatchedItem) });
export type UnmatchedList = z.infer<typeof UnmatchedList>;
