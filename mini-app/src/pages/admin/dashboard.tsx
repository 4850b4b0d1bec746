import { type FormEvent, useCallback, useEffect, useMemo, useState } from "react";
import { Link } from "react-router-dom";
import type { Dashboard, Estimate766, FigureSettings, Metrics, Trends, UnitFigures } from "../../../../shared/src/figures/api";
import { formatDate, formatMonth, formatPercent } from "../../../../shared/src/format/vi";
import { ErrorMessage, Loading } from "../../components/status";
import type { Invalid } from "../../components/text-field";
import { errorMessage } from "../../services/api";
import { dashboardApi, figureSettingsApi } from "../../services/dashboard-api";
import type { SessionUser } from "../../stores/session";
import { useTask } from "../../utils/task";
import {
  againstTarget,
  currentMonth,
  Figure,
  formatCount,
  formatDays,
  MonthPicker,
  onlineRateNote,
  StatusBadge,
  TableScroll,
} from "./figures/parts";
import { PortalCoverageSection } from "./figures/portal-coverage";
import { TrendChart } from "./figures/trend-chart";
import { AdminLayout, FIGURES_ROLES } from "./layout";
import { ReasonField, reasonProblem } from "./people-parts";

/** The province (or a leader's unit) at a glance. */
export function Overview({ m }: { m: Metrics }) {
  return (
    <dl className="figures">
      <Figure label="Hồ sơ tiếp nhận" value={formatCount(m.received)}>
        Trực tuyến {formatCount(m.receivedOnline)} · trực tiếp {formatCount(m.receivedCounter)} · bưu chính{" "}
        {formatCount(m.receivedPostal)}
      </Figure>
      <Figure label="Tỷ lệ trực tuyến" value={formatPercent(m.onlineRate)}>
        {onlineRateNote(m.onlineRateCountsPostal)}
      </Figure>
      <Figure label="Tỷ lệ đúng hạn" value={formatPercent(m.onTimeRate)}>
        Trước hạn {formatCount(m.finishedEarly)} · đúng hạn {formatCount(m.finishedOnTime - m.finishedEarly)} · trễ hạn{" "}
        {formatCount(m.finishedLate)}
      </Figure>
      <Figure label="Quá hạn đang xử lý" value={formatCount(m.overdueOpen)}>
        trên {formatCount(m.openAtEnd)} hồ sơ đang xử lý
      </Figure>
      <Figure label="Tỷ lệ rút hồ sơ" value={formatPercent(m.withdrawalRate)}>
        Từ chối {formatPercent(m.refusalRate)} · yêu cầu bổ sung {formatPercent(m.supplementRate)}
      </Figure>
      <Figure label="Thời gian giải quyết bình quân" value={formatDays(m.averageDays)}>
        Thời hạn quy định bình quân {formatDays(m.averageAllowedDays)}
      </Figure>
      <Figure label="Kết quả điện tử" value={formatPercent(m.eResultRate)} />
      <Figure label="Số hóa · tái sử dụng" value={formatPercent(m.digitisedRate)}>
        Tái sử dụng giấy tờ {formatPercent(m.reuseRate)}
      </Figure>
      <Figure label="Nộp có hỗ trợ (tổ công nghệ số)" value={formatPercent(m.assistedShare)} />
      <Figure
        label="Thanh toán trực tuyến"
        value={m.onlinePaymentRate.measured ? formatPercent(m.onlinePaymentRate.value) : "Chưa đo"}
      />
      <Figure label="Mức độ hài lòng" value={m.satisfaction.measured ? formatPercent(m.satisfaction.value) : "Chưa đo"}>
        Đánh giá: {m.ratedVerySatisfied} rất hài lòng, {m.ratedSatisfied} hài lòng, {m.ratedDissatisfied} không hài lòng
      </Figure>
    </dl>
  );
}

const COHORT_TITLE: Record<UnitFigures["cohort"], string> = {
  department: "Sở, ban, ngành",
  commune: "Phường, xã",
  special_zone: "Đặc khu",
};

/** A cohort's units, best first: actual against target, what is still needed, and the pace to get there. */
function CohortTable({ title, units, month }: { title: string; units: UnitFigures[]; month: string }) {
  return (
    <section className="cohort" aria-label={title}>
      <h3 className="admin-subtitle">{title}</h3>
      <TableScroll label={`${title}: bảng kết quả`}>
        <table className="admin-table figures-table">
          <caption className="visually-hidden">{`${title}: kết quả tháng ${formatMonth(month)}`}</caption>
          <thead>
            <tr>
              <th scope="col">Hạng</th>
              <th scope="col">Đơn vị</th>
              <th scope="col">Tiếp nhận</th>
              <th scope="col">Trực tuyến / chỉ tiêu</th>
              <th scope="col">Đánh giá</th>
              <th scope="col">Hồ sơ còn cần</th>
              <th scope="col">Dự kiến cuối tháng</th>
              <th scope="col">Cần mỗi ngày</th>
              <th scope="col">Đúng hạn / chỉ tiêu</th>
              <th scope="col">Quá hạn</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.unitId}>
                <td>
                  {u.rankInCohort}/{u.cohortSize}
                </td>
                <th scope="row">
                  <Link to={`/quan-tri/bang-dieu-khien/${encodeURIComponent(u.unitId)}?thang=${month}`} className="text-link">
                    {u.name}
                  </Link>
                </th>
                <td>{formatCount(u.received)}</td>
                <td>{againstTarget(u.onlineRate, u.target)}</td>
                <td>
                  <StatusBadge status={u.status} />
                </td>
                <td>{formatCount(u.stillNeeded)}</td>
                <td>
                  {formatPercent(u.projection.onlineRate)} ({formatCount(u.projection.received)} hồ sơ)
                </td>
                <td>{u.pacePerDay === null ? "—" : `${formatCount(Math.ceil(u.pacePerDay))} hồ sơ/ngày`}</td>
                <td>
                  {againstTarget(u.onTimeRate, u.onTimeTarget)} <StatusBadge status={u.onTimeStatus} />
                </td>
                <td>{formatCount(u.overdueOpen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/** The units of the caller's scope, grouped by cohort and ranked. */
export function UnitTables({ units, month }: { units: UnitFigures[]; month: string }) {
  const groups = (Object.keys(COHORT_TITLE) as UnitFigures["cohort"][])
    .map((cohort) => ({
      cohort,
      units: units.filter((u) => u.cohort === cohort).sort((a, b) => a.rankInCohort - b.rankInCohort),
    }))
    .filter((g) => g.units.length > 0);
  return groups.map((g) => <CohortTable key={g.cohort} title={COHORT_TITLE[g.cohort]} units={g.units} month={month} />);
}

const percentOrDash = (v: number | null) => formatPercent(v);
const countOrDash = (v: number | null) => formatCount(v);

/** The last 12 months: online rate, on-time rate, and the volume by channel. */
export function TrendCharts({ trends }: { trends: Trends }) {
  const months = useMemo(() => trends.points.map((p) => p.month), [trends]);
  const online = useMemo(
    () => [{ label: "Tỷ lệ trực tuyến", color: "#b4232c", values: trends.points.map((p) => p.onlineRate) }],
    [trends],
  );
  const onTime = useMemo(
    () => [{ label: "Tỷ lệ đúng hạn", color: "#166534", values: trends.points.map((p) => p.onTimeRate) }],
    [trends],
  );
  const volume = useMemo(
    () => [
      { label: "Trực tuyến", color: "#b4232c", values: trends.points.map((p) => p.receivedOnline) },
      { label: "Trực tiếp", color: "#1d4ed8", values: trends.points.map((p) => p.receivedCounter), dash: [6, 4] },
      { label: "Bưu chính", color: "#4b5563", values: trends.points.map((p) => p.receivedPostal), dash: [2, 3] },
    ],
    [trends],
  );
  return (
    <div className="trends">
      <TrendChart title="Tỷ lệ hồ sơ trực tuyến theo tháng" months={months} series={online} format={percentOrDash} percent />
      <TrendChart title="Tỷ lệ giải quyết đúng hạn theo tháng" months={months} series={onTime} format={percentOrDash} percent />
      <TrendChart title="Hồ sơ tiếp nhận theo kênh" months={months} series={volume} format={countOrDash} />
    </div>
  );
}

const points = (n: number | null) =>
  n === null ? "Chưa đo" : new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 }).format(n);

const CRITERION_STATE: Record<
  Estimate766["groups"][number]["criteria"][number]["state"],
  (p: number | null, max: number) => string
> = {
  measured: (p, max) => `${points(p)}/${points(max)} điểm`,
  not_collected: () => "Chưa đo",
  no_data: () => "Chưa có hồ sơ trong kỳ",
};

/** Decision 766's index as an early warning only: the official score is computed centrally. */
function Estimate766View({ e }: { e: Estimate766 }) {
  return (
    <section className="section estimate" aria-labelledby="estimate-title">
      <h2 id="estimate-title" className="section__title">
        Chỉ số phục vụ theo Quyết định 766 <span className="badge badge--estimate">Ước tính</span>
      </h2>
      <p className="note">
        Đây là ước tính để cảnh báo sớm, không phải điểm chính thức (điểm chính thức do Cổng Dịch vụ công quốc gia tính và công
        bố). Ước tính {points(e.points)}/{points(e.measuredMaxPoints)} điểm trên các tiêu chí đã đo được; tổng thang điểm{" "}
        {points(e.maxPoints)}.
      </p>
      <TableScroll label={"Điểm ước tính theo nhóm tiêu chí"}>
        <table className="admin-table">
          <caption className="visually-hidden">Điểm ước tính theo nhóm tiêu chí</caption>
          <thead>
            <tr>
              <th scope="col">Nhóm tiêu chí</th>
              <th scope="col">Điểm ước tính</th>
              <th scope="col">Tiêu chí</th>
            </tr>
          </thead>
          <tbody>
            {e.groups.map((g) => (
              <tr key={g.key}>
                <th scope="row">{g.label}</th>
                <td>
                  {points(g.points)}/{points(g.measuredMaxPoints)}
                  {g.measuredMaxPoints < g.maxPoints && <span className="note"> (thang {points(g.maxPoints)})</span>}
                </td>
                <td>
                  <ul className="plain-list">
                    {g.criteria.map((c) => (
                      <li key={c.key}>
                        {c.label}: {CRITERION_STATE[c.state](c.points, c.maxPoints)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/** Whether postal dossiers count in the online rate's denominator: the province's choice, with a reason. */
function OnlineRateSetting({ onSaved }: { onSaved: () => void }) {
  const [settings, setSettings] = useState<FigureSettings | null>(null);
  const [countsPostal, setCountsPostal] = useState(false);
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState<Invalid>(null);
  const { busy, error, run } = useTask();
  useEffect(() => {
    figureSettingsApi.get().then(
      (s) => {
        setSettings(s);
        setCountsPostal(s.onlineRateCountsPostal);
      },
      () => setSettings(null),
    );
  }, []);
  if (!settings) return null;
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const problem = reasonProblem("postal-reason", reason);
      setInvalid(problem);
      if (problem) return;
      const saved = await figureSettingsApi.put(countsPostal, reason.trim());
      setSettings(saved);
      setReason("");
      onSaved();
    });
  };
  return (
    <form className="section" noValidate onSubmit={save} aria-labelledby="postal-title">
      <h2 id="postal-title" className="section__title">
        Cách tính tỷ lệ trực tuyến
      </h2>
      <label className="toggle">
        <input type="checkbox" checked={countsPostal} onChange={(e) => setCountsPostal(e.target.checked)} />
        <span>Tính hồ sơ nộp qua bưu chính vào mẫu số</span>
      </label>
      {settings.updatedAt && settings.updatedBy && (
        <p className="note">
          Thay đổi lần cuối: {settings.updatedBy.name}, {formatDate(settings.updatedAt)}
        </p>
      )}
      {countsPostal !== settings.onlineRateCountsPostal && (
        <>
          <ReasonField id="postal-reason" value={reason} onChange={setReason} invalid={invalid} />
          {error && <ErrorMessage message={error} />}
          <button type="submit" className="button button--secondary" disabled={busy}>
            {busy ? "Đang lưu…" : "Lưu cách tính"}
          </button>
        </>
      )}
    </form>
  );
}

function DashboardView({ user }: { user: SessionUser }) {
  const [month, setMonth] = useState(currentMonth);
  const [data, setData] = useState<Dashboard | null>(null);
  const [trends, setTrends] = useState<Trends | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    setError(null);
    setData(null);
    dashboardApi
      .get(month)
      .then(setData)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [month]);
  useEffect(load, [load]);
  useEffect(() => {
    dashboardApi.trends().then(setTrends, () => setTrends(null));
  }, []);

  const province = user.role === "admin";
  return (
    <>
      <div className="figures-head">
        <MonthPicker id="dashboard-month" value={month} onChange={setMonth} />
        {data && <p className="note">Số liệu đến hết ngày {formatDate(data.asOf)}.</p>}
      </div>
      {error && <ErrorMessage message={error} onRetry={load} />}
      {!data && !error && <Loading />}
      {data && (
        <>
          <section className="section" aria-labelledby="overview-title">
            <h2 id="overview-title" className="section__title">
              {province ? "Toàn tỉnh" : "Đơn vị của bạn"} tháng {formatMonth(data.month)}
            </h2>
            <Overview m={data.province} />
          </section>
          <section className="section" aria-labelledby="units-title">
            <h2 id="units-title" className="section__title">
              Kết quả từng đơn vị so với chỉ tiêu
            </h2>
            <p className="note">
              "Hồ sơ còn cần": số hồ sơ trực tuyến cần thêm trong tháng để đạt chỉ tiêu tỷ lệ trực tuyến. "Cần mỗi ngày": số hồ sơ
              trực tuyến cần mỗi ngày còn lại theo nhịp tiếp nhận hiện nay.
            </p>
            <UnitTables units={data.units} month={data.month} />
          </section>
        </>
      )}
      <section className="section" aria-labelledby="trends-title">
        <h2 id="trends-title" className="section__title">
          Diễn biến 12 tháng
        </h2>
        {trends ? <TrendCharts trends={trends} /> : <Loading />}
      </section>
      {data && province && <Estimate766View e={data.estimate766} />}
      {province && <PortalCoverageSection month={month} />}
      {province && <OnlineRateSetting onSaved={load} />}
    </>
  );
}

/** `/quan-tri/bang-dieu-khien`: the province's figures for the admin; a unit leader sees only their unit. */
export default function DashboardPage() {
  return (
    <AdminLayout title="Bảng điều khiển" roles={FIGURES_ROLES}>
      {(user) => <DashboardView user={user} />}
    </AdminLayout>
  );
}
