import { create } from "zustand";
import { ApiFailure } from "../services/api";
import { authApi, type Session, setAuthProvider } from "../services/authed-api";
import { getZaloAccessToken, storageGet, storageRemove, storageSet } from "../services/zalo";

const STORAGE_KEY = "mot-cua.session";

export type SessionUser = Session["user"];

type SessionState = {
  session: Session | null;
  /** The stored session has been read (it may have been empty). */
  hydrated: boolean;
  hydrate: () => Promise<void>;
  /** Inside Zalo: exchanges Zalo's access token for our session. */
  signInWithZalo: () => Promise<void>;
  /** Staff on a desktop: exchanges the one-time code of the province's SSO for our session, accepting `invitation` first if given. */
  signInWithSsoCode: (code: string, invitation?: string) => Promise<void>;
  /** Development only: signs in as a named test persona. */
  signInAsPersona: (persona: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Replaces the signed-in user's profile (after VNeID linking, a phone number…). */
  setUser: (user: SessionUser) => void;
};

function readStored(text: string | null): Session | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Session>;
    return typeof value.accessToken === "string" && typeof value.refreshToken === "string" && value.user
      ? (value as Session)
      : null;
  } catch {
    return null;
  }
}

/**
 * The signed-in user (a resident in Zalo, or staff on a desktop through the province's SSO). Persisted through the Zalo adapter (nativeStorage inside Zalo,
 * localStorage elsewhere). Refresh tokens rotate, so every new session is stored at once.
 */
export const useSession = create<SessionState>()((set, get) => {
  let hydrating: Promise<void> | null = null;

  const store = async (session: Session | null) => {
    set({ session, hydrated: true });
    if (session) await storageSet(STORAGE_KEY, JSON.stringify(session));
    else await storageRemove(STORAGE_KEY);
  };

  return {
    session: null,
    hydrated: false,
    hydrate: () =>
      (hydrating ??= storageGet(STORAGE_KEY).then((text) => {
        // A sign-in that finished while storage was being read wins.
        if (!get().session) set({ session: readStored(text) });
        set({ hydrated: true });
      })),
    signInWithZalo: async () => {
      const token = await getZaloAccessToken();
      if (!token) throw new ApiFailure(0, "unavailable", "Vui lòng mở ứng dụng trong Zalo để đăng nhập.");
      await store(await authApi.zaloSignIn(token));
    },
    signInWithSsoCode: async (code, invitation) => {
      await store(await authApi.exchangeSsoCode(code, invitation));
    },
    signInAsPersona: async (persona) => {
      await store(await authApi.devSignIn(persona));
    },
    signOut: async () => {
      const session = get().session;
      await store(null);
      if (session) await authApi.logout(session.accessToken).catch(() => undefined);
    },
    setUser: (user) => {
      const session = get().session;
      if (session) void store({ ...session, user });
    },
  };
});

let renewing: Promise<boolean> | null = null;

/** One refresh at a time: a rotated refresh token presented twice revokes the whole session. */
function renew(): Promise<boolean> {
  renewing ??= (async () => {
    const current = useSession.getState().session;
    if (!current) return false;
    try {
      const next = await authApi.refresh(current.refreshToken);
      // Signed out (or in as someone else) meanwhile: keep what is there now.
      if (useSession.getState().session?.refreshToken !== current.refreshToken) return false;
      useSession.setState({ session: next });
      await storageSet(STORAGE_KEY, JSON.stringify(next));
      return true;
    } catch (e) {
      // The refresh token is no longer valid: sign in again. A network failure keeps the session.
      if (e instanceof ApiFailure && e.status === 401 && useSession.getState().session === current) {
        useSession.setState({ session: null });
        await storageRemove(STORAGE_KEY);
      }
      return false;
    }
  })().finally(() => {
    renewing = null;
  });
  return renewing;
}

setAuthProvider({ accessToken: () => useSession.getState().session?.accessToken ?? null, renew });
