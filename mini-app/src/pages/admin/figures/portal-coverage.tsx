import { useEffect, useState } from "react";
import { formatMonth, formatPercent } from "../../../../../shared/src/format/vi";
import type { PortalCoverage } from "../../../../../shared/src/portal/sync";
import { ErrorMessage, Loading } from "../../../components/status";
import { errorMessage } from "../../../services/api";
import { portalCoverageApi } from "../../../services/dashboard-api";
import { formatCount, TableScroll } from "./parts";

/** Minutes as staff read them: "12 phút", "3,5 giờ", "2 ngày"; "—" when there is nothing to measure. */
export function formatLag(minutes: number | null): string {
  if (minutes === null) return "—";
  if (minutes < 60) return `${Math.round(minutes)} phút`;
  if (minutes < 48 * 60) return `${(minutes / 60).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} giờ`;
  return `${Math.round(minutes / 1440)} ngày`;
}

/**
 * Sync coverage of the month (DOMAIN §8) per unit: the share of the dossiers each unit accepted
 * that the national portal holds at their current status, and how far the portal lags behind.
 */
export function PortalCoverageSection({ month }: { month: string }) {
  const [data, setData] = useState<PortalCoverage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setData(null);
    setError(null);
    portalCoverageApi.get(month).then(setData, (e: unknown) => setError(errorMessage(e)));
  }, [month]);
  const p = data?.province;
  return (
    <section className="section" aria-labelledby="portal-coverage-title">
      <h2 id="portal-coverage-title" className="section__title">
        Đồng bộ Cổng Dịch vụ công quốc gia
      </h2>
      {error && <ErrorMessage message={error} />}
      {!data && !error && <Loading />}
      {data && p && (
        <>
          <p>
            Toàn tỉnh: {formatCount(p.synced)}/{formatCount(p.received)} hồ sơ tiếp nhận tháng {formatMonth(data.month)} đã đồng
            bộ đúng trạng thái hiện tại ({formatPercent(p.coverage)}); độ trễ trung bình {formatLag(p.meanLagMinutes)}.
            {p.dead > 0 && ` ${formatCount(p.dead)} hồ sơ ngừng đồng bộ cần gửi lại.`}
          </p>
          <p className="note">
            Hồ sơ chưa đồng bộ không được tính vào số liệu chính thức trên Cổng Dịch vụ công quốc gia. Độ trễ: thời gian từ bước
            xử lý cuối cùng đến khi Cổng xác nhận.
          </p>
          <TableScroll label="Đồng bộ theo đơn vị">
            <table className="admin-table figures-table">
              <caption className="visually-hidden">{`Đồng bộ Cổng DVC quốc gia theo đơn vị, tháng ${formatMonth(data.month)}`}</caption>
              <thead>
                <tr>
                  <th scope="col">Đơn vị</th>
                  <th scope="col">Tiếp nhận</th>
                  <th scope="col">Đã đồng bộ</th>
                  <th scope="col">Tỷ lệ đồng bộ</th>
                  <th scope="col">Độ trễ trung bình</th>
                  <th scope="col">Chờ lâu nhất</th>
                  <th scope="col">Lỗi / ngừng</th>
                </tr>
              </thead>
              <tbody>
                {data.units.map((u) => (
                  <tr key={u.unitId}>
                    <td>{u.unitName}</td>
                    <td>{formatCount(u.received)}</td>
                    <td>{formatCount(u.synced)}</td>
                    <td>{formatPercent(u.coverage)}</td>
                    <td>{formatLag(u.meanLagMinutes)}</td>
                    <td>{formatLag(u.oldestWaitingMinutes)}</td>
                    <td>
                      {formatCount(u.failed)} / {formatCount(u.dead)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
