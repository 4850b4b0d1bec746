import { z } from "zod";

/** What an admin change is about; `admin_changes.entity`. */
export const CHANGE_ENTITIES = [
  "person",
  "invitation",
  "unit",
  "procedure",
  "catalogue",
  "calendar",
  "target",
  "figure_setting",
  "report",
  "vneid_relaxation",
  "dossier",
  "life_event",
  "paper_replacement",
  "search_synonym",
] as const;
export const ChangeEntity = z.enum(CHANGE_ENTITIES);
export type ChangeEntity = z.infer<typeof ChangeEntity>;

/** Why an admin made a change: shown in the record of changes, so it must say something. */
export const ChangeReason = z
  .string()
  .trim()
  .min(3, { error: "Lý do cần ít nhất 3 ký tự" })
  .max(500, { error: "Lý do dài tối đa 500 ký tự" });

/** `GET /api/admin/changes`: newest first; `cursor` is the id of the last change seen. */
export const ChangesQuery = z.object({
  entity: ChangeEntity.optional(),
  entityId: z.string().min(1).max(200).optional(),
  cursor: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** One row of the record of changes: who, when, what (before and after) and why. */
export const ChangeEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }),
  entity: ChangeEntity,
  entityId: z.string(),
  action: z.string(),
  reason: z.string(),
  data: z.unknown(),
});
export type ChangeEntry = z.infer<typeof ChangeEntry>;

export const ChangeList = z.object({ items: z.array(ChangeEntry), nextCursor: z.string().nullable() });
export type ChangeList = z.infer<typeof ChangeList>;
