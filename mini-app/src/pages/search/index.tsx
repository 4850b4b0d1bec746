import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { Page } from "zmp-ui";
import type { ServiceLevel } from "../../../../shared/src/catalogue/schemas";
import { AppHeader } from "../../components/app-header";
import { ProcedureResults } from "../../components/procedure-results";
import { SearchBox } from "../../components/search-box";
import type { SearchParams } from "../../stores/search";
import { Filters } from "./filters";

const LEVELS: readonly string[] = ["toan_trinh", "mot_phan"];

/** The URL is the source of truth, so results can be shared and survive a reload. */
function readParams(url: URLSearchParams): SearchParams {
  const level = url.get("level");
  return {
    q: url.get("q") || undefined,
    field: url.get("field") || undefined,
    unit: url.get("unit") || undefined,
    level: level && LEVELS.includes(level) ? (level as ServiceLevel) : undefined,
    onlineOnly: url.get("onlineOnly") === "true" || undefined,
    essential: url.get("essential") === "true" || undefined,
  };
}

function toUrl(params: SearchParams): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k, v]) => [k, String(v)]),
  );
}

export default function SearchPage() {
  const [url, setUrl] = useSearchParams();
  const params = readParams(url);
  const [draft, setDraft] = useState(params.q ?? "");
  const update = (next: SearchParams) => setUrl(toUrl(next), { replace: true });

  // Results follow the box as the resident types, without waiting for Enter.
  useEffect(() => {
    const q = draft.trim();
    if (q === (params.q ?? "")) return;
    const timer = setTimeout(() => update({ ...params, q: q || undefined }), 300);
    return () => clearTimeout(timer);
  }, [draft]); // only typing starts this; the URL already carries everything else

  return (
    <Page className="page">
      <AppHeader title="Tìm thủ tục" />
      <div className="section">
        <SearchBox value={draft} onChange={setDraft} onSubmit={(q) => update({ ...params, q: q || undefined })} />
        <Filters params={params} onChange={update} />
      </div>
      <section className="section" aria-label="Kết quả tìm kiếm">
        <ProcedureResults
          params={params}
          label="Kết quả tìm kiếm"
          emptyMessage="Không tìm thấy thủ tục phù hợp. Hãy thử từ khóa khác, ví dụ “khai sinh”, “sổ đỏ”, “bằng lái”."
          onSuggestion={(q) => {
            setDraft(q);
            update({ ...params, q });
          }}
        />
      </section>
    </Page>
  );
}
