import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { processes } from "../../../../shared/src/auth/roles";
import type { StaffSummaryData } from "../../services/staff-api";
import { useSession } from "../../stores/session";

/** What an officer's way into the workspace counts: new since they looked, and due within a day. */
function useStaffSummary(enabled: boolean) {
  const [summary, setSummary] = useState<StaffSummaryData | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    // Loaded on demand: residents never download the staff client.
    import("../../services/staff-api")
      .then(({ staffApi }) => staffApi.summary())
      .then((answer) => {
        if (live && answer) setSummary(answer.body);
      })
      .catch(() => {
        // The entry works without its counts.
      });
    return () => {
      live = false;
    };
  }, [enabled]);
  return summary;
}

/**
 * For a signed-in officer or admin: the way into the staff workspace, with how many dossiers have
 * something new since the officer last looked; for a community digital team member, into their
 * filings for residents. Residents see nothing.
 */
export default function StaffEntry() {
  const user = useSession((s) => s.session?.user);
  const hydrate = useSession((s) => s.hydrate);
  useEffect(() => void hydrate(), [hydrate]);
  const summary = useStaffSummary(!!user && processes(user.role));
  if (!user || user.role === "resident") return null;
  if (user.role === "helper")
    return (
      <Link to="/ho-tro" className="button button--light button--block">
        Nộp hồ sơ hỗ trợ người dân
      </Link>
    );
  const notes = summary
    ? [
        summary.changed > 0 ? `${summary.changed} hồ sơ có cập nhật mới` : null,
        summary.urgent > 0 ? `${summary.urgent} hồ sơ đến hạn trong 1 ngày` : null,
      ].filter((n): n is string => n !== null)
    : [];
  return (
    <Link to="/can-bo" className="button button--light button--block staff-entry">
      Hồ sơ cần xử lý (cán bộ)
      {notes.length > 0 && <span className="staff-entry__news">{notes.join(" · ")}</span>}
    </Link>
  );
}
