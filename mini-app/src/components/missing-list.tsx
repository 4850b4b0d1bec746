import type { ReactNode, RefObject } from "react";
import type { MissingItem } from "../../../shared/src/dossier/completeness";
import type { ApiFailure } from "../services/api";

/** "Còn thiếu": what still keeps a dossier from being filed. */
function MissingList({ items, label }: { items: MissingItem[]; label: string }) {
  return (
    <ul className="missing-list" aria-label={label}>
      {items.map((item) => (
        <li key={`${item.kind}-${item.kind === "field" ? item.key : item.docIndex}`}>
          <strong>{item.label}</strong>: {item.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * The "Còn thiếu" section of a filing form ("Sẵn sàng nộp" once nothing is), focused (`focusRef`)
 * when filing is refused for what is missing.
 */
export function MissingSummary(props: { items: MissingItem[]; focusRef: RefObject<HTMLElement>; children?: ReactNode }) {
  return (
    <section className="section" aria-labelledby="missing-title" ref={props.focusRef} tabIndex={-1}>
      <h2 id="missing-title" className="section__title">
        {props.items.length === 0 ? "Sẵn sàng nộp" : "Còn thiếu"}
      </h2>
      {props.items.length === 0 ? (
        <p className="ok-note">Hồ sơ đã đủ thông tin và giấy tờ bắt buộc.</p>
      ) : (
        <MissingList items={props.items} label="Danh sách còn thiếu" />
      )}
      {props.children}
    </section>
  );
}

/**
 * The foot of a filing form: why it was not filed (`incomplete` here, or the server's `failure`
 * with what it found missing, then `children`), and the submit button.
 */
export function SubmitBar(props: {
  incomplete: string | null;
  failure: ApiFailure | null;
  submitting: boolean;
  label: string;
  busyLabel: string;
  children?: ReactNode;
}) {
  const { failure } = props;
  const serverMissing =
    failure?.code === "incomplete" && Array.isArray(failure.details) ? (failure.details as MissingItem[]) : null;
  return (
    <section className="section submit-bar">
      {props.incomplete && (
        <div className="status status--error" role="alert">
          <p>{props.incomplete}</p>
        </div>
      )}
      {failure && (
        <div className="status status--error" role="alert">
          <p>{failure.message}</p>
          {serverMissing && <MissingList items={serverMissing} label="Máy chủ báo còn thiếu" />}
          {props.children}
        </div>
      )}
      <button type="submit" className="button button--primary button--block" disabled={props.submitting}>
        {props.submitting ? props.busyLabel : props.label}
      </button>
    </section>
  );
}
