import { useEffect, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { formatFileSize } from "../../../../shared/src/files/files";
import { AppHeader } from "../../components/app-header";
import { RequireSession } from "../../components/session-gate";
import { ErrorMessage, Loading } from "../../components/status";
import { VneidRequired, vneidFailureMessage } from "../../components/vneid";
import { ApiFailure, errorMessage } from "../../services/api";
import { type AssistedPreview, assistedApi } from "../../services/assisted-api";
import { useDossiers } from "../../stores/dossiers";
import type { SessionUser } from "../../stores/session";
import { formatDateTime } from "../../utils/format";
import { useTask } from "../../utils/task";

function Summary({ preview, user }: { preview: AssistedPreview; user: SessionUser }) {
  return (
    <>
      <section className="section" aria-labelledby="assisted-who">
        <h2 id="assisted-who" className="section__title">
          Nộp hồ sơ thay bạn
        </h2>
        <p>
          {preview.helperRoleLabel} — <strong>{preview.helperName}</strong> — nộp hồ sơ <strong>{preview.procedure.name}</strong>{" "}
          thay bạn, tại {preview.receivingUnit.name}.
        </p>
        <p>
          Hồ sơ sẽ thuộc về bạn (tài khoản Zalo <strong>{user.displayName || "của bạn"}</strong>): bạn theo dõi trong “Hồ sơ của
          tôi” và nhận thông báo về hồ sơ. Người hỗ trợ không xem được hồ sơ sau khi nộp.
        </p>
        <p className="note">Đường liên kết có hiệu lực đến {formatDateTime(preview.expiresAt)} và chỉ dùng được một lần.</p>
      </section>
      <section className="section" aria-labelledby="assisted-form">
        <h2 id="assisted-form" className="section__title">
          Thông tin đã khai
        </h2>
        <dl className="facts facts--stacked">
          {preview.fields.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="section" aria-labelledby="assisted-docs">
        <h2 id="assisted-docs" className="section__title">
          Giấy tờ đính kèm
        </h2>
        {preview.documents.length === 0 ? (
          <p>Không có giấy tờ đính kèm.</p>
        ) : (
          <ul className="plain-list">
            {preview.documents.map((d) => (
              <li key={d.name}>
                <strong>{d.name}</strong>
                {d.files.map((f) => (
                  <span key={f.name} className="note">
                    {" "}
                    · {f.name} ({formatFileSize(f.size)})
                  </span>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function Consent({ token, user }: { token: string; user: SessionUser }) {
  const [preview, setPreview] = useState<AssistedPreview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, run } = useTask();
  const [needsVneid, setNeedsVneid] = useState(false);
  const [params] = useSearchParams();
  const remember = useDossiers((s) => s.remember);
  const navigate = useNavigate();
  useEffect(() => {
    assistedApi.preview(token).then(setPreview, (e: unknown) => setLoadError(errorMessage(e)));
  }, [token]);
  if (loadError) return <ErrorMessage message={loadError} home />;
  if (!preview) return <Loading />;
  const confirm = () =>
    run(async () => {
      try {
        const receipt = await assistedApi.confirm(token);
        remember(receipt);
        navigate(`/h/${receipt.code}`, { replace: true });
      } catch (e) {
        // Filing online needs the resident's own VNeID link: explain it here, then come back.
        if (e instanceof ApiFailure && e.code === "identity_required") setNeedsVneid(true);
        else throw e;
      }
    });
  if (needsVneid) return <VneidRequired returnPath={`/uy-quyen/${token}`} procedureName={preview.procedure.name} />;
  return (
    <>
      <Summary preview={preview} user={user} />
      <section className="section">
        {params.get("vneid") === "failed" && <ErrorMessage message={vneidFailureMessage(params.get("reason"))} />}
        <p>
          Bấm “Đồng ý và nộp” là bạn đồng ý nộp hồ sơ này và cho phép cơ quan giải quyết xử lý dữ liệu cá nhân trong hồ sơ (Nghị
          định 13/2023/NĐ-CP), và cam đoan thông tin đã khai là đúng sự thật.
        </p>
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <button type="button" className="button button--primary button--block" disabled={busy} onClick={() => void confirm()}>
          {busy ? "Đang nộp…" : "Đồng ý và nộp"}
        </button>
        <Link to="/" className="button button--link button--block">
          Không đồng ý
        </Link>
      </section>
    </>
  );
}

/** `/uy-quyen/:token`: the resident, in their own Zalo, reads what was prepared for them and consents. */
export default function AssistedConsentPage() {
  const { token = "" } = useParams();
  return (
    <Page className="page">
      <AppHeader title="Xác nhận nộp hồ sơ" />
      <RequireSession purpose="Đăng nhập bằng Zalo của bạn để xem và xác nhận hồ sơ." personaRoles={["resident"]}>
        {(user) => <Consent token={token} user={user} />}
      </RequireSession>
    </Page>
  );
}
