import { feeQuote } from "../catalogue/fee-quote";
import type { DocumentForm, Fees, ProcessingTime, RequiredDocument } from "../catalogue/schemas";
import { TIME_ZONE } from "../time/clock";

const vndFormat = new Intl.NumberFormat("vi-VN");

/** 50000 → "50.000 đ" (a no-break space keeps "đ" on the amount's line); 0 → "Miễn phí". */
export function formatVnd(amount: number): string {
  return amount === 0 ? "Miễn phí" : `${vndFormat.format(amount)}\u00a0đ`;
}

/** dd/MM/yyyy of an instant or an ISO date, in Vietnam's time zone. */
export function formatDate(value: Date | string): string {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split("-");
    return `${d}/${m}/${y}`;
  }
  const date = typeof value === "string" ? new Date(value) : value;
  // en-GB gives dd/MM/yyyy with leading zeros in every runtime, vi-VN does not everywhere.
  return new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" }).format(
    date,
  );
}

/** The date line of an official form: "ngày 14 tháng 07 năm 2025" (Vietnam's time zone). */
export function formatDateLine(value: Date | string): string {
  const [d, m, y] = formatDate(value).split("/");
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/**
 * The place an official form is dated at, from a unit's address: "Phường An Hòa" from "Số 1 đường
 * Hùng Vương, phường An Hòa, tỉnh An Hòa"; else the unit's name.
 */
export function placeOf(unit: { name: string; address: string | null }): string {
  const parts = (unit.address ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  const place = parts.length >= 2 ? parts[parts.length - 2]! : unit.name;
  return place.charAt(0).toLocaleUpperCase("vi") + place.slice(1);
}

const TIME_UNIT_LABEL = { working_day: "ngày làm việc", day: "ngày", hour: "giờ làm việc" } as const;

/** "3 ngày làm việc", "Trong ngày". */
export function formatProcessingTime(time: ProcessingTime): string {
  return time.unit === "same_day" ? "Trong ngày" : `${time.value} ${TIME_UNIT_LABEL[time.unit]}`;
}

/** 20000 per "bản" → "20.000 đ/bản"; a free fee is just "Miễn phí". */
export function formatFee(amount: number, per?: string): string {
  return amount > 0 && per ? `${formatVnd(amount)}/${per}` : formatVnd(amount);
}

/** "Nộp trực tuyến: Miễn phí – nộp trực tiếp: 50.000 đ" at `at`; one amount once the online rate has ended. */
export function formatFeeQuote(fees: Fees, at: Date): string {
  const online = feeQuote(fees, "online", at).amount;
  if (fees.counter === online) return formatFee(fees.counter, fees.per);
  return `Nộp trực tuyến: ${formatFee(online, fees.per)} – nộp trực tiếp: ${formatFee(fees.counter, fees.per)}`;
}

const WEEKDAY_LABEL = ["", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"] as const;

/** The weekday of a local date (YYYY-MM-DD): "2027-01-01" → "Thứ Sáu". */
export function formatWeekday(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return WEEKDAY_LABEL[day === 0 ? 7 : day] ?? "";
}

/** [2, 4] → "Thứ Ba và Thứ Năm". */
export function formatWeekdays(days: readonly number[]): string {
  const labels = days.map((d) => WEEKDAY_LABEL[d] ?? "");
  return labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} và ${labels.at(-1)}`;
}

export const DOCUMENT_FORM_LABEL: Record<DocumentForm, string> = {
  original: "Bản chính",
  copy: "Bản sao",
  certified_copy: "Bản sao có chứng thực",
  original_or_copy: "Bản chính hoặc bản sao",
};

/** A required document as residents read it: "Tờ khai (mẫu CT01)" and "Bản chính · 1 bản · Bắt buộc". */
export function describeDocument(doc: RequiredDocument): { title: string; meta: string } {
  return {
    title: doc.template ? `${doc.name} (mẫu ${doc.template})` : doc.name,
    meta: `${DOCUMENT_FORM_LABEL[doc.form]} · ${doc.count} bản · ${doc.required ? "Bắt buộc" : "Nếu có"}`,
  };
}

const percentFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });

/** A rate 0–1 as residents and reports read it: 0.942 → "94,2%"; no rate (nothing measured) → "—". */
export function formatPercent(rate: number | null): string {
  return rate === null ? "—" : `${percentFormat.format(Math.round(rate * 1000) / 10)}%`;
}

/** A month YYYY-MM as written in Vietnamese documents: "2026-03" → "03/2026". */
export function formatMonth(month: string): string {
  const [y, m] = month.split("-");
  return `${m}/${y}`;
}
