import { describe, expect, it } from "vitest";
import { type CatalogueVersion, fromNational, type NationalProcedure, toNational } from "./national";

const context = {
  fields: [{ id: "ho-tich", name: "Hộ tịch" }],
  departments: [{ id: "so-tu-phap", name: "Sở Tư pháp" }],
  today: "2026-12-02",
};

/** A version using every part of the model: two cases, three channels, every kind of paper, dated decisions. */
const version: CatalogueVersion = {
  code: "2.000123.000.00.00.H99",
  version: 3,
  status: "published",
  effectiveFrom: "2025-07-01",
  name: "Cấp phiếu lý lịch tư pháp",
  summary: "Cho công dân Việt Nam và người nước ngoài.",
  fieldId: "ho-tich",
  unitLevel: "province",
  competentUnitId: "so-tu-phap",
  agency: "Sở Tư pháp",
  serviceLevel: "toan_trinh",
  cases: [
    {
      id: "cong-dan",
      name: "Công dân Việt Nam",
      channels: [
        {
          channel: "online",
          processingTime: { unit: "working_day", value: 10 },
          fee: 100_000,
          feeNote: "Giảm 50% khi nộp trực tuyến",
        },
        {
          channel: "counter",
          processingTime: { unit: "working_day", value: 10, note: "15 ngày nếu cần xác minh" },
          fee: 200_000,
        },
        { channel: "postal", processingTime: { unit: "day", value: 12 }, fee: 200_000 },
      ],
      documents: [
        {
          name: "Tờ khai yêu cầu cấp phiếu",
          form: "original",
          count: 1,
          required: true,
          template: "Mẫu 03/2013/TT-LLTP",
          replacedByEform: true,
        },
        { name: "Bản chụp căn cước", form: "certified_copy", count: 2, required: false, note: "Nếu không dùng VNeID" },
      ],
    },
    {
      id: "khan",
      name: "Trường hợp khẩn",
      channels: [{ channel: "counter", processingTime: { unit: "same_day" }, fee: 0 }],
      documents: [{ name: "Giấy tờ chứng minh", form: "original_or_copy", count: 3, required: true }],
    },
  ],
  decisions: [
    { number: "13/2011/TT-BTP", title: "Thông tư ban hành biểu mẫu", issuedOn: "2011-06-27", effectiveFrom: "2011-08-10" },
    { number: "244/2016/TT-BTC", title: "Thông tư quy định phí", issuedOn: "2016-11-11" },
  ],
  result: "Phiếu lý lịch tư pháp",
  requirements: "Người yêu cầu từ đủ 14 tuổi.",
  eform: { fields: [{ key: "fullName", label: "Họ và tên", type: "text", required: true }] },
  onlineOnly: false,
  essential: true,
  resultDelivery: ["online", "postal"],
  aliases: ["giấy không tiền án"],
  requiresVneid: true,
  externalSystem: null,
  feeTerms: { legalBasis: "Thông tư 244/2016/TT-BTC", onlineUntil: "2026-12-31" },
  popularity: 42,
};

const national = (v = version) => JSON.parse(JSON.stringify(toNational(v, "Hộ tịch"))) as NationalProcedure;
const problemsOf = (record: unknown) => {
  const mapped = fromNational(record, context);
  if (mapped.ok) throw new Error("expected problems");
  return mapped.problems;
};

describe("the national procedure shape", () => {
  it("writes the national vocabulary: channel labels, time units, fees per case × channel, papers per case", () => {
    const n = national();
    expect(n.LINHVUCTHUCHIEN).toEqual({ MALINHVUC: "ho-tich", TENLINHVUC: "Hộ tịch" });
    expect(n.CACHTHUCTHUCHIEN.map((k) => k.KENH)).toEqual(["Trực tuyến", "Trực tiếp", "Nộp qua bưu chính công ích"]);
    expect(n.CACHTHUCTHUCHIEN[1]!.THOIGIAN).toEqual([
      expect.objectContaining({
        TRUONGHOP: "Công dân Việt Nam",
        THOIGIANGIAIQUYET: 10,
        DONVITINH: "Ngày làm việc",
        MOTA: "15 ngày nếu cần xác minh",
      }),
      expect.objectContaining({ TRUONGHOP: "Trường hợp khẩn", THOIGIANGIAIQUYET: 0, DONVITINH: "Trong ngày" }),
    ]);
    expect(n.CACHTHUCTHUCHIEN[0]!.THOIGIAN[0]!.PHILEPHI).toEqual([
      { SOTIEN: 100_000, DONVI: "Đồng", MOTA: "Giảm 50% khi nộp trực tuyến" },
    ]);
    expect(n.THANHPHANHOSO[0]!.GIAYTO[0]!.MOTCUA).toMatchObject({ replacedByEform: true });
    expect(n.THANHPHANHOSO[0]!.GIAYTO[1]!.MOTCUA).not.toHaveProperty("replacedByEform");
    expect(n.THANHPHANHOSO[0]!.GIAYTO[1]).toMatchObject({ TENGIAYTO: "Bản chụp căn cước", SOBANCHINH: 0, SOBANSAO: 2 });
    expect(n.CANCUPHAPLY![0]).toMatchObject({ SOVANBAN: "13/2011/TT-BTP", NGAYBANHANH: "27/06/2011" });
    expect(n.COQUANTHUCHIEN).toEqual([{ TENDONVI: "Sở Tư pháp" }]);
    expect(n.KETQUATHUCHIEN).toEqual([{ MAKETQUA: "1", TENKETQUA: "Phiếu lý lịch tư pháp" }]);
  });

  it("reads back exactly what it wrote", () => {
    expect(fromNational(national(), context)).toEqual({ ok: true, version });
  });

  it("reports, by path, every label, unit, lĩnh vực, key and case it cannot map", () => {
    const n = national();
    n.CACHTHUCTHUCHIEN[0]!.KENH = "Qua Zalo";
    n.CACHTHUCTHUCHIEN[1]!.THOIGIAN[0]!.DONVITINH = "Tuần";
    delete n.CACHTHUCTHUCHIEN[2]!.THOIGIAN[0]!.TRUONGHOP;
    n.LINHVUCTHUCHIEN = { MALINHVUC: "khong-co", TENLINHVUC: "Không có" };
    n.TRINHTUTHUCHIEN = [{ TRUONGHOP: "Công dân Việt Nam", TRINHTU: [{ TENTRINHTU: "Bước 1" }] }];
    n.CANCUPHAPLY![1]!.NGAYBANHANH = "2016";
    const paths = problemsOf(n).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "CACHTHUCTHUCHIEN.0.KENH",
        "CACHTHUCTHUCHIEN.1.THOIGIAN.0.DONVITINH",
        "CACHTHUCTHUCHIEN.2.THOIGIAN.0.TRUONGHOP",
        "LINHVUCTHUCHIEN",
        "TRINHTUTHUCHIEN.0.TRINHTU",
        "CANCUPHAPLY.1.NGAYBANHANH",
      ]),
    );
    expect(problemsOf({ ...national(), MOTADOITUONGTHUCHIEN: "Công dân" })).toEqual([expect.objectContaining({ path: "" })]);
    expect(problemsOf({ ...national(), MOTADOITUONGTHUCHIEN: "Công dân" })[0]!.message).toContain("MOTADOITUONGTHUCHIEN");
  });

  it("gives a record from elsewhere (no MOTCUA) our defaults, its agency's department and a draft status", () => {
    const { MOTCUA: _, ...plain } = national();
    const mapped = fromNational(plain, context);
    expect(mapped.ok && mapped.version).toMatchObject({
      status: "draft",
      version: 1,
      effectiveFrom: "2026-12-02",
      unitLevel: "province",
      competentUnitId: "so-tu-phap",
      resultDelivery: ["online", "counter", "postal"],
      eform: { fields: [] },
    });
    expect(mapped.ok && mapped.version.cases.map((c) => c.id)).toEqual(["truong-hop-1", "truong-hop-2"]);
    expect(mapped.ok && mapped.version.cases[0]!.documents[1]).toMatchObject({
      form: "certified_copy",
      count: 2,
      required: false,
    });
  });
});
