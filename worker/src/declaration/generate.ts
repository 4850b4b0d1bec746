import type { EForm, RequiredDocument } from "../../../shared/src/catalogue/schemas";
import type { Channel } from "../../../shared/src/dossier/channel";
import { type FormValues, formLines } from "../../../shared/src/dossier/eform";
import { safeFileName } from "../../../shared/src/files/files";
import { placeOf } from "../../../shared/src/format/vi";
import type { FileRow } from "../db/repo/files";
import { sha256Hex } from "../lib/crypto";
import { DECLARATION_FONTS } from "./fonts";

const DECLARED_HOW: Record<Channel, string> = {
  online: "Đã khai và nộp trực tuyến",
  counter: "Đã khai tại Bộ phận tiếp nhận và trả kết quả",
  postal: "Đã khai trên hồ sơ gửi qua bưu chính",
};

export type DeclarationSource = {
  procedure: { documents: readonly RequiredDocument[]; eform: EForm };
  /** The eForm as stored (`normaliseForm`). */
  form: FormValues;
  applicant: { id: string; name: string };
  receiving: { name: string; address: string | null };
  channel: Channel;
  at: Date;
};

export type GeneratedDeclarations = {
  /** The file rows, owned by the applicant, to write with the dossier. */
  files: Omit<FileRow, "createdAt">[];
  /** Each generated file under the required document it stands for. */
  documents: { docIndex: number; fileIds: string[] }[];
};

/**
 * The declarations the eForm replaces (`replacedByEform`), one PDF per such document, rendered from
 * the eForm and stored in R2 under the applicant like an upload. The caller writes the returned rows
 * in the submission's batch, and calls `discardDeclarations` if that batch fails.
 */
export async function generateDeclarations(bucket: R2Bucket, src: DeclarationSource): Promise<GeneratedDeclarations> {
  const out: GeneratedDeclarations = { files: [], documents: [] };
  if (!src.procedure.documents.some((d) => d.replacedByEform)) return out;
  // Loaded on first use: pdf-lib and fontkit are most of the bundle, and no other request needs them.
  const { renderDeclaration } = await import("./pdf");
  const lines = formLines(src.procedure.eform, src.form);
  for (const [docIndex, doc] of src.procedure.documents.entries()) {
    if (!doc.replacedByEform) continue;
    const bytes = await renderDeclaration(
      {
        title: doc.name,
        template: doc.template,
        addressee: src.receiving.name,
        place: placeOf(src.receiving),
        at: src.at,
        applicantName: src.applicant.name,
        declaredHow: DECLARED_HOW[src.channel],
        lines,
      },
      DECLARATION_FONTS,
    );
    const id = crypto.randomUUID();
    const sha256 = await sha256Hex(bytes);
    const r2Key = `files/${src.applicant.id}/${id}`;
    await bucket.put(r2Key, bytes, { httpMetadata: { contentType: "application/pdf" }, sha256 });
    out.files.push({
      id,
      ownerId: src.applicant.id,
      r2Key,
      name: safeFileName(doc.name, "application/pdf"),
      mime: "application/pdf",
      size: bytes.length,
      sha256,
      source: "eform",
    });
    out.documents.push({ docIndex, fileIds: [id] });
  }
  return out;
}

/** Removes the stored bytes of declarations whose dossier was not written. */
export async function discardDeclarations(bucket: R2Bucket, generated: GeneratedDeclarations): Promise<void> {
  if (generated.files.length > 0) await bucket.delete(generated.files.map((f) => f.r2Key));
}
