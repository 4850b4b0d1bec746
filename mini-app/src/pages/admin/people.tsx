import { type FormEvent, useCallback, useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { INVITATION_STATE_LABELS } from "../../../../shared/src/admin/people";
import { ROLE_LABELS, ROLES } from "../../../../shared/src/auth/roles";
import { formatDate } from "../../../../shared/src/format/vi";
import { Dialog } from "../../components/dialog";
import { MoreButton } from "../../components/paged-list";
import { useSnackbar } from "../../components/snackbar";
import { Empty, ErrorMessage, Loading } from "../../components/status";
import type { Invalid } from "../../components/text-field";
import { errorMessage } from "../../services/api";
import { type InvitationItem, type PeopleFilters, type PeoplePage, peopleApi } from "../../services/people-api";
import { useTask } from "../../utils/task";
import { AdminLayout } from "./layout";
import { ReasonField, reasonProblem, useUnits } from "./people-parts";

function PeopleList() {
  const units = useUnits();
  const [draft, setDraft] = useState<PeopleFilters>({});
  const [filters, setFilters] = useState<PeopleFilters>({});
  const [page, setPage] = useState<PeoplePage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const more = useTask();

  const load = useCallback(() => {
    setError(null);
    setPage(null);
    peopleApi
      .list(filters)
      .then(setPage)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [filters]);
  useEffect(load, [load]);

  const search = (e: FormEvent) => {
    e.preventDefault();
    setFilters({ ...draft, q: draft.q?.trim() });
  };
  const loadMore = () =>
    more.run(async () => {
      if (!page?.nextCursor) return;
      const next = await peopleApi.list({ ...filters, cursor: page.nextCursor });
      setPage({ items: [...page.items, ...next.items], nextCursor: next.nextCursor });
    });

  return (
    <section className="section" aria-labelledby="people-title">
      <div className="section-head">
        <h2 id="people-title" className="section__title">
          Cán bộ, quản trị viên
        </h2>
        <Link to="/quan-tri/can-bo/moi" className="button button--small button--primary">
          Mời cán bộ
        </Link>
      </div>
      <form className="people-filters" role="search" aria-label="Tìm cán bộ" onSubmit={search}>
        <div className="field">
          <label htmlFor="people-q" className="field__label">
            Họ tên
          </label>
          <input
            id="people-q"
            type="search"
            value={draft.q ?? ""}
            maxLength={100}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="people-role" className="field__label">
            Vai trò
          </label>
          <select
            id="people-role"
            value={draft.role ?? ""}
            onChange={(e) => setDraft({ ...draft, role: (e.target.value || undefined) as PeopleFilters["role"] })}
          >
            <option value="">Mọi vai trò cán bộ</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="people-unit" className="field__label">
            Đơn vị
          </label>
          <select id="people-unit" value={draft.unit ?? ""} onChange={(e) => setDraft({ ...draft, unit: e.target.value })}>
            <option value="">Mọi đơn vị</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="people-disabled" className="field__label">
            Trạng thái
          </label>
          <select
            id="people-disabled"
            value={draft.disabled ?? ""}
            onChange={(e) => setDraft({ ...draft, disabled: (e.target.value || undefined) as PeopleFilters["disabled"] })}
          >
            <option value="">Tất cả</option>
            <option value="false">Đang hoạt động</option>
            <option value="true">Đã khóa</option>
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          Lọc
        </button>
      </form>
      {error && <ErrorMessage message={error} onRetry={load} />}
      {!page && !error && <Loading />}
      {page &&
        (page.items.length === 0 ? (
          <Empty message="Không có ai phù hợp với bộ lọc." />
        ) : (
          <ul className="plain-list people-list" aria-label="Danh sách cán bộ">
            {page.items.map((p) => (
              <li key={p.id} className="people-item">
                <Link to={`/quan-tri/can-bo/${encodeURIComponent(p.id)}`} className="people-item__name">
                  {p.displayName || "(chưa có tên)"}
                </Link>
                <p className="badges-row">
                  <span className="badge">{ROLE_LABELS[p.role]}</span>
                  {p.disabledAt && <span className="badge badge--unverified">Đã khóa</span>}
                </p>
                <p className="note">
                  {p.unit ? p.unit.name : "Toàn tỉnh"}
                  {p.grants.length > 0 && ` · thêm ${p.grants.length} đơn vị`}
                </p>
              </li>
            ))}
          </ul>
        ))}
      {page?.nextCursor && <MoreButton busy={more.busy} onMore={() => void loadMore()} />}
      {more.error && <ErrorMessage message={more.error} />}
    </section>
  );
}

function PendingInvitations() {
  const { openSnackbar } = useSnackbar();
  const [items, setItems] = useState<InvitationItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<InvitationItem | null>(null);
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState<Invalid>(null);
  const revocation = useTask();

  const load = useCallback(() => {
    setError(null);
    peopleApi
      .invitations({ state: "pending" })
      .then((page) => setItems(page.items))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);

  const revoke = (e: FormEvent) => {
    e.preventDefault();
    const problem = reasonProblem("revoke-reason", reason);
    setInvalid(problem);
    if (problem || !revoking) return;
    void revocation.run(async () => {
      await peopleApi.revoke(revoking.id, reason.trim());
      openSnackbar({ text: `Đã thu hồi lời mời ${revoking.displayName}.`, type: "success" });
      setRevoking(null);
      load();
    });
  };

  return (
    <section className="section" aria-labelledby="invitations-title">
      <h2 id="invitations-title" className="section__title">
        Lời mời {INVITATION_STATE_LABELS.pending.toLocaleLowerCase("vi")}
      </h2>
      {error && <ErrorMessage message={error} onRetry={load} />}
      {!items && !error && <Loading />}
      {items &&
        (items.length === 0 ? (
          <Empty message="Không có lời mời nào đang chờ nhận." />
        ) : (
          <ul className="plain-list people-list" aria-label="Lời mời đang chờ nhận">
            {items.map((i) => (
              <li key={i.id} className="people-item">
                <p className="people-item__name">{i.displayName}</p>
                <p className="note">
                  {ROLE_LABELS[i.role]}
                  {i.unit && ` · ${i.unit.name}`} · hết hạn {formatDate(i.expiresAt)}
                </p>
                <button
                  type="button"
                  className="button button--small button--link"
                  aria-label={`Thu hồi lời mời ${i.displayName}`}
                  onClick={() => {
                    setReason("");
                    setInvalid(null);
                    revocation.setError(null);
                    setRevoking(i);
                  }}
                >
                  Thu hồi
                </button>
              </li>
            ))}
          </ul>
        ))}
      <Dialog open={revoking !== null} title="Thu hồi lời mời" onClose={() => setRevoking(null)}>
        {revoking && (
          <form noValidate onSubmit={revoke}>
            <p>Đường liên kết mời {revoking.displayName} sẽ không dùng được nữa.</p>
            <ReasonField id="revoke-reason" value={reason} onChange={setReason} invalid={invalid} />
            {revocation.error && (
              <p className="field__error" role="alert">
                {revocation.error}
              </p>
            )}
            <div className="dialog__actions">
              <button type="button" className="button button--secondary" onClick={() => setRevoking(null)}>
                Hủy
              </button>
              <button type="submit" className="button button--danger" disabled={revocation.busy}>
                {revocation.busy ? "Đang thu hồi…" : "Thu hồi"}
              </button>
            </div>
          </form>
        )}
      </Dialog>
    </section>
  );
}

/** `/quan-tri/can-bo`: the province's staff and admins, and invitations still waiting. */
export default function AdminPeoplePage() {
  return (
    <AdminLayout title="Cán bộ và phân quyền">
      {() => (
        <>
          <PeopleList />
          <PendingInvitations />
        </>
      )}
    </AdminLayout>
  );
}
