import { and, eq, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { feeQuote } from "../../../shared/src/catalogue/fees";
import { dueDate } from "../../../shared/src/deadline/due-date";
import type { SubmitBody, SubmitResponse } from "../../../shared/src/dossier/api";
import { eventHash, GENESIS_HASH } from "../../../shared/src/dossier/audit";
import { missingItems } from "../../../shared/src/dossier/completeness";
import { normaliseForm } from "../../../shared/src/dossier/eform";
import type { AssistedRecord } from "../../../shared/src/dossier/events";
import { SUBMITTED, submitted, transition } from "../../../shared/src/dossier/lifecycle";
import { statusLabel } from "../../../shared/src/dossier/status";
import { MAX_DOSSIER_BYTES } from "../../../shared/src/files/files";
import { withIdentity } from "../../../shared/src/identity/prefill";
import { trackingPath } from "../../../shared/src/links/deep-link";
import type { IntakeBody } from "../../../shared/src/staff/api";
import type { Db } from "../db/client";
import { workCalendar } from "../db/repo/calendar";
import { insertSubmittedDossier } from "../db/repo/dossiers";
import { ownFilesById } from "../db/repo/files";
import { vneidClaimsOf } from "../db/repo/identity";
import { type ProcedureRow, publishedProcedureRow } from "../db/repo/procedures";
import { successorOf } from "../db/repo/units";
import type { AuthUser } from "../db/repo/users";
import { dossiers, units } from "../db/schema";
import { discardDeclarations, generateDeclarations } from "../declaration/generate";
import { vneidRequired } from "../identity/rule";
import { randomToken } from "../lib/crypto";
import { ApiError, conflict, notFound } from "../lib/errors";
import { completeIdempotencyKey } from "../lib/idempotency";
import { queuePortalSync } from "../portal/queue";

export const CODE_PLACEHOLDER = "{{dossier_code}}";

/** What filing needs from the environment; `files` stores the declarations generated from the eForm. */
export type FilingConfig = { linkBase: string; auditKey: string; files: R2Bucket };

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

export type Submission = Omit<SubmitBody, "consent">;

/** How a submission is filed, which decides the checks that apply to it. */
export type SubmissionCheck = {
  provinceId: string;
  /** Who uploaded the attached files: the filer, or the team member who prepared an assisted filing. */
  filesOwnerId: string;
  /**
   * Whether the applicant proved a VNeID identity; "in_person" when an officer checks the papers
   * at the counter, "unknown" when a filing is prepared before the resident is known.
   */
  identity: boolean | "in_person" | "unknown";
  /** The verified applicant whose VNeID claims fill (and overwrite) the form's identity fields. */
  claimsOf?: string;
  intake?: CounterIntake;
};

/** A submission that passed every check, with what writing it needs. */
export type CheckedSubmission = {
  body: Submission;
  procedure: ProcedureRow;
  receiving: Awaited<ReturnType<typeof resolveUnits>>["receiving"];
  handlingUnitId: string;
  /** The attached files, owned by `filesOwnerId`. */
  fileIds: string[];
};

/**
 * Every check of a submission before anything is written: the published version, the channel the
 * procedure allows, identity, completeness, the receiving unit and the attached files.
 */
export async function checkSubmission(db: Db, submission: Submission, check: SubmissionCheck): Promise<CheckedSubmission> {
  const { intake } = check;
  let body = submission;
  const procedure = await publishedProcedureRow(db, check.provinceId, body.procedureCode);
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
  if (check.identity === false && (await vneidRequired(db, check.provinceId, procedure))) {
    throw new ApiError(
      403,
      "identity_required",
      procedure.requiresVneid
        ? "Thủ tục này cần xác thực danh tính bằng tài khoản định danh điện tử VNeID trước khi nộp."
        : "Nộp hồ sơ trực tuyến cần xác thực danh tính bằng tài khoản định danh điện tử VNeID (Nghị định 69/2024/NĐ-CP). Bạn chỉ cần liên kết VNeID một lần.",
    );
  }
  // Identity fields are the applicant's verified claims, whatever the submission says.
  if (check.identity === true && check.claimsOf) {
    body = { ...body, form: withIdentity(procedure.eform, body.form, await vneidClaimsOf(db, check.claimsOf)) };
  }
  const onPaper = (intake?.paperDocuments ?? []).map((docIndex) => ({ docIndex, fileIds: ["paper"] }));
  const missing = missingItems(procedure, { form: body.form, documents: [...body.documents, ...onPaper] });
  if (missing.length > 0) throw new ApiError(422, "incomplete", "Hồ sơ còn thiếu thông tin hoặc giấy tờ.", missing);

  const { receiving, handlingUnitId } = await resolveUnits(db, check.provinceId, procedure, body.receivingUnitId);
  const fileIds = [...new Set(body.documents.flatMap((d) => d.fileIds))];
  const owned = await ownFilesById(db, check.filesOwnerId, fileIds);
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
  return { body, procedure, receiving, handlingUnitId, fileIds };
}

/** Who a new dossier belongs to and who filed it. */
export type Filing = {
  /** Who takes the first step: the applicant online, the officer at the counter. */
  actorId: string;
  applicant: { id: string; name: string; vneidVerified: boolean };
  /** A counter, postal or paper-consent applicant without a Zalo account gets a resident record. */
  newApplicant?: { fullName: string; phone?: string | undefined };
  intake?: CounterIntake;
  /** An assisted filing: the dossier takes the filing's id, and its first event records the consent. */
  assisted?: { filingId: string; record: AssistedRecord };
  /**
   * Statements for the same batch, given the response template (with `CODE_PLACEHOLDER`) and a
   * SQL expression of the new dossier's code.
   */
  extra: (template: string, code: SQL) => BatchItem<"sqlite">[];
};

/** Writes a checked submission as a new dossier, in one batch with `filing.extra`; answers the receipt. */
export async function writeDossier(
  db: Db,
  provinceId: string,
  checked: CheckedSubmission,
  filing: Filing,
  config: FilingConfig,
): Promise<SubmitResponse> {
  const { body, procedure, receiving, handlingUnitId } = checked;
  const { intake, assisted } = filing;
  const { linkBase, auditKey } = config;
  const now = new Date();
  const at = now.toISOString();
  const due = dueDate(now, procedure.processingTime, await workCalendar(db, provinceId));
  const id = assisted?.filingId ?? crypto.randomUUID();
  const trackingToken = randomToken(18);
  const channel = intake?.channel ?? "online";
  const fee = feeQuote(procedure.fees, channel, now);
  // Counter and postal intake is accepted on the spot: the clock starts with the filing.
  const accepted = transition(SUBMITTED, "accept");
  if (!accepted.ok) throw new Error("a new dossier can always be accepted");
  const first = intake
    ? {
        type: accepted.event,
        actorRole: "staff" as const,
        status: accepted.state.status,
        data: {
          dueDate: due.date,
          ...(intake.paperDocuments?.length ? { paperDocuments: [...intake.paperDocuments] } : {}),
        },
      }
    : {
        type: "submitted" as const,
        actorRole: "resident" as const,
        status: SUBMITTED.status,
        data: assisted ? { assisted: assisted.record } : {},
      };
  const event = { seq: 1, at, note: null, actorId: filing.actorId, ...first };
  const status = first.status;
  const response: SubmitResponse = {
    code: CODE_PLACEHOLDER,
    procedure: { code: procedure.code, name: procedure.name, version: procedure.version },
    status,
    statusLabel: statusLabel(status),
    channel,
    submittedAt: at,
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
  const form = normaliseForm(procedure.eform, body.form);
  const declarations = await generateDeclarations(config.files, {
    procedure,
    form,
    applicant: filing.applicant,
    receiving,
    channel,
    at: now,
  });
  const code = await insertSubmittedDossier(
    db,
    {
      id,
      provinceId,
      procedureId: procedure.id,
      procedureCode: procedure.code,
      applicantId: filing.applicant.id,
      applicantName: filing.applicant.name,
      receivingUnit: receiving,
      handlingUnitId,
      form,
      documents: [...body.documents.filter((d) => d.fileIds.length > 0), ...declarations.documents],
      generatedFiles: declarations.files,
      fee,
      feeStatus: submitted(fee.amount).feeDue ? "due" : "none",
      trackingToken,
      vneidVerified: filing.applicant.vneidVerified,
      channel,
      status,
      submittedAt: now,
      receivedAt: intake ? at : null,
      dueDate: due.date,
      dueExplanation: response.dueExplanation,
      event: { ...event, hash: await eventHash(auditKey, GENESIS_HASH, event) },
      assistedBy: assisted?.record.helperId ?? null,
      ...(filing.newApplicant ? { newApplicant: filing.newApplicant } : {}),
    },
    filing.extra(template, sql`(SELECT ${dossiers.code} FROM ${dossiers} WHERE ${dossiers.id} = ${id})`),
  ).catch(async (err) => {
    await discardDeclarations(config.files, declarations);
    throw err;
  });
  queuePortalSync(id);
  return JSON.parse(template.replaceAll(CODE_PLACEHOLDER, code)) as SubmitResponse;
}

/**
 * Files a dossier: online by the resident (`user`), or at the counter by an officer (`user`) for
 * an applicant with `intake`, accepted on the spot. Everything is checked before the single
 * write batch; the batch also stores the response under the caller's Idempotency-Key, so a
 * retry can only ever replay it.
 */
export async function submitDossier(
  db: Db,
  user: AuthUser,
  body: Submission,
  idempotencyKey: string,
  config: FilingConfig,
  intake?: CounterIntake,
): Promise<SubmitResponse> {
  // At the counter the officer checks the applicant's papers in person.
  const identity = intake ? "in_person" : user.vneidVerified;
  const checked = await checkSubmission(db, body, {
    provinceId: user.provinceId,
    filesOwnerId: user.id,
    identity,
    claimsOf: user.id,
    intake,
  });
  return writeDossier(
    db,
    user.provinceId,
    checked,
    {
      actorId: user.id,
      applicant: intake
        ? { id: crypto.randomUUID(), name: intake.applicant.fullName, vneidVerified: false }
        : { id: user.id, name: user.displayName, vneidVerified: user.vneidVerified },
      ...(intake ? { intake, newApplicant: intake.applicant } : {}),
      extra: (template, code) => [completeIdempotencyKey(db, user.id, idempotencyKey, template, CODE_PLACEHOLDER, code)],
    },
    config,
  );
}

async function unitName(db: Db, id: string) {
  return (await db.query.units.findFirst({ where: eq(units.id, id), columns: { name: true } }))?.name ?? "";
}
