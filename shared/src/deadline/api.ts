import { z } from "zod";
import { LocalDate } from "../time/vietnam";

/** One published calendar day: a public holiday on a weekday, or a compensatory working day (ngày làm bù). */
export const CalendarDay = z.object({
  date: LocalDate,
  kind: z.enum(["holiday", "workday"]),
  name: z.string(),
  /** The document that announced it (law, decision, official notice). */
  source: z.string(),
  /** False until an admin checked it against the official notice. */
  verified: z.boolean(),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

/** `PUT /api/admin/calendar/:date`. */
export const CalendarDayBody = z.strictObject({
  kind: z.enum(["holiday", "workday"]),
  name: z.string().trim().min(2).max(200),
  source: z.string().trim().min(2).max(500),
  verified: z.boolean().default(false),
});
export const CalendarDateParam = z.object({ date: LocalDate });
export const CalendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
