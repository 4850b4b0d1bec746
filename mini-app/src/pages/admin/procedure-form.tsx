import { type FormEvent, useEffect, useMemo, useState } from "react";
import type { ProcedureDraftBody, ProcedureVersionDetail } from "../../../../shared/src/admin/procedures";
import { DEFAULT_CASE } from "../../../../shared/src/catalogue/cases";
import type { ExternalSystem, ServiceLevel, UnitLevel } from "../../../../shared/src/catalogue/schemas";
import { CHANNELS, type Channel } from "../../../../shared/src/dossier/channel";
import { ApiFailure, errorMessage } from "../../services/api";
import { useCatalogue } from "../../stores/catalogue";
import { EFormEditor, eformProblems } from "./eform-editor";
import { CheckInput, type Problem, ProblemList, ProblemsProvider, SelectInput, TextInput } from "./form-parts";
import { CASE_CHANNEL_LABEL, CasesEditor, DecisionsEditor, newChannel, pathLabel } from "./procedure-parts";

/** A new procedure's starting point: one case filed in person and online, nothing else decided yet. */
export const EMPTY_BODY: ProcedureDraftBody = {
  name: "",
  summary: "",
  fieldId: "",
  unitLevel: "commune",
  competentUnitId: null,
  agency: "",
  serviceLevel: "mot_phan",
  cases: [{ ...DEFAULT_CASE, channels: [newChannel("counter"), newChannel("online")], documents: [] }],
  decisions: [],
  result: "",
  requirements: "",
  eform: { fields: [] },
  onlineOnly: false,
  essential: false,
  resultDelivery: ["counter"],
  aliases: [],
  requiresVneid: false,
  externalSystem: null,
  feeTerms: { legalBasis: "" },
};

/** What an admin edits of a stored version. */
export function draftBodyOf(detail: ProcedureVersionDetail): ProcedureDraftBody {
  const { code, version, status, effectiveFrom, publishOn, publishedAt, revision, updatedAt, updatedBy, ...body } = detail;
  return body;
}

/** The problems of a failed save or publish, by path when the API gave them. */
export function problemsOf(e: unknown): Problem[] {
  if (!(e instanceof ApiFailure) || !Array.isArray(e.details)) return [];
  return e.details.filter(
    (d): d is Problem => typeof d === "object" && d !== null && typeof d.path === "string" && typeof d.message === "string",
  );
}

const LEVEL_OPTIONS: { value: UnitLevel; label: string }[] = [
  { value: "commune", label: "Cấp xã (mọi xã, phường)" },
  { value: "province", label: "Cấp tỉnh (một sở, ngành)" },
];
const SERVICE_OPTIONS: { value: ServiceLevel; label: string }[] = [
  { value: "toan_trinh", label: "Toàn trình" },
  { value: "mot_phan", label: "Một phần" },
];
const NO_SYSTEM: ExternalSystem = { name: "", url: "https://", explanation: "" };

/**
 * The whole editable version: general information, cases × channels, legal bases, result,
 * requirements, flags, another system, and the eForm. `onSave` sends it; its problems come back
 * by path and are shown beside their inputs and in one list.
 */
export function ProcedureForm(props: {
  initial: ProcedureDraftBody;
  /** The new procedure's code input, shown first when creating one. */
  code?: { value: string; onChange: (code: string) => void };
  saveLabel: string;
  onSave: (body: ProcedureDraftBody) => Promise<void>;
  /** Told whether there are changes not yet saved. */
  onDirty?: (dirty: boolean) => void;
}) {
  const fields = useCatalogue((s) => s.fields);
  const loadFields = useCatalogue((s) => s.loadFields);
  const units = useCatalogue((s) => s.units);
  const loadUnits = useCatalogue((s) => s.loadUnits);
  useEffect(() => {
    void loadFields();
    void loadUnits();
  }, [loadFields, loadUnits]);
  const departments = useMemo(() => units.filter((u) => u.kind === "department"), [units]);

  const [body, setBody] = useState<ProcedureDraftBody>(props.initial);
  const [saved, setSaved] = useState<ProcedureDraftBody>(props.initial);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = body !== saved;
  const onDirty = props.onDirty;
  useEffect(() => onDirty?.(dirty), [dirty, onDirty]);

  const set = (patch: Partial<ProcedureDraftBody>) => setBody((b) => ({ ...b, ...patch }));
  const eformIssues = useMemo(() => eformProblems(body.eform), [body.eform]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setProblems([]);
    try {
      const clean = { ...body, aliases: body.aliases.map((a) => a.trim()).filter(Boolean) };
      await props.onSave(clean);
      setBody(clean);
      setSaved(clean);
    } catch (failure) {
      setError(errorMessage(failure));
      setProblems(problemsOf(failure));
    } finally {
      setBusy(false);
    }
  };

  const system = body.externalSystem;
  const setSystem = (patch: Partial<ExternalSystem>) => set({ externalSystem: { ...(system ?? NO_SYSTEM), ...patch } });

  return (
    <ProblemsProvider problems={problems}>
      <form noValidate onSubmit={(e) => void submit(e)} aria-label="Nội dung thủ tục">
        <section className="section" aria-labelledby="general-title">
          <h3 id="general-title" className="section__title">
            Thông tin chung
          </h3>
          {props.code && (
            <TextInput
              path="code"
              label="Mã thủ tục"
              hint="Mã trên Cơ sở dữ liệu quốc gia, ví dụ 1.004194"
              maxLength={40}
              value={props.code.value}
              onChange={props.code.onChange}
            />
          )}
          <TextInput path="name" label="Tên thủ tục" maxLength={300} value={body.name} onChange={(name) => set({ name })} />
          <TextInput
            path="summary"
            label="Mô tả ngắn"
            optional
            multiline
            maxLength={1000}
            value={body.summary}
            onChange={(summary) => set({ summary })}
          />
          <div className="admin-grid">
            <SelectInput
              path="fieldId"
              label="Lĩnh vực"
              value={body.fieldId}
              empty="— Chọn lĩnh vực —"
              options={fields.map((f) => ({ value: f.id, label: f.name }))}
              onChange={(fieldId) => set({ fieldId })}
            />
            <SelectInput
              path="unitLevel"
              label="Cấp giải quyết"
              value={body.unitLevel}
              options={LEVEL_OPTIONS}
              onChange={(unitLevel) => set({ unitLevel, competentUnitId: unitLevel === "commune" ? null : body.competentUnitId })}
            />
            {body.unitLevel === "province" && (
              <SelectInput
                path="competentUnitId"
                label="Sở, ngành có thẩm quyền"
                value={body.competentUnitId ?? ""}
                empty="— Chọn sở, ngành —"
                options={departments.map((u) => ({ value: u.id, label: u.name }))}
                onChange={(id) => set({ competentUnitId: id || null })}
              />
            )}
            <SelectInput
              path="serviceLevel"
              label="Mức độ dịch vụ công trực tuyến"
              value={body.serviceLevel}
              options={SERVICE_OPTIONS}
              onChange={(serviceLevel) => set({ serviceLevel })}
            />
          </div>
          <TextInput
            path="agency"
            label="Cơ quan thực hiện (như công dân đọc)"
            maxLength={200}
            value={body.agency}
            onChange={(agency) => set({ agency })}
          />
          <TextInput
            path="aliases"
            label="Tên thường gọi (mỗi dòng một tên)"
            optional
            multiline
            value={body.aliases.join("\n")}
            onChange={(text) => set({ aliases: text.split("\n") })}
          />
          <CheckInput
            path="onlineOnly"
            label="Chỉ nhận hồ sơ trực tuyến"
            checked={body.onlineOnly}
            onChange={(onlineOnly) => set({ onlineOnly })}
          />
          <CheckInput
            path="essential"
            label="Thủ tục thiết yếu"
            checked={body.essential}
            onChange={(essential) => set({ essential })}
          />
          <CheckInput
            path="requiresVneid"
            label="Cần xác thực danh tính qua VNeID khi nộp"
            checked={body.requiresVneid}
            onChange={(requiresVneid) => set({ requiresVneid })}
          />
        </section>

        <section className="section" aria-labelledby="cases-title">
          <h3 id="cases-title" className="section__title">
            Trường hợp, cách thức thực hiện và thành phần hồ sơ
          </h3>
          <CasesEditor cases={body.cases} onChange={(cases) => set({ cases })} />
          <h4 className="admin-subtitle">Phí, lệ phí chung cho mọi trường hợp</h4>
          <div className="admin-grid">
            <TextInput
              path="feeTerms.legalBasis"
              label="Căn cứ thu phí, lệ phí"
              maxLength={300}
              value={body.feeTerms.legalBasis}
              onChange={(legalBasis) => set({ feeTerms: { ...body.feeTerms, legalBasis } })}
            />
            <TextInput
              path="feeTerms.per"
              label="Tính phí theo (ví dụ: bản)"
              optional
              maxLength={20}
              value={body.feeTerms.per ?? ""}
              onChange={(per) => {
                const { per: _, ...rest } = body.feeTerms;
                set({ feeTerms: per ? { ...rest, per } : rest });
              }}
            />
            <TextInput
              path="feeTerms.onlineUntil"
              label="Mức phí trực tuyến áp dụng đến hết ngày"
              optional
              type="date"
              value={body.feeTerms.onlineUntil ?? ""}
              onChange={(date) => {
                const { onlineUntil: _, ...rest } = body.feeTerms;
                set({ feeTerms: date ? { ...rest, onlineUntil: date } : rest });
              }}
            />
          </div>
        </section>

        <section className="section" aria-labelledby="decisions-title">
          <h3 id="decisions-title" className="section__title">
            Căn cứ pháp lý, quyết định công bố
          </h3>
          <DecisionsEditor decisions={body.decisions} onChange={(decisions) => set({ decisions })} />
        </section>

        <section className="section" aria-labelledby="result-title">
          <h3 id="result-title" className="section__title">
            Kết quả và yêu cầu
          </h3>
          <TextInput
            path="result"
            label="Kết quả thực hiện"
            multiline
            maxLength={1000}
            value={body.result}
            onChange={(result) => set({ result })}
          />
          <TextInput
            path="requirements"
            label="Yêu cầu, điều kiện"
            optional
            multiline
            maxLength={3000}
            value={body.requirements}
            onChange={(requirements) => set({ requirements })}
          />
          <fieldset className="choice-group">
            <legend className="field__label">Cách nhận kết quả</legend>
            {CHANNELS.map((channel: Channel) => (
              <CheckInput
                key={channel}
                path={`resultDelivery-${channel}`}
                label={CASE_CHANNEL_LABEL[channel]}
                checked={body.resultDelivery.includes(channel)}
                onChange={(on) =>
                  set({ resultDelivery: CHANNELS.filter((c) => (c === channel ? on : body.resultDelivery.includes(c))) })
                }
              />
            ))}
          </fieldset>
        </section>

        <section className="section" aria-labelledby="system-title">
          <h3 id="system-title" className="section__title">
            Giải quyết trên hệ thống khác
          </h3>
          <CheckInput
            path="externalSystem"
            label="Thủ tục được giải quyết trên hệ thống khác (công dân được chuyển tới đó)"
            checked={system !== null}
            onChange={(on) => set({ externalSystem: on ? NO_SYSTEM : null })}
          />
          {system && (
            <>
              <TextInput
                path="externalSystem.name"
                label="Tên hệ thống"
                maxLength={200}
                value={system.name}
                onChange={(name) => setSystem({ name })}
              />
              <TextInput
                path="externalSystem.url"
                label="Đường dẫn (https://)"
                type="url"
                maxLength={500}
                value={system.url}
                onChange={(url) => setSystem({ url })}
              />
              <TextInput
                path="externalSystem.explanation"
                label="Giải thích cho công dân"
                multiline
                maxLength={1000}
                value={system.explanation}
                onChange={(explanation) => setSystem({ explanation })}
              />
            </>
          )}
        </section>

        <section className="section" aria-labelledby="eform-editor-title">
          <h3 id="eform-editor-title" className="section__title">
            Tờ khai điện tử
          </h3>
          <EFormEditor eform={body.eform} onChange={(eform) => set({ eform })} />
        </section>

        <div className="section admin-savebar">
          <ProblemList title="Chưa lưu được. Vui lòng sửa:" problems={problems} labelOf={(path) => pathLabel(path, body)} />
          {error && problems.length === 0 && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
          {eformIssues.length > 0 && <p className="note">Tờ khai còn lỗi; bản nháp vẫn lưu được nhưng chưa công bố được.</p>}
          <p className="note" role="status">
            {dirty ? "Có thay đổi chưa lưu." : "Mọi thay đổi đã được lưu."}
          </p>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? "Đang lưu…" : props.saveLabel}
          </button>
        </div>
      </form>
    </ProblemsProvider>
  );
}
