import { useEffect, useId, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { formatMonth } from "../../../../../shared/src/format/vi";
import { TableScroll } from "./parts";

/** One line of a trend: its name, colour, and a value per month (null where nothing was measured). */
export type TrendSeries = { label: string; color: string; values: (number | null)[]; dash?: number[] };

/**
 * A month-by-month line chart (uPlot, loaded only with the dashboard). The canvas is hidden from
 * assistive technology; the same figures follow as a table, the chart's text alternative.
 */
export function TrendChart(props: {
  title: string;
  months: string[];
  series: TrendSeries[];
  /** How a value reads in the table and on the axis: "94,2%" or "1.204". */
  format: (value: number | null) => string;
  /** Rates: the axis runs from 0 to 100%. */
  percent?: boolean;
}) {
  const host = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const { months, series, format, percent } = props;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const chart = new uPlot(
      {
        width: Math.max(el.clientWidth, 240),
        height: 220,
        scales: { x: { time: false }, y: percent ? { range: [0, 1] } : { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [
          // Whole months only: a tick every 1, 2, 3 or 6 months, as the width allows.
          { incrs: [1, 2, 3, 6], values: (_u, ticks) => ticks.map((i) => (months[i] ? formatMonth(months[i]) : "")) },
          { values: (_u, ticks) => ticks.map((v) => format(v)), size: 60 },
        ],
        legend: { show: true },
        cursor: { show: true, points: { show: true } },
        series: [
          { label: "Tháng", value: (_u, i) => (i === null || !months[i] ? "" : formatMonth(months[i])) },
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 2,
            dash: s.dash,
            points: { show: true, size: 6 },
            value: (_u: uPlot, v: number | null) => format(v),
          })),
        ],
      },
      [months.map((_, i) => i), ...series.map((s) => s.values)] as uPlot.AlignedData,
      el,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(el.clientWidth, 240), height: 220 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [months, series, format, percent]);

  return (
    <figure className="trend" aria-labelledby={titleId}>
      <figcaption id={titleId} className="trend__title">
        {props.title}
      </figcaption>
      <div ref={host} className="trend__chart" aria-hidden="true" />
      <details className="trend__data">
        <summary>Xem số liệu dạng bảng</summary>
        <TableScroll label={`${props.title}: bảng số liệu`}>
          <table className="admin-table trend__table">
            <caption className="visually-hidden">{props.title}</caption>
            <thead>
              <tr>
                <th scope="col">Tháng</th>
                {series.map((s) => (
                  <th key={s.label} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((m, i) => (
                <tr key={m}>
                  <th scope="row">{formatMonth(m)}</th>
                  {series.map((s) => (
                    <td key={s.label}>{format(s.values[i] ?? null)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}
