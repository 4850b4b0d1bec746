import { type PrefillResponse, prefillFields } from "../../../shared/src/identity/prefill";
import type { Db } from "../db/client";
import { earlierDossiers, vneidClaimsOf } from "../db/repo/identity";
import { publishedProcedureRow } from "../db/repo/procedures";
import type { AuthUser } from "../db/repo/users";
import { notFound } from "../lib/errors";
import { vneidRequired } from "./rule";

/**
 * What the filing form of a procedure starts with for the caller: whether it needs their VNeID
 * link, their identity from the claims (read-only), and answers from their own earlier dossiers.
 */
export async function prefill(db: Db, user: AuthUser, procedureCode: string): Promise<PrefillResponse> {
  const procedure = await publishedProcedureRow(db, user.provinceId, procedureCode);
  if (!procedure) throw notFound("Không tìm thấy thủ tục này.");
  const [required, claims, earlier] = await Promise.all([
    vneidRequired(db, user.provinceId, procedure),
    user.vneidVerified ? vneidClaimsOf(db, user.id) : null,
    earlierDossiers(db, user.id),
  ]);
  return {
    vneid: { required, linked: user.vneidVerified },
    fields: prefillFields(procedure.eform, procedure.code, claims, earlier),
  };
}
