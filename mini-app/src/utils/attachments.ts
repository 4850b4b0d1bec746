import type { FileItem } from "../services/authed-api";

/** Files attached per document of a procedure, by the document's index. */
export type DocFiles = Record<number, FileItem[]>;

/** The request shape of attached documents: only documents with files, in document order. */
export const toAttachments = (docs: DocFiles) =>
  Object.entries(docs)
    .map(([docIndex, files]) => ({ docIndex: Number(docIndex), fileIds: files.map((f) => f.id) }))
    .filter((d) => d.fileIds.length > 0)
    .sort((a, b) => a.docIndex - b.docIndex);

/** 32 random characters from [0-9a-f]: one per submission attempt, reused when that attempt is retried. */
export function newIdempotencyKey(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
}
