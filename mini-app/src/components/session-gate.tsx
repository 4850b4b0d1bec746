import { lazy, type ReactNode, Suspense, useEffect, useState } from "react";
import type { Role } from "../../../shared/src/auth/api";
import { errorMessage } from "../services/api";
import { insideZalo } from "../services/zalo";
import { type SessionUser, useSession } from "../stores/session";
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

/**
 * Renders its children only for a signed-in user. Sign-in is lazy: it happens when a page that
 * needs it opens (Nộp hồ sơ, Hồ sơ của tôi), inside Zalo with the Zalo account, in development
 * with a test persona, and nowhere else.
 */
export function RequireSession(props: {
  purpose: string;
  /** In development, offer only personas with these roles (the staff workspace offers staff). */
  personaRoles?: readonly Role[];
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
  if (PersonaPicker) {
    return (
      <Suspense fallback={<Loading />}>
        <PersonaPicker purpose={purpose} roles={props.personaRoles} />
      </Suspense>
    );
  }
  return <ErrorMessage message={`${purpose} Vui lòng mở ứng dụng trong Zalo để đăng nhập.`} />;
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
