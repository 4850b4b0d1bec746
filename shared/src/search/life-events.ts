import { z } from "zod";
import { ProcedureCode } from "../catalogue/schemas";
import { searchTokens } from "../text/fold";

/**
 * Life events (sự kiện cuộc sống: having a baby, a death in the family, …) and papers that were
 * abolished or renamed. Both are the province's data (D1, edited in the back office, seeded from
 * scripts/seed/an-hoa/); residents' queries reach them by phrases, compared folded
 * (accent-insensitive, `đ`→`d`) as whole words.
 */

/** A URL-safe identifier: lower-case ASCII words joined by hyphens. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang" })
  .max(60);

/** A phrase residents type; it must keep at least one letter or digit once folded. */
export const Phrase = z
  .string()
  .trim()
  .min(2, { error: "Cụm từ cần ít nhất 2 ký tự" })
  .max(60, { error: "Cụm từ dài tối đa 60 ký tự" })
  .refine((p) => searchTokens(p).length > 0 && searchTokens(p).length <= 8, {
    error: "Cụm từ cần có chữ hoặc số, tối đa 8 từ",
  });

const Phrases = z
  .array(Phrase)
  .min(1, { error: "Cần ít nhất một cụm từ" })
  .max(40, { error: "Tối đa 40 cụm từ" })
  .superRefine((phrases, ctx) => {
    const folded = phrases.map((p) => searchTokens(p).join(" "));
    folded.forEach((f, i) => {
      if (folded.indexOf(f) !== i) ctx.addIssue({ code: "custom", path: [i], message: `Cụm từ "${phrases[i]}" bị trùng` });
    });
  });

/** One procedure of a life event, in order, with why it comes at this point. */
export const LifeEventStep = z.strictObject({
  code: ProcedureCode,
  note: z.string().trim().max(200, { error: "Ghi chú dài tối đa 200 ký tự" }).default(""),
});
export type LifeEventStep = z.infer<typeof LifeEventStep>;

/** A life event as the province defines it (data file, admin body). */
export const LifeEventInput = z
  .strictObject({
    slug: Slug,
    title: z.string().trim().min(3).max(80),
    description: z.string().trim().min(3).max(200),
    phrases: Phrases,
    steps: z.array(LifeEventStep).min(1, { error: "Cần ít nhất một thủ tục" }).max(12),
    /** Order on the home screen, lowest first. */
    position: z.number().int().min(0).max(999),
    hidden: z.boolean().default(false),
  })
  .superRefine((e, ctx) => {
    const codes = e.steps.map((s) => s.code);
    codes.forEach((c, i) => {
      if (codes.indexOf(c) !== i)
        ctx.addIssue({ code: "custom", path: ["steps", i, "code"], message: `Thủ tục ${c} có hai lần` });
    });
  });
export type LifeEventInput = z.infer<typeof LifeEventInput>;

/** A procedure as a life event or a replacement names it: only published procedures are shown. */
export const ProcedureRef = z.object({ code: ProcedureCode, name: z.string() });
export type ProcedureRef = z.infer<typeof ProcedureRef>;

/**
 * A life event as residents see it (`GET /api/life-events`, the search answer's `lifeEvents`): its
 * published procedures in order; a procedure without a published version is left out.
 */
export const LifeEventSummary = z.object({
  slug: Slug,
  title: z.string(),
  description: z.string(),
  procedures: z.array(ProcedureRef),
});
export type LifeEventSummary = z.infer<typeof LifeEventSummary>;

export const LifeEventList = z.object({ items: z.array(LifeEventSummary) });
export type LifeEventList = z.infer<typeof LifeEventList>;

/** An abolished or renamed paper as the province defines it (data file, admin body). */
export const PaperReplacementInput = z.strictObject({
  slug: Slug,
  /** The paper residents still ask for, as it was called. */
  paper: z.string().trim().min(2).max(80),
  phrases: Phrases,
  /** One line: what happened to it and since when. */
  explanation: z.string().trim().min(10).max(300),
  /** The procedure that gives what replaced it, if any. */
  procedureCode: ProcedureCode.nullable(),
  /** False until someone checked the date and the legal basis against the official text. */
  verified: z.boolean().default(false),
  /** The legal basis, for the admin checking it. */
  source: z.string().trim().max(200).default(""),
});
export type PaperReplacementInput = z.infer<typeof PaperReplacementInput>;

/** The search answer's `replacement`: the paper the query names, and what replaced it. */
export const PaperReplacement = z.object({
  paper: z.string(),
  explanation: z.string(),
  /** The procedure to follow instead; null when none is published (or none exists). */
  procedure: ProcedureRef.nullable(),
});
export type PaperReplacement = z.infer<typeof PaperReplacement>;

/** Folded phrases as token lists, ready to compare with a query's tokens. */
export type FoldedPhrases = string[][];

export const foldPhrases = (phrases: readonly string[]): FoldedPhrases =>
  phrases.map((p) => searchTokens(p)).filter((t) => t.length > 0);

function containsRun(tokens: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    if (phrase.every((t, j) => tokens[i + j] === t)) return true;
  }
  return false;
}

/**
 * How well a query's folded tokens name one of the phrases: the number of words of the longest
 * phrase found in the query as consecutive whole words, 0 if none. "vua sinh con" names
 * "sinh con"; "sinh" alone does not, nor does "con" inside "con dau".
 */
export function phraseMatch(queryTokens: readonly string[], phrases: FoldedPhrases): number {
  let best = 0;
  for (const phrase of phrases) if (phrase.length > best && containsRun(queryTokens, phrase)) best = phrase.length;
  return best;
}

/**
 * The items whose phrases the query names, best first (the longest phrase found, then their own
 * order), at most `limit`.
 */
export function matchByPhrases<T extends { phrases: FoldedPhrases }>(query: string, items: readonly T[], limit = 2): T[] {
  const tokens = searchTokens(query);
  if (tokens.length === 0) return [];
  return items
    .map((item, order) => ({ item, order, score: phraseMatch(tokens, item.phrases) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((m) => m.item);
}
