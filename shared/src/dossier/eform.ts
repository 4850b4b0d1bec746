import type { EForm, EFormField } from "../catalogue/schemas";
import { formatDate } from "../format/vi";

/** What a resident typed into an eForm: field key → value (validated in the API by `FormValues` of ./api). */
export type FormValues = Record<string, string | number | boolean>;

const CITIZEN_ID = /^\d{12}$/;
const PHONE = /^(0|\+?84)(3|5|7|8|9)\d{8}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The problem with one value, in Vietnamese, or null when it is fine. */
function fieldProblem(field: EFormField, value: unknown): string | null {
  const empty = value === undefined || value === null || (typeof value === "string" && value.trim() === "") || value === false;
  if (empty) return field.required ? "Vui lòng nhập thông tin này" : null;
  switch (field.type) {
    case "checkbox":
      return typeof value === "boolean" ? null : "Giá trị không hợp lệ";
    case "number":
      return typeof value === "number" || (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim()))
        ? null
        : "Vui lòng nhập một số";
    default:
      break;
  }
  if (typeof value !== "string") return "Giá trị không hợp lệ";
  const text = value.trim();
  if (field.maxLength !== undefined && text.length > field.maxLength) return `Tối đa ${field.maxLength} ký tự`;
  switch (field.type) {
    case "date":
      return isRealDate(text) ? null : "Ngày không hợp lệ";
    case "select":
      return field.options?.some((o) => o.value === text) ? null : "Vui lòng chọn một giá trị trong danh sách";
    case "citizenId":
      return CITIZEN_ID.test(text) ? null : "Số định danh cá nhân gồm 12 chữ số";
    case "phone":
      return PHONE.test(text.replace(/[\s.-]/g, "")) ? null : "Số điện thoại không hợp lệ";
    case "email":
      return EMAIL.test(text) ? null : "Địa chỉ email không hợp lệ";
    default:
      return null;
  }
}

export type FormIssue = { key: string; label: string; message: string };

/**
 * Checks values against the procedure's eForm definition. The mini app shows the same
 * messages beside the fields that the API returns on submit. Unknown keys are issues too,
 * so nothing the form does not ask for is ever stored.
 */
export function checkForm(eform: EForm, values: FormValues): FormIssue[] {
  const issues: FormIssue[] = [];
  for (const field of eform.fields) {
    const message = fieldProblem(field, values[field.key]);
    if (message) issues.push({ key: field.key, label: field.label, message });
  }
  const known = new Set(eform.fields.map((f) => f.key));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) issues.push({ key, label: key, message: "Biểu mẫu không có trường này" });
  }
  return issues;
}

/** Values as stored: trimmed strings, numbers as numbers, empty optional values dropped. */
export function normaliseForm(eform: EForm, values: FormValues): FormValues {
  const out: FormValues = {};
  for (const field of eform.fields) {
    const value = values[field.key];
    if (value === undefined || value === "") continue;
    if (field.type === "number" && typeof value === "string") out[field.key] = Number(value.trim());
    else if (typeof value === "string") out[field.key] = value.trim();
    else out[field.key] = value;
  }
  return out;
}

/** A stored value as people read it: a date as dd/MM/yyyy, a choice by its label, a checkbox as Có or Không. */
export function formValueText(field: EFormField | undefined, value: string | number | boolean): string {
  if (typeof value === "boolean") return value ? "Có" : "Không";
  if (field?.type === "date" && typeof value === "string") return formatDate(value);
  if (field?.type === "select") return field.options?.find((o) => o.value === value)?.label ?? String(value);
  return String(value);
}

/** Every field of the eForm in its order, labelled, with its value as text ("" when left empty). */
export function formLines(eform: EForm, values: FormValues): { label: string; value: string }[] {
  return eform.fields.map((f) => {
    const value = values[f.key];
    return { label: f.label, value: value === undefined ? "" : formValueText(f, value) };
  });
}
