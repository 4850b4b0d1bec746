import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import type { SsoFailure } from "../../../shared/src/auth/api";
import { authApi } from "../services/authed-api";
import { openExternal } from "../services/zalo";
import { useTask } from "../utils/task";

/** The province's single sign-on as staff know it. */
export const SSO_NAME = "tài khoản một cửa của tỉnh";

const FAILURE_MESSAGES: Record<SsoFailure, string> = {
  expired: "Phiên đăng nhập đã hết hạn hoặc đã được dùng. Vui lòng đăng nhập lại.",
  cancelled: "Bạn đã hủy đăng nhập tại hệ thống một cửa của tỉnh. Bạn có thể thử lại khi sẵn sàng.",
  rejected: "Kết quả đăng nhập từ hệ thống một cửa của tỉnh không hợp lệ. Vui lòng đăng nhập lại.",
  unavailable: "Hệ thống đăng nhập một cửa của tỉnh đang gián đoạn. Vui lòng thử lại sau ít phút.",
  unknown_account:
    "Tài khoản một cửa này chưa được gắn với tài khoản cán bộ nào. Hãy mở lời mời của quản trị tỉnh, hoặc đăng nhập ứng dụng trong Zalo rồi chọn “Liên kết đăng nhập trên máy tính”.",
  not_staff: "Đăng nhập trên máy tính chỉ dành cho cán bộ và quản trị. Người dân vui lòng dùng ứng dụng trong Zalo.",
  disabled: "Tài khoản cán bộ của bạn đã bị khóa. Vui lòng liên hệ quản trị tỉnh.",
  identity_taken: "Tài khoản một cửa này đã được liên kết với một tài khoản cán bộ khác. Vui lòng liên hệ quản trị tỉnh.",
  account_linked: "Tài khoản của bạn đã được liên kết với một tài khoản một cửa khác.",
};

/** What to tell the person after the SSO sent them back with a failure `reason`. */
export function ssoFailureMessage(reason: string | null): string {
  return (reason && FAILURE_MESSAGES[reason as SsoFailure]) || "Đăng nhập chưa thành công. Bạn có thể thử lại.";
}

/**
 * Sends the browser to the province's SSO; it comes back to /dang-nhap, then to `returnPath`.
 * With `invitation` (on the invitation page, outside Zalo) the SSO account accepts it.
 */
export function SsoSignInButton({ returnPath, invitation }: { returnPath: string; invitation?: string }) {
  const { busy, error, run } = useTask();
  const start = () =>
    run(async () => {
      const { authorizationUrl } = await authApi.startSso(returnPath, invitation);
      window.location.assign(authorizationUrl);
    });
  return (
    <>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button button--primary button--block" disabled={busy} onClick={() => void start()}>
        {busy ? "Đang mở trang đăng nhập…" : `Đăng nhập bằng ${SSO_NAME}`}
      </button>
    </>
  );
}

/**
 * For signed-in staff: binds their account at the province's SSO to this account, so they can
 * sign in on a desktop. Coming back with `?sso=linked` or `?sso=failed&reason=`, says how it went.
 */
export function DesktopSignInLink({ returnPath }: { returnPath: string }) {
  const [params] = useSearchParams();
  const { busy, error, setError, run } = useTask();
  const [linked, setLinked] = useState(false);
  const outcome = params.get("sso");
  const reason = params.get("reason");

  useEffect(() => {
    if (outcome === "linked") setLinked(true);
    else if (outcome === "failed") setError(ssoFailureMessage(reason));
  }, [outcome, reason, setError]);

  const start = () =>
    run(async () => {
      const { authorizationUrl } = await authApi.startSsoLink(returnPath);
      await openExternal(authorizationUrl);
    });

  return (
    <div className="desktop-link">
      {linked && (
        <p className="note" role="status">
          Đã liên kết. Từ nay bạn có thể đăng nhập trên máy tính bằng {SSO_NAME}.
        </p>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button button--small button--link" disabled={busy} onClick={() => void start()}>
        {busy ? "Đang mở trang đăng nhập…" : "Liên kết đăng nhập trên máy tính"}
      </button>
    </div>
  );
}
