import type { Relaxation } from "../../../shared/src/identity/relaxations";
import type { Db } from "../db/client";
import { deleteRelaxation, insertRelaxation, listRelaxations } from "../db/repo/identity";
import { publishedProcedureRow } from "../db/repo/procedures";
import type { AuthUser } from "../db/repo/users";
import { conflict, notFound } from "../lib/errors";

/**
 * A province admin lets residents file one procedure online without a linked VNeID identity, with a
 * reason; refused where the catalogue requires VNeID. Relaxing a relaxed procedure changes nothing.
 */
export async function relax(db: Db, admin: AuthUser, procedureCode: string, reason: string): Promise<Relaxation> {
  const procedure = await publishedProcedureRow(db, admin.provinceId, procedureCode);
  if (!procedure) throw notFound("Không tìm thấy thủ tục đang công bố với mã này.");
  if (procedure.requiresVneid) {
    throw conflict(
      "Thủ tục này bắt buộc xác thực VNeID theo danh mục thủ tục, nên không thể cho phép nộp trực tuyến khi chưa liên kết VNeID.",
      { requiresVneid: true },
    );
  }
  await insertRelaxation(db, admin.provinceId, procedureCode, { id: admin.id, reason, procedureName: procedure.name });
  const [relaxation] = await listRelaxations(db, admin.provinceId, procedureCode);
  return relaxation!;
}

/** Ends a relaxation: filing the procedure online needs a linked VNeID identity again. */
export async function revoke(db: Db, admin: AuthUser, procedureCode: string, reason: string) {
  const [before] = await listRelaxations(db, admin.provinceId, procedureCode);
  if (!before) throw notFound("Thủ tục này không được miễn yêu cầu VNeID.");
  await deleteRelaxation(db, admin.provinceId, procedureCode, { id: admin.id, reason, before });
}
