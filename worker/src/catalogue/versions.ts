import type {
  AdminProcedure,
  NewProcedureBody,
  ProcedureDiff,
  ProcedureDraftBody,
  ProcedureVersionDetail,
  PublishBody,
} from "../../../shared/src/admin/procedures";
import { feeTermsOf, firstCaseColumns, storedCases } from "../../../shared/src/catalogue/cases";
import { diffVersions } from "../../../shared/src/catalogue/diff";
import { publishProblems } from "../../../shared/src/catalogue/publishing";
import { formatDate } from "../../../shared/src/format/vi";
import { procedureSearchText } from "../../../shared/src/search/index-text";
import { vietnamDate } from "../../../shared/src/time/vietnam";
import type { Db } from "../db/client";
import {
  dueScheduledVersions,
  fieldName,
  insertVersion,
  publishingReferences,
  publishStatements,
  recordProcedureChange,
  type Statement,
  setStatus,
  unitKind,
  updateDraft,
  type VersionInsert,
  type VersionRow,
  type VersionRowWithEditor,
  versionOf,
  versionsOf,
} from "../db/repo/admin-procedures";
import type { AuthUser } from "../db/repo/users";
import { ApiError, conflict, notFound } from "../lib/errors";

// Procedure versions in the back office: drafts, publishing now or on a date, archiving. A dossier
// points at the version row it was filed under, and nothing here ever rewrites a version's content
// once it left the draft state, so a dossier completes under the version it started on.

/** What an admin edits, read from a stored version (one derived case when it was stored without cases). */
export function contentOf(row: VersionRow): ProcedureDraftBody {
  return {
    name: row.name,
    summary: row.summary,
    fieldId: row.fieldId,
    unitLevel: row.unitLevel,
    competentUnitId: row.competentUnitId,
    agency: row.agency,
    serviceLevel: row.serviceLevel,
    cases: storedCases(row.cases, row),
    decisions: row.decisions,
    result: row.result,
    requirements: row.requirements,
    eform: row.eform,
    onlineOnly: row.onlineOnly,
    essential: row.essential,
    resultDelivery: row.resultDelivery,
    aliases: row.aliases,
    requiresVneid: row.requiresVneid,
    externalSystem: row.externalSystem ?? null,
    feeTerms: feeTermsOf(row.fees),
  };
}

export function toVersionDetail(row: VersionRowWithEditor): ProcedureVersionDetail {
  return {
    ...contentOf(row),
    code: row.code,
    version: row.version,
    status: row.status,
    effectiveFrom: row.effectiveFrom,
    publishOn: row.publishOn,
    publishedAt: row.publishedAt,
    revision: row.revision,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedByName,
  };
}

/** The stored columns of edited content: the first case's projection and the folded search text too. */
function columnsOf(content: ProcedureDraftBody, field: string) {
  const { feeTerms, ...rest } = content;
  const projection = firstCaseColumns(content.cases, feeTerms);
  const documents = content.cases.flatMap((c) => c.documents);
  return { ...rest, ...projection, ...procedureSearchText({ ...content, documents }, field) };
}

/** Saving refers only to a field and unit that exist (the columns are foreign keys); the rest waits for publishing. */
async function savedColumns(db: Db, provinceId: string, content: ProcedureDraftBody) {
  const field = await fieldName(db, provinceId, content.fieldId);
  const unitMissing = content.competentUnitId !== null && !(await unitKind(db, provinceId, content.competentUnitId));
  if (field === undefined || unitMissing) {
    throw new ApiError(400, "validation_failed", "Lĩnh vực hoặc đơn vị không tồn tại.", [
      ...(field === undefined ? [{ path: "fieldId", message: `Không có lĩnh vực "${content.fieldId}"` }] : []),
      ...(unitMissing ? [{ path: "competentUnitId", message: `Không có đơn vị "${content.competentUnitId}"` }] : []),
    ]);
  }
  return columnsOf(content, field);
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Error && /UNIQUE constraint failed/.test(String(error.cause ?? error.message));

async function requireVersion(db: Db, provinceId: string, code: string, version: number) {
  const row = await versionOf(db, provinceId, code, version);
  if (!row) throw notFound(`Không tìm thấy phiên bản ${version} của thủ tục ${code}.`);
  return row;
}

const stale = () =>
  new ApiError(412, "precondition_failed", "Phiên bản này vừa được người khác cập nhật, vui lòng tải lại trước khi lưu.");

function requireRevision(row: VersionRow, expected: number | null) {
  if (expected !== row.revision) throw stale();
}

/** `GET /api/admin/procedures/:code`: every version, newest first, and the draft being edited. */
export async function adminProcedure(db: Db, provinceId: string, code: string): Promise<AdminProcedure> {
  const rows = await versionsOf(db, provinceId, code);
  if (rows.length === 0) throw notFound(`Không tìm thấy thủ tục ${code}.`);
  const draft = rows.find((r) => r.status === "draft");
  return {
    code,
    versions: rows.map((r) => {
      const { version, status, name, effectiveFrom, publishOn, publishedAt, revision, updatedAt, updatedBy } = toVersionDetail(r);
      return { version, status, name, effectiveFrom, publishOn, publishedAt, revision, updatedAt, updatedBy };
    }),
    draft: draft ? toVersionDetail(draft) : null,
  };
}

export async function versionDetail(db: Db, provinceId: string, code: string, version: number) {
  return toVersionDetail(await requireVersion(db, provinceId, code, version));
}

/** A new procedure: its version 1 as a draft. */
export async function createProcedure(db: Db, user: AuthUser, body: NewProcedureBody, now = new Date()) {
  const { code, ...content } = body;
  if ((await versionsOf(db, user.provinceId, code)).length > 0) throw conflict(`Thủ tục ${code} đã có trong danh mục.`);
  const row: VersionInsert = {
    ...(await savedColumns(db, user.provinceId, content)),
    provinceId: user.provinceId,
    code,
    version: 1,
    status: "draft",
    effectiveFrom: vietnamDate(now),
    updatedBy: user.id,
  };
  try {
    await db.batch([
      insertVersion(db, row),
      recordProcedureChange(db, { provinceId: user.provinceId, actorId: user.id, code, action: "create", data: { version: 1 } }),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Thủ tục ${code} đã có trong danh mục.`);
    throw error;
  }
  return versionDetail(db, user.provinceId, code, 1);
}

/**
 * A new draft copied from the published version (or the latest one when none is). Opening a draft
 * again answers the one already open, so a retry or a second admin lands on the same draft.
 */
export async function openDraft(db: Db, user: AuthUser, code: string, now = new Date()) {
  const rows = await versionsOf(db, user.provinceId, code);
  if (rows.length === 0) throw notFound(`Không tìm thấy thủ tục ${code}.`);
  const open = rows.find((r) => r.status === "draft");
  if (open) return { created: false, detail: toVersionDetail(open) };
  const scheduled = rows.find((r) => r.status === "scheduled");
  if (scheduled) {
    throw conflict(
      `Phiên bản ${scheduled.version} đã hẹn công bố ngày ${formatDate(scheduled.publishOn ?? "")}; hãy hủy lịch trước khi soạn phiên bản mới.`,
      { version: scheduled.version },
    );
  }
  const source = rows.find((r) => r.status === "published") ?? rows[0]!;
  const version = rows[0]!.version + 1;
  const { id: _id, updatedByName: _name, ...copy } = source;
  const row: VersionInsert = {
    ...copy,
    cases: storedCases(source.cases, source),
    version,
    status: "draft",
    effectiveFrom: vietnamDate(now),
    publishOn: null,
    publishedAt: null,
    revision: 1,
    updatedBy: user.id,
    updatedAt: undefined,
  };
  try {
    await db.batch([
      insertVersion(db, row),
      recordProcedureChange(db, {
        provinceId: user.provinceId,
        actorId: user.id,
        code,
        action: "open_draft",
        data: { version, from: source.version },
      }),
    ]);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const draft = (await versionsOf(db, user.provinceId, code)).find((r) => r.status === "draft");
  if (!draft) throw conflict("Thủ tục vừa thay đổi, vui lòng tải lại.");
  return { created: draft.version === version && draft.updatedBy === user.id, detail: toVersionDetail(draft) };
}

/** Saves a draft at the revision its editor read (If-Match); a stale revision is a 412, nothing saved. */
export async function saveDraft(
  db: Db,
  user: AuthUser,
  target: { code: string; version: number },
  expectedRevision: number | null,
  content: ProcedureDraftBody,
) {
  const row = await requireVersion(db, user.provinceId, target.code, target.version);
  if (row.status !== "draft") throw conflict("Chỉ sửa được bản nháp; hãy mở bản nháp mới từ phiên bản này.");
  requireRevision(row, expectedRevision);
  const columns = await savedColumns(db, user.provinceId, content);
  const [updated] = await db.batch([
    updateDraft(db, row.id, row.revision, { ...columns, updatedBy: user.id }),
    recordProcedureChange(db, {
      provinceId: user.provinceId,
      actorId: user.id,
      code: row.code,
      action: "change",
      data: { version: row.version, revision: row.revision + 1, changes: diffVersions(contentOf(row), content) },
      onlyIfChanged: true,
    }),
  ]);
  if (updated.length === 0) throw stale();
  return versionDetail(db, user.provinceId, row.code, row.version);
}

/**
 * Publishes a draft (or a scheduled version) now, or schedules it for a later date in Vietnam. Every
 * problem is listed at once (422 `incomplete`); publishing archives the previous version in the
 * same batch.
 */
export async function publishVersion(
  db: Db,
  user: AuthUser,
  target: { code: string; version: number },
  expectedRevision: number | null,
  body: PublishBody,
  now = new Date(),
) {
  const row = await requireVersion(db, user.provinceId, target.code, target.version);
  if (row.status !== "draft" && row.status !== "scheduled")
    throw conflict(`Phiên bản ${row.version} không phải bản nháp nên không công bố lại được.`);
  requireRevision(row, expectedRevision);
  const today = vietnamDate(now);
  if (body.on && body.on < today)
    throw new ApiError(400, "validation_failed", "Ngày công bố không được trước hôm nay.", [
      { path: "on", message: "Ngày công bố không được trước hôm nay" },
    ]);
  const content = contentOf(row);
  const templateIds = content.cases.flatMap((c) => c.documents.flatMap((d) => d.templateFileId ?? []));
  const problems = publishProblems(content, await publishingReferences(db, user.provinceId, templateIds));
  if (problems.length > 0) throw new ApiError(422, "incomplete", "Phiên bản chưa đủ điều kiện để công bố.", problems);

  const change = { provinceId: user.provinceId, actorId: user.id, code: row.code, reason: body.reason, onlyIfChanged: true };
  const statements =
    body.on && body.on > today
      ? [
          setStatus(db, row, { status: "scheduled", publishOn: body.on, updatedBy: user.id }),
          recordProcedureChange(db, { ...change, action: "schedule", data: { version: row.version, publishOn: body.on } }),
        ]
      : [
          ...publishStatements(db, row, { effectiveFrom: today, updatedBy: user.id }),
          recordProcedureChange(db, { ...change, action: "publish", data: { version: row.version, effectiveFrom: today } }),
        ];
  await db.batch(statements as [Statement, ...Statement[]]);
  const after = await requireVersion(db, user.provinceId, row.code, row.version);
  if (after.revision === row.revision) throw stale();
  return toVersionDetail(after);
}

/** Withdraws a version from residents, cancels a schedule or drops a draft; archiving twice changes nothing. */
export async function archiveVersion(
  db: Db,
  user: AuthUser,
  target: { code: string; version: number },
  expectedRevision: number | null,
  reason: string,
) {
  const row = await requireVersion(db, user.provinceId, target.code, target.version);
  if (row.status === "archived") return toVersionDetail(row);
  requireRevision(row, expectedRevision);
  await db.batch([
    setStatus(db, row, { status: "archived", publishOn: null, updatedBy: user.id }),
    recordProcedureChange(db, {
      provinceId: user.provinceId,
      actorId: user.id,
      code: row.code,
      action: "archive",
      reason,
      data: { version: row.version, was: row.status },
      onlyIfChanged: true,
    }),
  ]);
  const after = await requireVersion(db, user.provinceId, row.code, row.version);
  if (after.revision === row.revision) throw stale();
  return toVersionDetail(after);
}

/** `GET /api/admin/procedures/:code/diff?from=&to=`. */
export async function versionDiff(db: Db, provinceId: string, code: string, from: number, to: number): Promise<ProcedureDiff> {
  const [before, after] = await Promise.all([
    requireVersion(db, provinceId, code, from),
    requireVersion(db, provinceId, code, to),
  ]);
  return { code, from, to, changes: diffVersions(contentOf(before), contentOf(after)) };
}

/** The hourly trigger of `publishDueVersions` (as in wrangler.jsonc), first at 00:05 in Vietnam. */
export const PUBLISH_CRON = "5 * * * *";

/**
 * The hourly job: publishes every scheduled version whose date in Vietnam has come, effective from
 * that date. Idempotent: a published version is no longer scheduled, and a version that changed
 * since it was read is left for the next run. A version that no longer passes the rules (a unit
 * was merged away, say) stays scheduled and is reported.
 */
export async function publishDueVersions(db: Db, now = new Date()) {
  const today = vietnamDate(now);
  const result = { published: 0, blocked: [] as string[] };
  for (const row of await dueScheduledVersions(db, today)) {
    const content = contentOf(row);
    const templateIds = content.cases.flatMap((c) => c.documents.flatMap((d) => d.templateFileId ?? []));
    if (publishProblems(content, await publishingReferences(db, row.provinceId, templateIds)).length > 0) {
      result.blocked.push(`${row.code} v${row.version}`);
      continue;
    }
    const actorId = row.updatedBy;
    await db.batch([
      ...publishStatements(db, row, { effectiveFrom: row.publishOn ?? today, updatedBy: null }),
      ...(actorId
        ? [
            recordProcedureChange(db, {
              provinceId: row.provinceId,
              actorId,
              code: row.code,
              action: "publish_on_schedule",
              data: { version: row.version, effectiveFrom: row.publishOn },
              onlyIfChanged: true,
            }),
          ]
        : []),
    ] as [Statement, ...Statement[]]);
    result.published += 1;
  }
  return result;
}
