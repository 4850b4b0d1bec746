import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router-dom";
import type { ReportSummary } from "../../../../shared/src/figures/api";
import { formatDate, formatMonth } from "../../../../shared/src/format/vi";
import { Empty, ErrorMessage, Loading } from "../../components/status";
import { errorMessage } from "../../services/api";
import { reportApi } from "../../services/dashboard-api";
import { TableScroll } from "./figures/parts";
import { AdminLayout } from "./layout";

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

/** `/quan-tri/bao-cao`: every month's report, prepared after the month ends, and whether it was reviewed. */
export default function ReportsPage() {
  return (
    <AdminLayout title="Báo cáo tháng">
      {() => (
        <section className="section" aria-labelledby="reports-title">
          <h2 id="reports-title" className="section__title">
            Báo cáo kết quả hằng tháng
          </h2>
          <ReportList />
        </section>
      )}
    </AdminLayout>
  );
}
