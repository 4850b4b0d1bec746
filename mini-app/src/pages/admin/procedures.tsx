import { type FormEvent, useCallback, useEffect, useState } from "react";
import { Link } from "react-router-dom";
import type { AdminProcedureListItem } from "../../../../shared/src/admin/procedures";
import type { ProcedureStatus } from "../../../../shared/src/catalogue/schemas";
import { formatDate } from "../../../../shared/src/format/vi";
import { ErrorMessage, Loading } from "../../components/status";
import { procedureAdminApi } from "../../services/admin-api";
import { errorMessage } from "../../services/api";
import { useCatalogue } from "../../stores/catalogue";
import { CatalogueExchange } from "./catalogue-exchange";
import { AdminLayout } from "./layout";
import { STATUS_LABEL } from "./procedure-parts";

type Filters = { q: string; status: ProcedureStatus | ""; field: string };

function StatusBadge({ item }: { item: AdminProcedureListItem }) {
  return (
    <span className={`badge badge--proc-${item.status}`}>
      {STATUS_LABEL[item.status]}
      {item.status === "scheduled" && item.publishOn && ` ${formatDate(item.publishOn)}`}
    </span>
  );
}

function ProcedureRow({ item }: { item: AdminProcedureListItem }) {
  return (
    <tr>
      <td className="admin-table__code">{item.code}</td>
      <td>
        <Link to={`/quan-tri/thu-tuc/${item.code}`} className="text-link">
          {item.name}
        </Link>
      </td>
      <td>{item.field.name}</td>
      <td>
        <StatusBadge item={item} />
      </td>
      <td>{item.publishedVersion ?? "—"}</td>
      <td>{item.draftVersion ?? "—"}</td>
      <td>{formatDate(item.updatedAt)}</td>
    </tr>
  );
}

function CatalogueList() {
  const fields = useCatalogue((s) => s.fields);
  const loadFields = useCatalogue((s) => s.loadFields);
  const [filters, setFilters] = useState<Filters>({ q: "", status: "", field: "" });
  const [applied, setApplied] = useState<Filters>(filters);
  const [items, setItems] = useState<AdminProcedureListItem[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => void loadFields(), [loadFields]);

  const load = useCallback(async (query: Filters, cursor?: string) => {
    setLoading(true);
    setError(null);
    try {
      const page = await procedureAdminApi.list({ ...query, cursor });
      setItems((current) => (cursor ? [...(current ?? []), ...page.items] : page.items));
      setNextCursor(page.nextCursor);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => void load(applied), [applied, load]);

  const search = (e: FormEvent) => {
    e.preventDefault();
    setApplied(filters);
  };
  // Choosing a status or a field applies at once; typed text applies on "Tìm".
  const choose = (patch: Partial<Filters>) => {
    const next = { ...filters, ...patch };
    setFilters(next);
    setApplied(next);
  };

  return (
    <>
      <section className="section" aria-labelledby="catalogue-title">
        <div className="section-head">
          <h2 id="catalogue-title" className="section__title">
            Danh mục thủ tục hành chính
          </h2>
          <Link to="/quan-tri/thu-tuc/moi" className="button button--small button--primary">
            Thêm thủ tục
          </Link>
        </div>
        <form className="admin-filters" role="search" aria-label="Tìm thủ tục" onSubmit={search}>
          <div className="field admin-filters__q">
            <label htmlFor="catalogue-q" className="field__label">
              Mã hoặc tên thủ tục
            </label>
            <input
              id="catalogue-q"
              type="search"
              value={filters.q}
              maxLength={100}
              onChange={(e) => setFilters({ ...filters, q: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="catalogue-status" className="field__label">
              Trạng thái
            </label>
            <select
              id="catalogue-status"
              value={filters.status}
              onChange={(e) => choose({ status: e.target.value as Filters["status"] })}
            >
              <option value="">Tất cả</option>
              {Object.entries(STATUS_LABEL).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="catalogue-field" className="field__label">
              Lĩnh vực
            </label>
            <select id="catalogue-field" value={filters.field} onChange={(e) => choose({ field: e.target.value })}>
              <option value="">Tất cả lĩnh vực</option>
              {fields.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary admin-filters__go">
            Tìm
          </button>
        </form>
        <CatalogueExchange onImported={() => void load(applied)} />
      </section>

      <section className="section" aria-labelledby="catalogue-results-title" aria-busy={loading}>
        <h2 id="catalogue-results-title" className="visually-hidden">
          Kết quả
        </h2>
        {items && items.length === 0 && <p className="status">Không có thủ tục nào khớp với điều kiện tìm.</p>}
        {items && items.length > 0 && (
          <div className="admin-table__scroll">
            <table className="admin-table">
              <caption className="visually-hidden">Danh sách thủ tục</caption>
              <thead>
                <tr>
                  <th scope="col">Mã</th>
                  <th scope="col">Tên thủ tục</th>
                  <th scope="col">Lĩnh vực</th>
                  <th scope="col">Trạng thái</th>
                  <th scope="col">Bản đang công bố</th>
                  <th scope="col">Bản nháp</th>
                  <th scope="col">Cập nhật</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <ProcedureRow key={item.code} item={item} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {loading && <Loading />}
        {error && <ErrorMessage message={error} onRetry={() => void load(applied, nextCursor ?? undefined)} />}
        {nextCursor && !loading && !error && (
          <button type="button" className="button button--secondary button--block" onClick={() => void load(applied, nextCursor)}>
            Xem thêm
          </button>
        )}
      </section>
    </>
  );
}

/** `/quan-tri/thu-tuc`: the province's procedure catalogue, every version's status, for admins. */
export default function AdminProceduresPage() {
  return <AdminLayout title="Thủ tục hành chính">{() => <CatalogueList />}</AdminLayout>;
}
