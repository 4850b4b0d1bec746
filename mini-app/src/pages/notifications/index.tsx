import { useEffect } from "react";
import { Link } from "react-router-dom";
import { Page } from "zmp-ui";
import { notificationLink } from "../../../../shared/src/auth/api";
import { AppHeader } from "../../components/app-header";
import "../../components/notifications.css";
import { PagedList } from "../../components/paged-list";
import { AccountBar, RequireSession } from "../../components/session-gate";
import { Empty } from "../../components/status";
import { useNotifications } from "../../stores/notifications";
import { formatDateTime } from "../../utils/format";

function NotificationList() {
  const items = useNotifications((s) => s.items);
  const nextCursor = useNotifications((s) => s.nextCursor);
  const status = useNotifications((s) => s.listLoad);
  const error = useNotifications((s) => s.listError);
  const open = useNotifications((s) => s.open);
  const loadMore = useNotifications((s) => s.loadMore);
  // Opening the page reads everything: the first page loads, then all are marked read.
  useEffect(() => void open(), [open]);

  return (
    <PagedList
      status={status}
      error={error}
      count={items.length}
      more={Boolean(nextCursor)}
      onLoad={() => void open()}
      onMore={() => void loadMore()}
      empty={<Empty message="Chưa có thông báo nào." />}
    >
      <ul className="notice-list" aria-label="Danh sách thông báo">
        {items.map((n) => (
          <li key={n.id} className={n.readAt ? "notice" : "notice notice--unread"}>
            <h2 className="notice__title">
              {!n.readAt && <span className="badge notice__new">Mới</span>} {n.title}
            </h2>
            <p className="notice__body">{n.body}</p>
            <p className="notice__meta">
              <Link to={notificationLink(n)} className="text-link">
                {n.topic === "feedback" ? "Xem phản ánh" : `Hồ sơ ${n.code}`}
              </Link>
              <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
            </p>
          </li>
        ))}
      </ul>
    </PagedList>
  );
}

export default function NotificationsPage() {
  return (
    <Page className="page">
      <AppHeader title="Thông báo" />
      <RequireSession purpose="Bạn cần đăng nhập để xem thông báo về hồ sơ của mình.">
        {(user) => (
          <>
            <AccountBar user={user} />
            <NotificationList />
          </>
        )}
      </RequireSession>
    </Page>
  );
}
