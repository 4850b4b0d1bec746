import { and, eq, sql } from "drizzle-orm";
import { feeQuote } from "../../../shared/src/catalogue/fees";
import { dueDate } from "../../../shared/src/deadline/due-date";
import type { SubmitBody, SubmitResponse } from "../../../shared/src/dossier/api";
import { eventHash, GENESIS_HASH } from "../../../shared/src/dossier/audit";
import { missingItems } from "../../../shared/src/dossier/completeness";
import { normaliseForm } from "../../../shared/src/dossier/eform";
import { SUBMITTED, transition } from "../../../shared/src/dossier/lifecycle";
import { statusLabel } from "../../../shared/src/dossier/status";
import { MAX_DOSSIER_BYTES } from "../../../shared/src/files/files";
import { trackingPath } from "../../../shared/src/links/deep-link";
import type { IntakeBody } from "../../../shared/src/staff/api";
import type { Db } from "../db/client";
import { workCalendar } from "../db/repo/calendar";
import { insertSubmittedDossier } from "../db/repo/dossiers";
import { ownFilesById } from "../db/repo/files";
import { type ProcedureRow, publishedProcedureRow } from "../db/repo/procedures";
import { successorOf } from "../db/repo/units";
import type { AuthUser } from "../db/repo/users";
import { dossiers, units } from "../db/schema";
import { randomToken } from "../lib/crypto";
import { ApiError, conflict, notFound } from "../lib/errors";
import { completeIdempotencyKey } from "../lib/idempotency";

const CODE_PLACEHOLDER = "{{dossier_code}}";

/** Where a dossier is received and who decides it: the competent department, or the commune chosen. */
async function resolveUnits(db: Db, provinceId: string, procedure: ProcedureRow, receivingUnitId: string) {
  const unit = await db.query.units.findFirst({ where: and(eq(units.id, receivingUnitId), eq(units.provinceId, provinceId)) });
  const fits = procedure.unitLevel === "commune" ? unit?.kind === "commune" : unit?.id === procedure.competentUnitId;
  if (!unit || !fits) {
    throw new ApiError(400, "validation_failed", "Đơn vị tiếp nhận không giải quyết thủ tục này.", [
      { path: "receivingUnitId", message: "Vui lòng chọn đơn vị có thẩm quyền giải quyết thủ tục này" },
    ]);
  }
  if (unit.deactivatedAt) {
    const successor = await successorOf(db, unit.id);
    const message = successor
      ? `${unit.name} đã sáp nhập vào ${successor.name}. Vui lòng nộp hồ sơ tại ${successor.name}.`
      : `${unit.name} đã ngừng tiếp nhận hồ sơ.`;
    throw new ApiError(400, "validation_failed", message, [
      { path: "receivingUnitId", message, ...(successor ? { successor } : {}) },
    ]);
  }
  return { receiving: unit, handlingUnitId: procedure.competentUnitId ?? unit.id };
}

/** A dossier an officer registers at the counter or from the post, for someone without the app. */
export type CounterIntake = Pick<IntakeBody, "channel" | "applicant" | "paperDocuments">;

/**
 * Files a dossier: online by the resident (`user`), or at the counter by an officer (`user`) for
 * an applicant with `intake`, accepted on the spot. Everything is checked before the single
 * write batch; the batch also stores the response under the caller's Idempotency-Key, so a
 * retry can only ever replay it.
 */
export async function submitDossier(
  db: Db,
  user: AuthUser,
  body: Omit<SubmitBody, "consent">,
  idempotencyKey: string,
  config: { linkBase: string; auditKey: string },
  intake?: CounterIntake,
): Promise<SubmitResponse> {
  const { linkBase, auditKey } = config;
  const procedure = await publishedProcedureRow(db, user.provinceId, body.procedureCode);
  if (!procedure) throw notFound("Không tìm thấy thủ tục này.");
  if (procedure.version !== body.procedureVersion) {
    throw conflict("Thủ tục vừa được cập nhật, vui lòng xem lại hồ sơ trước khi nộp.", { currentVersion: procedure.version });
  }
  if (procedure.externalSystem) {
    const { name, url, explanation } = procedure.externalSystem;
    throw conflict(`Thủ tục này được thực hiện trên ${name}, không nộp qua ứng dụng này. ${explanation}`, {
      externalSystem: { name, url },
    });
  }
  if (intake && procedure.onlineOnly) {
    throw conflict(
      "Thủ tục này chỉ tiếp nhận hồ sơ trực tuyến, không tiếp nhận tại quầy hoặc qua bưu chính. Cán bộ có thể hướng dẫn và giúp người dân nộp trực tuyến ngay tại quầy.",
      { onlineOnly: true },
    );
  }
  // At the counter the officer checks the applicant's papers in person.
  if (!intake && procedure.requiresVneid && !user.vneidVerified) {
    throw new ApiError(
      403,
      "identity_required",
      "Thủ tục này cần xác thực danh tính bằng tài khoản định danh điện tử VNeID trước khi nộp.",
    );
  }
  const onPaper = (intake?.paperDocuments ?? []).map((docIndex) => ({ docIndex, fileIds: ["paper"] }));
  const missing = missingItems(procedure, { form: body.form, documents: [...body.documents, ...onPaper] });
  if (missing.length > 0) throw new ApiError(422, "incomplete", "Hồ sơ còn thiếu thông tin hoặc giấy tờ.", missing);

  const { receiving, handlingUnitId } = await resolveUnits(db, user.provinceId, procedure, body.receivingUnitId);
  const fileIds = [...new Set(body.documents.flatMap((d) => d.fileIds))];
  const owned = await ownFilesById(db, user.id, fileIds);
  if (owned.length !== fileIds.length) {
    const known = new Set(owned.map((f) => f.id));
    throw new ApiError(
      400,
      "validation_failed",
      "Có tệp đính kèm không tồn tại.",
      fileIds.filter((id) => !known.has(id)).map((id) => ({ path: "documents", message: `Không tìm thấy tệp ${id}` })),
    );
  }
  if (owned.reduce((sum, f) => sum + f.size, 0) > MAX_DOSSIER_BYTES) {
    throw new ApiError(
      413,
      "payload_too_large",
      `Tổng dung lượng tệp của một hồ sơ tối đa ${MAX_DOSSIER_BYTES / 1024 / 1024} MB.`,
    );
  }

  const now = new Date();
  const at = now.toISOString();
  const due = dueDate(now, procedure.processingTime, await workCalendar(db, user.provinceId));
  const id = crypto.randomUUID();
  const trackingToken = randomToken(18);
  const channel = intake?.channel ?? "online";
  const fee = feeQuote(procedure.fees, channel, now);
  const applicantId = intake ? crypto.randomUUID() : user.id;
  // Counter and postal intake is accepted on the spot: the clock starts with the filing.
  const accepted = transition(SUBMITTED, "accept");
  if (!accepted.ok) throw new Error("a new dossier can always be accepted");
  const first = intake
    ? {
        type: accepted.event,
        actorId: user.id,
        actorRole: "staff" as const,
        status: accepted.state.status,
        data: {
          dueDate: due.date,
          ...(intake.paperDocuments?.length ? { paperDocuments: [...intake.paperDocuments] } : {}),
        },
      }
    : { type: "submitted" as const, actorId: user.id, actorRole: "resident" as const, status: SUBMITTED.status, data: {} };
  const event = { seq: 1, at, note: null, ...first };
  const status = first.status;
  const response: SubmitResponse = {
    code: CODE_PLACEHOLDER,
    procedure: { code: procedure.code, name: procedure.name, version: procedure.version },
    status,
    statusLabel: statusLabel(status),
    channel,
    submittedAt: now.toISOString(),
    dueDate: due.date,
    handlingUnit: {
      id: handlingUnitId,
      name: handlingUnitId === receiving.id ? receiving.name : await unitName(db, handlingUnitId),
    },
    receivingUnit: { id: receiving.id, name: receiving.name },
    fee,
    dueExplanation: intake ? due.explanation : `Dự kiến: ${due.explanation}`,
    trackingUrl: `${linkBase}${trackingPath(CODE_PLACEHOLDER, trackingToken)}`,
  };
  const template = JSON.stringify(response);
  const code = await insertSubmittedDossier(
    db,
    {
      id,
      provinceId: user.provinceId,
      procedureId: procedure.id,
      procedureCode: procedure.code,
      applicantId,
      applicantName: intake?.applicant.fullName ?? user.displayName,
      receivingUnit: receiving,
      handlingUnitId,
      form: normaliseForm(procedure.eform, body.form),
      documents: body.documents.filter((d) => d.fileIds.length > 0),
      fee,
      trackingToken,
      vneidVerified: user.vneidVerified,
      channel,
      status,
      submittedAt: now,
      receivedAt: intake ? at : null,
      dueDate: due.date,
      dueExplanation: response.dueExplanation,
      event: { ...event, hash: await eventHash(auditKey, GENESIS_HASH, event) },
      ...(intake ? { newApplicant: intake.applicant } : {}),
    },
    [
      completeIdempotencyKey(
        db,
        user.id,
        idempotencyKey,
        template,
        CODE_PLACEHOLDER,
        sql`(SELECT ${dossiers.code} FROM ${dossiers} WHERE ${dossiers.id} = ${id})`,
      ),
    ],
  );
  return JSON.parse(template.replaceAll(CODE_PLACEHOLDER, code)) as SubmitResponse;
}

async function unitName(db: Db, id: string) {
  return (await db.query.units.findFirst({ where: eq(units.id, id), columns: { name: true } }))?.name ?? "";
}
