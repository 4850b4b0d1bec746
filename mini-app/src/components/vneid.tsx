import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { errorMessage } from "../services/api";
import { authApi } from "../services/authed-api";
import { openExternal } from "../services/zalo";
import { useSession } from "../stores/session";

/**
 * Explains why a procedure needs a VNeID-verified identity and starts the linking through the
 * province's SSO. Coming back with `?vneid=ok`, the profile is read again.
 */
export function VneidRequired({ returnPath, procedureName }: { returnPath: string; procedureName: string }) {
  const [params] = useSearchParams();
  const setUser = useSession((s) => s.setUser);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const returned = params.get("vneid") === "ok";

  useEffect(() => {
    if (returned) authApi.me().then(setUser, (e: unknown) => setError(errorMessage(e)));
  }, [returned, setUser]);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const { authorizationUrl } = await authApi.startVneid(returnPath);
      await openExternal(authorizationUrl);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="vneid-title">
      <h2 id="vneid-title" className="section__title">Cần xác thực danh tính bằng VNeID</h2>
      <p>
        Thủ tục “{procedureName}” yêu cầu người nộp đã xác thực danh tính bằng tài khoản định danh điện tử VNeID (Nghị định
        69/2024/NĐ-CP). Bạn chỉ cần xác thực một lần; sau đó quay lại đây để nộp hồ sơ.
      </p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button button--primary button--block" disabled={busy} onClick={() => void start()}>
        {busy ? "Đang mở VNeID…" : "Xác thực bằng VNeID"}
      </button>
    </section>
  );
}
