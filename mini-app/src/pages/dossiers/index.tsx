import { useEffect } from "react";
import { Link } from "react-router-dom";
import { Page } from "zmp-ui";
import { formatDate } from "../../../../shared/src/format/vi";
import { AppHeader } from "../../components/app-header";
import { StatusBadge } from "../../components/badges";
import { NotificationBell } from "../../components/notification-bell";
import { PagedList } from "../../components/paged-list";
import { AccountBar, RequireSession } from "../../components/session-gate";
import { useDossiers } from "../../stores/dossiers";

function DossierList() {
  const items = useDossiers((s) => s.items);
  const nextCursor = useDossiers((s) => s.nextCursor);
  const status = useDossiers((s) => s.listLoad);
  const error = useDossiers((s) => s.listError);
  const loadList = useDossiers((s) => s.loadList);
  const loadMore = useDossiers((s) => s.loadMore);
  useEffect(() => void loadList(), [loadList]);

  return (
    <PagedList
      status={status}
      error={error}
      count={items.length}
      more={Boolean(nextCursor)}
      onLoad={() => void loadList()}
      onMore={() => void loadMore()}
      empty={
        <>
          <p>Bạn chưa nộp hồ sơ trực tuyến nào.</p>
          <Link to="/search" className="button button--secondary button--block">
            Tìm thủ tục để nộp hồ sơ
          </Link>
        </>
      }
    >
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
    </PagedList>
  );
}

export default function DossiersPage() {
  return (
    <Page className="page">
      <AppHeader title="Hồ sơ của tôi">
        <NotificationBell />
      </AppHeader>
      <RequireSession purpose="Bạn cần đăng nhập để xem hồ sơ của mình.">
        {(user) => (
          <>
            <AccountBar user={user} />
            <DossierList />
          </>
        )}
      </RequireSession>
    </Page>
  );
}
