import type { ReportData, ReportUnit } from "../../../shared/src/figures/api";
import { REPORT_REASON_LABEL } from "../../../shared/src/figures/api";
import { formatPercent } from "../../../shared/src/format/vi";
import { COHORT_LABEL } from "./figures";

/**
 * A month's report as CSV that Excel opens with its Vietnamese intact: a UTF-8 byte order mark, CRLF
 * line ends, RFC 4180 quoting, and no cell Excel would run as a formula (one starting with = + - @,
 * or a tab or carriage return, gets a leading apostrophe).
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvLines = (rows: readonly (readonly (string | number | null)[])[]) =>
  `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;

const HEADER = [
  "Nhóm",
  "Đơn vị",
  "Xếp hạng trong nhóm",
  "Số đơn vị trong nhóm",
  "Hồ sơ tiếp nhận",
  "Tiếp nhận trực tuyến",
  "Tỷ lệ trực tuyến",
  "Chỉ tiêu trực tuyến",
  "Hồ sơ trực tuyến còn thiếu",
  "Tỷ lệ đúng hạn",
  "Chỉ tiêu đúng hạn",
  "Đã giải quyết",
  "Giải quyết trễ hạn",
  "Quá hạn đang xử lý",
  "Khen / nhắc",
];

const rate = (value: number | null) => (value === null ? "" : formatPercent(value));

const row = (u: ReportUnit) => [
  COHORT_LABEL[u.cohort],
  u.name,
  u.rankInCohort,
  u.cohortSize,
  u.received,
  u.receivedOnline,
  rate(u.onlineRate),
  rate(u.onlineTarget),
  u.stillNeeded,
  rate(u.onTimeRate),
  rate(u.onTimeTarget),
  u.finished,
  u.finishedLate,
  u.overdueOpen,
  u.reasons.map((r) => REPORT_REASON_LABEL[r]).join("; "),
];

export const reportCsv = (data: ReportData) => csvLines([HEADER, ...data.units.map(row)]);
