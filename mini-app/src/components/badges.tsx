import type { ServiceLevel } from "../../../shared/src/catalogue/schemas";
import { inStatusGroup } from "../../../shared/src/dossier/status";

const LEVEL_LABEL: Record<ServiceLevel, string> = { toan_trinh: "Trực tuyến toàn trình", mot_phan: "Trực tuyến một phần" };

export function ServiceBadges(props: { level: ServiceLevel; onlineOnly: boolean; essential: boolean }) {
  return (
    <ul className="badges" aria-label="Đặc điểm dịch vụ">
      <li className={`badge badge--${props.level}`}>{LEVEL_LABEL[props.level]}</li>
      {props.onlineOnly && <li className="badge badge--online-only">Chỉ nộp trực tuyến</li>}
      {props.essential && <li className="badge badge--essential">Thiết yếu</li>}
    </ul>
  );
}

/** How a dossier status reads at a glance: waiting, the resident must act, done, or closed. */
function statusTone(status: number): string {
  if (inStatusGroup("awaitingApplicant", status)) return "action";
  if (inStatusGroup("resolved", status)) return "done";
  if (inStatusGroup("closed", status)) return "closed";
  return "pending";
}

export function StatusBadge({ status, label }: { status: number; label: string }) {
  return <span className={`badge badge--status badge--${statusTone(status)}`}>{label}</span>;
}
