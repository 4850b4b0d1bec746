import type { Session } from "../../shared/src/auth/api";
import type { EForm } from "../../shared/src/catalogue/schemas";
import type { FormValues } from "../../shared/src/dossier/eform";
import type { VneidClaims } from "../../shared/src/identity/claims";
import { startSession } from "../../worker/src/auth/session";
import { upsertUser } from "../../worker/src/db/repo/users";
import { type Answer, type Api, api, bearer, db, json, testEnv } from "./helpers";

/** A commune-level procedure with required documents that needs no VNeID: Đăng ký thường trú. */
export const PROCEDURE = "1.004222";
export const COMMUNE = "phuong-an-hoa";

export const pdf = (text = "hồ sơ") =>
  new TextEncoder().encode(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

/** Well-formed values for every field of an eForm, by type. */
export function validForm(eform: EForm): FormValues {
  const values: FormValues = {};
  for (const f of eform.fields) {
    values[f.key] = {
      text: "Nguyễn Văn An",
      textarea: "Số 1 đường Lê Lợi, phường An Hòa",
      date: "1990-05-17",
      number: 2,
      select: f.options?.[0]?.value ?? "",
      checkbox: true,
      citizenId: "001090012345",
      phone: "0912345678",
      email: "an@example.vn",
    }[f.type];
  }
  return values;
}

/** Uploads a file; the answer is the stored file, or T (e.g. ErrorEnvelope) where the caller expects a refusal. */
export async function upload<T = Answer<Api["files"]["$post"]>>(
  session: Session,
  bytes: Uint8Array = pdf(),
  name = "giay-to.pdf",
) {
  const res = await api("/api/files", {
    method: "POST",
    headers: { ...bearer(session), "X-File-Name": encodeURIComponent(name) },
    body: bytes,
  });
  return { status: res.status, body: (await res.json()) as T };
}

export async function procedureDetail(code = PROCEDURE) {
  return (await (await api(`/api/procedures/${code}`)).json()) as Answer<Api["procedures"][":code"]["$get"]>;
}

/**
 * A complete submission body for `session`, with one uploaded file per required document the
 * resident uploads (not the declaration the eForm replaces).
 */
export async function completeBody(session: Session, code = PROCEDURE, receivingUnitId = COMMUNE) {
  const procedure = await procedureDetail(code);
  const documents = [];
  for (const [docIndex, doc] of procedure.documents.entries()) {
    if (!doc.required || doc.replacedByEform) continue;
    const file = await upload(session, pdf(`tài liệu ${docIndex}`));
    documents.push({ docIndex, fileIds: [file.body.id] });
  }
  return {
    procedureCode: code,
    procedureVersion: procedure.version,
    receivingUnitId,
    form: validForm(procedure.eform),
    documents,
    consent: true as const,
  };
}

let keyCounter = 0;
export const newKey = () => `test-key-${Date.now()}-${++keyCounter}-${Math.random().toString(36).slice(2, 10)}`;

export function submit(session: Session, body: unknown, key: string | null = newKey()) {
  return api("/api/dossiers", json("POST", body, { ...bearer(session), ...(key ? { "Idempotency-Key": key } : {}) }));
}

/** The identity a verified fixture resident linked: the values `validForm` gives identity fields. */
export const RESIDENT_CLAIMS: VneidClaims = {
  fullName: "Nguyễn Văn An",
  citizenId: "001090012345",
  birthDate: "1990-05-17",
  sex: "male",
  permanentAddress: "Số 1 đường Lê Lợi, phường An Hòa",
};

/**
 * A resident with its own session, created through the same repository and session code as
 * sign-in; by default with a linked VNeID identity (`claims`), as online filing needs.
 */
export async function resident(id: string, vneidVerified = true, claims: VneidClaims = RESIDENT_CLAIMS): Promise<Session> {
  const user = await upsertUser(db(), "an-hoa", {
    id,
    role: "resident",
    unitId: null,
    displayName: `Cư dân ${id}`,
    vneidVerified,
    vneidClaims: claims,
  });
  return startSession(db(), testEnv(), user);
}
