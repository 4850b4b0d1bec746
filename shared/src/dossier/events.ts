import { z } from "zod";
import { UnitId } from "../catalogue/schemas";
import { FileId } from "../files/files";
import { formatDate, formatVnd } from "../format/vi";
import { FEE_EXEMPTION_LABELS, FeeExemption } from "../payment/exemption";
import { RATING_LEVEL_LABELS, RATING_SOURCES, RatingLevel, Stars } from "../ratings/ratings";
import { LocalDate } from "../time/vietnam";
import { RETURN_CHANNEL_LABEL, ReturnChannel } from "./channel";
import { DocumentCheck, SupplementAnswer, SupplementAsk } from "./supplement";

const Empty = z.object({});
const Files = z.object({ fileIds: z.array(FileId) });

export const ConsentKind = z.enum(["zalo", "signed_paper"]);
export type ConsentKind = z.infer<typeof ConsentKind>;
export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = {
  zalo: "xác nhận trên Zalo của chính mình",
  signed_paper: "ký giấy đồng ý",
};

/** What the submitted event of an assisted filing records: who helped, and the resident's consent. */
export const AssistedRecord = z.object({
  helperId: z.string(),
  helperName: z.string(),
  consent: ConsentKind,
  consentAt: z.string(),
  /** The photo or scan of the signed consent. */
  consentFileId: FileId.optional(),
});
export type AssistedRecord = z.infer<typeof AssistedRecord>;

/**
 * Every timeline event type with the data it records: narrowing on `type` gives the data's shape.
 * Stored as the event's `type` and `data` columns; the audit chain hashes both.
 */
export const EventPayload = z.discriminatedUnion("type", [
  z.object({ type: z.literal("submitted"), data: z.object({ assisted: AssistedRecord.optional() }) }),
  z.object({
    type: z.literal("accepted"),
    data: z.object({
      dueDate: LocalDate,
      /** Required documents (by index) an officer received on paper at counter or postal intake. */
      paperDocuments: z.array(z.number().int()).optional(),
    }),
  }),
  z.object({ type: z.literal("refused"), data: Empty }),
  z.object({ type: z.literal("processing"), data: Empty }),
  z.object({
    type: z.literal("supplement_requested"),
    /**
     * `items` reads the request line by line (notices, Mẫu 02, the portal). A request checked
     * document by document also records each verdict and the items asked, each answered in its own
     * slot; earlier requests have neither.
     */
    data: z.object({
      items: z.array(z.string()),
      replyBy: LocalDate.optional(),
      checks: z.array(DocumentCheck).optional(),
      asks: z.array(SupplementAsk).optional(),
    }),
  }),
  z.object({
    type: z.literal("supplement_submitted"),
    /**
     * The due date and the working days it moved by, when the clock had been paused; and, when the
     * request listed items, which files or text answered each.
     */
    data: Files.extend({
      dueDate: LocalDate.optional(),
      pausedDays: z.number().int().optional(),
      answers: z.array(SupplementAnswer).optional(),
    }),
  }),
  z.object({ type: z.literal("payment_requested"), data: z.object({ amount: z.number().int(), legalBasis: z.string() }) }),
  z.object({
    type: z.literal("payment_confirmed"),
    /** Set when the payment gateway confirmed it (a system step): its transaction id, the amount paid. */
    data: z.object({ gateway: z.string(), transactionId: z.string(), amount: z.number().int() }).partial(),
  }),
  /** The fee was exempted by an officer, on a ground and its legal basis (DOMAIN §6). */
  z.object({ type: z.literal("fee_exempted"), data: FeeExemption }),
  z.object({ type: z.literal("apologised"), data: z.object({ newDate: LocalDate }) }),
  z.object({
    type: z.literal("transferred"),
    data: z.object({ fromUnitId: UnitId, toUnitId: UnitId, toUnitName: z.string() }),
  }),
  z.object({ type: z.literal("internal_note"), data: Empty }),
  z.object({ type: z.literal("withdrawal_requested"), data: Empty }),
  z.object({ type: z.literal("withdrawn"), data: Empty }),
  z.object({ type: z.literal("stopped"), data: Empty }),
  z.object({ type: z.literal("finished"), data: Files }),
  z.object({ type: z.literal("returned"), data: z.object({ returnChannel: ReturnChannel }) }),
  z.object({ type: z.literal("message"), data: Files }),
  /** The applicant rated the service (DOMAIN §7), in the app or by Zalo's star template. */
  z.object({
    type: z.literal("rated"),
    data: z.object({ level: RatingLevel, source: z.enum(RATING_SOURCES), stars: Stars.optional() }),
  }),
]);
export type EventPayload = z.infer<typeof EventPayload>;
export type EventType = EventPayload["type"];
export type EventDataOf<T extends EventType> = Extract<EventPayload, { type: T }>["data"];

export const EVENT_TYPES = EventPayload.options.map((o) => o.shape.type.value) as [EventType, ...EventType[]];

/** The typed event behind a stored `type` and `data`; throws when they do not match. */
export const parseEventPayload = (type: string, data: unknown): EventPayload => EventPayload.parse({ type, data });

/** The files an event attached (results, replies, supplements). */
export function eventFileIds(e: EventPayload): readonly string[] {
  if (e.type === "submitted") return e.data.assisted?.consentFileId ? [e.data.assisted.consentFileId] : [];
  return "fileIds" in e.data ? e.data.fileIds : [];
}

/** Timeline event types and how a resident reads them. */
const EVENT_TITLES: Record<EventType, string> = {
  submitted: "Nộp hồ sơ trực tuyến",
  accepted: "Cán bộ đã tiếp nhận hồ sơ",
  refused: "Hồ sơ không được tiếp nhận",
  processing: "Hồ sơ đang được giải quyết",
  supplement_requested: "Yêu cầu bổ sung hồ sơ",
  supplement_submitted: "Đã nộp bổ sung hồ sơ",
  payment_requested: "Yêu cầu nộp phí, lệ phí",
  payment_confirmed: "Đã xác nhận nộp phí, lệ phí",
  fee_exempted: "Được miễn phí, lệ phí",
  apologised: "Thư xin lỗi và hẹn lại ngày trả kết quả",
  transferred: "Chuyển hồ sơ đến đơn vị khác",
  internal_note: "Ghi chú nội bộ",
  withdrawal_requested: "Đề nghị rút hồ sơ",
  withdrawn: "Đã rút hồ sơ",
  stopped: "Dừng giải quyết hồ sơ",
  finished: "Đã có kết quả",
  returned: "Đã trả kết quả",
  message: "Tin nhắn từ cán bộ",
  rated: "Đánh giá mức độ hài lòng",
};

export const eventTitle = (type: EventType) => EVENT_TITLES[type];

/** Events only staff see; a resident's timeline and notifications leave them out. */
export const STAFF_ONLY_EVENTS: readonly EventType[] = ["internal_note"];

/** Who took a step: the applicant, an officer, or the system (a job or a webhook such as the payment gateway). */
export const ACTORS = ["resident", "staff", "system"] as const;
export type ActorRole = (typeof ACTORS)[number];

const ACTOR_LABELS: Record<ActorRole, string> = { resident: "Người nộp hồ sơ", staff: "Cán bộ", system: "Hệ thống" };

/** How a timeline names who took a step; a system step reads "Hệ thống", never as an officer's. */
export const actorLabel = (actor: ActorRole) => ACTOR_LABELS[actor];

/** Labels of the detail lines a printed form reads back (see `detailValue`). */
export const DETAIL_LABEL = { replyBy: "Hạn bổ sung", newDate: "Ngày hẹn mới" } as const;

/** The value of one labelled detail line: "05/03/2026" from "Hạn bổ sung: 05/03/2026", else null. */
export function detailValue(details: readonly string[], label: string): string | null {
  const prefix = `${label}: `;
  return details.find((line) => line.startsWith(prefix))?.slice(prefix.length) ?? null;
}

/** The facts a step recorded, one line each, for the timeline (e.g. "Ngày hẹn mới: 05/03/2026"). */
export function eventDetails(e: EventPayload): string[] {
  switch (e.type) {
    case "submitted":
      return e.data.assisted ? assistedDetails(e.data.assisted) : [];
    case "accepted":
      return [`Ngày hẹn trả kết quả: ${formatDate(e.data.dueDate)}`];
    case "supplement_submitted":
      return [
        ...(e.data.dueDate ? [`Ngày hẹn trả kết quả sau khi bổ sung: ${formatDate(e.data.dueDate)}`] : []),
        ...(e.data.pausedDays ? [`Tạm dừng ${e.data.pausedDays} ngày làm việc chờ bổ sung`] : []),
      ];
    case "supplement_requested": {
      const passed = (e.data.checks ?? []).filter((c) => c.passed).map((c) => c.name);
      return [
        ...(e.data.replyBy ? [`${DETAIL_LABEL.replyBy}: ${formatDate(e.data.replyBy)}`] : []),
        ...(passed.length ? [`Giấy tờ đạt: ${passed.join("; ")}`] : []),
      ];
    }
    case "payment_requested":
      return [`Số tiền: ${formatVnd(e.data.amount)} (${e.data.legalBasis})`];
    case "payment_confirmed":
      return e.data.amount ? [`Số tiền đã nộp: ${formatVnd(e.data.amount)}`] : [];
    case "fee_exempted":
      return [`Đối tượng miễn: ${FEE_EXEMPTION_LABELS[e.data.ground]}`, `Căn cứ: ${e.data.legalBasis}`];
    case "apologised":
      return [`${DETAIL_LABEL.newDate}: ${formatDate(e.data.newDate)}`];
    case "transferred":
      return [`Chuyển đến: ${e.data.toUnitName}`];
    case "returned":
      return [`Hình thức trả kết quả: ${RETURN_CHANNEL_LABEL[e.data.returnChannel]}`];
    case "rated":
      return [`Mức độ hài lòng: ${RATING_LEVEL_LABELS[e.data.level]}${e.data.stars ? ` (${e.data.stars} sao)` : ""}`];
    default:
      return [];
  }
}

/** How an assisted filing reads in the timeline, to the resident and to staff. */
export function assistedDetails(assisted: AssistedRecord): string[] {
  return [
    `Nộp trực tuyến với sự hỗ trợ của Tổ công nghệ số cộng đồng: ${assisted.helperName}`,
    `Người dân đồng ý: ${CONSENT_KIND_LABELS[assisted.consent]}`,
  ];
}

/**
 * What the applicant is told about a staff step on their dossier, or null for steps they
 * took themselves and for staff-only events.
 */
export function residentNotice(e: EventPayload, code: string, note: string | null): { title: string; body: string } | null {
  const reason = note ? ` Lý do: ${note}` : "";
  const body = noticeBody(e, code, note, reason);
  return body === null ? null : { title: eventTitle(e.type), body };
}

function noticeBody(e: EventPayload, code: string, note: string | null, reason: string): string | null {
  switch (e.type) {
    case "accepted":
      return `Hồ sơ ${code} đã được tiếp nhận. Ngày hẹn trả kết quả: ${formatDate(e.data.dueDate)}.`;
    case "refused":
      return `Hồ sơ ${code} không được tiếp nhận.${reason}`;
    case "processing":
      return `Hồ sơ ${code} đang được giải quyết.`;
    case "supplement_requested":
      return `Hồ sơ ${code} cần bổ sung: ${e.data.items.join("; ")}.${e.data.replyBy ? ` Vui lòng bổ sung trước ngày ${formatDate(e.data.replyBy)}.` : ""}`;
    case "payment_requested":
      return `Vui lòng nộp ${formatVnd(e.data.amount)} phí, lệ phí cho hồ sơ ${code}.`;
    case "payment_confirmed":
      return `Đã xác nhận nộp phí, lệ phí cho hồ sơ ${code}.`;
    case "fee_exempted":
      return `Hồ sơ ${code} được miễn phí, lệ phí (${FEE_EXEMPTION_LABELS[e.data.ground]}).`;
    case "stopped":
      return `Hồ sơ ${code} đã dừng giải quyết.${reason}`;
    case "finished":
      return `Hồ sơ ${code} đã có kết quả. Bạn có thể xem và tải kết quả điện tử trong ứng dụng.`;
    case "returned":
      return `Hồ sơ ${code} đã được trả kết quả.`;
    case "withdrawn":
      return `Hồ sơ ${code} đã được rút theo đề nghị của bạn.`;
    case "apologised":
      return `Xin lỗi vì hồ sơ ${code} chưa có kết quả đúng hẹn. Ngày hẹn mới: ${formatDate(e.data.newDate)}.${reason}`;
    case "transferred":
      return `Hồ sơ ${code} được chuyển đến ${e.data.toUnitName} để giải quyết.`;
    case "message":
      return `Cán bộ nhắn về hồ sơ ${code}: ${note ?? ""}`;
    default:
      return null;
  }
}
