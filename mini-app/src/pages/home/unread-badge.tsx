import "../../components/notifications.css";
import { unreadLabel, unreadSpoken, useUnreadCount } from "../../stores/notifications";

/**
 * Inside the home page's "Hồ sơ của tôi": how many notifications the signed-in resident has not
 * read. Loaded after the first screen; nobody signed in, or nothing unread, shows nothing.
 */
export default function UnreadBadge() {
  const unread = useUnreadCount();
  if (!unread) return null;
  return (
    <span className="unread-count unread-count--inline">
      <span aria-hidden="true">{unreadLabel(unread)}</span>
      <span className="visually-hidden">, {unreadSpoken(unread)} thông báo chưa đọc</span>
    </span>
  );
}
