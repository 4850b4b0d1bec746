import { useEffect, useMemo, useRef, useState } from "react";
import { z } from "zod";
import { vi } from "zod/locales";
import { EForm, type EFormField, type EFormFieldType } from "../../../../shared/src/catalogue/schemas";
import { checkForm } from "../../../../shared/src/dossier/eform";
import { IDENTITY_CLAIM_LABELS, IDENTITY_CLAIMS } from "../../../../shared/src/identity/claims";
import { EFormSection, type FieldValue } from "../../components/eform-section";
import {
  CheckInput,
  moved,
  NumberInput,
  type Problem,
  ProblemList,
  ProblemsProvider,
  replaced,
  SelectInput,
  TextInput,
} from "./form-parts";

// The definition is checked here by the shared schema as the admin types: its messages in Vietnamese, as the API's.
z.config(vi());

export const FIELD_TYPE_LABEL: Record<EFormFieldType, string> = {
  text: "Chữ, một dòng",
  textarea: "Đoạn văn, nhiều dòng",
  number: "Số",
  date: "Ngày",
  select: "Chọn từ danh sách",
  checkbox: "Ô đánh dấu",
  citizenId: "Số định danh cá nhân",
  phone: "Số điện thoại",
  email: "Thư điện tử",
};
const TYPE_OPTIONS = Object.entries(FIELD_TYPE_LABEL).map(([value, label]) => ({ value: value as EFormFieldType, label }));
const IDENTITY_OPTIONS = IDENTITY_CLAIMS.map((claim) => ({ value: claim, label: IDENTITY_CLAIM_LABELS[claim] }));
/** Types whose answer is free text, so a maximum length applies. */
const HAS_MAX_LENGTH = new Set<EFormFieldType>(["text", "textarea"]);

/** "eform.fields.2.options.0.label" → "Trường 3 – Lựa chọn 1 – Nhãn". */
export function eformPathLabel(path: string, fields: readonly EFormField[]): string {
  const [, , index, part, ...rest] = path.split(".");
  const i = Number(index);
  if (Number.isNaN(i)) return "Tờ khai";
  const name = fields[i]?.label ? `Trường ${i + 1} (“${fields[i]?.label}”)` : `Trường ${i + 1}`;
  const PART: Record<string, string> = {
    key: "Mã trường",
    label: "Nhãn",
    type: "Loại",
    help: "Hướng dẫn",
    maxLength: "Độ dài tối đa",
    options: "Lựa chọn",
  };
  if (part === "options" && rest.length > 0) return `${name} – Lựa chọn ${Number(rest[0]) + 1}`;
  return part ? `${name} – ${PART[part] ?? part}` : name;
}

/** The definition's problems by the shared schema, and keys used twice (the form stores answers by key). */
export function eformProblems(eform: EForm): Problem[] {
  const parsed = EForm.safeParse(eform);
  const problems: Problem[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: ["eform", ...i.path].join("."), message: i.message }));
  const seen = new Set<string>();
  eform.fields.forEach((field, i) => {
    if (field.key && seen.has(field.key))
      problems.push({ path: `eform.fields.${i}.key`, message: "Mã trường này đã dùng cho một trường khác" });
    seen.add(field.key);
    if (field.type === "select" && (field.options?.length ?? 0) === 0)
      problems.push({ path: `eform.fields.${i}.options`, message: "Thêm ít nhất một lựa chọn" });
  });
  return problems;
}

function newKey(fields: readonly EFormField[]): string {
  const keys = new Set(fields.map((f) => f.key));
  let n = fields.length + 1;
  while (keys.has(`truong${n}`)) n += 1;
  return `truong${n}`;
}

/** A field changed to another type keeps only what that type uses. */
function withType(field: EFormField, type: EFormFieldType): EFormField {
  const { options, maxLength, ...rest } = field;
  return {
    ...rest,
    type,
    ...(type === "select" ? { options: options ?? [] } : {}),
    ...(HAS_MAX_LENGTH.has(type) && maxLength !== undefined ? { maxLength } : {}),
  };
}

/** The help text, dropped when emptied. */
function withHelp(field: EFormField, help: string): EFormField {
  const { help: _, ...rest } = field;
  return help === "" ? rest : { ...rest, help };
}

function OptionsEditor({ field, index, onChange }: { field: EFormField; index: number; onChange: (f: EFormField) => void }) {
  const options = field.options ?? [];
  const setOptions = (next: NonNullable<EFormField["options"]>) => onChange({ ...field, options: next });
  return (
    <fieldset className="items-editor eform-options">
      <legend className="field__label">Các lựa chọn</legend>
      {options.map((option, j) => (
        <div key={j} className="eform-option">
          <TextInput
            path={`eform.fields.${index}.options.${j}.label`}
            label={`Lựa chọn ${j + 1}: nhãn`}
            value={option.label}
            maxLength={200}
            onChange={(label) => setOptions(replaced(options, j, (o) => ({ ...o, label })))}
          />
          <TextInput
            path={`eform.fields.${index}.options.${j}.value`}
            label={`Lựa chọn ${j + 1}: giá trị lưu`}
            value={option.value}
            maxLength={60}
            onChange={(value) => setOptions(replaced(options, j, (o) => ({ ...o, value })))}
          />
          <button
            type="button"
            className="button button--small button--link"
            aria-label={`Xóa lựa chọn ${j + 1}`}
            onClick={() => setOptions(options.filter((_, k) => k !== j))}
          >
            Xóa
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={() => setOptions([...options, { value: `lc${options.length + 1}`, label: "" }])}
      >
        Thêm lựa chọn
      </button>
    </fieldset>
  );
}

function FieldEditor(props: {
  field: EFormField;
  index: number;
  count: number;
  onChange: (field: EFormField) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { field, index, count } = props;
  const base = `eform.fields.${index}`;
  const name = field.label || `Trường ${index + 1}`;
  return (
    <li className="eform-field">
      <fieldset className="eform-field__box">
        <legend className="eform-field__legend">
          Trường {index + 1}: {field.label || "(chưa có nhãn)"}
        </legend>
        <div className="admin-grid">
          <TextInput
            path={`${base}.label`}
            label="Nhãn"
            value={field.label}
            maxLength={200}
            onChange={(label) => props.onChange({ ...field, label })}
          />
          <TextInput
            path={`${base}.key`}
            label="Mã trường"
            hint="Chữ cái không dấu và số, bắt đầu bằng chữ thường; dùng để lưu câu trả lời."
            value={field.key}
            maxLength={40}
            onChange={(key) => props.onChange({ ...field, key })}
          />
          <SelectInput
            path={`${base}.type`}
            label="Loại"
            value={field.type}
            options={TYPE_OPTIONS}
            onChange={(type) => props.onChange(withType(field, type))}
          />
          <SelectInput
            path={`${base}.identity`}
            label="Lấy từ VNeID"
            hint="Chỉ cho thông tin của chính người nộp: điền sẵn từ VNeID, người dân không sửa được."
            value={field.identity ?? ""}
            empty="Không, người dân tự khai"
            options={IDENTITY_OPTIONS}
            onChange={(identity) => {
              const { identity: _, ...rest } = field;
              props.onChange(identity ? { ...rest, identity } : rest);
            }}
          />
          {HAS_MAX_LENGTH.has(field.type) && (
            <NumberInput
              path={`${base}.maxLength`}
              label="Độ dài tối đa (ký tự)"
              optional
              min={1}
              value={field.maxLength}
              onChange={(maxLength) => {
                const { maxLength: _, ...rest } = field;
                props.onChange(maxLength === undefined ? rest : { ...rest, maxLength });
              }}
            />
          )}
        </div>
        <TextInput
          path={`${base}.help`}
          label="Hướng dẫn"
          optional
          value={field.help ?? ""}
          maxLength={300}
          onChange={(help) => props.onChange(withHelp(field, help))}
        />
        <CheckInput
          path={`${base}.required`}
          label="Bắt buộc"
          checked={field.required}
          onChange={(required) => props.onChange({ ...field, required })}
        />
        {field.type === "select" && <OptionsEditor field={field} index={index} onChange={props.onChange} />}
        <div className="eform-field__actions">
          <button
            type="button"
            id={`eform-up-${index}`}
            className="button button--small button--secondary"
            aria-label={`Lên: chuyển “${name}” lên trên`}
            disabled={index === 0}
            onClick={() => props.onMove(index - 1)}
          >
            Lên
          </button>
          <button
            type="button"
            id={`eform-down-${index}`}
            className="button button--small button--secondary"
            aria-label={`Xuống: chuyển “${name}” xuống dưới`}
            disabled={index === count - 1}
            onClick={() => props.onMove(index + 1)}
          >
            Xuống
          </button>
          <button
            type="button"
            className="button button--small button--link"
            aria-label={`Xóa trường “${name}”`}
            onClick={props.onRemove}
          >
            Xóa trường
          </button>
        </div>
      </fieldset>
    </li>
  );
}

/** The resident's form as it will look, filled in here without saving anything. */
function Preview({ eform }: { eform: EForm }) {
  const [values, setValues] = useState<Record<string, FieldValue>>({});
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const issues = useMemo(() => new Map(checkForm(eform, values).map((i) => [i.key, i.message])), [eform, values]);
  return (
    <div className="eform-preview">
      <p className="note">Xem trước đúng như công dân thấy khi nộp hồ sơ. Những gì nhập ở đây không được lưu.</p>
      <EFormSection
        fields={eform.fields}
        values={values}
        errorOf={(key) => (touched.has(key) ? (issues.get(key) ?? null) : null)}
        onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
        onBlur={(key) => setTouched((t) => new Set(t).add(key))}
        zaloPhone={false}
      />
    </div>
  );
}

/**
 * The eForm's fields: add, reorder (buttons, so the keyboard works), change and remove them, with
 * the definition checked by the shared schema as it changes and a live preview beside it.
 */
export function EFormEditor({ eform, onChange }: { eform: EForm; onChange: (eform: EForm) => void }) {
  const [announcement, setAnnouncement] = useState("");
  const focusAfterMove = useRef<string | null>(null);
  const problems = useMemo(() => eformProblems(eform), [eform]);
  const fields = eform.fields;
  const setFields = (next: EFormField[]) => onChange({ ...eform, fields: next });

  useEffect(() => {
    if (!focusAfterMove.current) return;
    const button = document.getElementById(focusAfterMove.current) as HTMLButtonElement | null;
    // At the top or the bottom the pressed button is disabled: its neighbour keeps the focus nearby.
    if (button?.disabled)
      document.getElementById(focusAfterMove.current.replace(/up|down/, (d) => (d === "up" ? "down" : "up")))?.focus();
    else button?.focus();
    focusAfterMove.current = null;
  });

  const move = (from: number, to: number) => {
    focusAfterMove.current = `eform-${to < from ? "up" : "down"}-${to}`;
    setFields(moved(fields, from, to));
    setAnnouncement(`Đã chuyển “${fields[from]?.label || `Trường ${from + 1}`}” tới vị trí ${to + 1}.`);
  };
  const add = () => {
    setFields([...fields, { key: newKey(fields), label: "", type: "text", required: false }]);
    setAnnouncement(`Đã thêm trường ${fields.length + 1}.`);
    requestAnimationFrame(() => document.getElementById(`in-eform-fields-${fields.length}-label`)?.focus());
  };

  return (
    <ProblemsProvider problems={problems}>
      <div className="eform-editor">
        <div className="eform-editor__fields">
          {fields.length === 0 && <p>Tờ khai chưa có trường nào.</p>}
          <ol className="plain-list eform-fields" aria-label="Các trường của tờ khai">
            {fields.map((field, i) => (
              <FieldEditor
                key={i}
                field={field}
                index={i}
                count={fields.length}
                onChange={(f) => setFields(replaced(fields, i, () => f))}
                onMove={(to) => move(i, to)}
                onRemove={() => {
                  setFields(fields.filter((_, j) => j !== i));
                  setAnnouncement(`Đã xóa “${field.label || `Trường ${i + 1}`}”.`);
                }}
              />
            ))}
          </ol>
          <button type="button" className="button button--secondary" onClick={add}>
            Thêm trường
          </button>
          <p className="visually-hidden" role="status">
            {announcement}
          </p>
          {problems.length > 0 ? (
            <ProblemList
              title={`Tờ khai còn ${problems.length} lỗi`}
              problems={problems}
              labelOf={(path) => eformPathLabel(path, fields)}
            />
          ) : (
            <p className="note eform-editor__ok">Định nghĩa tờ khai hợp lệ.</p>
          )}
        </div>
        <section className="eform-editor__preview" aria-label="Xem trước tờ khai">
          <Preview eform={eform} />
        </section>
      </div>
    </ProblemsProvider>
  );
}
