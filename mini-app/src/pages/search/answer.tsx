import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { procedurePath } from "../../../../shared/src/links/deep-link";
import { HotlineNote } from "../../components/contact";
import { ProcedureList } from "../../components/procedure-card";
import { ProcedureResults } from "../../components/procedure-results";
import { ErrorMessage, Loading } from "../../components/status";
import { createSearchStore, type SearchLead, type SearchParams } from "../../stores/search";
import { lifeEventPath } from "../home/life-events";

const MOST_USED: SearchParams = {};

/** What leads the results: the paper the query names and what replaced it, then the life events it names. */
function Lead({ lead, noResults }: { lead: SearchLead; noResults: boolean }) {
  const { replacement, lifeEvents } = lead;
  return (
    <>
      {replacement && (
        <section className="search-lead" aria-label={`Về ${replacement.paper}`}>
          <p>
            <strong>{replacement.paper}:</strong> {replacement.explanation}
          </p>
          {replacement.procedure && (
            <Link to={procedurePath(replacement.procedure.code)} className="text-link">
              {replacement.procedure.name}
            </Link>
          )}
        </section>
      )}
      {lifeEvents.map((event) => (
        <section key={event.slug} className="search-lead" aria-label={`Sự kiện: ${event.title}`}>
          <p>
            <strong>{event.title}</strong> · {event.description}
          </p>
          {noResults && event.procedures.length > 0 && (
            <ol className="search-lead__steps" aria-label={`Thủ tục khi ${event.title.toLowerCase()}`}>
              {event.procedures.map((p) => (
                <li key={p.code}>
                  <Link to={procedurePath(p.code)} className="text-link">
                    {p.name}
                  </Link>
                </li>
              ))}
            </ol>
          )}
          <Link to={lifeEventPath(event.slug)} className="button button--secondary button--block">
            Xem các thủ tục theo thứ tự
          </Link>
        </section>
      ))}
    </>
  );
}

/** When nothing matched: the most used procedures and the hotline. */
function NothingFound({ q, lead }: { q: string; lead: SearchLead }) {
  const led = lead.lifeEvents.length > 0 || lead.replacement !== null;
  return (
    <>
      {!led && (
        <p className="status">Không tìm thấy thủ tục phù hợp với “{q}”. Hãy thử từ khóa khác, ví dụ “khai sinh”, “sổ đỏ”.</p>
      )}
      <HotlineNote lead="Không tìm thấy điều bạn cần?" />
      <h2 className="section__title">Thủ tục được dùng nhiều</h2>
      <ProcedureResults params={MOST_USED} pageSize={5} label="Thủ tục được dùng nhiều" emptyMessage="Chưa có thủ tục." />
    </>
  );
}

/** The results page's answer: what leads it, the procedures, and what to offer when nothing matched. */
export function SearchAnswer({ params, onSearch }: { params: SearchParams; onSearch: (q: string) => void }) {
  const [useResults] = useState(createSearchStore);
  const { items, lead, status, error, nextCursor, search, loadMore } = useResults();
  const key = JSON.stringify(params);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for params, whose identity changes on every render
  useEffect(() => {
    void search(params);
  }, [key, search]);

  if (status === "error" && items.length === 0) return <ErrorMessage message={error ?? ""} onRetry={() => void search(params)} />;
  const done = status === "done" || (status === "loading" && items.length > 0);
  const empty = status === "done" && items.length === 0;
  return (
    <>
      {lead?.didYouMean && done && (
        <p className="did-you-mean">
          Có phải bạn muốn tìm:{" "}
          <button type="button" className="button button--small button--link" onClick={() => onSearch(lead.didYouMean!)}>
            {lead.didYouMean}
          </button>
        </p>
      )}
      {lead && done && <Lead lead={lead} noResults={empty} />}
      {empty && params.q && lead ? (
        <NothingFound q={params.q} lead={lead} />
      ) : empty ? (
        <p className="status">Không có thủ tục nào phù hợp với bộ lọc.</p>
      ) : (
        <ProcedureList items={items} label="Kết quả tìm kiếm" />
      )}
      {status === "loading" && <Loading />}
      {status === "error" && <ErrorMessage message={error ?? ""} />}
      {nextCursor && status !== "loading" && (
        <button type="button" className="button button--secondary button--block" onClick={() => void loadMore()}>
          Xem thêm
        </button>
      )}
    </>
  );
}
