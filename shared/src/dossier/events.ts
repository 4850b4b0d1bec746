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
