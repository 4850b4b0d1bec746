import { z } from "zod";
import { type EForm, type EFormField, ProcedureCode } from "../catalogue/schemas";
import { checkForm, type FormValues } from "../dossier/eform";
import { formatDate } from "../format/vi";
import { foldVietnamese } from "../text/fold";
import type { VneidClaims } from "./claims";

/**
 * Prefilling an eForm: the applicant's identity from their VNeID claims (read-only: the API puts
 * the claims over whatever a submission says), and contact details and the usual answers from
 * their own earlier dossiers, each with where it came from.
 */

const SEX_WORDS = { male: ["nam", "male"], female: ["nu", "female"] } as const;
const TEXT_TYPES: ReadonlySet<EFormField["type"]> = new Set(["text", "textarea"]);

/** The claim's value for `field`, if the field takes one, the claims carry it and it fits the field's type. */
export function claimValue(field: EFormField, claims: VneidClaims): string | undefined {
  switch (field.identity) {
    case "fullName":
      return TEXT_TYPES.has(field.type) ? claims.fullName : undefined;
    case "citizenId":
      return field.type === "citizenId" || field.type === "text" ? claims.citizenId : undefined;
    case "birthDate":
      return field.type === "date" ? claims.birthDate : undefined;
    case "permanentAddress":
      return TEXT_TYPES.has(field.type) ? claims.permanentAddress : undefined;
    case "sex": {
      if (field.type !== "select" || !claims.sex) return undefined;
      const words: readonly string[] = SEX_WORDS[claims.sex];
      return field.options?.find((o) => words.includes(o.value) || words.includes(foldVietnamese(o.label)))?.value;
    }
    default:
      return undefined;
  }
}

/** The eForm's fields that `claims` fill, by key. */
export function identityValues(eform: EForm, claims: VneidClaims | null | undefined): Map<string, string> {
  const values = new Map<string, string>();
  if (!claims) return values;
  for (const field of eform.fields) {
    const value = claimValue(field, claims);
    if (value !== undefined) values.set(field.key, value);
  }
  return values;
}

/** The form with every identity field set from the claims, whatever it said before. */
export function withIdentity(eform: EForm, form: FormValues, claims: VneidClaims | null | undefined): FormValues {
  const identity = identityValues(eform, claims);
  return identity.size === 0 ? form : { ...form, ...Object.fromEntries(identity) };
}

/** Field types whose earlier answer is a contact detail worth offering on any procedure. */
const CONTACT_TYPES: ReadonlySet<EFormField["type"]> = new Set(["phone", "email"]);
/** Contact addresses: where the resident receives post. */
const CONTACT_KEYS: ReadonlySet<string> = new Set(["deliveryAddress", "contactAddress"]);
/** Never carried over: dates belong to one filing, and a declaration is ticked afresh each time. */
const PER_FILING_TYPES: ReadonlySet<EFormField["type"]> = new Set(["date", "checkbox"]);

/** One of the resident's own earlier dossiers, newest first. */
export type EarlierDossier = { code: string; procedureCode: string; submittedAt: string; form: FormValues };

export const PrefillSource = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("vneid") }),
  z.object({ kind: z.literal("dossier"), code: z.string(), submittedAt: z.string() }),
]);
export type PrefillSource = z.infer<typeof PrefillSource>;

export const PrefillField = z.object({
  key: z.string(),
  value: z.union([z.string(), z.number(), z.boolean()]),
  /** Identity from VNeID: shown, never editable, and replaced by the claims on submission. */
  readOnly: z.boolean(),
  source: PrefillSource,
});
export type PrefillField = z.infer<typeof PrefillField>;

/** `GET /api/dossiers/prefill?procedure=`. */
export const PrefillQuery = z.object({ procedure: ProcedureCode });

export const PrefillResponse = z.object({
  vneid: z.object({
    /** Filing this procedure online needs a linked VNeID identity (the rule, unless the province relaxed it). */
    required: z.boolean(),
    /** The caller has linked one. */
    linked: z.boolean(),
  }),
  fields: z.array(PrefillField),
});
export type PrefillResponse = z.infer<typeof PrefillResponse>;

const fits = (field: EFormField, value: FormValues[string]) =>
  checkForm({ fields: [field] }, { [field.key]: value }).length === 0;

/**
 * What to prefill: identity fields from the claims; then, for each other field, the newest earlier
 * dossier's answer that still fits it: phone, email and contact addresses from any procedure, the
 * other answers (not dates or declarations) from the same procedure.
 */
export function prefillFields(
  eform: EForm,
  procedureCode: string,
  claims: VneidClaims | null | undefined,
  earlier: readonly EarlierDossier[],
): PrefillField[] {
  const identity = identityValues(eform, claims);
  const fields: PrefillField[] = [];
  for (const field of eform.fields) {
    const fromClaims = identity.get(field.key);
    if (fromClaims !== undefined) {
      fields.push({ key: field.key, value: fromClaims, readOnly: true, source: { kind: "vneid" } });
      continue;
    }
    if (field.identity || PER_FILING_TYPES.has(field.type)) continue;
    const anyProcedure = CONTACT_TYPES.has(field.type) || CONTACT_KEYS.has(field.key);
    const source = earlier.find(
      (d) =>
        (anyProcedure || d.procedureCode === procedureCode) && d.form[field.key] !== undefined && fits(field, d.form[field.key]!),
    );
    if (source) {
      fields.push({
        key: field.key,
        value: source.form[field.key]!,
        readOnly: false,
        source: { kind: "dossier", code: source.code, submittedAt: source.submittedAt },
      });
    }
  }
  return fields;
}

/** How the form names where a prefilled value came from. */
export function prefillSourceLabel(source: PrefillSource): string {
  return source.kind === "vneid" ? "Từ VNeID" : `Từ hồ sơ ${source.code} ngày ${formatDate(source.submittedAt)}`;
}
