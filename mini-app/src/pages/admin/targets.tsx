import { type FormEvent, useEffect, useState } from "react";
import {
  TARGET_METRIC_LABEL,
  TARGET_METRICS,
  type TargetEntry,
  type TargetMetric,
  type TargetSuggestions,
} from "../../../../shared/src/figures/api";
import { formatDate, formatMonth, formatPercent } from "../../../../shared/src/format/vi";
import { vietnamDate } from "../../../../shared/src/time/vietnam";
import { Dialog } from "../../components/dialog";
import { useSnackbar } from "../../components/snackbar";
import { Empty, ErrorMessage, Loading } from "../../components/status";
import { Field, type Invalid } from "../../components/text-field";
import { errorMessage } from "../../services/api";
import { targetApi } from "../../services/dashboard-api";
import { useTask } from "../../utils/task";
import { currentMonth, formatCount, MonthPicker, monthsBack, TableScroll } from "./figures/parts";
import { AdminLayout } from "./layout";

/** "62,5" or "62.5" (percent) → 0.625; null when it is not a percentage. */
export function parsePercent(text: string): number | null {
  const value = Number(text.trim().replace(",", "."));
  return text.trim() === "" || !Number.isFinite(value) || value < 0 || value > 100 ? null : value / 100;
}

/** 0.625 → "62,5": how a rate is edited. */
const percentInput = (rate: number) => String(Math.round(rate * 1000) / 10).replace(".", ",");
const differs = (a: number, b: number) => Math.abs(a - b) >= 0.0005;

type Row = { value: string; reason: string };

/** Every decision on one unit's target for the metric, newest first. */
function History({ unitId, name, metric, onClose }: { unitId: string; name: string; metric: TargetMetric; onClose: () => void }) {
  const [items, setItems] = useState<TargetEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    targetApi.history({ unitId, metric }).then(
      (h) => setItems(h.items),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [unitId, metric]);
  return (
    <Dialog open title={`Lịch sử chỉ tiêu: ${name}`} onClose={onClose}>
      {error && <ErrorMessage message={error} />}
      {!items && !error && <Loading />}
      {items?.length === 0 && <Empty message="Chưa có quyết định giao chỉ tiêu nào." />}
      {items && items.length > 0 && (
        <ul className="plain-list" aria-label={`Lịch sử chỉ tiêu của ${name}`}>
          {items.map((t) => (
            <li key={t.id} className="change-item">
              <p>
                <strong>{formatPercent(t.value)}</strong> · kỳ {t.period.length === 4 ? `năm ${t.period}` : formatMonth(t.period)}
              </p>
              <p className="note">
                Quyết định số {t.decisionNumber} ngày {formatDate(t.decisionDate)} · {t.setBy.name}
                {t.suggested !== null && ` · đề xuất ${formatPercent(t.suggested)}`}
              </p>
              {t.reason && <p>Lý do: {t.reason}</p>}
            </li>
          ))}
        </ul>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          Đóng
        </button>
      </div>
    </Dialog>
  );
}

/** The suggestion table: each unit's baseline and share, the suggested and current target, and the value to set. */
function TargetTable(props: { data: TargetSuggestions; onSaved: () => void }) {
  const { data } = props;
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(data.items.map((u) => [u.unitId, { value: u.current ? percentInput(u.current.value) : "", reason: "" }])),
  );
  const [decisionNumber, setDecisionNumber] = useState("");
  const [decisionDate, setDecisionDate] = useState("");
  const [invalid, setInvalid] = useState<Invalid>(null);
  const [history, setHistory] = useState<{ unitId: string; name: string } | null>(null);
  const { busy, error, run } = useTask();
  const { openSnackbar } = useSnackbar();
  const set = (unitId: string, patch: Partial<Row>) => setRows((r) => ({ ...r, [unitId]: { ...r[unitId]!, ...patch } }));
  const applySuggestion = () =>
    setRows(Object.fromEntries(data.items.map((u) => [u.unitId, { value: percentInput(u.suggested), reason: "" }])));

  const check = (): Invalid => {
    if (!decisionNumber.trim()) return { field: "decision-number", message: "Nhập số quyết định giao chỉ tiêu" };
    if (!decisionDate) return { field: "decision-date", message: "Chọn ngày ký quyết định" };
    for (const u of data.items) {
      const row = rows[u.unitId]!;
      if (row.value.trim() === "") continue;
      const value = parsePercent(row.value);
      if (value === null) return { field: `target-${u.unitId}`, message: "Chỉ tiêu là số phần trăm từ 0 đến 100" };
      if (differs(value, u.suggested) && row.reason.trim().length < 3)
        return { field: `reason-${u.unitId}`, message: "Ghi lý do khi chỉ tiêu khác đề xuất (ít nhất 3 ký tự)" };
    }
    if (data.items.every((u) => rows[u.unitId]!.value.trim() === ""))
      return { field: `target-${data.items[0]?.unitId}`, message: "Nhập chỉ tiêu cho ít nhất một đơn vị" };
    return null;
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const problem = check();
      setInvalid(problem);
      if (problem) {
        document.getElementById(problem.field)?.focus();
        return;
      }
      const targets = data.items.flatMap((u) => {
        const row = rows[u.unitId]!;
        const value = parsePercent(row.value);
        if (value === null) return [];
        return [
          {
            unitId: u.unitId,
            value,
            suggested: u.suggested,
            ...(differs(value, u.suggested) ? { reason: row.reason.trim() } : {}),
          },
        ];
      });
      const saved = await targetApi.set({
        metric: data.metric,
        period: data.period,
        decision: { number: decisionNumber.trim(), date: decisionDate },
        targets,
      });
      openSnackbar({ type: "success", text: `Đã lưu chỉ tiêu của ${saved.items.length} đơn vị.` });
      props.onSaved();
    });
  };

  return (
    <form noValidate onSubmit={save} aria-labelledby="targets-table-title">
      <div className="section-head">
        <h2 id="targets-table-title" className="section__title">
          Đề xuất chỉ tiêu {TARGET_METRIC_LABEL[data.metric].toLowerCase()}
        </h2>
        <button type="button" className="button button--secondary" onClick={applySuggestion}>
          Áp dụng đề xuất
        </button>
      </div>
      <p className="note">
        Tỷ lệ bình quân của tỉnh trong kỳ gốc {formatPercent(data.provinceBaseline)}; mỗi đơn vị thu hẹp {formatPercent(data.k)}{" "}
        khoảng cách còn lại đến 100% để toàn tỉnh đạt {formatPercent(data.goal)}.
      </p>
      <TableScroll label={"Bảng chỉ tiêu từng đơn vị"}>
        <table className="admin-table targets-table">
          <caption className="visually-hidden">Chỉ tiêu từng đơn vị</caption>
          <thead>
            <tr>
              <th scope="col">Đơn vị</th>
              <th scope="col">Kỳ gốc</th>
              <th scope="col">Tỷ trọng hồ sơ</th>
              <th scope="col">Đề xuất</th>
              <th scope="col">Chỉ tiêu hiện hành</th>
              <th scope="col">Tháng này</th>
              <th scope="col">Chỉ tiêu mới (%)</th>
              <th scope="col">Lý do khác đề xuất</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((u) => {
              const row = rows[u.unitId]!;
              const value = parsePercent(row.value);
              const needsReason = value !== null && differs(value, u.suggested);
              const fieldError = (id: string) =>
                invalid?.field === id ? (
                  <p id={`${id}-error`} className="field__error">
                    {invalid.message}
                  </p>
                ) : null;
              return (
                <tr key={u.unitId}>
                  <th scope="row">
                    {u.name}
                    <br />
                    <button
                      type="button"
                      className="button button--small button--link"
                      onClick={() => setHistory({ unitId: u.unitId, name: u.name })}
                    >
                      Lịch sử<span className="visually-hidden"> chỉ tiêu của {u.name}</span>
                    </button>
                  </th>
                  <td>
                    {formatPercent(u.baseline)} <span className="note">({formatCount(u.volume)} hồ sơ)</span>
                  </td>
                  <td>{formatPercent(u.share)}</td>
                  <td>{formatPercent(u.suggested)}</td>
                  <td>
                    {u.current ? (
                      <>
                        {formatPercent(u.current.value)}
                        <br />
                        <span className="note">QĐ {u.current.decisionNumber}</span>
                      </>
                    ) : (
                      "Chưa có"
                    )}
                  </td>
                  <td>{formatPercent(u.currentValue)}</td>
                  <td>
                    <input
                      id={`target-${u.unitId}`}
                      className="targets-table__input"
                      inputMode="decimal"
                      aria-label={`Chỉ tiêu mới của ${u.name} (%)`}
                      value={row.value}
                      aria-invalid={invalid?.field === `target-${u.unitId}` ? true : undefined}
                      aria-describedby={invalid?.field === `target-${u.unitId}` ? `target-${u.unitId}-error` : undefined}
                      onChange={(e) => set(u.unitId, { value: e.target.value })}
                    />
                    {fieldError(`target-${u.unitId}`)}
                  </td>
                  <td>
                    {needsReason ? (
                      <>
                        <input
                          id={`reason-${u.unitId}`}
                          aria-label={`Lý do chỉ tiêu của ${u.name} khác đề xuất`}
                          value={row.reason}
                          maxLength={500}
                          aria-invalid={invalid?.field === `reason-${u.unitId}` ? true : undefined}
                          aria-describedby={invalid?.field === `reason-${u.unitId}` ? `reason-${u.unitId}-error` : undefined}
                          onChange={(e) => set(u.unitId, { reason: e.target.value })}
                        />
                        {fieldError(`reason-${u.unitId}`)}
                      </>
                    ) : (
                      <span className="note">Không cần</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <div className="admin-grid">
        <Field
          id="decision-number"
          label="Số quyết định giao chỉ tiêu"
          value={decisionNumber}
          onChange={setDecisionNumber}
          invalid={invalid}
          maxLength={100}
        />
        <Field
          id="decision-date"
          label="Ngày ký quyết định"
          type="date"
          value={decisionDate}
          onChange={setDecisionDate}
          invalid={invalid}
          max={vietnamDate(new Date())}
        />
      </div>
      {error && <ErrorMessage message={error} />}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? "Đang lưu…" : "Lưu chỉ tiêu"}
      </button>
      {history && <History {...history} metric={data.metric} onClose={() => setHistory(null)} />}
    </form>
  );
}

function TargetsView() {
  const month = currentMonth();
  const [metric, setMetric] = useState<TargetMetric>("online_rate");
  const [period, setPeriod] = useState(month.slice(0, 4));
  const [goal, setGoal] = useState("60");
  const [baselineFrom, setBaselineFrom] = useState(() => monthsBack(month, 4)[3]!);
  const [baselineTo, setBaselineTo] = useState(() => monthsBack(month, 2)[1]!);
  const [invalid, setInvalid] = useState<Invalid>(null);
  const [data, setData] = useState<TargetSuggestions | null>(null);
  const [version, setVersion] = useState(0);
  const { busy, error, run } = useTask();

  const suggest = (e?: FormEvent) => {
    e?.preventDefault();
    void run(async () => {
      const g = parsePercent(goal);
      const problem: Invalid =
        g === null
          ? { field: "targets-goal", message: "Mục tiêu của tỉnh là số phần trăm từ 0 đến 100" }
          : !/^\d{4}(-(0[1-9]|1[0-2]))?$/.test(period)
            ? { field: "targets-period", message: "Kỳ chỉ tiêu là một năm (2026) hoặc một tháng (2026-07)" }
            : null;
      setInvalid(problem);
      if (problem || g === null) return;
      setData(await targetApi.suggest({ metric, period, goal: g, baselineFrom, baselineTo }));
      setVersion((v) => v + 1);
    });
  };

  return (
    <>
      <form className="section" noValidate onSubmit={suggest} aria-labelledby="targets-query-title">
        <h2 id="targets-query-title" className="section__title">
          Giao chỉ tiêu theo kết quả kỳ gốc
        </h2>
        <div className="admin-grid">
          <div className="field">
            <label htmlFor="targets-metric" className="field__label">
              Chỉ số
            </label>
            <select id="targets-metric" value={metric} onChange={(e) => setMetric(e.target.value as TargetMetric)}>
              {TARGET_METRICS.map((m) => (
                <option key={m} value={m}>
                  {TARGET_METRIC_LABEL[m]}
                </option>
              ))}
            </select>
          </div>
          <Field
            id="targets-period"
            label="Kỳ chỉ tiêu (năm hoặc tháng)"
            value={period}
            onChange={setPeriod}
            invalid={invalid}
            maxLength={7}
          />
          <Field
            id="targets-goal"
            label="Mục tiêu của tỉnh (%)"
            value={goal}
            onChange={setGoal}
            invalid={invalid}
            inputMode="numeric"
            maxLength={5}
          />
          <MonthPicker id="targets-from" label="Kỳ gốc từ tháng" value={baselineFrom} onChange={setBaselineFrom} />
          <MonthPicker id="targets-to" label="Kỳ gốc đến tháng" value={baselineTo} onChange={setBaselineTo} />
        </div>
        {error && <ErrorMessage message={error} />}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? "Đang tính…" : "Xem đề xuất"}
        </button>
      </form>
      {data && (
        <section className="section">
          <TargetTable key={version} data={data} onSaved={() => suggest()} />
        </section>
      )}
    </>
  );
}

/** `/quan-tri/chi-tieu`: targets from each unit's baseline and volume share, set by a decision. */
export default function TargetsPage() {
  return <AdminLayout title="Chỉ tiêu">{() => <TargetsView />}</AdminLayout>;
}
