import type { ServiceLevel } from "../../../shared/src/catalogue/schemas";

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
