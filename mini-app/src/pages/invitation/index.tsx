import { useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { opensWorkspace } from "../../../../shared/src/auth/roles";
import { formatDate } from "../../../../shared/src/format/vi";
import { invitationPath } from "../../../../shared/src/links/deep-link";
import { AppHeader } from "../../components/app-header";
import { RequireSession } from "../../components/session-gate";
import { SSO_NAME, SsoSignInButton } from "../../components/sso";
import { ErrorMessage, Loading } from "../../components/status";
import { errorMessage } from "../../services/api";
import { type InvitationPreview, invitationApi } from "../../services/people-api";
import { insideZalo } from "../../services/zalo";
import { type SessionUser, useSession } from "../../stores/session";
import { useTask } from "../../utils/task";

function Accept({ token, preview, user }: { token: string; preview: InvitationPreview; user: SessionUser }) {
  const setUser = useSession((s) => s.setUser);
  const navigate = useNavigate();
  const { busy, error, run } = useTask();
  const [accepted, setAccepted] = useState(false);
  const accept = () =>
    run(async () => {
      const me = await invitationApi.accept(token);
      setUser(me);
      setAccepted(true);
      if (opensWorkspace(me.role)) navigate("/can-bo", { replace: true });
      else if (me.role === "helper") navigate("/ho-tro", { replace: true });
    });
  if (accepted)
    return (
      <section className="section">
        <p role="status">Bạn đã nhận vai trò {preview.roleLabel}.</p>
        <Link to="/" className="button button--secondary button--block">
          Về trang chủ
        </Link>
      </section>
    );
  return (
    <section className="section" aria-labelledby="accept-title">
      <h2 id="accept-title" className="section__title">
        Nhận lời mời
      </h2>
      <p>
        Bạn đang đăng nhập bằng tài khoản <strong>{user.displayName || "Zalo"}</strong>. Khi nhận lời mời, tài khoản này trở thành
        tài khoản {preview.roleLabel.toLocaleLowerCase("vi")}
        {preview.unit && ` của ${preview.unit.name}`}; bạn vẫn nộp hồ sơ của riêng mình như trước.
      </p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button button--primary button--block" disabled={busy} onClick={() => void accept()}>
        {busy ? "Đang nhận…" : "Nhận lời mời"}
      </button>
    </section>
  );
}

function Invitation({ token }: { token: string }) {
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    invitationApi
      .preview(token)
      .then(setPreview)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [token]);
  if (error) return <ErrorMessage message={error} home />;
  if (!preview) return <Loading />;
  return (
    <>
      <section className="section" aria-labelledby="invitation-title">
        <h2 id="invitation-title" className="section__title">
          Lời mời làm cán bộ
        </h2>
        <p>
          <strong>{preview.invitedBy}</strong> (quản trị của tỉnh) mời <strong>{preview.displayName}</strong> làm{" "}
          <strong>{preview.roleLabel}</strong>
          {preview.unit && (
            <>
              {" "}
              tại <strong>{preview.unit.name}</strong>
            </>
          )}
          .
        </p>
        <p className="note">Lời mời có hiệu lực đến hết ngày {formatDate(preview.expiresAt)} và chỉ dùng được một lần.</p>
      </section>
      <RequireSession purpose="Đăng nhập bằng Zalo để nhận lời mời." personaRoles={["resident"]}>
        {(user) => <Accept token={token} preview={preview} user={user} />}
      </RequireSession>
      <AcceptOnDesktop token={token} />
    </>
  );
}

/** Outside Zalo and not signed in: accept with the province's SSO account instead (a desktop at work). */
function AcceptOnDesktop({ token }: { token: string }) {
  const signedIn = useSession((s) => Boolean(s.session));
  if (insideZalo() || signedIn) return null;
  return (
    <section className="section" aria-labelledby="accept-desktop-title">
      <h2 id="accept-desktop-title" className="section__title">
        Nhận lời mời trên máy tính
      </h2>
      <p className="note">
        Không dùng Zalo trên máy này? Đăng nhập bằng {SSO_NAME}: lời mời được gắn với tài khoản đó, và từ nay bạn đăng nhập trên
        máy tính bằng tài khoản ấy.
      </p>
      <SsoSignInButton returnPath={invitationPath(token)} invitation={token} />
    </section>
  );
}

/** `/moi/:token`: the invited person opens the admin's link or QR in Zalo and accepts the role. */
export default function InvitationPage() {
  const { token = "" } = useParams();
  return (
    <Page className="page">
      <AppHeader title="Lời mời làm cán bộ" />
      <Invitation token={token} />
    </Page>
  );
}
