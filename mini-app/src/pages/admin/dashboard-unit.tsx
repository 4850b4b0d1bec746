import { useCallback, useEffect, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import {
  DRILL_FIGURE_LABEL,
  DRILL_FIGURES,
  type DrillDossier,
  type DrillFigure,
  type OfficerFigureList,
  type Trends,
  type UnitDrill,
} from "../../../../shared/src/figures/api";
import { formatDate, formatMonth, formatPercent } from "../../../../shared/src/format/vi";
import { MoreButton } from "../../components/paged-list";
import { Empty, ErrorMessage, Loading } from "../../components/status";
import { errorMessage } from "../../services/api";
import { dashboardApi } from "../../services/dashboard-api";
import { useTask } from "../../utils/task";
import { Overview, TrendCharts, UnitTables } from "./dashboard";
import { currentMonth, formatCount, MonthPicker, TableScroll } from "./figures/parts";
import { AdminLayout, FIGURES_ROLES } from "./layout";

const CHANNEL_LABEL: Record<DrillDossier["channel"], string> = {
  online: "Trực tuyến",
  counter: "Trực tiếp",
  postal: "Bưu chính",
};

/** The dossiers behind one figure of the unit's month, overdue first; each opens in the staff workspace. */
function DossiersBehind({ unitId, month }: { unitId: string; month: string }) {
  const [figure, setFigure] = useState<DrillFigure>("overdue");
  const [items, setItems] = useState<DrillDossier[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const more = useTask();
  const load = useCallback(() => {
    setError(null);
    setItems(null);
    dashboardApi
      .dossiers(unitId, figure, month)
      .then((page) => {
        setItems(page.items);
        setCursor(page.nextCursor);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [unitId, month, figure]);
  useEffect(load, [load]);
  const loadMore = () =>
    more.run(async () => {
      if (!cursor) return;
      const page = await dashboardApi.dossiers(unitId, figure, month, cursor);
      setItems((all) => [...(all ?? []), ...page.items]);
      setCursor(page.nextCursor);
    });

  return (
    <section className="section" aria-labelledby="drill-title">
      <h2 id="drill-title" className="section__title">
        Hồ sơ theo chỉ số
      </h2>
      <div className="field">
        <label htmlFor="drill-figure" className="field__label">
          Chỉ số
        </label>
        <select id="drill-figure" value={figure} onChange={(e) => setFigure(e.target.value as DrillFigure)}>
          {DRILL_FIGURES.map((f) => (
            <option key={f} value={f}>
              {DRILL_FIGURE_LABEL[f]}
            </option>
          ))}
        </select>
      </div>
      {error && <ErrorMessage message={error} onRetry={load} />}
      {!items && !error && <Loading />}
      {items?.length === 0 && <Empty message="Không có hồ sơ nào." />}
      {items && items.length > 0 && (
        <TableScroll label={"Danh sách hồ sơ"}>
          <table className="admin-table">
            <caption className="visually-hidden">{`Hồ sơ: ${DRILL_FIGURE_LABEL[figure]}`}</caption>
            <thead>
              <tr>
                <th scope="col">Mã hồ sơ</th>
                <th scope="col">Thủ tục</th>
                <th scope="col">Kênh</th>
                <th scope="col">Tiếp nhận</th>
                <th scope="col">Hạn giải quyết</th>
                <th scope="col">Quá hạn</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.code}>
                  <th scope="row" className="admin-table__code">
                    <Link to={`/can-bo/ho-so/${encodeURIComponent(d.code)}`} className="text-link">
                      {d.code}
                    </Link>
                  </th>
                  <td>{d.procedureName}</td>
                  <td>{CHANNEL_LABEL[d.channel]}</td>
                  <td>{d.receivedAt ? formatDate(d.receivedAt) : "—"}</td>
                  <td>{d.dueDate ? formatDate(d.dueDate) : "—"}</td>
                  <td>{d.daysOverdue > 0 ? `${formatCount(d.daysOverdue)} ngày` : "Không"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {cursor && <MoreButton busy={more.busy} onMore={() => void loadMore()} />}
      {more.error && <ErrorMessage message={more.error} />}
    </section>
  );
}

/** Each officer's month (Bình Tân): accepted, decided on time and late, overdue, supplements asked. */
function Officers({ unitId, month }: { unitId: string; month: string }) {
  const [list, setList] = useState<OfficerFigureList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    setError(null);
    setList(null);
    dashboardApi
      .officers(unitId, month)
      .then(setList)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [unitId, month]);
  useEffect(load, [load]);
  return (
    <section className="section" aria-labelledby="officers-title">
      <h2 id="officers-title" className="section__title">
        Kết quả của từng cán bộ
      </h2>
      {error && <ErrorMessage message={error} onRetry={load} />}
      {!list && !error && <Loading />}
      {list?.items.length === 0 && <Empty message="Chưa có cán bộ nào tiếp nhận hay giải quyết hồ sơ trong tháng." />}
      {list && list.items.length > 0 && (
        <TableScroll label={"Bảng kết quả của từng cán bộ"}>
          <table className="admin-table">
            <caption className="visually-hidden">Kết quả của từng cán bộ</caption>
            <thead>
              <tr>
                <th scope="col">Cán bộ</th>
                <th scope="col">Tiếp nhận</th>
                <th scope="col">Giải quyết đúng hạn</th>
                <th scope="col">Giải quyết trễ hạn</th>
                <th scope="col">Quá hạn đang xử lý</th>
                <th scope="col">Yêu cầu bổ sung</th>
                <th scope="col">Tỷ lệ đúng hạn</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((o) => (
                <tr key={o.userId}>
                  <th scope="row">{o.name}</th>
                  <td>{formatCount(o.accepted)}</td>
                  <td>{formatCount(o.decidedOnTime)}</td>
                  <td>{formatCount(o.decidedLate)}</td>
                  <td>{formatCount(o.overdueOpen)}</td>
                  <td>{formatCount(o.supplementRequests)}</td>
                  <td>{formatPercent(o.onTimeRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function UnitFiguresView({ unitId }: { unitId: string }) {
  const [params, setParams] = useSearchParams();
  const month = params.get("thang") ?? currentMonth();
  const [drill, setDrill] = useState<UnitDrill | null>(null);
  const [trends, setTrends] = useState<Trends | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    setError(null);
    setDrill(null);
    dashboardApi
      .unit(unitId, month)
      .then(setDrill)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [unitId, month]);
  useEffect(load, [load]);
  useEffect(() => {
    dashboardApi.trends(unitId).then(setTrends, () => setTrends(null));
  }, [unitId]);

  return (
    <>
      <div className="figures-head">
        <MonthPicker id="unit-month" value={month} onChange={(m) => setParams({ thang: m }, { replace: true })} />
        <Link to="/quan-tri/bang-dieu-khien" className="text-link">
          Về bảng điều khiển
        </Link>
      </div>
      {error && <ErrorMessage message={error} onRetry={load} />}
      {!drill && !error && <Loading />}
      {drill && (
        <>
          <section className="section" aria-labelledby="unit-title">
            <h2 id="unit-title" className="section__title">
              {drill.unit.name} tháng {formatMonth(drill.month)}
            </h2>
            <p className="note">Số liệu đến hết ngày {formatDate(drill.asOf)}.</p>
            <Overview m={drill.unit} />
            <UnitTables units={[drill.unit]} month={drill.month} />
          </section>
          <section className="section" aria-labelledby="procedures-title">
            <h2 id="procedures-title" className="section__title">
              Theo thủ tục
            </h2>
            {drill.procedures.length === 0 ? (
              <Empty message="Chưa có hồ sơ trong tháng." />
            ) : (
              <TableScroll label={"Bảng kết quả theo thủ tục"}>
                <table className="admin-table">
                  <caption className="visually-hidden">Kết quả theo thủ tục</caption>
                  <thead>
                    <tr>
                      <th scope="col">Thủ tục</th>
                      <th scope="col">Tiếp nhận</th>
                      <th scope="col">Trực tuyến</th>
                      <th scope="col">Đúng hạn</th>
                      <th scope="col">Trễ hạn</th>
                      <th scope="col">Quá hạn đang xử lý</th>
                    </tr>
                  </thead>
                  <tbody>
                    {drill.procedures.map((p) => (
                      <tr key={p.procedureCode}>
                        <th scope="row">{p.name}</th>
                        <td>{formatCount(p.received)}</td>
                        <td>{formatPercent(p.onlineRate)}</td>
                        <td>{formatPercent(p.onTimeRate)}</td>
                        <td>{formatCount(p.finishedLate)}</td>
                        <td>{formatCount(p.overdueOpen)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>
        </>
      )}
      <DossiersBehind unitId={unitId} month={month} />
      <Officers unitId={unitId} month={month} />
      <section className="section" aria-labelledby="unit-trends-title">
        <h2 id="unit-trends-title" className="section__title">
          Diễn biến 12 tháng
        </h2>
        {trends ? <TrendCharts trends={trends} /> : <Loading />}
      </section>
    </>
  );
}

/** `/quan-tri/bang-dieu-khien/:unitId`: a unit's procedures, the dossiers behind its figures, its officers. */
export default function DashboardUnitPage() {
  const { unitId = "" } = useParams();
  return (
    <AdminLayout title="Số liệu đơn vị" roles={FIGURES_ROLES}>
      {() => <UnitFiguresView unitId={unitId} />}
    </AdminLayout>
  );
}
