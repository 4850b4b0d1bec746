import { formatDate } from "../../../shared/src/format/vi";
import type { TrackData } from "../services/authed-api";
import { formatDateTime } from "../utils/format";
import { StatusBadge } from "./badges";
import { ClockPaused } from "./dossier-parts";

/** The public view of one dossier (no personal data): behind the receipt's QR and a lookup by code. */
export function TrackedDossier({ data }: { data: TrackData }) {
  return (
    <section className="section" aria-labelledby="track-title">
      <h2 id="track-title" className="procedure-head__name">
        {data.procedureName}
      </h2>
      <dl className="facts facts--stacked">
        <div>
          <dt>Mã hồ sơ</dt>
          <dd>{data.code}</dd>
        </div>
        <div>
          <dt>Tình trạng</dt>
          <dd>
            <StatusBadge status={data.status} label={data.statusLabel} />
          </dd>
        </div>
        <div>
          <dt>Cơ quan giải quyết</dt>
          <dd>{data.unitName}</dd>
        </div>
        <div>
          <dt>Thời gian nộp</dt>
          <dd>{formatDateTime(data.submittedAt)}</dd>
        </div>
        <div>
          <dt>Ngày tiếp nhận</dt>
          <dd>{data.receivedAt ? formatDateTime(data.receivedAt) : "Chưa tiếp nhận"}</dd>
        </div>
        <div>
          <dt>Ngày hẹn trả kết quả{data.receivedAt ? "" : " (dự kiến)"}</dt>
          <dd>{data.dueDate ? formatDate(data.dueDate) : "Không có"}</dd>
          {data.pausedAt && <ClockPaused pausedAt={data.pausedAt} />}
        </div>
        {data.resultAt && (
          <div>
            <dt>Ngày có kết quả</dt>
            <dd>{formatDate(data.resultAt)}</dd>
            {data.onTime !== null && <dd className={data.onTime ? "on-time" : "late"}>{data.onTime ? "Đúng hạn" : "Trễ hạn"}</dd>}
          </div>
        )}
      </dl>
    </section>
  );
}
