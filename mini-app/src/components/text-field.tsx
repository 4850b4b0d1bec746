import type { ReactNode } from "react";

/** The one field of a small form that needs fixing, and what to tell the user. */
export type Invalid = { field: string; message: string } | null;

/** A labelled input or textarea; its error (if it is the invalid one) is announced with it. */
export function Field(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid: Invalid;
  optional?: boolean;
  multiline?: boolean;
  type?: "text" | "date";
  inputMode?: "numeric";
  min?: string;
  max?: string;
  maxLength?: number;
  readOnly?: boolean;
  hint?: ReactNode;
}) {
  const error = props.invalid?.field === props.id ? props.invalid.message : null;
  const common = {
    id: props.id,
    value: props.value,
    readOnly: props.readOnly,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${props.id}-error` : undefined,
    onChange: (e: { target: { value: string } }) => props.onChange(e.target.value),
  };
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={props.id} className="field__label">
        {props.label}
        {props.optional && <span className="note"> (không bắt buộc)</span>}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={3} maxLength={props.maxLength ?? 2000} />
      ) : (
        <input
          {...common}
          type={props.type ?? "text"}
          inputMode={props.inputMode}
          min={props.min}
          max={props.max}
          maxLength={props.maxLength ?? 500}
        />
      )}
      {props.hint}
      {error && (
        <p id={`${props.id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
