import { useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { Page } from "zmp-ui";
import { opensWorkspace } from "../../../../shared/src/auth/roles";
import { AppHeader } from "../../components/app-header";
import { AccountBar } from "../../components/session-gate";
import { SSO_NAME, SsoSignInButton, ssoFailureMessage } from "../../components/sso";
import { ErrorMessage, Loading } from "../../components/status";
import { errorMessage } from "../../services/api";
import { insideZalo } from "../../services/zalo";
import { useSession } from "../../stores/session";

const WORKSPACE = "/can-bo";

/** An in-app path from the fragment, never another site (`//host`). */
const inAppPath = (path: string | null) => (path && /^\/(?!\/)/.test(path) ? path : WORKSPACE);

/** The token when the sign-in started on an invitation's page (/moi/<token>): the exchange accepts it. */
const invitationToken = (path: string) => /^\/moi\/([A-Za-z0-9_-]{43})$/.exec(path)?.[1];

/** An accepted invitation leads to the work it gave, not back to the used link. */
function afterInvitation(): string {
  const role = useSession.getState().session?.user.role;
  if (role === "helper") return "/ho-tro";
  return role && opensWorkspace(role) ? WORKSPACE : "/";
}

/**
 * Desktop sign-in for staff and admins (/dang-nhap) with the province's SSO, also where an invitation
 * accepted with the SSO (from its /moi/<token> page) comes back to. The SSO callback
 * comes back here with `#code=<one-time code>&next=<path>` (exchanged at once for a session, then
 * on to `next`) or `#error=<reason>&next=<path>` (explained). The fragment is removed from the
 * address bar before anything else, so the code stays out of history and bookmarks.
 */
export default function SignInPage() {
  const navigate = useNavigate();
  const [fragment] = useState(() => new URLSearchParams(window.location.hash.slice(1)));
  const code = fragment.get("code");
  const next = inAppPath(fragment.get("next"));
  const [error, setError] = useState(() => (fragment.has("error") ? ssoFailureMessage(fragment.get("error")) : null));
  const [exchanging, setExchanging] = useState(Boolean(code));
  const user = useSession((s) => s.session?.user);
  const hydrate = useSession((s) => s.hydrate);
  const signInWithSsoCode = useSession((s) => s.signInWithSsoCode);
  const exchanged = useRef(false);

  useEffect(() => void hydrate(), [hydrate]);
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, "", window.location.pathname);
    // A code is single-use: exchange it once even when the effect runs twice.
    if (!code || exchanged.current) return;
    exchanged.current = true;
    const invitation = invitationToken(next);
    signInWithSsoCode(code, invitation).then(
      () => navigate(invitation ? afterInvitation() : next, { replace: true }),
      (e: unknown) => {
        setError(errorMessage(e));
        setExchanging(false);
      },
    );
  }, [code, next, navigate, signInWithSsoCode]);

  return (
    <Page className="page">
      <AppHeader title="Đăng nhập cho cán bộ" back={false} />
      {exchanging ? (
        <Loading label="Đang đăng nhập…" />
      ) : (
        <section className="section" aria-labelledby="sign-in-title">
          <h2 id="sign-in-title" className="section__title">
            Đăng nhập trên máy tính
          </h2>
          {error && <ErrorMessage message={error} />}
          {insideZalo() ? (
            <p>Trong Zalo, ứng dụng đăng nhập bằng tài khoản Zalo của bạn; không cần đăng nhập ở đây.</p>
          ) : user ? (
            <>
              <AccountBar user={user} />
              <Link to={WORKSPACE} className="button button--primary button--block">
                Đến hồ sơ cần xử lý
              </Link>
            </>
          ) : (
            <>
              <p>
                Cán bộ và quản trị đăng nhập bằng {SSO_NAME}, tài khoản đã được gắn với tài khoản Zalo của mình (qua lời mời của
                quản trị tỉnh hoặc nút “Liên kết đăng nhập trên máy tính”). Người dân dùng ứng dụng trong Zalo.
              </p>
              <SsoSignInButton returnPath={next} />
            </>
          )}
        </section>
      )}
    </Page>
  );
}
