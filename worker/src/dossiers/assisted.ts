import { processes, ROLE_LABELS } from "../../../shared/src/auth/roles";
import type { EForm } from "../../../shared/src/catalogue/schemas";
import type { SubmitResponse } from "../../../shared/src/dossier/api";
import {
  ASSISTED_TTL_HOURS,
  type AssistedBody,
  AssistedBody as AssistedBodySchema,
  type AssistedLink,
  type AssistedList,
  type AssistedPreview,
  type AssistedState,
  type PaperConsentBody,
} from "../../../shared/src/dossier/assisted";
import type { FormValues } from "../../../shared/src/dossier/eform";
import type { AssistedRecord, ConsentKind } from "../../../shared/src/dossier/events";
import { type DossierStatus, statusLabel } from "../../../shared/src/dossier/status";
import { assistedPath } from "../../../shared/src/links/deep-link";
import type { Db } from "../db/client";
import {
  type AssistedRow,
  assistedById,
  assistedByTokenHash,
  cancelAssistedFiling,
  claimAssistedStatements,
  helperFilings,
  insertAssistedFiling,
  reissueAssistedToken,
} from "../db/repo/assisted";
import { viewById } from "../db/repo/dossiers";
import { filesById, ownFilesById } from "../db/repo/files";
import type { AuthUser } from "../db/repo/users";
import { randomToken, sha256Hex } from "../lib/crypto";
import { ApiError, conflict } from "../lib/errors";
import { checkSubmission, type Filing, type FilingConfig, type SubmissionCheck, writeDossier } from "./submit";
import { toSubmitResponse } from "./views";

/**
 * Assisted filing: a community digital team member, or a counter officer for an online-only
 * procedure, prepares an online filing for a resident beside them. Nothing is filed until the
 * resident consents, in their own Zalo through a one-time link (only the token's SHA-256 is
 * stored) or on signed paper whose photo the helper uploads. The dossier is then the resident's,
 * online, and records who helped (`dossiers.assisted_by`).
 */

type Config = FilingConfig;
type Refusal = "unknown" | "used" | "expired" | "cancelled";

const REFUSALS: Record<Refusal, string> = {
  unknown: "Không tìm thấy yêu cầu xác nhận này. Vui lòng kiểm tra lại đường liên kết hoặc mã QR.",
  used: "Hồ sơ này đã được xác nhận và nộp. Mỗi đường liên kết chỉ dùng được một lần.",
  expired: "Đường liên kết xác nhận đã hết hạn. Vui lòng đề nghị người hỗ trợ tạo mã mới.",
  cancelled: "Người hỗ trợ đã hủy hồ sơ này. Hồ sơ chưa được nộp.",
};

const refused = (reason: Refusal, status: 404 | 409) =>
  status === 404 || reason === "unknown"
    ? new ApiError(404, "not_found", REFUSALS[reason], { reason })
    : conflict(REFUSALS[reason], { reason });

export function assistedState(row: Pick<AssistedRow, "dossierId" | "cancelledAt" | "expiresAt">, now: string): AssistedState {
  if (row.dossierId) return "filed";
  if (row.cancelledAt) return "cancelled";
  return row.expiresAt <= now ? "expired" : "pending";
}

const stateRefusal = (row: AssistedRow, now: string): Refusal | null => {
  const state = assistedState(row, now);
  return state === "filed" ? "used" : state === "pending" ? null : state;
};

const newLink = async (linkBase: string) => {
  const token = randomToken();
  return {
    token,
    tokenHash: await sha256Hex(token),
    link: `${linkBase}${assistedPath(token)}`,
    expiresAt: new Date(Date.now() + ASSISTED_TTL_HOURS * 3_600_000).toISOString(),
  };
};

/** Checks a filing prepared for a resident exactly like an online submission and stores it until they consent. */
export async function prepareAssisted(db: Db, user: AuthUser, body: AssistedBody, linkBase: string): Promise<AssistedLink> {
  const checked = await checkSubmission(db, body.submission, {
    provinceId: user.provinceId,
    filesOwnerId: user.id,
    identity: "unknown",
  });
  // At the counter, everything else is received there and then (intake).
  if (processes(user.role) && !checked.procedure.onlineOnly) {
    throw conflict("Thủ tục này tiếp nhận hồ sơ tại quầy: vui lòng tiếp nhận trực tiếp thay vì nộp trực tuyến giúp người dân.");
  }
  const id = crypto.randomUUID();
  const { token, tokenHash, link, expiresAt } = await newLink(linkBase);
  await insertAssistedFiling(db, {
    id,
    provinceId: user.provinceId,
    helperId: user.id,
    tokenHash,
    submission: body.submission,
    applicantName: body.applicantName,
    expiresAt,
  }).run();
  return { id, link, token, expiresAt };
}

/** The helper's own filing; anyone else's does not exist. */
async function ownFiling(db: Db, user: AuthUser, id: string): Promise<AssistedRow> {
  const filing = await assistedById(db, user.provinceId, id);
  if (!filing || filing.helperId !== user.id) throw refused("unknown", 404);
  return filing;
}

/** A new consent link for a filing still waiting (or expired): only the token's hash was kept. */
export async function reissueAssistedLink(db: Db, user: AuthUser, id: string, linkBase: string): Promise<AssistedLink> {
  const filing = await ownFiling(db, user, id);
  const refusal = stateRefusal(filing, new Date().toISOString());
  if (refusal === "used" || refusal === "cancelled") throw refused(refusal, 409);
  const { token, tokenHash, link, expiresAt } = await newLink(linkBase);
  if (!(await reissueAssistedToken(db, id, tokenHash, expiresAt))) throw refused("used", 409);
  return { id, link, token, expiresAt };
}

export async function cancelAssisted(db: Db, user: AuthUser, id: string) {
  const filing = await ownFiling(db, user, id);
  const at = new Date().toISOString();
  if (await cancelAssistedFiling(db, id, at)) return;
  const now = await assistedById(db, user.provinceId, id);
  throw refused((now && stateRefusal(now, at)) ?? stateRefusal(filing, at) ?? "used", 409);
}

const submissionOf = (filing: AssistedRow) => AssistedBodySchema.shape.submission.parse(filing.submission);

function fieldValue(field: EForm["fields"][number], value: FormValues[string]): string {
  if (typeof value === "boolean") return value ? "Có" : "Không";
  return field.options?.find((o) => o.value === value)?.label ?? String(value);
}

/** What the resident reads before consenting: who helps, the procedure, the form and the documents. */
export async function previewAssisted(db: Db, provinceId: string, token: string): Promise<AssistedPreview> {
  const found = await assistedByTokenHash(db, provinceId, await sha256Hex(token));
  if (!found) throw refused("unknown", 404);
  const refusal = stateRefusal(found.filing, new Date().toISOString());
  if (refusal) throw refused(refusal, 404);
  const { filing } = found;
  const checked = await checkSubmission(db, submissionOf(filing), {
    provinceId,
    filesOwnerId: filing.helperId,
    identity: "unknown",
  });
  const { procedure, receiving, body } = checked;
  const files = new Map((await filesById(db, checked.fileIds)).map((f) => [f.id, f]));
  return {
    helperName: found.helperName,
    helperRoleLabel: ROLE_LABELS[found.helperRole],
    applicantName: filing.applicantName,
    procedure: { code: procedure.code, name: procedure.name },
    receivingUnit: { id: receiving.id, name: receiving.name },
    fields: procedure.eform.fields.flatMap((field) => {
      const value = body.form[field.key];
      return value === undefined || value === "" ? [] : [{ label: field.label, value: fieldValue(field, value) }];
    }),
    documents: body.documents
      .filter((d) => d.fileIds.length > 0)
      .map((d) => ({
        name: procedure.documents[d.docIndex]?.name ?? `Giấy tờ ${d.docIndex + 1}`,
        files: d.fileIds.flatMap((id) => {
          const f = files.get(id);
          return f ? [{ name: f.name, mime: f.mime, size: f.size }] : [];
        }),
      })),
    expiresAt: filing.expiresAt,
  };
}

/** The receipt of a filing that already became a dossier, for whom it belongs to; otherwise why not. */
async function filedReceipt(db: Db, filing: AssistedRow, ownerCheck: (applicantId: string) => boolean, linkBase: string) {
  const row = filing.dossierId ? await viewById(db, filing.dossierId) : undefined;
  if (row && ownerCheck(row.d.applicantId)) return toSubmitResponse(row, linkBase);
  return null;
}

/**
 * Checks the filing again (the procedure may have changed since it was prepared) and writes it as
 * the dossier of `who.applicant` with the consent given. A race lost to another confirmation or a
 * cancellation is explained from the state that won; a retry that won already answers its receipt.
 */
async function fileAssisted(
  db: Db,
  filing: AssistedRow,
  consent: { kind: ConsentKind; fileId: string | null; helperName: string; identity: SubmissionCheck["identity"] },
  who: Omit<Filing, "extra" | "assisted">,
  isOwner: (applicantId: string) => boolean,
  config: Config,
): Promise<SubmitResponse> {
  const at = new Date().toISOString();
  const record: AssistedRecord = {
    helperId: filing.helperId,
    helperName: consent.helperName,
    consent: consent.kind,
    consentAt: at,
    ...(consent.fileId ? { consentFileId: consent.fileId } : {}),
  };
  try {
    const checked = await checkSubmission(db, submissionOf(filing), {
      provinceId: filing.provinceId,
      filesOwnerId: filing.helperId,
      identity: consent.identity,
      claimsOf: who.applicant.id,
    });
    const claim = { consentKind: consent.kind, consentFileId: consent.fileId, applicantId: who.applicant.id, at };
    return await writeDossier(
      db,
      filing.provinceId,
      checked,
      {
        ...who,
        assisted: { filingId: filing.id, record },
        extra: () => [...claimAssistedStatements(db, filing, { ...claim, fileIds: checked.fileIds })],
      },
      config,
    );
  } catch (err) {
    const now = await assistedById(db, filing.provinceId, filing.id);
    const again = now && (await filedReceipt(db, now, isOwner, config.linkBase));
    if (again) return again;
    const refusal = now && stateRefusal(now, new Date().toISOString());
    if (refusal) throw refused(refusal, 409);
    throw err;
  }
}

/** The resident consents in their own Zalo: the filing becomes their dossier, filed online. */
export async function confirmAssisted(db: Db, user: AuthUser, token: string, config: Config): Promise<SubmitResponse> {
  const found = await assistedByTokenHash(db, user.provinceId, await sha256Hex(token));
  if (!found) throw refused("unknown", 409);
  const { filing } = found;
  const again = await filedReceipt(db, filing, (applicantId) => applicantId === user.id, config.linkBase);
  if (again) return again;
  const refusal = stateRefusal(filing, new Date().toISOString());
  if (refusal) throw refused(refusal, 409);
  if (filing.helperId === user.id) {
    throw conflict(
      "Người hỗ trợ không tự xác nhận thay người dân. Vui lòng để người dân mở đường liên kết trên Zalo của chính họ.",
    );
  }
  return fileAssisted(
    db,
    filing,
    { kind: "zalo", fileId: null, helperName: found.helperName, identity: user.vneidVerified },
    { actorId: user.id, applicant: { id: user.id, name: user.displayName, vneidVerified: user.vneidVerified } },
    (applicantId) => applicantId === user.id,
    config,
  );
}

/**
 * For a resident without a smartphone: the helper uploads a photo of the consent they signed, and
 * the dossier goes to a resident record of their own (as at the counter), tracked by its code.
 */
export async function consentOnPaper(
  db: Db,
  user: AuthUser,
  id: string,
  body: PaperConsentBody,
  config: Config,
): Promise<SubmitResponse> {
  const filing = await ownFiling(db, user, id);
  if (filing.dossierId) {
    const again = filing.consentFileId === body.consentFileId && (await filedReceipt(db, filing, () => true, config.linkBase));
    if (again) return again;
    throw refused("used", 409);
  }
  const refusal = stateRefusal(filing, new Date().toISOString());
  if (refusal) throw refused(refusal, 409);
  const isDocument = submissionOf(filing).documents.some((d) => d.fileIds.includes(body.consentFileId));
  if (isDocument || (await ownFilesById(db, user.id, [body.consentFileId])).length === 0) {
    throw new ApiError(400, "validation_failed", "Vui lòng tải lên ảnh giấy đồng ý có chữ ký của người dân.", [
      { path: "consentFileId", message: "Không tìm thấy ảnh giấy đồng ý" },
    ]);
  }
  const applicantId = crypto.randomUUID();
  return fileAssisted(
    db,
    filing,
    {
      kind: "signed_paper",
      fileId: body.consentFileId,
      helperName: user.displayName,
      // A counter officer checks identity papers in person; a team member cannot stand in for VNeID.
      identity: processes(user.role) ? "in_person" : false,
    },
    {
      actorId: applicantId,
      applicant: { id: applicantId, name: body.applicant.fullName, vneidVerified: false },
      newApplicant: body.applicant,
    },
    (applicant) => applicant === applicantId,
    config,
  );
}

/** The caller's assisted filings: waiting, expired, cancelled, or filed with the dossier's summary. */
export async function listAssisted(db: Db, user: AuthUser): Promise<AssistedList> {
  const now = new Date().toISOString();
  const rows = await helperFilings(db, user.id);
  return {
    items: rows.map(({ filing, procedureName, dossierCode, dossierStatus }) => {
      const submission = submissionOf(filing);
      return {
        id: filing.id,
        applicantName: filing.applicantName,
        procedure: { code: submission.procedureCode, name: procedureName ?? submission.procedureCode },
        state: assistedState(filing, now),
        createdAt: filing.createdAt,
        expiresAt: filing.expiresAt,
        consentKind: filing.consentKind,
        dossier:
          dossierCode && dossierStatus !== null
            ? { code: dossierCode, status: dossierStatus, statusLabel: statusLabel(dossierStatus as DossierStatus) }
            : null,
      };
    }),
  };
}
