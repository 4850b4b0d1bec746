import { useEffect, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { formatDate } from "../../../../shared/src/format/vi";
import { AppHeader } from "../../components/app-header";
import { StatusBadge } from "../../components/badges";
import { ClockPaused } from "../../components/dossier-parts";
import { ErrorMessage, Loading } from "../../components/status";
import { ApiFailure, errorMessage } from "../../services/api";
import { type TrackData, trackApi } from "../../services/authed-api";
import { formatDateTime } from "../../utils/format";

type State =
  | { kind: "loading" }
  | { kind: "found"; data: TrackData }
  | { kind: "not-found" }
  | { kind: "error"; message: string };

function NotFound() {
  return (
    <section className="section" role="alert" aria-labelledby="not-found-title">
      <h2 id="not-found-title" className="section__title">
        Không tìm thấy hồ sơ
      </h2>
      <p>Mã hồ sơ hoặc liên kết tra cứu không đúng. Vui lòng quét lại mã QR trên biên nhận, hoặc xem trong “Hồ sơ của tôi”.</p>
      <Link to="/" className="button button--secondary">
        Về trang chủ
      </Link>
    </section>
  );
}

/** The public status of one dossier behind its receipt's QR code: no sign-in, no personal data. */
export default function TrackPage() {
  const { code = "" } = useParams();
  const [params] = useSearchParams();
  const token = params.get("k") ?? "";
  const [state, setState] = useState<State>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!token) {
      setState({ kind: "not-found" });
      return;
    }
    let active = true;
    setState({ kind: "loading" });
    trackApi.get(code, token).then(
      (data) => active && setState({ kind: "found", data }),
      (e: unknown) => {
        if (!active) return;
        if (e instanceof ApiFailure && (e.status === 404 || e.status === 400)) setState({ kind: "not-found" });
        else setState({ kind: "error", message: errorMessage(e) });
      },
    );
    return () => {
      active = false;
    };
  }, [code, token, attempt]);

  return (
    <Page className="page">
      <AppHeader title="Tra cứu hồ sơ" />
      {state.kind === "loading" && <Loading />}
      {state.kind === "not-found" && <NotFound />}
      {state.kind === "error" && <ErrorMessage message={state.message} onRetry={() => setAttempt((n) => n + 1)} />}
      {state.kind === "found" && (
        <section className="section" aria-labelledby="track-title">
          <h2 id="track-title" className="procedure-head__name">
            {state.data.procedureName}
          </h2>
          <dl className="facts facts--stacked">
            <div>
              <dt>Mã hồ sơ</dt>
              <dd>{state.data.code}</dd>
            </div>
            <div>
              <dt>Tình trạng</dt>
              <dd>
                <StatusBadge status={state.data.status} label={state.data.statusLabel} />
              </dd>
            </div>
            <div>
              <dt>Cơ quan giải quyết</dt>
              <dd>{state.data.unitName}</dd>
            </div>
            <div>
              <dt>Thời gian nộp</dt>
              <dd>{formatDateTime(state.data.submittedAt)}</dd>
            </div>
            <div>
              <dt>Ngày tiếp nhận</dt>
              <dd>{state.data.receivedAt ? formatDateTime(state.data.receivedAt) : "Chưa tiếp nhận"}</dd>
            </div>
            <div>
              <dt>Ngày hẹn trả kết quả{state.data.receivedAt ? "" : " (dự kiến)"}</dt>
              <dd>{state.data.dueDate ? formatDate(state.data.dueDate) : "Không có"}</dd>
              {state.data.pausedAt && <ClockPaused pausedAt={state.data.pausedAt} />}
            </div>
            {state.data.resultAt && (
              <div>
                <dt>Ngày có kết quả</dt>
                <dd>{formatDate(state.data.resultAt)}</dd>
                {state.data.onTime !== null && (
                  <dd className={state.data.onTime ? "on-time" : "late"}>{state.data.onTime ? "Đúng hạn" : "Trễ hạn"}</dd>
                )}
              </div>
            )}
          </dl>
        </section>
      )}
    </Page>
  );
}
