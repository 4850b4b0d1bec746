import { type ReactNode, useState } from "react";
import type { EFormField } from "../../../shared/src/catalogue/schemas";
import { authApi } from "../services/authed-api";
import { getPhoneNumberToken, insideZalo } from "../services/zalo";

export type FieldValue = string | boolean;

const INPUT_TYPE: Partial<
  Record<EFormField["type"], { type: string; inputMode?: "numeric" | "tel" | "email" | "decimal"; autoComplete?: string }>
> = {
  text: { type: "text" },
  date: { type: "date" },
  number: { type: "text", inputMode: "decimal" },
  citizenId: { type: "text", inputMode: "numeric", autoComplete: "off" },
  phone: { type: "tel", inputMode: "tel", autoComplete: "tel" },
  email: { type: "email", inputMode: "email", autoComplete: "email" },
};

/** One eForm field with its label, help text and (once shown) its Vietnamese error. */
function EFormInput(props: {
  field: EFormField;
  value: FieldValue | undefined;
  error: string | null;
  onChange: (value: FieldValue) => void;
  onBlur: () => void;
  /** Off when an officer fills the form for someone else: Zalo would give the officer's own number. */
  zaloPhone?: boolean;
  /** Shown, not editable: the applicant's identity from VNeID. */
  readOnly?: boolean;
  /** Where a prefilled value came from ("Từ VNeID", "Từ hồ sơ … ngày …"). */
  source?: string | null;
}) {
  const { field, value, error, readOnly = false, source } = props;
  const id = `field-${field.key}`;
  const helpId = field.help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const sourceId = source ? `${id}-source` : undefined;
  const describedBy = [sourceId, helpId, errorId].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: field.key,
    required: field.required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    onBlur: props.onBlur,
  };
  const text = typeof value === "string" ? value : "";

  let control: ReactNode;
  if (field.type === "checkbox") {
    control = (
      <label className="toggle" htmlFor={id}>
        <input {...common} type="checkbox" checked={value === true} onChange={(e) => props.onChange(e.target.checked)} />
        <span>{field.label}</span>
      </label>
    );
  } else if (field.type === "textarea") {
    control = (
      <textarea
        {...common}
        rows={3}
        maxLength={field.maxLength}
        value={text}
        readOnly={readOnly}
        onChange={(e) => props.onChange(e.target.value)}
      />
    );
  } else if (field.type === "select") {
    control = (
      <select {...common} value={text} disabled={readOnly} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">— Chọn —</option>
        {field.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    const input = INPUT_TYPE[field.type] ?? { type: "text" };
    control = (
      <input
        {...common}
        {...input}
        maxLength={field.type === "citizenId" ? 12 : field.maxLength}
        value={text}
        readOnly={readOnly}
        onChange={(e) => props.onChange(e.target.value)}
      />
    );
  }

  return (
    <div className={`field${error ? " field--invalid" : ""}${readOnly ? " field--readonly" : ""}`}>
      {field.type !== "checkbox" && (
        <label htmlFor={id} className="field__label">
          {field.label}
          {field.required ? <span aria-hidden="true"> *</span> : <span className="note"> (không bắt buộc)</span>}
        </label>
      )}
      {control}
      {source && (
        <p id={sourceId} className="field__source">
          {source}
          {readOnly && " · không sửa được"}
        </p>
      )}
      {field.type === "phone" && props.zaloPhone !== false && !readOnly && <ZaloPhoneButton onNumber={props.onChange} />}
      {field.help && (
        <p id={helpId} className="note">
          {field.help}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * Inside Zalo only, and only on the resident's tap: fill the contact number from Zalo after saying
 * why it is needed. The number is exchanged by the server; the app never trusts one it was handed.
 */
function ZaloPhoneButton({ onNumber }: { onNumber: (phone: string) => void }) {
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  if (!insideZalo()) return null;
  const use = async () => {
    setState("busy");
    const token = await getPhoneNumberToken();
    try {
      if (!token) throw new Error("declined");
      onNumber((await authApi.exchangePhone(token)).phone);
      setState("idle");
    } catch {
      setState("failed");
    }
  };
  return (
    <div className="field__extra">
      <p className="note">
        Cán bộ dùng số điện thoại để liên hệ khi cần bổ sung hồ sơ. Bạn có thể nhập tay hoặc dùng số đã đăng ký với Zalo.
      </p>
      <button type="button" className="button" disabled={state === "busy"} onClick={() => void use()}>
        {state === "busy" ? "Đang lấy số điện thoại…" : "Dùng số điện thoại Zalo"}
      </button>
      {state === "failed" && (
        <p className="field__error" role="alert">
          Không lấy được số điện thoại từ Zalo. Vui lòng nhập tay.
        </p>
      )}
    </div>
  );
}

/** "Tờ khai": every field of a procedure's eForm, each with the error `errorOf` gives it. */
export function EFormSection(props: {
  fields: readonly EFormField[];
  values: Record<string, FieldValue>;
  errorOf: (key: string) => string | null;
  onChange: (key: string, value: FieldValue) => void;
  onBlur?: (key: string) => void;
  /** As on EFormInput. */
  zaloPhone?: boolean;
  /** Keys of the fields filled from VNeID, shown read-only. */
  readOnly?: ReadonlySet<string>;
  /** Per key, where its prefilled value came from. */
  sourceOf?: (key: string) => string | null;
}) {
  return (
    <section className="section" aria-labelledby="eform-title">
      <h2 id="eform-title" className="section__title">
        Tờ khai
      </h2>
      {props.fields.length === 0 && <p>Thủ tục này không cần khai thông tin.</p>}
      {props.fields.map((field) => (
        <EFormInput
          key={field.key}
          field={field}
          value={props.values[field.key]}
          error={props.errorOf(field.key)}
          zaloPhone={props.zaloPhone}
          readOnly={props.readOnly?.has(field.key) ?? false}
          source={props.sourceOf?.(field.key) ?? null}
          onChange={(v) => props.onChange(field.key, v)}
          onBlur={() => props.onBlur?.(field.key)}
        />
      ))}
    </section>
  );
}
