import { lazy, type ReactNode, Suspense, useEffect, useState } from "react";
import type { Role } from "../../../shared/src/auth/api";
import { errorMessage } from "../services/api";
import { insideZalo } from "../services/zalo";
import { type SessionUser, useSession } from "../stores/session";
import { SSO_NAME, SsoSignInButton } from "./sso";
import { ErrorMessage, Loading } from "./status";

// The persona picker exists only in development builds; production has no such chunk.
const PersonaPicker = import.meta.env.DEV ? lazy(() => import("./persona-picker")) : null;

/** Signs in with Zalo once, when the page that needs it opens. */
function ZaloSignIn({ purpose }: { purpose: string }) {
  const signIn = useSession((s) => s.signInWithZalo);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let active = true;
    signIn().catch((e: unknown) => active && setError(errorMessage(e)));
    return () => {
      active = false;
    };
  }, [signIn, attempt]);
  if (error) {
    return (
      <ErrorMessage
        message={`${purpose} ${error}`}
        onRetry={() => {
          setError(null);
          setAttempt((n) => n + 1);
        }}
      />
    );
  }
  return <Loading label="Đang đăng nhập bằng Zalo…" />;
}

/** Staff outside Zalo: sign in with the province's SSO and come back to `returnPath`. */
function DesktopSignIn({ purpose, returnPath }: { purpose: string; returnPath: string }) {
  return (
    <section className="section" aria-labelledby="desktop-sign-in-title">
      <h2 id="desktop-sign-in-title" className="section__title">
        Đăng nhập trên máy tính
      </h2>
      <p className="note">
        {purpose} Cán bộ và quản trị đăng nhập bằng {SSO_NAME}.
      </p>
      <SsoSignInButton returnPath={returnPath} />
    </section>
  );
}

/**
 * Renders its children only for a signed-in user. Sign-in is lazy: it happens when a page that
 * needs it opens (Nộp hồ sơ, Hồ sơ của tôi), inside Zalo with the Zalo account; outside Zalo,
 * staff pages offer the province's SSO, and development builds a test persona.
 */
export function RequireSession(props: {
  purpose: string;
  /** In development, offer only personas with these roles (the staff workspace offers staff). */
  personaRoles?: readonly Role[];
  /** A staff page: outside Zalo, offer the province's SSO, which comes back to this path. */
  ssoReturnPath?: string;
  children: (user: SessionUser) => ReactNode;
}) {
  const { purpose, children } = props;
  const hydrated = useSession((s) => s.hydrated);
  const user = useSession((s) => s.session?.user);
  const hydrate = useSession((s) => s.hydrate);
  useEffect(() => void hydrate(), [hydrate]);

  if (!hydrated) return <Loading />;
  if (user) return <>{children(user)}</>;
  if (insideZalo()) return <ZaloSignIn purpose={purpose} />;
  const desktop = props.ssoReturnPath ? <DesktopSignIn purpose={purpose} returnPath={props.ssoReturnPath} /> : null;
  if (PersonaPicker) {
    return (
      <>
        {desktop}
        <Suspense fallback={<Loading />}>
          <PersonaPicker purpose={purpose} roles={props.personaRoles} />
        </Suspense>
      </>
    );
  }
  return desktop ?? <ErrorMessage message={`${purpose} Vui lòng mở ứng dụng trong Zalo để đăng nhập.`} />;
}

/** Who is signed in; outside Zalo (development personas) another user can be chosen. */
export function AccountBar({ user }: { user: SessionUser }) {
  const signOut = useSession((s) => s.signOut);
  return (
    <p className="account-bar">
      <span>
        Đang đăng nhập: <strong>{user.displayName}</strong>
      </span>
      {!insideZalo() && (
        <button type="button" className="button button--small button--link" onClick={() => void signOut()}>
          Đổi người dùng
        </button>
      )}
    </p>
  );
}
