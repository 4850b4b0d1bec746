import type { ProcedureDraftBody, PublishProblem } from "../admin/procedures";
import { CHANNEL_LABEL } from "../dossier/channel";
import type { UnitKind } from "./schemas";

/** What the rules look up in the catalogue: fields, units and uploaded templates of the province. */
export type PublishContext = {
  fieldIds: ReadonlySet<string>;
  unitKinds: ReadonlyMap<string, UnitKind>;
  templateIds: ReadonlySet<string>;
};

const repeated = <T>(values: readonly T[]) => values.filter((v, i) => values.indexOf(v) !== i);

/**
 * Every reason a version cannot be published, in the order of the editing screen; empty when it can.
 * The admin screen shows the same list before publishing that the API refuses with.
 */
export function publishProblems(v: ProcedureDraftBody, ctx: PublishContext): PublishProblem[] {
  const problems: PublishProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });

  if (!ctx.fieldIds.has(v.fieldId)) problem("fieldId", `Không có lĩnh vực "${v.fieldId}"`);
  if (v.unitLevel === "province") {
    if (v.competentUnitId === null) problem("competentUnitId", "Thủ tục cấp tỉnh cần ghi sở, ngành có thẩm quyền");
    else if (ctx.unitKinds.get(v.competentUnitId) !== "department")
      problem("competentUnitId", `Không có sở, ngành "${v.competentUnitId}"`);
  } else if (v.competentUnitId !== null) {
    problem("competentUnitId", "Thủ tục cấp xã không ghi sở, ngành có thẩm quyền");
  }

  for (const id of new Set(repeated(v.cases.map((c) => c.id)))) problem("cases", `Mã trường hợp "${id}" bị trùng`);
  v.cases.forEach((c, i) => {
    const where = `Trường hợp “${c.name}”`;
    const channels = c.channels.map((ch) => ch.channel);
    if (channels.length === 0) problem(`cases.${i}.channels`, `${where} chưa có cách thức nộp hồ sơ`);
    for (const channel of new Set(repeated(channels)))
      problem(`cases.${i}.channels`, `${where}: cách thức "${CHANNEL_LABEL[channel]}" có hai lần`);
    if (v.onlineOnly && !channels.includes("online"))
      problem(`cases.${i}.channels`, `${where}: thủ tục chỉ nộp trực tuyến cần cách thức "Trực tuyến"`);
    c.documents.forEach((d, j) => {
      if (d.templateFileId && !ctx.templateIds.has(d.templateFileId))
        problem(`cases.${i}.documents.${j}.templateFileId`, `${where}: mẫu đơn của "${d.name}" chưa được tải lên`);
      if (d.replacedByEform && v.eform.fields.length === 0)
        problem(
          `cases.${i}.documents.${j}.replacedByEform`,
          `${where}: "${d.name}" được lập từ biểu mẫu điện tử nhưng biểu mẫu chưa có trường nào`,
        );
    });
  });
  if (v.serviceLevel === "toan_trinh" && !v.cases.some((c) => c.channels.some((ch) => ch.channel === "online")))
    problem("serviceLevel", "Thủ tục toàn trình cần ít nhất một cách thức nộp trực tuyến");

  if (v.decisions.length === 0) problem("decisions", "Cần ít nhất một căn cứ pháp lý hoặc quyết định công bố");
  for (const number of new Set(repeated(v.decisions.map((d) => d.number))))
    problem("decisions", `Văn bản số ${number} được ghi hai lần`);
  v.decisions.forEach((d, i) => {
    if (d.effectiveFrom && d.effectiveFrom < d.issuedOn)
      problem(`decisions.${i}.effectiveFrom`, `Văn bản số ${d.number} có hiệu lực trước ngày ban hành`);
  });
  const charged = v.cases.some((c) => c.channels.some((ch) => ch.fee > 0));
  if (charged && v.feeTerms.legalBasis === "") problem("feeTerms.legalBasis", "Thủ tục có thu phí, lệ phí cần ghi căn cứ thu");

  const keys = v.eform.fields.map((f) => f.key);
  for (const key of new Set(repeated(keys))) problem("eform.fields", `Biểu mẫu có hai trường cùng mã "${key}"`);
  v.eform.fields.forEach((f, i) => {
    const values = (f.options ?? []).map((o) => o.value);
    if (f.type === "select" && values.length === 0)
      problem(`eform.fields.${i}.options`, `Trường "${f.label}" là danh sách chọn nhưng chưa có lựa chọn nào`);
    for (const value of new Set(repeated(values)))
      problem(`eform.fields.${i}.options`, `Trường "${f.label}" có hai lựa chọn cùng giá trị "${value}"`);
  });
  return problems;
}
