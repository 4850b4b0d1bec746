import { useEffect, useState } from "react";
import type { Role } from "../../../shared/src/auth/api";
import { ApiFailure, errorMessage } from "../services/api";
import { authApi, type Persona } from "../services/authed-api";
import { useSession } from "../stores/session";
import { ErrorMessage, Loading } from "./status";

/**
 * Development sign-in without Zalo: pick one of the API's test personas. Only loaded when
 * `import.meta.env.DEV` is true, and only offered when the API answers the persona list.
 */
export default function PersonaPicker({ purpose, roles }: { purpose: string; roles?: readonly Role[] }) {
  const signIn = useSession((s) => s.signInAsPersona);
  const [personas, setPersonas] = useState<Persona[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    authApi
      .devPersonas()
      .then(({ items }) => setPersonas(roles ? items.filter((p) => roles.includes(p.role)) : items))
      .catch((e: unknown) =>
        setError(
          e instanceof ApiFailure && e.status === 404
            ? "Máy chủ không bật đăng nhập thử. Vui lòng mở ứng dụng trong Zalo để đăng nhập."
            : errorMessage(e),
        ),
      );
  }, [roles]);

  const choose = async (id: string) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(id);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="persona-title">
      <h2 id="persona-title" className="section__title">
        Chọn người dùng thử (chỉ dùng khi phát triển)
      </h2>
      <p className="note">{purpose} Trong Zalo, ứng dụng đăng nhập bằng tài khoản Zalo của bạn.</p>
      {error && <ErrorMessage message={error} />}
      {!personas && !error && <Loading />}
      {personas && (
        <ul className="plain-list persona-list">
          {personas.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="button button--secondary button--block"
                disabled={busy}
                onClick={() => void choose(p.id)}
              >
                {p.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
