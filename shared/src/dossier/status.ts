/** The DVCQG's ten dossier status codes (DOMAIN §3); 0 "Đang soạn" is a local draft and never stored here. */
export const DOSSIER_STATUSES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

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

/**
 * Named sets of statuses: the one place that says which codes a word means, for the lifecycle,
 * the inbox, the public views and the metrics (DOMAIN §3 and §8).
 */
export const STATUS_GROUPS = {
  /** Filed online and not yet accepted: its due date is only expected. */
  awaitingAcceptance: [1],
  /** Something is still to happen: every status that is not closed (9 waits to be handed over). */
  open: [1, 2, 4, 5, 6, 9],
  /** Closed for good: nothing more happens to the dossier. */
  closed: [3, 7, 8, 10],
  /** The processing clock runs; only these can be overdue (5 pauses it, 9 stops it). */
  clockRunning: [2, 4, 6],
  /** Accepted and waiting for a decision: the open dossiers of the on-time metrics (DOMAIN §8, C and O). */
  inProgress: [2, 4, 5, 6],
  /** The applicant has to act: send a supplement or pay. */
  awaitingApplicant: [5, 6],
  /** A result exists: resolved (DOMAIN §8, F). */
  resolved: [9, 10],
  /** Never accepted (Mẫu 03). */
  refused: [3],
  withdrawn: [7],
  stopped: [8],
} as const satisfies Record<string, readonly DossierStatus[]>;
export type StatusGroup = keyof typeof STATUS_GROUPS;

export const inStatusGroup = (group: StatusGroup, status: number): boolean =>
  (STATUS_GROUPS[group] as readonly number[]).includes(status);
