import { useState } from "react";
import type { ProcedureDraftBody } from "../../../../shared/src/admin/procedures";
import type {
  CaseChannel,
  DocumentForm,
  LegalDecision,
  ProcedureCase,
  ProcedureStatus,
  ProcessingTime,
  RequiredDocument,
} from "../../../../shared/src/catalogue/schemas";
import { CHANNELS, type Channel } from "../../../../shared/src/dossier/channel";
import { TEMPLATE_TYPES } from "../../../../shared/src/files/templates";
import { DOCUMENT_FORM_LABEL, formatVnd } from "../../../../shared/src/format/vi";
import { procedureAdminApi } from "../../services/admin-api";
import { apiBaseUrl, errorMessage } from "../../services/api";
import { CheckInput, NumberInput, replaced, SelectInput, TextInput } from "./form-parts";

export const STATUS_LABEL: Record<ProcedureStatus, string> = {
  draft: "Bản nháp",
  scheduled: "Chờ công bố",
  published: "Đang công bố",
  archived: "Lưu trữ",
};

/** The channels as the national catalogue names them. */
export const CASE_CHANNEL_LABEL: Record<Channel, string> = {
  counter: "Trực tiếp",
  online: "Trực tuyến",
  postal: "Bưu chính công ích",
};
/** In-person first, as the catalogue lists them. */
const CHANNEL_ORDER: readonly Channel[] = ["counter", "online", "postal"];

const TIME_UNIT_OPTIONS = [
  { value: "working_day", label: "Ngày làm việc" },
  { value: "day", label: "Ngày" },
  { value: "hour", label: "Giờ làm việc" },
  { value: "same_day", label: "Trong ngày" },
] as const;
const FORM_OPTIONS = Object.entries(DOCUMENT_FORM_LABEL).map(([value, label]) => ({ value: value as DocumentForm, label }));

const NEW_DOCUMENT: RequiredDocument = { name: "", form: "original", count: 1, required: true };
export const newChannel = (channel: Channel): CaseChannel => ({
  channel,
  processingTime: { unit: "working_day", value: 1 },
  fee: 0,
});

function withTime(time: ProcessingTime, unit: ProcessingTime["unit"], value: number | undefined): ProcessingTime {
  const note = time.note ? { note: time.note } : {};
  return unit === "same_day" ? { unit, ...note } : { unit, value: value ?? ("value" in time ? time.value : 1), ...note };
}

function ChannelEditor(props: { base: string; channel: CaseChannel; onChange: (c: CaseChannel) => void }) {
  const { base, channel } = props;
  const time = channel.processingTime;
  const label = CASE_CHANNEL_LABEL[channel.channel];
  return (
    <div className="admin-grid admin-channel">
      <SelectInput
        path={`${base}.processingTime.unit`}
        label={`${label}: đơn vị thời hạn giải quyết`}
        value={time.unit}
        options={TIME_UNIT_OPTIONS}
        onChange={(unit) => props.onChange({ ...channel, processingTime: withTime(time, unit, undefined) })}
      />
      {time.unit !== "same_day" && (
        <NumberInput
          path={`${base}.processingTime.value`}
          label={`${label}: thời hạn giải quyết`}
          min={1}
          value={time.value}
          onChange={(value) => props.onChange({ ...channel, processingTime: withTime(time, time.unit, value) })}
        />
      )}
      <NumberInput
        path={`${base}.fee`}
        label={`${label}: phí, lệ phí (đồng)`}
        hint={formatVnd(channel.fee)}
        value={channel.fee}
        onChange={(fee) => props.onChange({ ...channel, fee: fee ?? 0 })}
      />
      <TextInput
        path={`${base}.feeNote`}
        label={`${label}: ghi chú về phí`}
        optional
        maxLength={300}
        value={channel.feeNote ?? ""}
        onChange={(note) => {
          const { feeNote: _, ...rest } = channel;
          props.onChange(note ? { ...rest, feeNote: note } : rest);
        }}
      />
    </div>
  );
}

/** Uploads the blank form residents download for a document; shows the current one with a link. */
function TemplateUpload(props: { path: string; docName: string; fileId?: string; onChange: (id: string | undefined) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState<string | null>(null);
  const id = `${props.path.replace(/\./g, "-")}-template`;
  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await procedureAdminApi.uploadTemplate(file, file.name);
      setName(saved.name);
      props.onChange(saved.id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        Mẫu đơn, tờ khai để tải về <span className="note">(không bắt buộc; PDF, DOC, DOCX hoặc ODT)</span>
      </label>
      <input
        id={id}
        type="file"
        accept={Object.keys(TEMPLATE_TYPES).join(",")}
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void upload(file);
        }}
      />
      {busy && <p className="note">Đang tải lên…</p>}
      {props.fileId && (
        <p className="note">
          <a href={`${apiBaseUrl}/api/templates/${props.fileId}`} className="text-link" target="_blank" rel="noreferrer">
            {name ?? "Mẫu đã tải lên"}
          </a>{" "}
          <button
            type="button"
            className="button button--small button--link"
            aria-label={`Bỏ mẫu đơn của “${props.docName || "giấy tờ"}”`}
            onClick={() => props.onChange(undefined)}
          >
            Bỏ mẫu
          </button>
        </p>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function DocumentEditor(props: {
  base: string;
  index: number;
  doc: RequiredDocument;
  onChange: (d: RequiredDocument) => void;
  onRemove: () => void;
}) {
  const { base, doc } = props;
  const optionalText = (key: "template" | "note", value: string) => {
    const { [key]: _, ...rest } = doc;
    props.onChange(value ? { ...rest, [key]: value } : rest);
  };
  return (
    <li className="admin-card">
      <TextInput
        path={`${base}.name`}
        label={`Giấy tờ ${props.index + 1}: tên`}
        maxLength={300}
        value={doc.name}
        onChange={(name) => props.onChange({ ...doc, name })}
      />
      <div className="admin-grid">
        <SelectInput
          path={`${base}.form`}
          label="Hình thức"
          value={doc.form}
          options={FORM_OPTIONS}
          onChange={(form) => props.onChange({ ...doc, form })}
        />
        <NumberInput
          path={`${base}.count`}
          label="Số lượng (bản)"
          min={1}
          value={doc.count}
          onChange={(count) => props.onChange({ ...doc, count: count ?? 1 })}
        />
        <TextInput
          path={`${base}.template`}
          label="Số hiệu mẫu"
          optional
          maxLength={40}
          value={doc.template ?? ""}
          onChange={(v) => optionalText("template", v)}
        />
      </div>
      <CheckInput
        path={`${base}.required`}
        label="Bắt buộc"
        checked={doc.required}
        onChange={(required) => props.onChange({ ...doc, required })}
      />
      <CheckInput
        path={`${base}.replacedByEform`}
        label="Là tờ khai, đơn lập tự động từ biểu mẫu điện tử (người dân không phải tải lên)"
        checked={doc.replacedByEform ?? false}
        onChange={(replaced) => {
          const { replacedByEform: _, ...rest } = doc;
          props.onChange(replaced ? { ...rest, replacedByEform: true } : rest);
        }}
      />
      <TextInput
        path={`${base}.note`}
        label="Ghi chú"
        optional
        maxLength={300}
        value={doc.note ?? ""}
        onChange={(v) => optionalText("note", v)}
      />
      <TemplateUpload
        path={`${base}.templateFileId`}
        docName={doc.name}
        fileId={doc.templateFileId}
        onChange={(fileId) => {
          const { templateFileId: _, ...rest } = doc;
          props.onChange(fileId ? { ...rest, templateFileId: fileId } : rest);
        }}
      />
      <button
        type="button"
        className="button button--small button--link"
        aria-label={`Xóa giấy tờ ${props.index + 1}`}
        onClick={props.onRemove}
      >
        Xóa giấy tờ
      </button>
    </li>
  );
}

function CaseEditor(props: { index: number; value: ProcedureCase; onChange: (c: ProcedureCase) => void; onRemove: () => void }) {
  const { index, value } = props;
  const base = `cases.${index}`;
  const has = (channel: Channel) => value.channels.findIndex((c) => c.channel === channel);
  const toggle = (channel: Channel, on: boolean) => {
    const channels = on
      ? CHANNEL_ORDER.flatMap((ch) => (ch === channel ? [newChannel(ch)] : value.channels.filter((c) => c.channel === ch)))
      : value.channels.filter((c) => c.channel !== channel);
    props.onChange({ ...value, channels });
  };
  return (
    <li className="admin-case">
      <fieldset className="admin-case__box">
        <legend className="eform-field__legend">
          Trường hợp {index + 1}: {value.name || "(chưa đặt tên)"}
        </legend>
        <TextInput
          path={`${base}.name`}
          label="Tên trường hợp"
          maxLength={300}
          value={value.name}
          onChange={(name) => props.onChange({ ...value, name })}
        />
        <fieldset className="choice-group">
          <legend className="field__label">Cách thức thực hiện</legend>
          {CHANNEL_ORDER.map((channel) => {
            const at = has(channel);
            return (
              <div key={channel} className="admin-channel__block">
                <CheckInput
                  path={`${base}.channel-${channel}`}
                  label={CASE_CHANNEL_LABEL[channel]}
                  checked={at >= 0}
                  onChange={(on) => toggle(channel, on)}
                />
                {at >= 0 && (
                  <ChannelEditor
                    base={`${base}.channels.${at}`}
                    channel={value.channels[at]!}
                    onChange={(c) => props.onChange({ ...value, channels: replaced(value.channels, at, () => c) })}
                  />
                )}
              </div>
            );
          })}
        </fieldset>
        <h4 className="admin-subtitle">Thành phần hồ sơ</h4>
        {value.documents.length === 0 && <p className="note">Trường hợp này chưa có giấy tờ nào.</p>}
        <ol className="plain-list">
          {value.documents.map((doc, d) => (
            <DocumentEditor
              key={d}
              base={`${base}.documents.${d}`}
              index={d}
              doc={doc}
              onChange={(next) => props.onChange({ ...value, documents: replaced(value.documents, d, () => next) })}
              onRemove={() => props.onChange({ ...value, documents: value.documents.filter((_, j) => j !== d) })}
            />
          ))}
        </ol>
        <div className="admin-actions">
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => props.onChange({ ...value, documents: [...value.documents, NEW_DOCUMENT] })}
          >
            Thêm giấy tờ
          </button>
          <button
            type="button"
            className="button button--small button--link"
            aria-label={`Xóa trường hợp ${index + 1}`}
            onClick={props.onRemove}
          >
            Xóa trường hợp
          </button>
        </div>
      </fieldset>
    </li>
  );
}

function newCaseId(cases: readonly ProcedureCase[]): string {
  const ids = new Set(cases.map((c) => c.id));
  let n = cases.length + 1;
  while (ids.has(`truong-hop-${n}`)) n += 1;
  return `truong-hop-${n}`;
}

/** Cases × channels: each case with its channels (time and fee each) and its documents. */
export function CasesEditor({ cases, onChange }: { cases: ProcedureCase[]; onChange: (cases: ProcedureCase[]) => void }) {
  return (
    <>
      {cases.length === 0 && <p>Chưa có trường hợp nào. Thủ tục cần ít nhất một trường hợp để công bố.</p>}
      <ol className="plain-list">
        {cases.map((c, i) => (
          <CaseEditor
            key={c.id}
            index={i}
            value={c}
            onChange={(next) => onChange(replaced(cases, i, () => next))}
            onRemove={() => onChange(cases.filter((_, j) => j !== i))}
          />
        ))}
      </ol>
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          onChange([...cases, { id: newCaseId(cases), name: "", channels: CHANNELS.map(newChannel), documents: [] }])
        }
      >
        Thêm trường hợp
      </button>
    </>
  );
}

/** The legal bases and publishing decisions: number, title, issued on, effective from. */
export function DecisionsEditor({ decisions, onChange }: { decisions: LegalDecision[]; onChange: (d: LegalDecision[]) => void }) {
  return (
    <>
      {decisions.length === 0 && <p>Chưa có văn bản nào.</p>}
      <ol className="plain-list">
        {decisions.map((d, i) => (
          <li key={i} className="admin-card">
            <div className="admin-grid">
              <TextInput
                path={`decisions.${i}.number`}
                label={`Văn bản ${i + 1}: số, ký hiệu`}
                maxLength={60}
                value={d.number}
                onChange={(number) => onChange(replaced(decisions, i, (x) => ({ ...x, number })))}
              />
              <TextInput
                path={`decisions.${i}.issuedOn`}
                label="Ngày ban hành"
                type="date"
                value={d.issuedOn}
                onChange={(issuedOn) => onChange(replaced(decisions, i, (x) => ({ ...x, issuedOn })))}
              />
              <TextInput
                path={`decisions.${i}.effectiveFrom`}
                label="Ngày có hiệu lực"
                optional
                type="date"
                value={d.effectiveFrom ?? ""}
                onChange={(date) =>
                  onChange(replaced(decisions, i, ({ effectiveFrom: _, ...x }) => (date ? { ...x, effectiveFrom: date } : x)))
                }
              />
            </div>
            <TextInput
              path={`decisions.${i}.title`}
              label="Trích yếu"
              maxLength={300}
              value={d.title}
              onChange={(title) => onChange(replaced(decisions, i, (x) => ({ ...x, title })))}
            />
            <button
              type="button"
              className="button button--small button--link"
              aria-label={`Xóa văn bản ${i + 1}`}
              onClick={() => onChange(decisions.filter((_, j) => j !== i))}
            >
              Xóa văn bản
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange([...decisions, { number: "", title: "", issuedOn: "" }])}
      >
        Thêm văn bản
      </button>
    </>
  );
}

const PATH_PART: Record<string, string> = {
  name: "Tên",
  summary: "Mô tả",
  fieldId: "Lĩnh vực",
  unitLevel: "Cấp giải quyết",
  competentUnitId: "Cơ quan có thẩm quyền",
  agency: "Cơ quan thực hiện",
  serviceLevel: "Mức độ dịch vụ công",
  cases: "Trường hợp",
  decisions: "Căn cứ pháp lý",
  result: "Kết quả",
  requirements: "Yêu cầu, điều kiện",
  eform: "Tờ khai",
  resultDelivery: "Cách nhận kết quả",
  aliases: "Tên thường gọi",
  externalSystem: "Hệ thống khác",
  feeTerms: "Phí, lệ phí",
  channels: "Cách thức",
  documents: "Giấy tờ",
  processingTime: "Thời hạn",
  fee: "Phí",
  legalBasis: "Căn cứ thu phí",
  number: "Số, ký hiệu",
  title: "Trích yếu",
  issuedOn: "Ngày ban hành",
  effectiveFrom: "Ngày có hiệu lực",
  url: "Địa chỉ",
  explanation: "Giải thích",
  fields: "Trường",
  label: "Nhãn",
  key: "Mã",
  options: "Lựa chọn",
  code: "Mã thủ tục",
};

/** "cases.0.channels.1.fee" → "Trường hợp 1 › Cách thức 2 › Phí": a path the admin can follow. */
export function pathLabel(path: string, body?: Pick<ProcedureDraftBody, "cases">): string {
  const parts = path.split(".");
  const words: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i]!;
    const n = Number(part);
    if (!Number.isNaN(n) && part !== "") {
      words[words.length - 1] = `${words.at(-1) ?? ""} ${n + 1}`;
      // A channel is named, not numbered.
      if (parts[i - 1] === "channels" && parts[i - 2] && body) {
        const channel = body.cases[Number(parts[i - 2])]?.channels[n]?.channel;
        if (channel) words[words.length - 1] = CASE_CHANNEL_LABEL[channel];
      }
    } else words.push(PATH_PART[part] ?? part);
  }
  return words.join(" › ") || "Thủ tục";
}
