import { describe, expect, it } from "vitest";
import { parseEventPayload } from "./events";
import { askLabel, buildRequest, checkAnswers, type SupplementAsk } from "./supplement";

const DOCS = [
  { name: "Tờ khai thay đổi thông tin cư trú (CT01)", replacedByEform: true },
  { name: "Giấy tờ chứng minh chỗ ở hợp pháp" },
  { name: "Văn bản đồng ý của chủ hộ" },
];
const FILE = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("buildRequest", () => {
  it("asks one item per document chưa đạt and one per free-text item, and keeps every verdict", () => {
    const built = buildRequest(
      DOCS,
      [
        { docIndex: 1, passed: false, note: "Ảnh mờ, chụp lại rõ nét" },
        { docIndex: 2, passed: true },
      ],
      ["Bản sao sổ hộ khẩu cũ"],
    );
    if ("message" in built) throw new Error(built.message);
    expect(built.asks).toEqual([
      { id: "doc-1", kind: "document", docIndex: 1, name: DOCS[1]!.name, note: "Ảnh mờ, chụp lại rõ nét" },
      { id: "text-0", kind: "text", text: "Bản sao sổ hộ khẩu cũ" },
    ]);
    expect(built.items).toEqual(["Giấy tờ chứng minh chỗ ở hợp pháp: Ảnh mờ, chụp lại rõ nét", "Bản sao sổ hộ khẩu cũ"]);
    expect(built.checks.map((c) => [c.docIndex, c.passed])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it("asks a correction of the form, never a file, for a document the eForm carries", () => {
    const built = buildRequest(DOCS, [{ docIndex: 0, passed: false, note: "Sai ngày sinh" }], []);
    if ("message" in built) throw new Error(built.message);
    expect(built.asks[0]).toMatchObject({ kind: "form", docIndex: 0 });
    expect(built.items[0]).toBe("Sửa thông tin tờ khai (Tờ khai thay đổi thông tin cư trú (CT01)): Sai ngày sinh");
  });

  it("refuses a chưa đạt without a note, an unknown or repeated document, and a request that asks nothing", () => {
    expect(buildRequest(DOCS, [{ docIndex: 1, passed: false }], [])).toMatchObject({ path: "checks.0.note" });
    expect(buildRequest(DOCS, [{ docIndex: 7, passed: false, note: "Thiếu" }], [])).toMatchObject({ path: "checks.0.docIndex" });
    expect(
      buildRequest(
        DOCS,
        [
          { docIndex: 1, passed: true },
          { docIndex: 1, passed: false, note: "Thiếu trang" },
        ],
        [],
      ),
    ).toMatchObject({ path: "checks.1.docIndex" });
    expect(buildRequest(DOCS, [{ docIndex: 1, passed: true }], [])).toEqual({
      path: "items",
      message: "Liệt kê đầy đủ giấy tờ cần bổ sung",
    });
  });
});

describe("checkAnswers", () => {
  const asks: SupplementAsk[] = [
    { id: "doc-1", kind: "document", docIndex: 1, name: "Giấy tờ chứng minh chỗ ở hợp pháp", note: "Ảnh mờ" },
    { id: "doc-0", kind: "form", docIndex: 0, name: "Tờ khai", note: "Sai ngày sinh" },
    { id: "text-0", kind: "text", text: "Bản sao sổ hộ khẩu cũ" },
  ];

  it("accepts every item answered: a file for a document, a file or a text for the others", () => {
    expect(
      checkAnswers(asks, [file("doc-1"), { askId: "doc-0", fileIds: [], text: "Ngày sinh đúng là 01/02/1990" }, file("text-0")]),
    ).toBeNull();
  });

  it("refuses a missing item, a document answered only in words, an unasked or repeated item", () => {
    expect(checkAnswers(asks, [file("doc-1"), file("doc-0")])).toBe("Chưa trả lời mục yêu cầu bổ sung: Bản sao sổ hộ khẩu cũ.");
    expect(checkAnswers(asks, [{ askId: "doc-1", fileIds: [], text: "Đã nộp" }, file("doc-0"), file("text-0")])).toBe(
      "Chưa đính kèm tệp cho mục yêu cầu bổ sung: Giấy tờ chứng minh chỗ ở hợp pháp: Ảnh mờ.",
    );
    expect(checkAnswers(asks, [file("doc-1"), file("doc-0"), file("text-0"), file("text-1")])).toBe(
      "Có mục trả lời không nằm trong yêu cầu bổ sung.",
    );
    expect(checkAnswers(asks, [file("doc-1"), file("doc-1"), file("doc-0"), file("text-0")])).toBe(
      "Mỗi mục yêu cầu bổ sung chỉ trả lời một lần.",
    );
  });

  it("labels each item as the resident reads it", () => {
    expect(asks.map(askLabel)).toEqual([
      "Giấy tờ chứng minh chỗ ở hợp pháp: Ảnh mờ",
      "Sửa thông tin tờ khai (Tờ khai): Sai ngày sinh",
      "Bản sao sổ hộ khẩu cũ",
    ]);
  });
});

describe("stored supplement events", () => {
  it("reads a request and an answer recorded before items existed", () => {
    const request = parseEventPayload("supplement_requested", { items: ["Hợp đồng thuê nhà"], replyBy: "2026-03-05" });
    expect(request.type === "supplement_requested" && request.data.asks).toBeUndefined();
    const answer = parseEventPayload("supplement_submitted", { fileIds: [FILE] });
    expect(answer.type === "supplement_submitted" && answer.data.answers).toBeUndefined();
  });

  it("reads the verdicts, the items asked and the answers of a checked request", () => {
    const built = buildRequest(DOCS, [{ docIndex: 1, passed: false, note: "Ảnh mờ" }], []);
    const request = parseEventPayload("supplement_requested", built);
    expect(request.type === "supplement_requested" && request.data.asks?.[0]?.id).toBe("doc-1");
    const answer = parseEventPayload("supplement_submitted", { fileIds: [FILE], answers: [file("doc-1")] });
    expect(answer.type === "supplement_submitted" && answer.data.answers).toEqual([{ askId: "doc-1", fileIds: [FILE] }]);
  });
});

function file(askId: string) {
  return { askId, fileIds: [FILE] };
}
