import { z } from "zod";
import { FileId } from "../files/files";

/**
 * A supplement request checked document by document (Mẫu 02): the officer marks each document
 * đạt / chưa đạt, adds free-text items, and the resident answers each item asked in its own slot.
 * Requests recorded before this existed carry only their lines (`items`) and are answered as before.
 */

const DocIndex = z.number().int().min(0).max(39);
const AskNote = z.string().trim().min(2, { error: "Ghi rõ lý do chưa đạt" }).max(500);

/** The officer's verdict on one document of the procedure's case. */
export const DocumentCheck = z.object({
  docIndex: DocIndex,
  name: z.string(),
  passed: z.boolean(),
  note: z.string().optional(),
});
export type DocumentCheck = z.infer<typeof DocumentCheck>;

/**
 * One item the resident answers: a document to upload again ("document", into that document's
 * place), a correction of what the eForm declared ("form": the declaration is generated from the
 * form, so it is never asked as a file), or a free-text item ("text").
 */
export const SupplementAsk = z.discriminatedUnion("kind", [
  z.object({ id: z.string(), kind: z.literal("document"), docIndex: DocIndex, name: z.string(), note: z.string() }),
  z.object({ id: z.string(), kind: z.literal("form"), docIndex: DocIndex, name: z.string(), note: z.string() }),
  z.object({ id: z.string(), kind: z.literal("text"), text: z.string() }),
]);
export type SupplementAsk = z.infer<typeof SupplementAsk>;

/** The resident's answer to one item: files, and for a correction or free-text item a text instead or as well. */
export const SupplementAnswer = z.strictObject({
  askId: z.string().regex(/^(doc|text)-\d{1,2}$/, { error: "Mục bổ sung không hợp lệ" }),
  fileIds: z.array(FileId).max(10).default([]),
  text: z.string().trim().max(2000).optional(),
});
export type SupplementAnswer = z.infer<typeof SupplementAnswer>;

/** What the officer sends: a verdict per document checked, and free-text items. */
export const CheckInput = z.strictObject({
  docIndex: DocIndex,
  passed: z.boolean(),
  note: z.string().trim().max(500).optional(),
});
export type CheckInput = z.infer<typeof CheckInput>;

/** The documents a request can check: the procedure's case, by index, and whether the eForm carries each. */
export type CheckableDocument = { name: string; replacedByEform?: boolean };

/** How one item reads to the resident, in the notice and on Mẫu 02. */
export function askLabel(ask: SupplementAsk): string {
  switch (ask.kind) {
    case "document":
      return `${ask.name}: ${ask.note}`;
    case "form":
      return `Sửa thông tin tờ khai (${ask.name}): ${ask.note}`;
    case "text":
      return ask.text;
  }
}

/** Whether an item is answered by files only (a document) or by files or text (a correction, a free-text item). */
export const needsFile = (ask: SupplementAsk) => ask.kind === "document";

export type BuiltRequest = { checks: DocumentCheck[]; asks: SupplementAsk[]; items: string[] };

/**
 * The request's items from the officer's verdicts and free-text items: one item per document
 * marked chưa đạt (a form correction for a document the eForm carries) and one per free-text item.
 * Returns the problem to report instead when a verdict names no document, a document is checked
 * twice, a chưa đạt verdict has no note, or nothing is asked at all.
 */
export function buildRequest(
  documents: readonly CheckableDocument[],
  checks: readonly CheckInput[],
  texts: readonly string[],
): BuiltRequest | { path: string; message: string } {
  const seen = new Set<number>();
  const built: DocumentCheck[] = [];
  const asks: SupplementAsk[] = [];
  for (const [i, check] of checks.entries()) {
    const doc = documents[check.docIndex];
    if (!doc) return { path: `checks.${i}.docIndex`, message: "Giấy tờ không thuộc thành phần hồ sơ của thủ tục." };
    if (seen.has(check.docIndex)) return { path: `checks.${i}.docIndex`, message: "Mỗi giấy tờ chỉ đánh giá một lần." };
    seen.add(check.docIndex);
    const note = check.note?.trim() ?? "";
    if (!check.passed && !AskNote.safeParse(note).success)
      return { path: `checks.${i}.note`, message: `Ghi rõ lý do chưa đạt của “${doc.name}”.` };
    built.push({ docIndex: check.docIndex, name: doc.name, passed: check.passed, ...(note ? { note } : {}) });
    if (!check.passed)
      asks.push({
        id: `doc-${check.docIndex}`,
        kind: doc.replacedByEform ? "form" : "document",
        docIndex: check.docIndex,
        name: doc.name,
        note,
      });
  }
  texts.forEach((text, i) => {
    asks.push({ id: `text-${i}`, kind: "text", text });
  });
  if (asks.length === 0) return { path: "items", message: "Liệt kê đầy đủ giấy tờ cần bổ sung" };
  return { checks: built, asks, items: asks.map(askLabel) };
}

/**
 * The answers checked against the items asked: every item answered exactly once (a file for a
 * document; a file or a text for a correction or free-text item), nothing answered that was not
 * asked. Returns the first problem in Vietnamese, or null.
 */
export function checkAnswers(asks: readonly SupplementAsk[], answers: readonly SupplementAnswer[]): string | null {
  const byId = new Map(asks.map((a) => [a.id, a]));
  const answered = new Set<string>();
  for (const answer of answers) {
    if (!byId.has(answer.askId)) return "Có mục trả lời không nằm trong yêu cầu bổ sung.";
    if (answered.has(answer.askId)) return "Mỗi mục yêu cầu bổ sung chỉ trả lời một lần.";
    answered.add(answer.askId);
  }
  for (const ask of asks) {
    const answer = answers.find((a) => a.askId === ask.id);
    const hasFile = (answer?.fileIds.length ?? 0) > 0;
    const hasText = (answer?.text ?? "").length > 0;
    if (needsFile(ask) ? !hasFile : !hasFile && !hasText)
      return needsFile(ask)
        ? `Chưa đính kèm tệp cho mục yêu cầu bổ sung: ${askLabel(ask)}.`
        : `Chưa trả lời mục yêu cầu bổ sung: ${askLabel(ask)}.`;
  }
  return null;
}
