import { useEffect } from "react";
import { Link } from "react-router-dom";
import { useSession } from "../../stores/session";

/**
 * For a signed-in officer or admin: the way into the staff workspace; for a community digital team
 * member, into their filings for residents. Residents see nothing.
 */
export default function StaffEntry() {
  const user = useSession((s) => s.session?.user);
  const hydrate = useSession((s) => s.hydrate);
  useEffect(() => void hydrate(), [hydrate]);
  if (!user || user.role === "resident") return null;
  if (user.role === "helper")
    return (
      <Link to="/ho-tro" className="button button--light button--block">
        Nộp hồ sơ hỗ trợ người dân
      </Link>
    );
  return (
    <Link to="/can-bo" className="button button--light button--block">
      Hồ sơ cần xử lý (cán bộ)
    </Link>
  );
}
