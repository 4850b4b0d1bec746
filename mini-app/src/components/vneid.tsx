import { useEffect } from "react";
import { useSearchParams } from "react-router-dom";
import { errorMessage } from "../services/api";
import { authApi } from "../services/authed-api";
import { openExternal } from "../services/zalo";
import { useSession } from "../stores/session";
import { useTask } from "../utils/task";

const FAILURE_MESSAGES: Record<string, string> = {
  expired: "Phiên xác thực VNeID đã hết hạn. Vui lòng xác thực lại.",
  cancelled: "Bạn đã hủy xác thực VNeID. Bạn có thể thử lại khi sẵn sàng.",
  rejected: "Kết quả xác thực VNeID không hợp lệ. Vui lòng xác thực lại.",
  unavailable: "Hệ thống xác thực VNeID đang gián đoạn. Vui lòng thử lại sau ít phút.",
  identity_taken:
    "Danh tính VNeID này đã được liên kết với một tài khoản Zalo khác. Vui lòng đăng nhập bằng tài khoản đó hoặc liên hệ đường dây nóng.",
  account_linked: "Tài khoản của bạn đã được liên kết với một danh tính VNeID khác.",
};

/** What to tell the resident after the SSO sent them back with `?vneid=failed&reason=…`. */
export function vneidFailureMessage(reason: string | null): string {
  return (reason && FAILURE_MESSAGES[reason]) || "Xác thực VNeID chưa thành công. Bạn có thể thử lại.";
}

/**
 * Explains why a procedure needs a VNeID-verified identity and starts the linking through the
 * province's SSO. Coming back with `?vneid=ok`, the profile is read again.
 */
export function VneidRequired({ returnPath, procedureName }: { returnPath: string; procedureName: string }) {
  const [params] = useSearchParams();
  const setUser = useSession((s) => s.setUser);
  const { busy, error, setError, run } = useTask();
  const returned = params.get("vneid") === "ok";

  useEffect(() => {
    if (returned) authApi.me().then(setUser, (e: unknown) => setError(errorMessage(e)));
  }, [returned, setUser]);

  const start = () =>
    run(async () => {
      const { authorizationUrl } = await authApi.startVneid(returnPath);
      await openExternal(authorizationUrl);
    });

  return (
    <section className="section" aria-labelledby="vneid-title">
      <h2 id="vneid-title" className="section__title">
        Cần xác thực danh tính bằng VNeID
      </h2>
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
