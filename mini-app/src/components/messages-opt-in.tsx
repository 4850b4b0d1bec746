import { useEffect, useState } from "react";
import { authApi } from "../services/authed-api";
import { followOfficialAccount } from "../services/zalo";
import { useSnackbar } from "./snackbar";

/**
 * After a resident's first submission (never at launch): asks once, with the reason, to allow
 * Zalo messages about their dossiers. The answer is kept by the API, so they are not asked again.
 */
export function MessagesOptIn() {
  const { openSnackbar } = useSnackbar();
  const [state, setState] = useState<{ oaId: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let active = true;
    authApi.messagesState().then(
      (s) => active && s.answer === null && setState({ oaId: s.oaId }),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, []);
  if (!state) return null;

  const answer = async (allow: boolean) => {
    setBusy(true);
    const allowed = allow && (await followOfficialAccount(state.oaId));
    try {
      await authApi.answerMessages(allowed ? "allowed" : "refused");
      setState(null);
      if (allowed) openSnackbar({ text: "Bạn sẽ nhận thông báo về hồ sơ qua Zalo.", type: "success" });
    } catch {
      openSnackbar({ text: "Chưa lưu được lựa chọn, vui lòng thử lại.", type: "error" });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="messages-opt-in">
      <h2 id="messages-opt-in" className="section__title">
        Nhận thông báo qua Zalo
      </h2>
      <p>
        Cho phép Một Cửa gửi tin nhắn Zalo để nhận thông báo khi hồ sơ cần bổ sung hoặc có kết quả. Bạn vẫn xem được mọi thông báo
        trong ứng dụng.
      </p>
      <button type="button" className="button button--block" disabled={busy} onClick={() => void answer(true)}>
        Cho phép nhận tin nhắn
      </button>
      <button type="button" className="button button--link button--block" disabled={busy} onClick={() => void answer(false)}>
        Không, cảm ơn
      </button>
    </section>
  );
}
