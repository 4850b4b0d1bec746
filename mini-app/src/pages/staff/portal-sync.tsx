import { type FormEvent, useCallback, useEffect, useState } from "react";
import { ErrorMessage } from "../../components/status";
import { errorMessage } from "../../services/api";
import { type PortalSyncData, staffApi } from "../../services/staff-api";
import { formatDateTime } from "../../utils/format";
import { useTask } from "../../utils/task";

/**
 * The dossier's sync to the national public-service portal: its state, and for a province admin a
 * re-send of a failed or stopped sync, with the reason the record of changes keeps.
 */
export function PortalSyncSection({ code }: { code: string }) {
  const [sync, setSync] = useState<PortalSyncData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const { busy, error, setError, run } = useTask();

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      setSync(await staffApi.portalSync(code));
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, [code]);
  useEffect(() => void load(), [load]);

  const resend = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) return setError("Vui lòng ghi lý do gửi lại (ít nhất 3 ký tự).");
    void run(async () => {
      setSync(await staffApi.resendToPortal(code, reason.trim()));
      setReason("");
    });
  };

  return (
    <section className="section" aria-labelledby="portal-sync-title">
      <h2 id="portal-sync-title" className="section__title">
        Đồng bộ Cổng Dịch vụ công quốc gia
      </h2>
      {loadError && <ErrorMessage message={loadError} onRetry={() => void load()} />}
      {sync && (
        <>
          <p className={sync.state === "synced" ? "ok-note" : sync.state === "pending" ? "note" : "field__error"} role="status">
            {sync.label}
          </p>
          <ul className="plain-list">
            {sync.syncedAt && <li>Đồng bộ gần nhất: {formatDateTime(sync.syncedAt)}</li>}
            {sync.waitingEvents > 0 && <li>Bước xử lý chờ gửi: {sync.waitingEvents}</li>}
            {sync.attempts > 0 && (
              <li>
                Số lần gửi lỗi: {sync.attempts}
                {sync.lastAttemptAt && ` · lần gần nhất ${formatDateTime(sync.lastAttemptAt)}`}
              </li>
            )}
          </ul>
          {sync.canResend && (
            <form onSubmit={resend} noValidate>
              <div className="field">
                <label htmlFor="portal-resend-reason" className="field__label">
                  Lý do gửi lại
                </label>
                <input
                  id="portal-resend-reason"
                  type="text"
                  value={reason}
                  maxLength={500}
                  onChange={(e) => setReason(e.target.value)}
                />
              </div>
              {error && <ErrorMessage message={error} />}
              <button type="submit" className="button button--small" disabled={busy}>
                {busy ? "Đang gửi lại…" : "Gửi lại Cổng DVC quốc gia"}
              </button>
            </form>
          )}
        </>
      )}
    </section>
  );
}
