import { z } from "zod";

/** `POST /api/admin/figures/recompute`: continue the recompute running (or start one); `restart` starts over. */
export const RecomputeBody = z.strictObject({ restart: z.boolean().optional() });
export type RecomputeBody = z.infer<typeof RecomputeBody>;

/** One step of a recompute: dossiers added by this call, and the last one so far (null once done). */
export const RecomputeStep = z.object({
  done: z.boolean(),
  processed: z.number().int(),
  next: z.string().nullable(),
});
export type RecomputeStep = z.infer<typeof RecomputeStep>;
