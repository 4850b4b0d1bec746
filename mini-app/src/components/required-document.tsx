import type { RequiredDocument } from "../../../shared/src/catalogue/schemas";
import { EFORM_DECLARATION_NOTE } from "../../../shared/src/dossier/completeness";
import { apiBaseUrl } from "../services/api";

/** What a required document asks beside its file: its blank form, or nothing when the eForm replaces it. */
export function DocumentGuide({ doc }: { doc: RequiredDocument }) {
  if (doc.replacedByEform) return <p className="note">{EFORM_DECLARATION_NOTE}</p>;
  if (!doc.templateFileId) return null;
  return (
    <a href={`${apiBaseUrl}/api/templates/${doc.templateFileId}`} className="text-link" target="_blank" rel="noreferrer">
      Tải mẫu đơn “{doc.name}”
    </a>
  );
}
