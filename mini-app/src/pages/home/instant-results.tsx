import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { procedurePath } from "../../../../shared/src/links/deep-link";
import { createSearchStore } from "../../stores/search";
import { lifeEventPath } from "./life-events";

const DEBOUNCE_MS = 200;

/** Top matches while the resident types, before they open the full results. */
export function InstantResults({ query, onShowAll }: { query: string; onShowAll: () => void }) {
  const [useResults] = useState(createSearchStore);
  const { items, lead, status, key, search } = useResults();
  const events = status === "done" ? (lead?.lifeEvents ?? []) : [];
  const q = query.trim();

  useEffect(() => {
    if (!q) return;
    const timer = setTimeout(() => void search({ q }, 5), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q, search]);

  if (!q || key === null) return null;
  return (
    <section className="instant" aria-label="Kết quả gợi ý" aria-live="polite">
      {status === "done" && items.length === 0 && events.length === 0 && (
        <p className="status">Không tìm thấy thủ tục phù hợp với “{q}”.</p>
      )}
      {status === "error" && <p className="status status--error">Chưa tìm được, vui lòng thử lại.</p>}
      <ul className="instant__list">
        {events.map((event) => (
          <li key={event.slug}>
            <Link to={lifeEventPath(event.slug)} className="instant__item">
              <span className="instant__name">{event.title}</span>
              <span className="instant__meta">Sự kiện · {event.procedures.length} thủ tục theo thứ tự</span>
            </Link>
          </li>
        ))}
        {items.map((item) => (
          <li key={item.code}>
            <Link to={procedurePath(item.code)} className="instant__item">
              <span className="instant__name">{item.name}</span>
              <span className="instant__meta">{item.field.name}</span>
            </Link>
          </li>
        ))}
      </ul>
      {items.length + events.length > 0 && (
        <button type="button" className="button button--link" onClick={onShowAll}>
          Xem tất cả kết quả
        </button>
      )}
    </section>
  );
}
