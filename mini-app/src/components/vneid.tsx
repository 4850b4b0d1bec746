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
 * Explains, at the moment filing needs it, why a linked VNeID identity is needed, what the link
 * shares and that it happens once; then starts the link through the province's SSO. The provider
 * sends the resident back to `returnPath` with `?vneid=ok`, where the profile is read again.
 */
export function VneidRequired({ returnPath, procedureName }: { returnPath: string; procedureName?: string }) {
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
    <section className="section vneid-link" aria-labelledby="vneid-title">
      <h2 id="vneid-title" className="section__title">
        Liên kết tài khoản định danh điện tử VNeID
      </h2>
      <p>
        {procedureName ? <>Để nộp hồ sơ “{procedureName}” trực tuyến, bạn </> : "Để nộp hồ sơ trực tuyến, bạn "}
        cần liên kết tài khoản Zalo này với tài khoản định danh điện tử VNeID của mình.
      </p>
      <h3 className="vneid-link__heading">Vì sao cần?</h3>
      <p>
        Từ ngày 01/07/2024, người dân nộp hồ sơ trực tuyến phải đăng nhập bằng VNeID (Nghị định 69/2024/NĐ-CP), để cơ quan giải
        quyết biết chắc chính bạn là người nộp.
      </p>
      <h3 className="vneid-link__heading">Những thông tin nào được chia sẻ?</h3>
      <p>
        Chỉ họ và tên, số định danh cá nhân, ngày sinh, giới tính và nơi thường trú. Các thông tin này được điền sẵn vào tờ khai
        để bạn không phải gõ lại. Ứng dụng không biết mật khẩu VNeID của bạn.
      </p>
      <h3 className="vneid-link__heading">Chỉ làm một lần</h3>
      <p>Sau khi đăng nhập VNeID, bạn được đưa về đúng tờ khai này. Những lần nộp sau không cần liên kết lại.</p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button button--primary button--block" disabled={busy} onClick={() => void start()}>
        {busy ? "Đang mở VNeID…" : "Liên kết VNeID"}
      </button>
    </section>
  );
}
