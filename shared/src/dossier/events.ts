/** Timeline event types and how a resident reads them. Staff actions (issue of the workspace) add more. */
export const EVENT_TITLES: Record<string, string> = {
  submitted: "Nộp hồ sơ trực tuyến",
  accepted: "Cán bộ đã tiếp nhận hồ sơ",
  refused: "Hồ sơ không được tiếp nhận",
  processing: "Hồ sơ đang được giải quyết",
  supplement_requested: "Yêu cầu bổ sung hồ sơ",
  supplement_submitted: "Đã nộp bổ sung hồ sơ",
  payment_requested: "Yêu cầu nộp phí, lệ phí",
  withdrawal_requested: "Đề nghị rút hồ sơ",
  withdrawn: "Đã rút hồ sơ",
  stopped: "Dừng giải quyết hồ sơ",
  finished: "Đã có kết quả",
  returned: "Đã trả kết quả",
  message: "Tin nhắn từ cán bộ",
};

export const eventTitle = (type: string) => EVENT_TITLES[type] ?? "Cập nhật hồ sơ";
