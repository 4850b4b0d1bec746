import type { ReactNode } from "react";
import { ErrorMessage, Loading } from "./status";

/**
 * A list read page by page (by cursor): the first page's loading and failure, what to show when
 * there is nothing, then the items and "Xem thêm" while there are more.
 */
export function PagedList(props: {
  status: "idle" | "loading" | "done" | "error";
  error: string | null;
  count: number;
  more: boolean;
  onLoad: () => void;
  onMore: () => void;
  empty: ReactNode;
  children: ReactNode;
}) {
  const { status, error, count, onMore } = props;
  if (status === "error" && count === 0) return <ErrorMessage message={error ?? ""} onRetry={props.onLoad} />;
  if (status !== "done" && count === 0) return <Loading />;
  if (count === 0) return <section className="section">{props.empty}</section>;
  return (
    <section className="section">
      {props.children}
      {status === "error" && <ErrorMessage message={error ?? ""} onRetry={onMore} />}
      {props.more && status !== "error" && <MoreButton busy={status === "loading"} onMore={onMore} />}
    </section>
  );
}

/** "Xem thêm": the next page of a list read by cursor, disabled while it loads. */
export function MoreButton({ busy, onMore }: { busy: boolean; onMore: () => void }) {
  return (
    <button type="button" className="button button--secondary button--block" disabled={busy} onClick={onMore}>
      {busy ? "Đang tải…" : "Xem thêm"}
    </button>
  );
}
