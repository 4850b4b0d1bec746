import type { ReactNode } from "react";
import type { TargetStatus } from "../../../../../shared/src/figures/api";
import { formatMonth, formatPercent } from "../../../../../shared/src/format/vi";
import { vietnamDate } from "../../../../../shared/src/time/vietnam";

/** Shared by the dashboard, drill-down, targets and monthly report pages. */

const STATUS: Record<TargetStatus, { icon: string; label: string }> = {
  met: { icon: "✓", label: "Đạt" },
  near: { icon: "≈", label: "Gần đạt" },
  behind: { icon: "!", label: "Chưa đạt" },
  no_target: { icon: "–", label: "Chưa giao chỉ tiêu" },
  no_data: { icon: "–", label: "Chưa có hồ sơ" },
};

/** Where a unit stands against its target: a colour, and always an icon and words too. */
export function StatusBadge({ status }: { status: TargetStatus }) {
  const { icon, label } = STATUS[status];
  return (
    <span className={`badge figure-status figure-status--${status}`}>
      <span aria-hidden="true">{icon} </span>
      {label}
    </span>
  );
}

/** "62,5% / 70%": the actual rate against its target, or the rate alone without one. */
export const againstTarget = (actual: number | null, target: number | null) =>
  target === null ? formatPercent(actual) : `${formatPercent(actual)} / ${formatPercent(target)}`;

const dayFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });
const countFormat = new Intl.NumberFormat("vi-VN");

export const formatCount = (n: number | null) => (n === null ? "—" : countFormat.format(n));
/** Days, one decimal at most: "4,5 ngày". */
export const formatDays = (n: number | null) => (n === null ? "—" : `${dayFormat.format(n)} ngày`);

/** The current month in Vietnam, YYYY-MM. */
export const currentMonth = () => vietnamDate(new Date()).slice(0, 7);

/** `month` and the `count − 1` months before it, newest first. */
export function monthsBack(month: string, count: number): string[] {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  });
}

/** The month picker of the figures pages: the last 24 months. */
export function MonthPicker(props: { id: string; value: string; onChange: (month: string) => void; label?: string }) {
  return (
    <div className="field month-picker">
      <label htmlFor={props.id} className="field__label">
        {props.label ?? "Tháng"}
      </label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {monthsBack(currentMonth(), 24).map((m) => (
          <option key={m} value={m}>
            {formatMonth(m)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One big figure of a summary: its label, the value, and an optional line under it. */
export function Figure(props: { label: string; value: string; children?: ReactNode }) {
  return (
    <div className="figure">
      <dt className="figure__label">{props.label}</dt>
      <dd className="figure__value">
        {props.value}
        {props.children && <span className="figure__note">{props.children}</span>}
      </dd>
    </div>
  );
}

/** "Trực tuyến ÷ (trực tuyến + trực tiếp + bưu chính)": the denominator, said plainly (provinces differ). */
export const onlineRateNote = (countsPostal: boolean) =>
  countsPostal
    ? "Mẫu số gồm hồ sơ trực tuyến, trực tiếp và qua bưu chính."
    : "Mẫu số gồm hồ sơ trực tuyến và trực tiếp, không tính hồ sơ qua bưu chính.";

/** A wide table that scrolls sideways on a phone: a named region the keyboard can reach and scroll. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard
    <div className="admin-table__scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
