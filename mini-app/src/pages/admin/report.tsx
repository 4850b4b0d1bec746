import { type FormEvent, useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { type MonthlyReport, REPORT_REASON_LABEL, type ReportData, type ReportUnit } from "../../../../shared/src/figures/api";
import { formatDate, formatDateLine, formatMonth, formatPercent } from "../../../../shared/src/format/vi";
import { useSnackbar } from "../../components/snackbar";
import { ErrorMessage, Loading } from "../../components/status";
import { Field } from "../../components/text-field";
import { errorMessage } from "../../services/api";
import { reportApi } from "../../services/dashboard-api";
import { saveBlob } from "../../utils/download";
import { useTask } from "../../utils/task";
import { againstTarget, formatCount, formatDays, onlineRateNote, StatusBadge } from "./figures/parts";
import { AdminLayout } from "./layout";
import { PrepareReport, ReportState } from "./reports";

const COHORT_LABEL: Record<ReportUnit["cohort"], string> = {
  department: "Sở, ban, ngành",
  commune: "Phường, xã",
  special_zone: "Đặc khu",
};

/** The units of one part of the report, with their figures against their targets. */
function UnitTable({ caption, units }: { caption: string; units: ReportUnit[] }) {
  if (units.length === 0) return <p>Không có đơn vị nào.</p>;
  return (
    <table className="report-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">TT</th>
          <th scope="col">Đơn vị</th>
          <th scope="col">Nhóm</th>
          <th scope="col">Tiếp nhận</th>
          <th scope="col">Trực tuyến / chỉ tiêu</th>
          <th scope="col">Hồ sơ còn thiếu</th>
          <th scope="col">Đúng hạn / chỉ tiêu</th>
          <th scope="col">Quá hạn</th>
          <th scope="col">Xếp hạng</th>
          <th scope="col">Ghi chú</th>
        </tr>
      </thead>
      <tbody>
        {units.map((u, i) => (
          <tr key={u.unitId}>
            <td>{i + 1}</td>
            <th scope="row">{u.name}</th>
            <td>{COHORT_LABEL[u.cohort]}</td>
            <td>{formatCount(u.received)}</td>
            <td>
              {againstTarget(u.onlineRate, u.onlineTarget)} <StatusBadge status={u.onlineStatus} />
            </td>
            <td>{formatCount(u.stillNeeded)}</td>
            <td>
              {againstTarget(u.onTimeRate, u.onTimeTarget)} <StatusBadge status={u.onTimeStatus} />
            </td>
            <td>{formatCount(u.overdueOpen)}</td>
            <td>
              {u.rankInCohort}/{u.cohortSize}
            </td>
            <td>{u.reasons.map((r) => REPORT_REASON_LABEL[r]).join("; ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Tỉnh An Hòa" → "An Hòa": the place of the date line. */
const placeName = (province: string) => province.replace(/^(Tỉnh|Thành phố)\s+/i, "");

/** The report as the province files it: an A4 administrative document, printed or saved as PDF. */
function ReportDocument({ report }: { report: MonthlyReport }) {
  const d: ReportData = report.data;
  const p = d.province;
  return (
    <article className="report-a4" aria-labelledby="report-title">
      <header className="report-a4__head">
        <div className="report-a4__issuer">
          <p>ỦY BAN NHÂN DÂN</p>
          <p className="report-a4__strong">{d.provinceName.toUpperCase()}</p>
        </div>
        <div className="report-a4__motto">
          <p className="report-a4__strong">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
          <p className="report-a4__strong report-a4__underlined">Độc lập - Tự do - Hạnh phúc</p>
          <p className="report-a4__date">
            {placeName(d.provinceName)}, {formatDateLine(new Date())}
          </p>
        </div>
      </header>
      <h2 id="report-title" className="report-a4__title">
        BÁO CÁO KẾT QUẢ THÁNG {formatMonth(d.month)}
      </h2>
      <p className="report-a4__subtitle">
        Kết quả giải quyết thủ tục hành chính, tỷ lệ hồ sơ trực tuyến và thực hiện chỉ tiêu của các đơn vị
        <br />
        (số liệu đến hết ngày {formatDate(d.asOf)})
      </p>

      <h3>I. Kết quả chung của tỉnh</h3>
      <table className="report-table">
        <caption className="visually-hidden">Kết quả chung của tỉnh</caption>
        <tbody>
          <tr>
            <th scope="row">Hồ sơ tiếp nhận</th>
            <td>
              {formatCount(p.received)} (trực tuyến {formatCount(p.receivedOnline)}; trực tiếp {formatCount(p.receivedCounter)}
              {"; "}bưu chính {formatCount(p.receivedPostal)})
            </td>
          </tr>
          <tr>
            <th scope="row">Tỷ lệ hồ sơ trực tuyến</th>
            <td>
              {formatPercent(p.onlineRate)} ({onlineRateNote(d.onlineRateCountsPostal)})
            </td>
          </tr>
          <tr>
            <th scope="row">Tỷ lệ giải quyết đúng hạn</th>
            <td>
              {formatPercent(p.onTimeRate)} (trước hạn {formatCount(p.finishedEarly)}; đúng hạn{" "}
              {formatCount(p.finishedOnTime - p.finishedEarly)}; trễ hạn {formatCount(p.finishedLate)})
            </td>
          </tr>
          <tr>
            <th scope="row">Hồ sơ quá hạn đang xử lý</th>
            <td>{formatCount(p.overdueOpen)}</td>
          </tr>
          <tr>
            <th scope="row">Thời gian giải quyết bình quân</th>
            <td>
              {formatDays(p.averageDays)} (thời hạn quy định bình quân {formatDays(p.averageAllowedDays)})
            </td>
          </tr>
          <tr>
            <th scope="row">Tỷ lệ rút hồ sơ; từ chối; yêu cầu bổ sung</th>
            <td>
              {formatPercent(p.withdrawalRate)}; {formatPercent(p.refusalRate)}; {formatPercent(p.supplementRate)}
            </td>
          </tr>
        </tbody>
      </table>

      <h3>II. Đơn vị được biểu dương</h3>
      <UnitTable caption="Đơn vị được biểu dương" units={d.praise} />
      <h3>III. Đơn vị cần nhắc nhở, chấn chỉnh</h3>
      <UnitTable caption="Đơn vị cần nhắc nhở" units={d.remind} />
      <h3>IV. Kết quả của từng đơn vị</h3>
      <UnitTable caption="Kết quả của từng đơn vị" units={d.units} />

      {report.reviewedAt && report.reviewNote && (
        <>
          <h3>V. Ý kiến rà soát</h3>
          <p>{report.reviewNote}</p>
        </>
      )}
      <p className="report-a4__note">
        Số liệu do hệ thống một cửa điện tử của tỉnh tổng hợp tự động; chỉ số theo Quyết định 766 (nếu có) chỉ là ước tính.
      </p>
    </article>
  );
}

function Review({ report, onReviewed }: { report: MonthlyReport; onReviewed: (r: MonthlyReport) => void }) {
  const [note, setNote] = useState(report.reviewNote);
  const { busy, error, run } = useTask();
  const { openSnackbar } = useSnackbar();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      onReviewed(await reportApi.review(report.month, note.trim()));
      openSnackbar({ type: "success", text: "Đã ghi nhận rà soát báo cáo." });
    });
  };
  return (
    <form className="section no-print" noValidate onSubmit={submit} aria-labelledby="review-title">
      <h2 id="review-title" className="section__title">
        Rà soát
      </h2>
      <p>
        <ReportState report={report} />
        {report.reviewedAt && report.reviewedBy && (
          <span className="note">
            {" "}
            {report.reviewedBy.name}, {formatDate(report.reviewedAt)}
          </span>
        )}
      </p>
      <Field
        id="review-note"
        label="Ý kiến rà soát"
        value={note}
        onChange={setNote}
        invalid={null}
        optional
        multiline
        maxLength={2000}
      />
      {error && <ErrorMessage message={error} />}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? "Đang lưu…" : report.reviewedAt ? "Cập nhật rà soát" : "Đánh dấu đã rà soát"}
      </button>
    </form>
  );
}

function ReportView({ month }: { month: string }) {
  const [report, setReport] = useState<MonthlyReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const csv = useTask();
  const load = useCallback(() => {
    setError(null);
    setReport(null);
    reportApi
      .get(month)
      .then(setReport)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [month]);
  useEffect(load, [load]);
  const downloadCsv = () => csv.run(async () => saveBlob(await reportApi.csv(month), `bao-cao-thang-${month}.csv`));

  if (error) return <ErrorMessage message={error} onRetry={load} />;
  if (!report) return <Loading />;
  return (
    <>
      <div className="report-actions no-print">
        <Link to="/quan-tri/bao-cao" className="text-link">
          Tất cả báo cáo
        </Link>
        <button type="button" className="button button--secondary" disabled={csv.busy} onClick={() => void downloadCsv()}>
          {csv.busy ? "Đang tải…" : "Tải CSV"}
        </button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          In / Lưu PDF
        </button>
      </div>
      {csv.error && <ErrorMessage message={csv.error} />}
      <ReportDocument report={report} />
      <Review report={report} onReviewed={setReport} />
      <PrepareReport month={report.month} onPrepared={load} />
    </>
  );
}

/** `/quan-tri/bao-cao/:month`: the month's praise and reminders, the CSV, the printable A4 page, the review. */
export default function ReportPage() {
  const { month = "" } = useParams();
  return <AdminLayout title={`Báo cáo tháng ${formatMonth(month)}`}>{() => <ReportView month={month} />}</AdminLayout>;
}
