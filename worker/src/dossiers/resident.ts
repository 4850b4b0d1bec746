import type { SupplementBody } from "../../../shared/src/dossier/api";
import { parseEventPayload } from "../../../shared/src/dossier/events";
import { checkAnswers } from "../../../shared/src/dossier/supplement";
import type { Db } from "../db/client";
import { documentInserts, latestEventOfType, type ViewRow, viewById } from "../db/repo/dossiers";
import { ownFilesById } from "../db/repo/files";
import type { AuthUser } from "../db/repo/users";
import { ApiError, conflict } from "../lib/errors";
import { commitStep, transitionOf } from "./steps";

/** The applicant's own steps on their dossier (access.applicantDossier found it). */

async function committed(db: Db, row: ViewRow, ok: boolean): Promise<ViewRow> {
  if (!ok) throw conflict("Hồ sơ vừa được cập nhật, vui lòng tải lại.");
  return (await viewById(db, row.d.id))!;
}

const badAnswer = (message: string, path = "answers") => new ApiError(400, "validation_failed", message, [{ path, message }]);

/**
 * The answer to a supplement request with documents: back to "Mới đăng ký" before acceptance,
 * else to processing, with the due date moved by the working days the clock was paused. A request
 * that lists items is answered item by item: every item asked, each once; a document item's files
 * take that document's place in the dossier, and the event records which files answered which item.
 */
export async function submitSupplement(db: Db, auditKey: string, user: AuthUser, row: ViewRow, body: SupplementBody) {
  const moved = transitionOf(row.d, "submit_supplement");
  if (!moved.ok) throw conflict("Hồ sơ không ở trạng thái cần bổ sung.");
  const request = await latestEventOfType(db, row.d.id, "supplement_requested");
  const asked = request && parseEventPayload(request.type, request.data);
  const asks = asked && asked.type === "supplement_requested" ? asked.data.asks : undefined;
  let documents = body.documents;
  if (asks) {
    if (body.documents.length > 0) throw badAnswer("Vui lòng trả lời theo từng mục cán bộ yêu cầu bổ sung.", "documents");
    const problem = checkAnswers(asks, body.answers);
    if (problem) throw badAnswer(problem);
    documents = asks.flatMap((ask) => {
      const answer = body.answers.find((a) => a.askId === ask.id);
      return ask.kind === "document" && answer ? [{ docIndex: ask.docIndex, fileIds: answer.fileIds }] : [];
    });
  } else if (body.answers.length > 0) {
    throw badAnswer("Yêu cầu bổ sung này không liệt kê từng mục; vui lòng đính kèm giấy tờ theo thành phần hồ sơ.");
  }
  // One file may answer several documents; event_files holds it once (a duplicate would fail the batch as if concurrent).
  const fileIds = [...new Set([...documents.flatMap((d) => d.fileIds), ...body.answers.flatMap((a) => a.fileIds)])];
  if ((await ownFilesById(db, user.id, fileIds)).length !== fileIds.length)
    throw new ApiError(400, "validation_failed", "Có tệp đính kèm không tồn tại.");
  const ok = await commitStep(db, auditKey, row, user, moved, {
    note: body.note,
    data: { fileIds, ...(asks ? { answers: body.answers } : {}) },
    extra: documentInserts(db, row.d.id, documents, row.d.version + 1),
  });
  return committed(db, row, ok);
}

/** Before anyone accepted it, a dossier is withdrawn at once; afterwards an officer confirms the request. */
export async function withdraw(db: Db, auditKey: string, user: AuthUser, row: ViewRow, reason: string) {
  const moved = transitionOf(row.d, "withdraw");
  if (!moved.ok) throw conflict("Hồ sơ ở trạng thái này không thể rút.");
  return committed(db, row, await commitStep(db, auditKey, row, user, moved, { note: reason }));
}
