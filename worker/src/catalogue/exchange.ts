import type { CatalogueExport, ImportBody, ImportReport, ImportResult } from "../../../shared/src/admin/exchange";
import { firstCaseColumns } from "../../../shared/src/catalogue/cases";
import { type CatalogueVersion, fromNational, toNational } from "../../../shared/src/catalogue/national";
import { publishProblems } from "../../../shared/src/catalogue/publishing";
import { vietnamDate } from "../../../shared/src/time/vietnam";
import type { Db } from "../db/client";
import { publishingReferences } from "../db/repo/admin-procedures";
import {
  currentVersions,
  exchangeReferences,
  latestVersionsOf,
  type ProcedureRow,
  publishProcedureVersions,
  type StoredVersion,
} from "../db/repo/catalogue";
import { recordChange } from "../db/repo/changes";
import { provinceOf } from "../db/repo/units";
import type { AuthUser } from "../db/repo/users";
import { ApiError, notFound } from "../lib/errors";
import { contentOf } from "./versions";

/**
 * The catalogue exchanged in the national procedure database's shape: an export of the current
 * versions, and an import that maps and checks every record before anything is written.
 */

/** A stored version in our model, as the exchange carries it. */
export const catalogueVersion = (row: ProcedureRow): CatalogueVersion => ({
  ...contentOf(row),
  code: row.code,
  version: row.version,
  status: row.status,
  effectiveFrom: row.effectiveFrom,
  popularity: row.popularity,
});

export async function exportCatalogue(db: Db, provinceId: string, code?: string): Promise<CatalogueExport> {
  const rows = await currentVersions(db, provinceId, code);
  if (code && rows.length === 0) throw notFound("Không tìm thấy thủ tục này.");
  const province = await provinceOf(db, provinceId);
  return {
    format: "DVCQG",
    exportedAt: new Date().toISOString(),
    province: { id: provinceId, code: province?.code ?? "", name: province?.name ?? "" },
    procedures: rows.map(({ row, fieldName }) => toNational(catalogueVersion(row), fieldName)),
  };
}

/** JSON with object keys sorted, so that two versions compare by content alone. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
const content = ({ version: _v, status: _s, ...rest }: CatalogueVersion) => canonical(rest);

/**
 * Imports records in the national shape, all or nothing. Every record is mapped and checked
 * against the province's fields and departments first; one problem anywhere refuses the whole
 * import with a report per procedure, and nothing is written. Then each changed procedure is
 * saved as a draft (replacing an open draft of it) or published, in batches. A procedure whose
 * latest version already holds the same content is left as it is, so a retried import (say after
 * a batch failed mid-way) writes only what is missing.
 */
export async function importCatalogue(db: Db, admin: AuthUser, body: ImportBody): Promise<ImportResult> {
  const { provinceId } = admin;
  const refs = await exchangeReferences(db, provinceId);
  const activeDepartments = refs.departments.filter((u) => !u.deactivatedAt);
  const context = { fields: refs.fields, departments: activeDepartments, today: vietnamDate(new Date()) };
  const mapped = body.procedures.map((record) => fromNational(record, context));
  const versions = mapped.flatMap((m) => (m.ok ? [m.version] : []));
  // Publishing checks what the editor's publish button checks, against the templates the records name.
  const templateIds = versions.flatMap((v) => v.cases.flatMap((c) => c.documents.flatMap((d) => d.templateFileId ?? [])));
  const publishing = body.publish ? await publishingReferences(db, provinceId, [...new Set(templateIds)]) : null;
  const report: ImportReport = [];
  const firstAt = new Map<string, number>();
  mapped.forEach((m, index) => {
    if (!m.ok) {
      const code = body.procedures[index]!.MATTHC;
      report.push({ index, code: typeof code === "string" ? code : null, problems: m.problems });
      return;
    }
    const v = m.version;
    const problems = publishing ? publishProblems(v, publishing) : [];
    const first = firstAt.get(v.code);
    if (first !== undefined) problems.push({ path: "MATTHC", message: `Mã thủ tục ${v.code} đã có ở thủ tục thứ ${first + 1}` });
    else firstAt.set(v.code, index);
    if (v.unitLevel === "province" && !activeDepartments.some((u) => u.id === v.competentUnitId))
      problems.push({ path: "MOTCUA.competentUnitId", message: `Không có sở, ngành đang hoạt động "${v.competentUnitId}"` });
    if (v.unitLevel === "commune" && v.competentUnitId !== null)
      problems.push({ path: "MOTCUA.competentUnitId", message: "Thủ tục cấp xã không ghi sở, ngành có thẩm quyền" });
    if (problems.length > 0) report.push({ index, code: v.code, problems });
  });
  if (report.length > 0)
    throw new ApiError(
      400,
      "validation_failed",
      `Không nhập được: ${report.length} thủ tục có nội dung không chuyển được. Chưa có thủ tục nào được ghi.`,
      report,
    );

  const latest = new Map(
    (
      await latestVersionsOf(
        db,
        provinceId,
        versions.map((v) => v.code),
      )
    ).map((r) => [r.code, r]),
  );
  const status = body.publish ? ("published" as const) : ("draft" as const);
  const results: ImportResult["procedures"] = [];
  const writes: StoredVersion[] = [];
  for (const v of versions) {
    const previous = latest.get(v.code);
    const same = previous && content(catalogueVersion(previous)) === content(v);
    if (previous && same && (previous.status === "published" || previous.status === status)) {
      results.push({ code: v.code, version: previous.version, status: previous.status, changed: false });
      continue;
    }
    // An open draft is replaced; otherwise the import is the code's next version.
    const version = !previous ? 1 : previous.status === "draft" ? previous.version : previous.version + 1;
    const { feeTerms, ...stored } = v;
    writes.push({ ...stored, ...firstCaseColumns(v.cases, feeTerms), version, status, updatedBy: admin.id });
    results.push({ code: v.code, version, status, changed: true });
  }
  if (writes.length > 0) {
    const record = recordChange(db, {
      provinceId,
      actorId: admin.id,
      entity: "catalogue",
      entityId: provinceId,
      action: body.publish ? "import_publish" : "import",
      reason: body.reason,
      data: { procedures: writes.map((w) => `${w.code}@${w.version}`) },
    });
    await publishProcedureVersions(db, provinceId, writes, { record, edited: true });
  }
  return { written: writes.length, unchanged: results.length - writes.length, procedures: results };
}
