import type { SupplementBody } from "../../../shared/src/dossier/api";
import type { Db } from "../db/client";
import { documentInserts, type ViewRow, viewById } from "../db/repo/dossiers";
import { ownFilesById } from "../db/repo/files";
import type { AuthUser } from "../db/repo/users";
import { ApiError, conflict } from "../lib/errors";
import { commitStep, transitionOf } from "./steps";

/** The applicant's own steps on their dossier (access.applicantDossier found it). */

async function committed(db: Db, row: ViewRow, ok: boolean): Promise<ViewRow> {
  if (!ok) throw conflict("Hồ sơ vừa được cập nhật, vui lòng tải lại.");
  return (await viewById(db, row.d.id))!;
}

/**
 * The answer to a supplement request with documents: back to "Mới đăng ký" before acceptance,
 * else to processing, with the due date moved by the working days the clock was paused.
 */
export async function submitSupplement(db: Db, auditKey: string, user: AuthUser, row: ViewRow, body: SupplementBody) {
  const moved = transitionOf(row.d, "submit_supplement");
  if (!moved.ok) throw conflict("Hồ sơ không ở trạng thái cần bổ sung.");
  // One file may answer several documents; event_files holds it once (a duplicate would fail the batch as if concurrent).
  const fileIds = [...new Set(body.documents.flatMap((d) => d.fileIds))];
  if ((await ownFilesById(db, user.id, fileIds)).length !== fileIds.length)
    throw new ApiError(400, "validation_failed", "Có tệp đính kèm không tồn tại.");
  const ok = await commitStep(db, auditKey, row, user, moved, {
    note: body.note,
    data: { fileIds },
    extra: documentInserts(db, row.d.id, body.documents, row.d.version + 1),
  });
  return committed(db, row, ok);
}

/** Before anyone accepted it, a dossier is withdrawn at once; afterwards an officer confirms the request. */
export async function withdraw(db: Db, auditKey: string, user: AuthUser, row: ViewRow, reason: string) {
  const moved = transitionOf(row.d, "withdraw");
  if (!moved.ok) throw conflict("Hồ sơ ở trạng thái này không thể rút.");
  return committed(db, row, await commitStep(db, auditKey, row, user, moved, { note: reason }));
}
