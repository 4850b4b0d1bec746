import { describe, expect, it } from "vitest";
import type { EForm, RequiredDocument } from "../catalogue/schemas";
import { missingItems } from "./completeness";
import { checkForm, normaliseForm } from "./eform";

const eform: EForm = {
  fields: [
    { key: "fullName", label: "Họ và tên", type: "text", required: true, maxLength: 10 },
    { key: "citizenId", label: "Số định danh", type: "citizenId", required: true },
    { key: "birthDate", label: "Ngày sinh", type: "date", required: true },
    { key: "phone", label: "Điện thoại", type: "phone", required: false },
    { key: "copies", label: "Số bản", type: "number", required: false },
    { key: "purpose", label: "Mục đích", type: "select", required: true, options: [{ value: "work", label: "Xin việc" }] },
    { key: "agree", label: "Cam đoan", type: "checkbox", required: true },
  ],
};
const valid = { fullName: "Lê Văn A", citizenId: "001203004567", birthDate: "1990-02-28", purpose: "work", agree: true };

describe("checkForm", () => {
  it("accepts a complete, well-formed form", () => {
    expect(checkForm(eform, valid)).toEqual([]);
    expect(checkForm(eform, { ...valid, phone: "0912 345 678", copies: "2" })).toEqual([]);
  });

  it("names every problem in Vietnamese", () => {
    const issues = checkForm(eform, {
      fullName: "Nguyễn Thị Minh Khai",
      citizenId: "12345",
      birthDate: "2023-02-30",
      phone: "12345",
      copies: "hai",
      purpose: "other",
      agree: false,
      extra: "x",
    });
    expect(Object.fromEntries(issues.map((i) => [i.key, i.message]))).toEqual({
      fullName: "Tối đa 10 ký tự",
      citizenId: "Số định danh cá nhân gồm 12 chữ số",
      birthDate: "Ngày không hợp lệ",
      phone: "Số điện thoại không hợp lệ",
      copies: "Vui lòng nhập một số",
      purpose: "Vui lòng chọn một giá trị trong danh sách",
      agree: "Vui lòng nhập thông tin này",
      extra: "Biểu mẫu không có trường này",
    });
  });

  it("treats blank required text as missing", () => {
    expect(checkForm(eform, { ...valid, fullName: "   " })).toEqual([
      { key: "fullName", label: "Họ và tên", message: "Vui lòng nhập thông tin này" },
    ]);
  });

  it("normalises what it stores", () => {
    expect(normaliseForm(eform, { ...valid, fullName: "  Lê Văn A ", copies: "3", phone: "" })).toEqual({ ...valid, copies: 3 });
  });
});

describe("missingItems", () => {
  const documents: RequiredDocument[] = [
    { name: "Tờ khai", form: "original", count: 1, required: true },
    { name: "Giấy ủy quyền", form: "copy", count: 1, required: false },
  ];

  it("lists unfilled fields and required documents without files", () => {
    const items = missingItems(
      { eform, documents },
      { form: { ...valid, citizenId: "" }, documents: [{ docIndex: 1, fileIds: ["f1"] }] },
    );
    expect(items.map((i) => (i.kind === "field" ? i.key : i.docIndex))).toEqual(["citizenId", 0]);
  });

  it("is empty when the dossier is complete", () => {
    expect(missingItems({ eform, documents }, { form: valid, documents: [{ docIndex: 0, fileIds: ["f1"] }] })).toEqual([]);
  });

  it("rejects attachments to documents the procedure does not have", () => {
    const items = missingItems(
      { eform, documents },
      {
        form: valid,
        documents: [
          { docIndex: 0, fileIds: ["f"] },
          { docIndex: 5, fileIds: ["f"] },
        ],
      },
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "document", docIndex: 5 });
  });

  it("never asks for the declaration the eForm replaces, but still for the other required documents", () => {
    const flagged: RequiredDocument[] = [
      { ...documents[0]!, replacedByEform: true },
      { name: "Giấy chứng sinh", form: "original", count: 1, required: true },
    ];
    const items = missingItems({ eform, documents: flagged }, { form: valid, documents: [] });
    expect(items).toEqual([{ kind: "document", docIndex: 1, label: "Giấy chứng sinh", message: "Chưa đính kèm giấy tờ này" }]);
    expect(missingItems({ eform, documents: flagged }, { form: valid, documents: [{ docIndex: 1, fileIds: ["f"] }] })).toEqual(
      [],
    );
  });
});
