import type { SVGProps } from "react";
import { Link } from "react-router-dom";
import { unreadLabel, unreadSpoken, useUnreadCount } from "../stores/notifications";
import "./notifications.css";

const BellIcon = (p: SVGProps<SVGSVGElement>) => (
  <svg
    width={22}
    height={22}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={2}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden
    focusable={false}
    {...p}
  >
    <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
    <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
  </svg>
);

/** For a signed-in resident, in a page's header: the way to "Thông báo", with the unread count. */
export function NotificationBell() {
  const unread = useUnreadCount();
  if (unread === null) return null;
  return (
    <Link
      to="/thong-bao"
      className="icon-button bell"
      aria-label={unread > 0 ? `Thông báo, ${unreadSpoken(unread)} chưa đọc` : "Thông báo"}
    >
      <BellIcon />
      {unread > 0 && (
        <span className="unread-count bell__count" aria-hidden="true">
          {unreadLabel(unread)}
        </span>
      )}
    </Link>
  );
}
