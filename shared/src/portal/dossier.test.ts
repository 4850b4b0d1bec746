import { describe, expect, it } from "vitest";
import type { FeeQuote } from "../catalogue/fees";
import { type PortalEvent, type PortalSource, portalDay, portalDossier, portalTime, sentToPortal } from "./dossier";

const fee: FeeQuote = { channel: "online", amount: 7000, online: 7000, counter: 15000, legalBasis: "TT 75/2022/TT-BTC" };

let nextId = 100;
const ev = (e: Omit<PortalEvent, "id" | "note" | "actorName"> & Partial<PortalEvent>): PortalEvent =>
  ({ id: nextId++, note: null, actorName: e.actorRole === "staff" ? "Trần Thị Bình" : null, ...e }) as PortalEvent;

function source(events: PortalEvent[], over: Partial<PortalSource> = {}): PortalSource {
  return {
    code: "000.21.35.H99-260714-0042",
    procedureCode: "1.004194",
    applicantName: "Nguyễn Văn An",
    channel: "online",
    submittedAt: "2026-07-14T01:02:03.000Z",
    vneidVerified: true,
    fee,
    status: events.at(-1)?.status ?? 1,
    firstHandlingUnitName: "UBND phường An Hòa",
    fileNames: { "f-result": "Giấy xác nhận tạm trú.pdf" },
    events,
    ...over,
  };
}

const submitted = ev({ type: "submitted", data: {}, at: "2026-07-14T01:02:03.000Z", status: 1, actorRole: "resident" });
const accepted = ev({
  type: "accepted",
  data: { dueDate: "2026-07-17" },
  at: "2026-07-14T02:00:00.000Z",
  status: 2,
  actorRole: "staff",
});

describe("dates in the portal's format", () => {
  it("writes an instant as yyyyMMddHHmmss in Vietnam (UTC+7), across the date line", () => {
    expect(portalTime("2026-07-14T01:02:03.000Z")).toBe("20260714080203");
    expect(portalTime("2026-12-31T17:30:00.000Z")).toBe("20270101003000");
  });

  it("writes a due date as the end of that local day", () => {
    expect(portalDay("2026-07-17")).toBe("20260717235959");
  });
});

describe("a dossier in the portal's vocabulary", () => {
  it("names the dossier, procedure, applicant, channel and submission", () => {
    const d = portalDossier(source([submitted]), submitted.id);
    expect(d).toMatchObject({
      MaHoSo: "000.21.35.H99-260714-0042",
      MaTTHC: "1.004194",
      SoBienNhan: "000.21.35.H99-260714-0042",
      ChuHoSo: "Nguyễn Văn An",
      NgayNopHoSo: "20260714080203",
      NgayTiepNhan: null,
      NgayHenTra: null,
      TrangThaiHoSo: "1",
      NgayTra: null,
      HinhThuc: "1",
      DonViXuLy: "UBND phường An Hòa",
      DaXacThucVNeID: true,
    });
    expect(d.QuaTrinhXuLy).toEqual({
      NguoiXuLy: "Nguyễn Văn An",
      ChucDanh: "Người nộp hồ sơ",
      PhongBanXuLy: "UBND phường An Hòa",
      NoiDungXuLy: "Nộp hồ sơ trực tuyến",
      NgayBatDau: "20260714080203",
      NgayKetThucTheoQuyDinh: null,
    });
  });

  it("codes counter and postal filings apart from online ones", () => {
    expect(portalDossier(source([submitted], { channel: "counter" }), submitted.id).HinhThuc).toBe("0");
    expect(portalDossier(source([submitted], { channel: "postal" }), submitted.id).HinhThuc).toBe("2");
  });

  it("is the dossier as it stood after the event sent, not as it stands now", () => {
    const processing = ev({ type: "processing", data: {}, at: "2026-07-14T03:00:00.000Z", status: 4, actorRole: "staff" });
    const src = source([submitted, accepted, processing]);
    expect(portalDossier(src, submitted.id)).toMatchObject({ TrangThaiHoSo: "1", NgayTiepNhan: null, NgayHenTra: null });
    expect(portalDossier(src, accepted.id)).toMatchObject({
      TrangThaiHoSo: "2",
      NgayTiepNhan: "20260714090000",
      NgayHenTra: "20260717235959",
    });
    expect(portalDossier(src, accepted.id).QuaTrinhXuLy).toMatchObject({
      NguoiXuLy: "Trần Thị Bình",
      ChucDanh: "Cán bộ",
      NoiDungXuLy: "Cán bộ đã tiếp nhận hồ sơ. Ngày hẹn trả kết quả: 17/07/2026",
      NgayKetThucTheoQuyDinh: "20260717235959",
    });
    expect(portalDossier(src, processing.id).TrangThaiHoSo).toBe("4");
  });

  it("maps every status code to the portal's code of the same number", () => {
    for (const status of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
      const e = ev({ type: "processing", data: {}, at: "2026-07-15T03:00:00.000Z", status, actorRole: "staff" });
      expect(portalDossier(source([submitted, e]), e.id).TrangThaiHoSo).toBe(String(status));
    }
  });

  it("takes the current status for an event written before events carried one", () => {
    const old = ev({ type: "processing", data: {}, at: "2026-07-15T03:00:00.000Z", status: 0, actorRole: "staff" });
    expect(portalDossier(source([submitted, old], { status: 4 }), old.id).TrangThaiHoSo).toBe("4");
  });

  it("lists the quoted fee and a requested one, unpaid until confirmed, then how they were paid", () => {
    const requested = ev({
      type: "payment_requested",
      data: { amount: 50000, legalBasis: "NQ 09/2025/NQ-HĐND" },
      at: "2026-07-15T03:00:00.000Z",
      status: 6,
      actorRole: "staff",
    });
    const online = ev({
      type: "payment_confirmed",
      data: { gateway: "payment-gateway", transactionId: "t1", amount: 50000 },
      at: "2026-07-15T04:00:00.000Z",
      status: 4,
      actorRole: "system",
    });
    const src = source([submitted, accepted, requested, online]);
    expect(portalDossier(src, requested.id).DanhSachLePhi).toEqual([
      {
        TenPhiLePhi: "Phí, lệ phí (TT 75/2022/TT-BTC)",
        MaPhiLePhi: "1.004194",
        HinhThucThu: "Chưa thu",
        Gia: 7000,
        LoaiPhiLePhi: "1",
      },
      {
        TenPhiLePhi: "Phí, lệ phí (NQ 09/2025/NQ-HĐND)",
        MaPhiLePhi: "1.004194",
        HinhThucThu: "Chưa thu",
        Gia: 50000,
        LoaiPhiLePhi: "2",
      },
    ]);
    const paid = portalDossier(src, online.id);
    expect(paid.DanhSachLePhi.map((f) => f.HinhThucThu)).toEqual(["Trực tuyến", "Trực tuyến"]);
    expect(paid.QuaTrinhXuLy).toMatchObject({ NguoiXuLy: "Hệ thống", ChucDanh: "Hệ thống" });

    const atCounter = ev({ type: "payment_confirmed", data: {}, at: "2026-07-15T04:00:00.000Z", status: 4, actorRole: "staff" });
    expect(portalDossier(source([submitted, accepted, requested, atCounter]), atCounter.id).DanhSachLePhi[0]!.HinhThucThu).toBe(
      "Trực tiếp",
    );
    expect(portalDossier(source([submitted], { fee: { ...fee, amount: 0 } }), submitted.id).DanhSachLePhi).toEqual([]);
  });

  it("lists each supplement with its request, deadline, answer and the due date before and after", () => {
    const asked = ev({
      type: "supplement_requested",
      data: { items: ["Bản sao CCCD", "Giấy xác nhận nơi ở"], replyBy: "2026-07-20" },
      at: "2026-07-15T03:00:00.000Z",
      status: 5,
      actorRole: "staff",
    });
    const answered = ev({
      type: "supplement_submitted",
      data: { fileIds: ["f1"], dueDate: "2026-07-21", pausedDays: 2 },
      at: "2026-07-17T03:00:00.000Z",
      status: 4,
      actorRole: "resident",
    });
    const src = source([submitted, accepted, asked, answered]);
    expect(portalDossier(src, asked.id).DanhSachHoSoBoSung).toEqual([
      {
        NoiDungBoSung: "Bản sao CCCD; Giấy xác nhận nơi ở",
        NgayYeuCau: "20260715100000",
        HanBoSung: "20260720235959",
        NgayBoSung: null,
        NgayHenTraTruoc: "20260717235959",
        NgayHenTraMoi: null,
      },
    ]);
    const after = portalDossier(src, answered.id);
    expect(after.DanhSachHoSoBoSung[0]).toMatchObject({ NgayBoSung: "20260717100000", NgayHenTraMoi: "20260721235959" });
    expect(after).toMatchObject({ NgayHenTra: "20260721235959", TrangThaiHoSo: "4" });
  });

  it("moves the promised date with an apology, and the handling unit with a transfer", () => {
    const apology = ev({
      type: "apologised",
      data: { newDate: "2026-07-24" },
      at: "2026-07-16T03:00:00.000Z",
      status: 4,
      actorRole: "staff",
    });
    const transfer = ev({
      type: "transferred",
      data: { fromUnitId: "phuong-an-hoa", toUnitId: "so-tu-phap", toUnitName: "Sở Tư pháp" },
      at: "2026-07-16T04:00:00.000Z",
      status: 4,
      actorRole: "staff",
    });
    const src = source([submitted, accepted, apology, transfer]);
    expect(portalDossier(src, accepted.id).DonViXuLy).toBe("UBND phường An Hòa");
    expect(portalDossier(src, apology.id).NgayHenTra).toBe("20260724235959");
    expect(portalDossier(src, transfer.id)).toMatchObject({
      DonViXuLy: "Sở Tư pháp",
      QuaTrinhXuLy: { PhongBanXuLy: "Sở Tư pháp" },
    });
  });

  it("lists the result documents once finished and the handover time once returned", () => {
    const finished = ev({
      type: "finished",
      data: { fileIds: ["f-result"] },
      at: "2026-07-17T03:00:00.000Z",
      status: 9,
      actorRole: "staff",
    });
    const returned = ev({
      type: "returned",
      data: { returnChannel: "counter" },
      at: "2026-07-17T09:15:00.000Z",
      status: 10,
      actorRole: "staff",
    });
    const src = source([submitted, accepted, finished, returned]);
    expect(portalDossier(src, accepted.id).DanhSachGiayToKetQua).toEqual([]);
    expect(portalDossier(src, finished.id)).toMatchObject({
      DanhSachGiayToKetQua: [{ MaGiayTo: "f-result", TenGiayTo: "Giấy xác nhận tạm trú.pdf" }],
      NgayTra: null,
      TrangThaiHoSo: "9",
    });
    expect(portalDossier(src, returned.id)).toMatchObject({ NgayTra: "20260717161500", TrangThaiHoSo: "10" });
  });

  it("sends processing steps, not staff-only notes or messages to the resident", () => {
    expect(sentToPortal("accepted")).toBe(true);
    expect(sentToPortal("internal_note")).toBe(false);
    expect(sentToPortal("message")).toBe(false);
  });

  it("refuses an event that is not the dossier's", () => {
    expect(() => portalDossier(source([submitted]), 1)).toThrow();
  });
});
