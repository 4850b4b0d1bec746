import { Link, useParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { Empty } from "../../components/status";
import type { SessionUser } from "../../stores/session";
import { StaffDossier } from "./dossier";
import { InboxPanel } from "./inbox";
import { StaffGate, useWideLayout } from "./parts";

/**
 * The staff workspace: the inbox (/can-bo) and one dossier (/can-bo/ho-so/:code). On a phone
 * they are two screens; from 1024 px wide (a desktop at the counter) they sit side by side.
 */
function Workspace({ user, code }: { user: SessionUser; code: string | null }) {
  const wide = useWideLayout();
  if (!wide) return code ? <StaffDossier code={code} /> : <InboxPanel user={user} selected={null} />;
  return (
    <div className="staff-layout">
      <div className="staff-layout__list">
        <InboxPanel user={user} selected={code} />
      </div>
      <div className="staff-layout__detail">
        {code ? <StaffDossier code={code} /> : <Empty message="Chọn một hồ sơ trong danh sách để xem và xử lý." />}
      </div>
    </div>
  );
}

export default function StaffPage() {
  const { code = null } = useParams();
  return (
    <Page className="page page--staff">
      <AppHeader title={code ? "Xử lý hồ sơ" : "Hồ sơ cần xử lý"} />
      {!code && (
        <p className="note">
          <Link to="/can-bo/phan-anh" className="text-link">
            Phản ánh, kiến nghị gửi đơn vị
          </Link>
        </p>
      )}
      <StaffGate>{(user) => <Workspace user={user} code={code} />}</StaffGate>
    </Page>
  );
}
