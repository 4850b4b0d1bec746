import { z } from "zod";
import { ChangeReason } from "../admin/changes";
import { ProcedureCode } from "../catalogue/schemas";

/**
 * The province's relaxations of the VNeID rule (`/api/admin/vneid-relaxations`): online filing
 * needs a linked VNeID identity (ND 69/2024) unless a province admin relaxed it for one procedure,
 * with a reason; never for a procedure whose catalogue entry requires VNeID.
 */

export const RelaxationParam = z.object({ code: ProcedureCode });
export const RelaxationBody = z.strictObject({ reason: ChangeReason });
export type RelaxationBody = z.infer<typeof RelaxationBody>;

export const Relaxation = z.object({
  procedureCode: z.string(),
  /** The published version's name; null when the procedure has no published version now. */
  procedureName: z.string().nullable(),
  reason: z.string(),
  decidedAt: z.string(),
  decidedBy: z.object({ id: z.string(), name: z.string() }),
});
export type Relaxation = z.infer<typeof Relaxation>;

export const RelaxationList = z.object({ items: z.array(Relaxation) });
export type RelaxationList = z.infer<typeof RelaxationList>;
