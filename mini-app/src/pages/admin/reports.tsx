import { type FormEvent, useCallback, useEffect, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import type { ReportSummary } from "../../../../shared/src/figures/api";
import { formatDate, formatMonth } from "../../../../shared/src/format/vi";
import { Empty, ErrorMessage, Loading } from "../../components/status";
import type { Invalid } from "../../components/text-field";
import { errorMessage } from "../../services/api";
import { reportApi } from "../../services/dashboard-api";
import { useTask } from "../../utils/task";
import { currentMonth, MonthPicker, monthsBack, TableScroll } from "./figures/parts";
import { AdminLayout } from "./layout";
import { ReasonField, reasonProblem } from "./people-parts";

/** "Đã rà soát" once an admin reviewed it, else "Đã lập": words, with the badge's colour only as a help. */
export function ReportState({ report }: { report: Pick<ReportSummary, "reviewedAt"> }) {
  return report.reviewedAt ? (
    <span className="badge badge--reviewed">Đã rà soát</span>
  ) : (
    <span className="badge badge--prepared">Đã lập, chờ rà soát</span>
  );
}

function ReportList() {
  const [items, setItems] = useState<ReportSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    setError(null);
    setItems(null);
    reportApi
      .list()
      .then((list) => setItems(list.items))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);
  if (error) return <ErrorMessage message={error} onRetry={load} />;
  if (!items) return <Loading />;
  if (items.length === 0) return <Empty message="Chưa có báo cáo tháng nào. Báo cáo được lập tự động sau khi hết tháng." />;
  return (
    <TableScroll label={"Danh sách báo cáo tháng"}>
      <table className="admin-table">
        <caption className="visually-hidden">Báo cáo tháng</caption>
        <thead>
          <tr>
            <th scope="col">Tháng</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Ngày lập</th>
            <th scope="col">Biểu dương</th>
            <th scope="col">Nhắc nhở</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.month}>
              <th scope="row">
                <Link to={`/quan-tri/bao-cao/${r.month}`} className="text-link">
                  Tháng {formatMonth(r.month)}
                </Link>
              </th>
              <td>
                <ReportState report={r} />
              </td>
              <td>{formatDate(r.preparedAt)}</td>
              <td>{r.praise} đơn vị</td>
              <td>{r.remind} đơn vị</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * Prepares a month's report now (the nightly job does it on the 1st), or prepares it again from
 * today's figures after a late correction: with a reason, as every admin change.
 */
export function PrepareReport(props: { month?: string; onPrepared?: (month: string) => void }) {
  const [month, setMonth] = useState(() => props.month ?? monthsBack(currentMonth(), 2)[1]!);
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState<Invalid>(null);
  const { busy, error, run } = useTask();
  const navigate = useNavigate();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const problem = reasonProblem("prepare-reason", reason);
      setInvalid(problem);
      if (problem) return;
      await reportApi.prepare(month, reason.trim());
      if (props.onPrepared) props.onPrepared(month);
      else navigate(`/quan-tri/bao-cao/${month}`);
    });
  };
  return (
    <form className="section no-print" noValidate onSubmit={submit} aria-labelledby="prepare-title">
      <h2 id="prepare-title" className="section__title">
        {props.month ? "Lập lại báo cáo" : "Lập báo cáo tháng"}
      </h2>
      <p className="note">
        {props.month
          ? "Lập lại từ số liệu hiện nay (sau khi đính chính số liệu); việc rà soát sẽ phải làm lại."
          : "Báo cáo được lập tự động ngày 01 hằng tháng; có thể lập ngay cho một tháng đã kết thúc."}
      </p>
      {!props.month && <MonthPicker id="prepare-month" value={month} onChange={setMonth} />}
      <ReasonField id="prepare-reason" value={reason} onChange={setReason} invalid={invalid} />
      {error && <ErrorMessage message={error} />}
      <button type="submit" className="button button--secondary" disabled={busy}>
        {busy ? "Đang lập…" : props.month ? "Lập lại báo cáo" : "Lập báo cáo"}
      </button>
    </form>
  );
}

/** `/quan-tri/bao-cao`: every month's report, prepared after the month ends, and whether it was reviewed. */
export default function ReportsPage() {
  return (
    <AdminLayout title="Báo cáo tháng">
      {() => (
        <>
          <section className="section" aria-labelledby="reports-title">
            <h2 id="reports-title" className="section__title">
              Báo cáo kết quả hằng tháng
            </h2>
            <ReportList />
          </section>
          <PrepareReport />
        </>
      )}
    </AdminLayout>
  );
}
