import { useCallback, useEffect, useRef, useState } from "react";
import { Link } from "react-router-dom";
import { CHANNEL_LABEL } from "../../../../shared/src/dossier/channel";
import { inStatusGroup } from "../../../../shared/src/dossier/status";
import { formatDate } from "../../../../shared/src/format/vi";
import { StatusBadge } from "../../components/badges";
import { ClockPaused, FileLinks, FormValuesList, SubmittedDocuments, Timeline } from "../../components/dossier-parts";
import { StaffFeeSection } from "../../components/fee-section";
import { ErrorMessage, Loading } from "../../components/status";
import { type ApiFailure, errorMessage } from "../../services/api";
import { type AuditResult, type StaffDossierData, staffApi } from "../../services/staff-api";
import { useStaffInbox } from "../../stores/staff";
import { formatDateTime } from "../../utils/format";
import { useTask } from "../../utils/task";
import { ActionBar } from "./actions";
import { AssignmentSection } from "./assignment";
import { DueBadge } from "./parts";
import { PortalSyncSection } from "./portal-sync";
import { PRINT_FORMS, printableForms, printPath } from "./print-forms";

const STALE_MESSAGE = "Hồ sơ vừa được người khác cập nhật, đã tải lại.";

function Head({ detail }: { detail: StaffDossierData }) {
  return (
    <section className="section procedure-head" aria-labelledby="staff-dossier-title">
      <h2 id="staff-dossier-title" className="procedure-head__name">
        {detail.procedure.name}
      </h2>
      <p className="note">Mã hồ sơ {detail.code}</p>
      <p className="badges-row">
        <StatusBadge status={detail.status} label={detail.statusLabel} />
        <DueBadge state={detail.dueState} />
      </p>
      {detail.withdrawalRequested && !inStatusGroup("withdrawn", detail.status) && (
        <p className="note">Công dân đã đề nghị rút hồ sơ, chờ xác nhận.</p>
      )}
      <dl className="facts facts--stacked facts--plain">
        <div>
          <dt>Người nộp</dt>
          <dd>
            {detail.applicant.name}
            {detail.applicant.phone && ` · ${detail.applicant.phone}`}
            {detail.applicant.vneidVerified && <span className="note"> · đã xác thực VNeID</span>}
          </dd>
        </div>
        <div>
          <dt>Kênh nộp, ngày nộp</dt>
          <dd>
            {CHANNEL_LABEL[detail.channel]} · {formatDateTime(detail.submittedAt)}
          </dd>
          {detail.assistedBy && (
            <dd className="note">Nộp trực tuyến với sự hỗ trợ của Tổ công nghệ số cộng đồng: {detail.assistedBy}</dd>
          )}
        </div>
        {detail.receivedAt && (
          <div>
            <dt>Ngày tiếp nhận</dt>
            <dd>{formatDateTime(detail.receivedAt)}</dd>
          </div>
        )}
        <div>
          <dt>Hạn trả kết quả{detail.receivedAt ? "" : " (dự kiến)"}</dt>
          <dd>{detail.dueDate ? formatDate(detail.dueDate) : "Chưa có"}</dd>
          {detail.pausedAt && <ClockPaused pausedAt={detail.pausedAt} />}
          {detail.dueExplanation && <dd className="note">{detail.dueExplanation}</dd>}
        </div>
        {detail.promisedDate && (
          <div>
            <dt>Ngày hẹn lại (đã gửi thư xin lỗi)</dt>
            <dd>{formatDate(detail.promisedDate)}</dd>
          </div>
        )}
        <div>
          <dt>Cơ quan giải quyết</dt>
          <dd>{detail.handlingUnit.name}</dd>
        </div>
      </dl>
    </section>
  );
}

/** "In phiếu": the desk's forms that apply to this dossier now, each opened in a print view. */
function PrintLinks({ detail }: { detail: StaffDossierData }) {
  const forms = printableForms(detail);
  if (forms.length === 0) return null;
  return (
    <section className="section" aria-labelledby="print-title">
      <h2 id="print-title" className="section__title">
        In phiếu
      </h2>
      <ul className="plain-list print-links">
        {forms.map((form) => (
          <li key={form}>
            <Link to={printPath(detail.code, form)} className="text-link">
              In phiếu Mẫu {form}: {PRINT_FORMS[form]}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The tamper-evident event chain and who read the dossier, on demand. */
function AuditSection({ code }: { code: string }) {
  const [report, setReport] = useState<AuditResult | null>(null);
  const { busy, error, run } = useTask();
  const check = () => run(async () => setReport(await staffApi.audit(code)));
  return (
    <section className="section" aria-labelledby="audit-title">
      <h2 id="audit-title" className="section__title">
        Nhật ký kiểm tra
      </h2>
      {report && (
        <>
          <p className={report.valid ? "ok-note" : "field__error"} role="status">
            {report.valid
              ? `Chuỗi nhật ký toàn vẹn (${report.events} sự kiện).`
              : `Chuỗi nhật ký bị thay đổi từ sự kiện số ${report.brokenAtSeq ?? "?"}.`}
          </p>
          {report.reads.length > 0 && (
            <ul className="plain-list" aria-label="Lượt xem hồ sơ">
              {report.reads.map((r) => (
                <li key={`${r.actorId}-${r.at}`}>
                  {r.actorName} · {formatDateTime(r.at)} <span className="note">· {r.reason}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {error && <ErrorMessage message={error} />}
      <button type="button" className="button button--small button--secondary" disabled={busy} onClick={() => void check()}>
        {busy ? "Đang kiểm tra…" : report ? "Kiểm tra lại" : "Kiểm tra nhật ký"}
      </button>
    </section>
  );
}

function DossierView(props: {
  detail: StaffDossierData;
  notice: string | null;
  onUpdated: (d: StaffDossierData) => void;
  onStale: (e: ApiFailure) => void;
}) {
  const { detail } = props;
  return (
    <>
      {props.notice && (
        <div className="status status--error" role="alert">
          <p>{props.notice}</p>
        </div>
      )}
      <Head detail={detail} />
      <AssignmentSection detail={detail} />
      <ActionBar detail={detail} onUpdated={props.onUpdated} onStale={props.onStale} />
      <StaffFeeSection
        code={detail.code}
        status={detail.status}
        version={detail.version}
        refund={async (orderRef, reason) => {
          await staffApi.refund(detail.code, { orderRef, reason });
        }}
      />
      <PrintLinks detail={detail} />
      {detail.supplement && (
        <section className="section section--action" aria-labelledby="open-supplement-title">
          <h2 id="open-supplement-title" className="section__title">
            Đang chờ công dân bổ sung
          </h2>
          <p className="note">Yêu cầu ngày {formatDateTime(detail.supplement.requestedAt)}</p>
          <ul className="missing-list" aria-label="Giấy tờ đã yêu cầu bổ sung">
            {detail.supplement.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          {detail.supplement.note && <p>{detail.supplement.note}</p>}
        </section>
      )}
      {detail.results.length > 0 && (
        <section className="section" aria-labelledby="results-title">
          <h2 id="results-title" className="section__title">
            Kết quả giải quyết
          </h2>
          <FileLinks files={detail.results} label="Tệp kết quả" preview />
        </section>
      )}
      <Timeline events={detail.timeline} preview />
      <SubmittedDocuments documents={detail.documents} preview />
      <FormValuesList procedureCode={detail.procedure.code} form={detail.form} />
      <PortalSyncSection key={`${detail.code}-${detail.timeline.length}`} code={detail.code} />
      <AuditSection key={detail.code} code={detail.code} />
    </>
  );
}

/** One dossier as an officer works on it: read fresh on opening, replaced by each action's answer. */
export function StaffDossier({ code }: { code: string }) {
  const [detail, setDetail] = useState<StaffDossierData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refreshInbox = useStaffInbox((s) => s.refresh);
  // Another row may be chosen while a dossier is still loading: only the latest one is shown.
  const latest = useRef(code);
  latest.current = code;

  const load = useCallback(async () => {
    setError(null);
    try {
      const next = await staffApi.get(code);
      if (latest.current === code) setDetail(next);
    } catch (e) {
      if (latest.current === code) setError(errorMessage(e));
    }
  }, [code]);

  useEffect(() => {
    setDetail(null);
    setNotice(null);
    void load();
  }, [load]);

  const updated = (next: StaffDossierData) => {
    setDetail(next);
    setNotice(null);
    refreshInbox();
  };
  // Someone else moved the dossier on (412), or the step no longer applies (409): show what is there now.
  const stale = (failure: ApiFailure) => {
    setNotice(failure.status === 412 ? STALE_MESSAGE : `${failure.message} Hồ sơ đã được tải lại.`);
    void load();
    refreshInbox();
  };

  if (error && !detail) return <ErrorMessage message={error} onRetry={() => void load()} />;
  if (!detail || detail.code !== code) return <Loading />;
  return <DossierView detail={detail} notice={notice} onUpdated={updated} onStale={stale} />;
}
