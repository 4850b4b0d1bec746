import type { EForm, RequiredDocument } from "../catalogue/schemas";
import { checkForm, type FormValues } from "./eform";

export type DocumentAttachment = { docIndex: number; fileIds: string[] };

export type MissingItem =
  | { kind: "field"; key: string; label: string; message: string }
  | { kind: "document"; docIndex: number; label: string; message: string };

/** Shown where a resident would otherwise attach the declaration the eForm replaces. */
export const EFORM_DECLARATION_NOTE = "Không cần nộp: tờ khai được lập tự động từ thông tin khai trong biểu mẫu điện tử";

/**
 * Everything that still stops a dossier from being submitted: eForm problems and required documents
 * without a file, except those the eForm replaces (generated on submission). Shown before submit and
 * returned by the API on 422.
 */
export function missingItems(
  procedure: { eform: EForm; documents: readonly RequiredDocument[] },
  draft: { form: FormValues; documents: readonly DocumentAttachment[] },
): MissingItem[] {
  const items: MissingItem[] = checkForm(procedure.eform, draft.form).map((issue) => ({ kind: "field", ...issue }));
  const attached = new Set(draft.documents.filter((d) => d.fileIds.length > 0).map((d) => d.docIndex));
  procedure.documents.forEach((doc, docIndex) => {
    if (doc.required && !doc.replacedByEform && !attached.has(docIndex)) {
      items.push({ kind: "document", docIndex, label: doc.name, message: "Chưa đính kèm giấy tờ này" });
    }
  });
  for (const d of draft.documents) {
    if (d.docIndex >= procedure.documents.length) {
      items.push({
        kind: "document",
        docIndex: d.docIndex,
        label: `#${d.docIndex + 1}`,
        message: "Thủ tục không có thành phần hồ sơ này",
      });
    }
  }
  return items;
}
