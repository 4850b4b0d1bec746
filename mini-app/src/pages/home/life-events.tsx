import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { ErrorMessage } from "../../components/status";
import { catalogueApi, type LifeEventItem } from "../../services/api";

/** One request per app session: the list is the same for every visit of the home screen. */
let loaded: Promise<LifeEventItem[]> | null = null;
/** The answer index.html started, if it came before the first render: shown in the first frame. */
const takeArrived = () => {
  const items = catalogueApi.arrivedLifeEvents()?.items ?? null;
  if (items) loaded = Promise.resolve(items);
  return items;
};
const loadOnce = () => {
  loaded ??= catalogueApi.listLifeEvents().then((list) => list.items);
  loaded.catch(() => {
    loaded = null;
  });
  return loaded;
};

export const lifeEventPath = (slug: string) => `/su-kien/${slug}`;

/** Life events ("Sinh con", "Người thân qua đời", …) as a compact grid of links; text only. */
export function LifeEventGrid() {
  const [items, setItems] = useState<LifeEventItem[] | null>(takeArrived);
  const [failed, setFailed] = useState(false);
  const load = () => {
    setFailed(false);
    loadOnce().then(setItems, () => setFailed(true));
  };
  useEffect(load, []);
  if (failed) return <ErrorMessage message="Chưa tải được danh sách sự kiện." onRetry={load} />;
  if (items?.length === 0) return null;
  return (
    <ul className="field-grid" aria-label="Sự kiện cuộc sống" aria-busy={items === null}>
      {(items ?? []).map((e) => (
        <li key={e.slug}>
          <Link to={lifeEventPath(e.slug)} className="field-grid__item">
            <span>{e.title}</span>
            <span className="field-grid__count">{e.procedures.length} thủ tục</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
