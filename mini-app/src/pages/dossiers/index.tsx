import { useEffect } from "react";
import { Link } from "react-router-dom";
import { Page } from "zmp-ui";
import { formatDate } from "../../../../shared/src/format/vi";
import { AppHeader } from "../../components/app-header";
import { StatusBadge } from "../../components/badges";
import { NotificationBell } from "../../components/notification-bell";
import { AccountBar, RequireSession } from "../../components/session-gate";
import { ErrorMessage, Loading } from "../../components/status";
import { useDossiers } from "../../stores/dossiers";

function DossierList() {
  const items = useDossiers((s) => s.items);
  const nextCursor = useDossiers((s) => s.nextCursor);
  const status = useDossiers((s) => s.listLoad);
  const error = useDossiers((s) => s.listError);
  const loadList = useDossiers((s) => s.loadList);
  const loadMore = useDossiers((s) => s.loadMore);
  useEffect(() => void loadList(), [loadList]);

  if (status === "error" && items.length === 0) return <ErrorMessage message={error ?? ""} onRetry={() => void loadList()} />;
  if (status !== "done" && items.length === 0) return <Loading />;
  if (items.length === 0) {
    return (
      <section className="section">
        <p>Bạn chưa nộp hồ sơ trực tuyến nào.</p>
        <Link to="/search" className="button button--secondary button--block">
          Tìm thủ tục để nộp hồ sơ
        </Link>
      </section>
    );
  }
  return (
    <section className="section">
      <ul className="card-list" aria-label="Danh sách hồ sơ">
        {items.map((d) => (
          <li key={d.code} className="card">
            <Link to={`/ho-so/${d.code}`} className="card__link">
              <span className="card__title">{d.procedure.name}</span>
              <span className="card__meta">Mã hồ sơ {d.code}</span>
              <span className="card__facts">
                <span>Nộp ngày {formatDate(d.submittedAt)}</span>
                {d.dueDate && <span>Hẹn trả {formatDate(d.dueDate)}</span>}
              </span>
              <span>
                <StatusBadge status={d.status} label={d.statusLabel} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {status === "error" && <ErrorMessage message={error ?? ""} onRetry={() => void loadMore()} />}
      {nextCursor && status !== "error" && (
        <button type="button" className="button button--secondary button--block" disabled={status === "loading"} onClick={() => void loadMore()}>
          {status === "loading" ? "Đang tải…" : "Xem thêm"}
        </button>
      )}
    </section>
  );
}

export default function DossiersPage() {
  return (
    <Page className="page">
      <AppHeader title="Hồ sơ của tôi">
        <NotificationBell />
      </AppHeader>
      <RequireSession purpose="Bạn cần đăng nhập để xem hồ sơ của mình.">{(user) => (
          <>
            <AccountBar user={user} />
            <DossierList />
          </>
        )}</RequireSession>
    </Page>
  );
}
