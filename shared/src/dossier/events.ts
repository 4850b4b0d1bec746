import { formatDate, formatVnd } from "../format/vi";

/** Timeline event types and how a resident reads them. */
export const EVENT_TITLES: Record<string, string> = {
  submitted: "Nộp hồ sơ trực tuyến",
  accepted: "Cán bộ đã tiếp nhận hồ sơ",
  refused: "Hồ sơ không được tiếp nhận",
  processing: "Hồ sơ đang được giải quyết",
  supplement_requested: "Yêu cầu bổ sung hồ sơ",
  supplement_submitted: "Đã nộp bổ sung hồ sơ",
  payment_requested: "Yêu cầu nộp phí, lệ phí",
  payment_confirmed: "Đã xác nhận nộp phí, lệ phí",
  apologised: "Thư xin lỗi và hẹn lại ngày trả kết quả",
  transferred: "Chuyển hồ sơ đến đơn vị khác",
  internal_note: "Ghi chú nội bộ",
  withdrawal_requested: "Đề nghị rút hồ sơ",
  withdrawn: "Đã rút hồ sơ",
  stopped: "Dừng giải quyết hồ sơ",
  finished: "Đã có kết quả",
  returned: "Đã trả kết quả",
  message: "Tin nhắn từ cán bộ",
};

export const eventTitle = (type: string) => EVENT_TITLES[type] ?? "Cập nhật hồ sơ";

/** Events only staff see; a resident's timeline and notifications leave them out. */
export const STAFF_ONLY_EVENTS: readonly string[] = ["internal_note"];

/** Details of a step that a notification or the timeline may quote. */
export type NoticeDetails = {
  note?: string | null;
  items?: string[];
  replyBy?: string;
  amount?: number;
  legalBasis?: string;
  newDate?: string;
  dueDate?: string;
  pausedDays?: number;
  toUnitName?: string;
  returnChannel?: string;
};

const RETURN_CHANNELS: Record<string, string> = {
  counter: "Tại bộ phận một cửa",
  post: "Qua dịch vụ bưu chính",
  online: "Trực tuyến",
};

/** Labels of the detail lines a printed form reads back (see `detailValue`). */
export const DETAIL_LABEL = { replyBy: "Hạn bổ sung", newDate: "Ngày hẹn mới" } as const;

/** The value of one labelled detail line: "05/03/2026" from "Hạn bổ sung: 05/03/2026", else null. */
export function detailValue(details: readonly string[], label: string): string | null {
  const prefix = `${label}: `;
  return details.find((line) => line.startsWith(prefix))?.slice(prefix.length) ?? null;
}

/** The facts a step recorded, one line each, for the timeline (e.g. "Ngày hẹn mới: 05/03/2026"). */
export function eventDetails(type: string, d: NoticeDetails): string[] {
  const lines: string[] = [];
  if (d.dueDate)
    lines.push(
      `${type === "supplement_submitted" ? "Ngày hẹn trả kết quả sau khi bổ sung" : "Ngày hẹn trả kết quả"}: ${formatDate(d.dueDate)}`,
    );
  if (d.pausedDays) lines.push(`Tạm dừng ${d.pausedDays} ngày làm việc chờ bổ sung`);
  if (d.replyBy) lines.push(`${DETAIL_LABEL.replyBy}: ${formatDate(d.replyBy)}`);
  if (d.amount !== undefined) lines.push(`Số tiền: ${formatVnd(d.amount)}${d.legalBasis ? ` (${d.legalBasis})` : ""}`);
  if (d.newDate) lines.push(`${DETAIL_LABEL.newDate}: ${formatDate(d.newDate)}`);
  if (d.toUnitName) lines.push(`Chuyển đến: ${d.toUnitName}`);
  if (d.returnChannel) lines.push(`Hình thức trả kết quả: ${RETURN_CHANNELS[d.returnChannel] ?? d.returnChannel}`);
  return lines;
}

/**
 * What the applicant is told about a staff step on their dossier, or null for steps they
 * took themselves and for staff-only events.
 */
export function residentNotice(type: string, code: string, d: NoticeDetails): { title: string; body: string } | null {
  const reason = d.note ? ` Lý do: ${d.note}` : "";
  const bodies: Record<string, string> = {
    accepted: `Hồ sơ ${code} đã được tiếp nhận.${d.dueDate ? ` Ngày hẹn trả kết quả: ${formatDate(d.dueDate)}.` : ""}`,
    refused: `Hồ sơ ${code} không được tiếp nhận.${reason}`,
    processing: `Hồ sơ ${code} đang được giải quyết.`,
    supplement_requested: `Hồ sơ ${code} cần bổ sung: ${(d.items ?? []).join("; ")}.${d.replyBy ? ` Vui lòng bổ sung trước ngày ${formatDate(d.replyBy)}.` : ""}`,
    payment_requested: `Vui lòng nộp ${formatVnd(d.amount ?? 0)} phí, lệ phí cho hồ sơ ${code}.`,
    payment_confirmed: `Đã xác nhận nộp phí, lệ phí cho hồ sơ ${code}.`,
    stopped: `Hồ sơ ${code} đã dừng giải quyết.${reason}`,
    finished: `Hồ sơ ${code} đã có kết quả. Bạn có thể xem và tải kết quả điện tử trong ứng dụng.`,
    returned: `Hồ sơ ${code} đã được trả kết quả.`,
    withdrawn: `Hồ sơ ${code} đã được rút theo đề nghị của bạn.`,
    apologised: `Xin lỗi vì hồ sơ ${code} chưa có kết quả đúng hẹn.${d.newDate ? ` Ngày hẹn mới: ${formatDate(d.newDate)}.` : ""}${reason}`,
    transferred: `Hồ sơ ${code} được chuyển đến ${d.toUnitName ?? "đơn vị khác"} để giải quyết.`,
    message: `Cán bộ nhắn về hồ sơ ${code}: ${d.note ?? ""}`,
  };
  const body = bodies[type];
  return body === undefined ? null : { title: eventTitle(type), body };
}
