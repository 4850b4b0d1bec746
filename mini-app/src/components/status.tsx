import { Link } from "react-router-dom";
import type { ApiFailure } from "../services/api";
import { HotlineNote } from "./contact";

export function Loading({ label = "Đang tải…" }: { label?: string }) {
  return (
    <p className="status" role="status" aria-live="polite">
      {label}
    </p>
  );
}

/** A failure to show: with `onRetry` a "Thử lại" button, with `home` a way back to the home screen. */
export function ErrorMessage({ message, onRetry, home }: { message: string; onRetry?: () => void; home?: boolean }) {
  return (
    <div className="status status--error" role="alert">
      <p>{message}</p>
      {(onRetry || home) && (
        <div className="status__actions">
          {onRetry && (
            <button type="button" className="button button--secondary" onClick={onRetry}>
              Thử lại
            </button>
          )}
          {home && (
            <Link to="/" className="button button--secondary">
              Về trang chủ
            </Link>
          )}
        </div>
      )}
    </div>
  );
}

/** Something that does not exist: retrying cannot help, going home can. */
export function NotFound({ message }: { message: string }) {
  return (
    <>
      <ErrorMessage message={message} home />
      <HotlineNote />
    </>
  );
}

/** A failed read: a 404 is "not found" with a way home, anything else can be retried. */
export function LoadFailure({ failure, onRetry }: { failure: ApiFailure; onRetry: () => void }) {
  return failure.status === 404 ? (
    <NotFound message={failure.message} />
  ) : (
    <ErrorMessage message={failure.message} onRetry={onRetry} />
  );
}

export function Empty({ message }: { message: string }) {
  return <p className="status">{message}</p>;
}
