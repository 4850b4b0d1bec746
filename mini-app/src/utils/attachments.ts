import type { FileItem } from "../services/authed-api";

/** Files attached per document of a procedure, by the document's index. */
export type DocFiles = Record<number, FileItem[]>;

/** The request shape of attached documents: only documents with files, in document order. */
export const toAttachments = (docs: DocFiles) =>
  Object.entries(docs)
    .map(([docIndex, files]) => ({ docIndex: Number(docIndex), fileIds: files.map((f) => f.id) }))
    .filter((d) => d.fileIds.length > 0)
    .sort((a, b) => a.docIndex - b.docIndex);

/** `docs` with `file` attached to document `docIndex`, once (attached again, it moves to the end). */
export const withFile = (docs: DocFiles, docIndex: number, file: FileItem): DocFiles => ({
  ...docs,
  [docIndex]: [...(docs[docIndex] ?? []).filter((f) => f.id !== file.id), file],
});

/** `docs` without file `id` on document `docIndex`. */
export const withoutFile = (docs: DocFiles, docIndex: number, id: string): DocFiles => ({
  ...docs,
  [docIndex]: (docs[docIndex] ?? []).filter((f) => f.id !== id),
});
