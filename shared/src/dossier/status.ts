/** The DVCQG's ten dossier status codes (DOMAIN §3); 0 "Đang soạn" is a local draft and never stored here. */
export type DossierStatus = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

const LABELS: Record<DossierStatus, { official: string; resident: string }> = {
  1: { official: "Mới đăng ký", resident: "Đã nộp, chờ tiếp nhận" },
  2: { official: "Được tiếp nhận", resident: "Đã tiếp nhận" },
  3: { official: "Không được tiếp nhận", resident: "Không được tiếp nhận" },
  4: { official: "Đang xử lý", resident: "Đang giải quyết" },
  5: { official: "Yêu cầu bổ sung giấy tờ", resident: "Cần bổ sung hồ sơ" },
  6: { official: "Yêu cầu thực hiện nghĩa vụ tài chính", resident: "Chờ nộp phí, lệ phí, thuế" },
  7: { official: "Công dân yêu cầu rút hồ sơ", resident: "Đã rút hồ sơ" },
  8: { official: "Dừng xử lý", resident: "Dừng giải quyết" },
  9: { official: "Đã xử lý xong", resident: "Đã có kết quả, chờ nhận" },
  10: { official: "Đã trả kết quả", resident: "Đã nhận kết quả" },
};

export const statusLabel = (status: DossierStatus) => LABELS[status].resident;
/** The DVCQG name staff work with. */
export const officialStatusLabel = (status: DossierStatus) => LABELS[status].official;

/** Closed for good: nothing more happens to the dossier. */
export const isClosed = (status: DossierStatus) => status === 3 || status === 7 || status === 8 || status === 10;
