import type { FeeQuote } from "../catalogue/fees";
import type { Channel } from "../dossier/channel";
import { type ActorRole, actorLabel, type EventPayload, type EventType, eventDetails, eventTitle } from "../dossier/events";
import type { DossierStatus } from "../dossier/status";
import { vietnamDateTime } from "../time/vietnam";

/**
 * A dossier in the national portal's vocabulary (DVCQG `DongBoHoSoMC`, INTEGRATIONS §4), as it
 * stood after one of its events. Each event is sent as the whole dossier at that point plus the
 * processing step the event was (`QuaTrinhXuLy`), so a repeat carries the same content and the
 * portal's copy never goes back in time. Codes the public documents do not fix (HinhThuc,
 * LoaiPhiLePhi) are ours and listed in the README; the province confirms them with the portal.
 */
export type PortalDossier = {
  MaHoSo: string;
  MaTTHC: string;
  SoBienNhan: string;
  ChuHoSo: string;
  NgayNopHoSo: string;
  NgayTiepNhan: string | null;
  NgayHenTra: string | null;
  TrangThaiHoSo: string;
  NgayTra: string | null;
  HinhThuc: string;
  DonViXuLy: string;
  DaXacThucVNeID: boolean;
  DanhSachLePhi: PortalFee[];
  DanhSachHoSoBoSung: PortalSupplement[];
  DanhSachGiayToKetQua: { MaGiayTo: string; TenGiayTo: string }[];
  QuaTrinhXuLy: PortalStep;
};
export type PortalFee = { TenPhiLePhi: string; MaPhiLePhi: string; HinhThucThu: string; Gia: number; LoaiPhiLePhi: string };
export type PortalSupplement = {
  NoiDungBoSung: string;
  NgayYeuCau: string;
  HanBoSung: string | null;
  NgayBoSung: string | null;
  NgayHenTraTruoc: string | null;
  NgayHenTraMoi: string | null;
};
export type PortalStep = {
  NguoiXuLy: string;
  ChucDanh: string;
  PhongBanXuLy: string;
  NoiDungXuLy: string;
  NgayBatDau: string;
  NgayKetThucTheoQuyDinh: string | null;
};

/** One timeline event as the mapping reads it; `actorName` is the officer's name for staff steps. */
export type PortalEvent = EventPayload & {
  id: number;
  at: string;
  status: number;
  note: string | null;
  actorRole: ActorRole;
  actorName: string | null;
};

/** What the mapping needs besides the events: the dossier's fixed facts and the names it refers to. */
export type PortalSource = {
  code: string;
  procedureCode: string;
  applicantName: string;
  channel: Channel;
  submittedAt: string;
  vneidVerified: boolean;
  fee: FeeQuote;
  /** Its status now, for its latest event when that was written before events carried a status. */
  status: number;
  /** The unit that handled it before any transfer. */
  firstHandlingUnitName: string;
  /** Names of the result files, by file id. */
  fileNames: Record<string, string>;
  /** Every event of the dossier, in order. */
  events: readonly PortalEvent[];
};

/** TrangThaiHoSo: our statuses are the portal's ten codes (DOMAIN §3); the table keeps that a decision. */
export const PORTAL_STATUS: Record<DossierStatus, string> = {
  1: "1",
  2: "2",
  3: "3",
  4: "4",
  5: "5",
  6: "6",
  7: "7",
  8: "8",
  9: "9",
  10: "10",
};

/** HinhThuc: how the dossier was filed. */
export const PORTAL_CHANNEL: Record<Channel, string> = { counter: "0", online: "1", postal: "2" };

/** LoaiPhiLePhi: the fee quoted with the procedure, or a financial obligation requested while processing. */
export const PORTAL_FEE_KIND = { quoted: "1", requested: "2" } as const;

/** Events that are no processing step (a staff-only note, a message to the resident): the portal gets none. */
const NOT_SENT: readonly EventType[] = ["internal_note", "message"];
export const sentToPortal = (type: EventType) => !NOT_SENT.includes(type);

/** An instant as yyyyMMddHHmmss in Asia/Ho_Chi_Minh. */
export const portalTime = (iso: string) => vietnamDateTime(new Date(iso)).replace(/\D/g, "");

/**
 * A local date (a due date) as yyyyMMddHHmmss: the end of that day in Vietnam, since being on time
 * compares dates (DOMAIN §8) and a result handed over during the due day is on time.
 */
export const portalDay = (date: string) => `${date.replaceAll("-", "")}235959`;

const later = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/** The dossier as it stood after the event `eventId`, with that event as its processing step. */
export function portalDossier(source: PortalSource, eventId: number): PortalDossier {
  const upto = source.events.findIndex((e) => e.id === eventId);
  if (upto < 0) throw new Error(`event ${eventId} is not one of the dossier's`);
  const events = source.events.slice(0, upto + 1);

  let unit = source.firstHandlingUnitName;
  let receivedAt: string | null = null;
  let due: string | null = null;
  let promised: string | null = null;
  let returnedAt: string | null = null;
  let status = 0;
  let paid: { online: boolean } | null = null;
  const requested: { amount: number; legalBasis: string }[] = [];
  const supplements: PortalSupplement[] = [];
  const results: PortalDossier["DanhSachGiayToKetQua"] = [];

  for (const e of events) {
    if (e.status > 0) status = e.status;
    else if (e === source.events.at(-1)) status = source.status;
    switch (e.type) {
      case "accepted":
        receivedAt = e.at;
        due = e.data.dueDate;
        break;
      case "transferred":
        unit = e.data.toUnitName;
        break;
      case "apologised":
        promised = e.data.newDate;
        break;
      case "supplement_requested":
        supplements.push({
          NoiDungBoSung: e.data.items.join("; "),
          NgayYeuCau: portalTime(e.at),
          HanBoSung: e.data.replyBy ? portalDay(e.data.replyBy) : null,
          NgayBoSung: null,
          NgayHenTraTruoc: due ? portalDay(later(due, promised)!) : null,
          NgayHenTraMoi: null,
        });
        break;
      case "supplement_submitted": {
        if (e.data.dueDate) due = e.data.dueDate;
        const open = supplements.findLast((s) => s.NgayBoSung === null);
        if (open) {
          open.NgayBoSung = portalTime(e.at);
          open.NgayHenTraMoi = due ? portalDay(later(due, promised)!) : null;
        }
        break;
      }
      case "payment_requested":
        requested.push(e.data);
        break;
      case "payment_confirmed":
        paid = { online: !!e.data.gateway };
        break;
      case "finished":
        for (const id of e.data.fileIds) results.push({ MaGiayTo: id, TenGiayTo: source.fileNames[id] ?? "" });
        break;
      case "returned":
        returnedAt = e.at;
        break;
      default:
        break;
    }
  }

  const event = events.at(-1)!;
  const promisedDate = later(due, promised);
  const collected = paid ? (paid.online ? "Trực tuyến" : "Trực tiếp") : "Chưa thu";
  const fees: PortalFee[] = [
    ...(source.fee.amount > 0
      ? [{ amount: source.fee.amount, legalBasis: source.fee.legalBasis, kind: PORTAL_FEE_KIND.quoted }]
      : []),
    ...requested.map((r) => ({ ...r, kind: PORTAL_FEE_KIND.requested })),
  ].map((f) => ({
    TenPhiLePhi: `Phí, lệ phí (${f.legalBasis})`,
    MaPhiLePhi: source.procedureCode,
    HinhThucThu: collected,
    Gia: f.amount,
    LoaiPhiLePhi: f.kind,
  }));
  const actor =
    event.actorRole === "resident"
      ? source.applicantName
      : event.actorRole === "system"
        ? actorLabel("system")
        : (event.actorName ?? "");

  return {
    MaHoSo: source.code,
    MaTTHC: source.procedureCode,
    SoBienNhan: source.code,
    ChuHoSo: source.applicantName,
    NgayNopHoSo: portalTime(source.submittedAt),
    NgayTiepNhan: receivedAt ? portalTime(receivedAt) : null,
    NgayHenTra: promisedDate ? portalDay(promisedDate) : null,
    TrangThaiHoSo: PORTAL_STATUS[status as DossierStatus] ?? PORTAL_STATUS[source.status as DossierStatus],
    NgayTra: returnedAt ? portalTime(returnedAt) : null,
    HinhThuc: PORTAL_CHANNEL[source.channel],
    DonViXuLy: unit,
    DaXacThucVNeID: source.vneidVerified,
    DanhSachLePhi: fees,
    DanhSachHoSoBoSung: supplements,
    DanhSachGiayToKetQua: results,
    QuaTrinhXuLy: {
      NguoiXuLy: actor,
      ChucDanh: actorLabel(event.actorRole),
      PhongBanXuLy: unit,
      NoiDungXuLy: [eventTitle(event.type), ...eventDetails(event), ...(event.note ? [event.note] : [])].join(". "),
      NgayBatDau: portalTime(event.at),
      NgayKetThucTheoQuyDinh: promisedDate ? portalDay(promisedDate) : null,
    },
  };
}
