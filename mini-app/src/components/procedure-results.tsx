import { useLayoutEffect, useState } from "react";
import { createSearchStore, type SearchParams } from "../stores/search";
import { ProcedureList } from "./procedure-card";
import { Empty, ErrorMessage, Loading } from "./status";

/** A paged list of procedures for a search or a filter (field page, unit page, results page). */
export function ProcedureResults(props: { params: SearchParams; label: string; emptyMessage: string; pageSize?: number }) {
  const { params, label, emptyMessage, pageSize } = props;
  const [useResults] = useState(createSearchStore);
  const { items, status, error, nextCursor, search, loadMore } = useResults();
  const key = JSON.stringify(params);

  // Before the paint: results that are already here (the home screen's, started with the HTML) show in the first frame.
  useLayoutEffect(() => {
    void search(params, pageSize);
    // `key` stands for params, whose object identity changes on every render.
  }, [key, pageSize, search]);

  if (status === "error" && items.length === 0)
    return <ErrorMessage message={error ?? ""} onRetry={() => void search(params, pageSize)} />;
  if (status === "done" && items.length === 0) return <Empty message={emptyMessage} />;
  return (
    <>
      <ProcedureList items={items} label={label} />
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
