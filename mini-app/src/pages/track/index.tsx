import { useEffect, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { HotlineNote } from "../../components/contact";
import { ErrorMessage, Loading } from "../../components/status";
import { TrackedDossier } from "../../components/tracked-dossier";
import { ApiFailure, errorMessage } from "../../services/api";
import { type TrackData, trackApi } from "../../services/authed-api";

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
      <Link to="/tra-cuu" className="button button--secondary">
        Tra cứu bằng mã hồ sơ
      </Link>
      <HotlineNote />
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
      {state.kind === "found" && <TrackedDossier data={state.data} />}
    </Page>
  );
}
