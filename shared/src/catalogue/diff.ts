import type { ProcedureChange, ProcedureDraftBody } from "../admin/procedures";
import { CHANNEL_LABEL } from "../dossier/channel";
import { describeDocument, formatDate, formatProcessingTime, formatVnd } from "../format/vi";
import type { CaseChannel, EFormField, LegalDecision, ProcedureCase } from "./schemas";

const yesNo = (value: boolean) => (value ? "Có" : "Không");
const list = (values: readonly string[]) => (values.length === 0 ? "(trống)" : values.join("; "));

const UNIT_LEVEL = { province: "Cấp tỉnh", commune: "Cấp xã" } as const;
const SERVICE_LEVEL = { toan_trinh: "Toàn trình", mot_phan: "Một phần" } as const;

/** The version-level fields as text, with their labels, in the order of the editing screen. */
const FIELDS: { path: string; label: string; text: (v: ProcedureDraftBody) => string | null }[] = [
  { path: "name", label: "Tên thủ tục", text: (v) => v.name },
  { path: "summary", label: "Mô tả", text: (v) => v.summary },
  { path: "fieldId", label: "Lĩnh vực", text: (v) => v.fieldId },
  { path: "unitLevel", label: "Cấp thực hiện", text: (v) => UNIT_LEVEL[v.unitLevel] },
  { path: "competentUnitId", label: "Sở, ngành có thẩm quyền", text: (v) => v.competentUnitId },
  { path: "agency", label: "Cơ quan thực hiện", text: (v) => v.agency },
  { path: "serviceLevel", label: "Mức độ dịch vụ công", text: (v) => SERVICE_LEVEL[v.serviceLevel] },
  { path: "result", label: "Kết quả thực hiện", text: (v) => v.result },
  { path: "requirements", label: "Yêu cầu, điều kiện", text: (v) => v.requirements },
  { path: "onlineOnly", label: "Chỉ nộp trực tuyến", text: (v) => yesNo(v.onlineOnly) },
  { path: "essential", label: "Thủ tục thiết yếu", text: (v) => yesNo(v.essential) },
  { path: "requiresVneid", label: "Cần xác thực VNeID", text: (v) => yesNo(v.requiresVneid) },
  { path: "resultDelivery", label: "Cách nhận kết quả", text: (v) => list(v.resultDelivery.map((c) => CHANNEL_LABEL[c])) },
  { path: "aliases", label: "Tên gọi thông dụng", text: (v) => list(v.aliases) },
  {
    path: "externalSystem",
    label: "Thực hiện trên hệ thống khác",
    text: (v) =>
      v.externalSystem ? `${v.externalSystem.name} (${v.externalSystem.url}): ${v.externalSystem.explanation}` : null,
  },
  { path: "feeTerms.legalBasis", label: "Căn cứ thu phí, lệ phí", text: (v) => v.feeTerms.legalBasis },
  { path: "feeTerms.per", label: "Đơn vị tính phí", text: (v) => v.feeTerms.per ?? null },
  {
    path: "feeTerms.onlineUntil",
    label: "Mức phí trực tuyến áp dụng đến",
    text: (v) => (v.feeTerms.onlineUntil ? formatDate(v.feeTerms.onlineUntil) : null),
  },
];

/** "8 ngày làm việc, 200.000 đ (Giảm khi nộp trực tuyến)". */
const channelText = (ch: CaseChannel) => {
  const time = formatProcessingTime(ch.processingTime) + (ch.processingTime.note ? ` (${ch.processingTime.note})` : "");
  return `${time}, ${formatVnd(ch.fee)}${ch.feeNote ? ` (${ch.feeNote})` : ""}`;
};

const documentText = (d: ProcedureCase["documents"][number]) => {
  const { title, meta } = describeDocument(d);
  const eform = d.replacedByEform ? " · lập từ biểu mẫu điện tử" : "";
  return `${title}: ${meta}${d.note ? ` (${d.note})` : ""}${d.templateFileId ? " · có mẫu đơn" : ""}${eform}`;
};

const decisionText = (d: LegalDecision) =>
  `${d.number}: ${d.title}, ban hành ${formatDate(d.issuedOn)}${d.effectiveFrom ? `, hiệu lực từ ${formatDate(d.effectiveFrom)}` : ""}`;

const fieldText = (f: EFormField) =>
  `${f.label} (${f.type}${f.required ? ", bắt buộc" : ""}${f.identity ? ", từ VNeID" : ""}${f.options ? `: ${f.options.map((o) => o.label).join(", ")}` : ""})`;

/**
 * Pairs items of two lists by key and reports each added, removed or changed one as text. Used for
 * cases, channels, decisions and eForm fields, which keep their identity across versions by key.
 */
function diffByKey<T>(
  changes: ProcedureChange[],
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
  describe: (item: T) => string,
  path: (k: string) => string,
  label: (item: T) => string,
) {
  const old = new Map(before.map((item) => [key(item), item]));
  const now = new Map(after.map((item) => [key(item), item]));
  for (const [k, item] of old)
    if (!now.has(k)) changes.push({ path: path(k), label: label(item), before: describe(item), after: null });
  for (const [k, item] of now) {
    const was = old.get(k);
    const text = describe(item);
    if (!was) changes.push({ path: path(k), label: label(item), before: null, after: text });
    else if (describe(was) !== text) changes.push({ path: path(k), label: label(item), before: describe(was), after: text });
  }
}

/** What changed from one version to another, as a reviewer reads it: labels in Vietnamese, values as text. */
export function diffVersions(before: ProcedureDraftBody, after: ProcedureDraftBody): ProcedureChange[] {
  const changes: ProcedureChange[] = [];
  for (const { path, label, text } of FIELDS) {
    const [was, now] = [text(before), text(after)];
    if (was !== now) changes.push({ path, label, before: was, after: now });
  }

  const oldCases = new Map(before.cases.map((c) => [c.id, c]));
  const newIds = new Set(after.cases.map((c) => c.id));
  const caseSummary = (c: ProcedureCase) =>
    `${c.name}: ${list(c.channels.map((ch) => `${CHANNEL_LABEL[ch.channel]} ${channelText(ch)}`))}`;
  for (const c of before.cases)
    if (!newIds.has(c.id))
      changes.push({ path: `cases.${c.id}`, label: `Trường hợp “${c.name}”`, before: caseSummary(c), after: null });
  for (const c of after.cases) {
    const was = oldCases.get(c.id);
    const where = `Trường hợp “${c.name}”`;
    if (!was) {
      changes.push({ path: `cases.${c.id}`, label: where, before: null, after: caseSummary(c) });
      continue;
    }
    if (was.name !== c.name)
      changes.push({ path: `cases.${c.id}.name`, label: `${where}: tên`, before: was.name, after: c.name });
    diffByKey(
      changes,
      was.channels,
      c.channels,
      (ch) => ch.channel,
      channelText,
      (k) => `cases.${c.id}.channels.${k}`,
      (ch) => `${where}: ${CHANNEL_LABEL[ch.channel]}`,
    );
    const [oldDocs, newDocs] = [was.documents.map(documentText), c.documents.map(documentText)];
    if (oldDocs.join("\n") !== newDocs.join("\n"))
      changes.push({
        path: `cases.${c.id}.documents`,
        label: `${where}: thành phần hồ sơ`,
        before: list(oldDocs),
        after: list(newDocs),
      });
  }

  diffByKey(
    changes,
    before.decisions,
    after.decisions,
    (d) => d.number,
    decisionText,
    (k) => `decisions.${k}`,
    (d) => `Căn cứ pháp lý ${d.number}`,
  );
  diffByKey(
    changes,
    before.eform.fields,
    after.eform.fields,
    (f) => f.key,
    fieldText,
    (k) => `eform.fields.${k}`,
    (f) => `Biểu mẫu: trường “${f.label}”`,
  );
  return changes;
}
