import type { Db } from "../db/client";
import { isRelaxed } from "../db/repo/identity";
import type { ProcedureRow } from "../db/repo/procedures";

/**
 * Whether filing a procedure online needs a linked VNeID identity. Since 1 July 2024 (ND 69/2024)
 * VNeID is the legal login for online procedures, so it does, unless the province relaxed the rule
 * for this procedure; a procedure whose catalogue entry requires VNeID is never relaxed.
 */
export async function vneidRequired(
  db: Db,
  provinceId: string,
  procedure: Pick<ProcedureRow, "code" | "requiresVneid">,
): Promise<boolean> {
  return procedure.requiresVneid || !(await isRelaxed(db, provinceId, procedure.code));
}
