import { describe, expect, it } from "vitest";
import type { ProcedureDraftBody } from "../admin/procedures";
import { diffVersions } from "./diff";
import { type PublishContext, publishProblems } from "./publishing";

const ready: ProcedureDraftBody = {
  name: "Cấp hộ chiếu phổ thông",
  summary: "Cấp hộ chiếu lần đầu trong nước.",
  fieldId: "xuat-nhap-canh",
  unitLevel: "province",
  competentUnitId: "cong-an-tinh",
  agency: "Công an tỉnh",
  serviceLevel: "toan_trinh",
  cases: [
    {
      id: "lan-dau",
      name: "Cấp lần đầu",
      channels: [
        { channel: "online", processingTime: { unit: "working_day", value: 8 }, fee: 180_000 },
        { channel: "counter", processingTime: { unit: "working_day", value: 8 }, fee: 200_000 },
      ],
      documents: [
        {
          name: "Tờ khai TK01",
          form: "original",
          count: 1,
          required: true,
          templateFileId: "11111111-1111-4111-8111-111111111111",
        },
      ],
    },
  ],
  decisions: [
    { number: "2546/QĐ-BCA", title: "Công bố thủ tục xuất nhập cảnh", issuedOn: "2024-04-01", effectiveFrom: "2024-05-01" },
  ],
  result: "Hộ chiếu phổ thông",
  requirements: "",
  eform: {
    fields: [
      { key: "hoTen", label: "Họ và tên", type: "text", required: true },
      { key: "loai", label: "Loại hộ chiếu", type: "select", required: true, options: [{ value: "thuong", label: "Thường" }] },
    ],
  },
  onlineOnly: false,
  essential: true,
  resultDelivery: ["counter", "postal"],
  aliases: ["làm passport"],
  requiresVneid: true,
  externalSystem: null,
  feeTerms: { legalBasis: "TT 25/2021/TT-BTC" },
};

const ctx: PublishContext = {
  fieldIds: new Set(["xuat-nhap-canh"]),
  unitKinds: new Map([
    ["cong-an-tinh", "department"],
    ["phuong-an-hoa", "commune"],
  ]),
  templateIds: new Set(["11111111-1111-4111-8111-111111111111"]),
};

describe("publishing rules", () => {
  it("find nothing wrong with a complete version", () => {
    expect(publishProblems(ready, ctx)).toEqual([]);
  });

  it("list every problem of a broken version, each with its path", () => {
    const broken: ProcedureDraftBody = {
      ...ready,
      fieldId: "khong-co",
      competentUnitId: "phuong-an-hoa",
      onlineOnly: true,
      cases: [
        { id: "a", name: "A", channels: [], documents: [] },
        {
          id: "a",
          name: "B",
          channels: [
            { channel: "counter", processingTime: { unit: "same_day" }, fee: 0 },
            { channel: "counter", processingTime: { unit: "same_day" }, fee: 0 },
          ],
          documents: [
            {
              name: "Tờ khai",
              form: "original",
              count: 1,
              required: true,
              templateFileId: "22222222-2222-4222-8222-222222222222",
            },
          ],
        },
      ],
      decisions: [
        { number: "1/QĐ", title: "Một", issuedOn: "2025-02-01", effectiveFrom: "2025-01-01" },
        { number: "1/QĐ", title: "Một lần nữa", issuedOn: "2025-02-01" },
      ],
      eform: {
        fields: [
          { key: "x", label: "X", type: "select", required: true, options: [] },
          {
            key: "x",
            label: "X2",
            type: "select",
            required: false,
            options: [
              { value: "a", label: "A" },
              { value: "a", label: "A" },
            ],
          },
        ],
      },
    };
    expect(publishProblems(broken, ctx).map((p) => p.path)).toEqual([
      "fieldId",
      "competentUnitId",
      "cases",
      "cases.0.channels",
      "cases.0.channels",
      "cases.1.channels",
      "cases.1.channels",
      "cases.1.documents.0.templateFileId",
      "serviceLevel",
      "decisions",
      "decisions.0.effectiveFrom",
      "eform.fields",
      "eform.fields.0.options",
      "eform.fields.1.options",
    ]);
  });

  it("need the fee's legal basis only when something is charged, and no department for a commune-level procedure", () => {
    const free = { ...ready, feeTerms: { legalBasis: "" } };
    expect(publishProblems(free, ctx).map((p) => p.path)).toEqual(["feeTerms.legalBasis"]);
    const allFree = { ...free, cases: ready.cases.map((c) => ({ ...c, channels: c.channels.map((ch) => ({ ...ch, fee: 0 })) })) };
    expect(publishProblems(allFree, ctx)).toEqual([]);
    expect(publishProblems({ ...ready, unitLevel: "commune" }, ctx).map((p) => p.message)).toEqual([
      "Thủ tục cấp xã không ghi sở, ngành có thẩm quyền",
    ]);
  });
});

describe("the declaration the eForm replaces", () => {
  const flagged = (v: ProcedureDraftBody): ProcedureDraftBody => ({
    ...v,
    cases: v.cases.map((c) => ({ ...c, documents: c.documents.map((d, j) => (j === 0 ? { ...d, replacedByEform: true } : d)) })),
  });

  it("publishes when the eForm has fields to generate it from, and refuses an empty eForm", () => {
    expect(publishProblems(flagged(ready), ctx)).toEqual([]);
    expect(publishProblems(flagged({ ...ready, eform: { fields: [] } }), ctx)).toEqual([
      {
        path: "cases.0.documents.0.replacedByEform",
        message: 'Trường hợp “Cấp lần đầu”: "Tờ khai TK01" được lập từ biểu mẫu điện tử nhưng biểu mẫu chưa có trường nào',
      },
    ]);
  });

  it("shows in the difference between versions, both ways", () => {
    const before = "Tờ khai TK01: Bản chính · 1 bản · Bắt buộc · có mẫu đơn";
    const after = `${before} · lập từ biểu mẫu điện tử`;
    const change = { path: "cases.lan-dau.documents", label: "Trường hợp “Cấp lần đầu”: thành phần hồ sơ" };
    expect(diffVersions(ready, flagged(ready))).toEqual([{ ...change, before, after }]);
    expect(diffVersions(flagged(ready), ready)).toEqual([{ ...change, before: after, after: before }]);
  });
});

describe("the difference between versions", () => {
  it("is empty between a version and itself", () => {
    expect(diffVersions(ready, structuredClone(ready))).toEqual([]);
  });

  it("names added and removed cases, channels, decisions and form fields in Vietnamese", () => {
    const next: ProcedureDraftBody = {
      ...ready,
      onlineOnly: true,
      cases: [
        { ...ready.cases[0]!, channels: ready.cases[0]!.channels.filter((c) => c.channel === "online") },
        {
          id: "mat",
          name: "Cấp lại do bị mất",
          channels: [{ channel: "counter", processingTime: { unit: "working_day", value: 15 }, fee: 400_000 }],
          documents: [],
        },
      ],
      decisions: [],
      eform: { fields: [ready.eform.fields[0]!] },
      feeTerms: { ...ready.feeTerms, onlineUntil: "2026-12-31" },
    };
    expect(diffVersions(ready, next)).toEqual([
      { path: "onlineOnly", label: "Chỉ nộp trực tuyến", before: "Không", after: "Có" },
      { path: "feeTerms.onlineUntil", label: "Mức phí trực tuyến áp dụng đến", before: null, after: "31/12/2026" },
      {
        path: "cases.lan-dau.channels.counter",
        label: "Trường hợp “Cấp lần đầu”: Tại quầy",
        before: "8 ngày làm việc, 200.000\u00a0đ",
        after: null,
      },
      {
        path: "cases.mat",
        label: "Trường hợp “Cấp lại do bị mất”",
        before: null,
        after: "Cấp lại do bị mất: Tại quầy 15 ngày làm việc, 400.000\u00a0đ",
      },
      {
        path: "decisions.2546/QĐ-BCA",
        label: "Căn cứ pháp lý 2546/QĐ-BCA",
        before: "2546/QĐ-BCA: Công bố thủ tục xuất nhập cảnh, ban hành 01/04/2024, hiệu lực từ 01/05/2024",
        after: null,
      },
      {
        path: "eform.fields.loai",
        label: "Biểu mẫu: trường “Loại hộ chiếu”",
        before: "Loại hộ chiếu (select, bắt buộc: Thường)",
        after: null,
      },
    ]);
  });
});
