import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { CHANGE_ENTITIES, type ChangeEntity } from "../../../../shared/src/admin/changes";
import { formatDate } from "../../../../shared/src/format/vi";
import { TIME_ZONE } from "../../../../shared/src/time/vietnam";
import { MoreButton } from "../../components/paged-list";
import { Empty, ErrorMessage, Loading } from "../../components/status";
import { errorMessage } from "../../services/api";
import { type ChangeItem, peopleApi } from "../../services/people-api";
import { useTask } from "../../utils/task";
import { AdminLayout } from "./layout";

const ENTITY_LABELS: Record<ChangeEntity, string> = {
  person: "Cán bộ",
  invitation: "Lời mời",
  unit: "Đơn vị",
  procedure: "Thủ tục",
  catalogue: "Danh mục",
  calendar: "Lịch làm việc",
  target: "Chỉ tiêu",
  figure_setting: "Cách tính số liệu",
  report: "Báo cáo tháng",
  vneid_relaxation: "Nộp không cần VNeID",
  dossier: "Hồ sơ",
  life_event: "Sự kiện cuộc sống",
  paper_replacement: "Giấy tờ đã bãi bỏ, đổi tên",
  search_synonym: "Từ đồng nghĩa tìm kiếm",
};

const ACTION_LABELS: Record<string, string> = {
  invite: "Tạo lời mời",
  accept: "Nhận lời mời",
  revoke: "Thu hồi",
  relax: "Cho phép",
  change: "Thay đổi",
  disable: "Khóa",
  enable: "Mở khóa",
  add: "Thêm",
  remove: "Xóa",
  create: "Tạo mới",
  update: "Cập nhật",
  deactivate: "Ngừng hoạt động",
  reactivate: "Hoạt động lại",
  merge: "Sáp nhập",
  open_draft: "Mở bản nháp",
  publish: "Công bố",
  schedule: "Hẹn ngày công bố",
  publish_on_schedule: "Công bố theo lịch hẹn",
  archive: "Lưu trữ",
  portal_resend: "Gửi lại Cổng DVC quốc gia",
};

const time = (at: string) =>
  `${new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" }).format(new Date(at))} ${formatDate(at)}`;

/** A page of the record of changes (newest first) with "Xem thêm". */
export function ChangeRows({ filters, label }: { filters: { entity?: ChangeEntity; entityId?: string }; label: string }) {
  const [items, setItems] = useState<ChangeItem[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const more = useTask();
  const { entity, entityId } = filters;
  const load = useCallback(() => {
    setError(null);
    setItems(null);
    peopleApi
      .changes({ entity, entityId })
      .then((page) => {
        setItems(page.items);
        setCursor(page.nextCursor);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [entity, entityId]);
  useEffect(load, [load]);
  const loadMore = () =>
    more.run(async () => {
      if (!cursor) return;
      const page = await peopleApi.changes({ entity, entityId, cursor });
      setItems((all) => [...(all ?? []), ...page.items]);
      setCursor(page.nextCursor);
    });
  if (error) return <ErrorMessage message={error} onRetry={load} />;
  if (!items) return <Loading />;
  if (items.length === 0) return <Empty message="Chưa có thay đổi nào." />;
  return (
    <>
      <ul className="plain-list changes-list" aria-label={label}>
        {items.map((c) => (
          <li key={c.id} className="change-item">
            <p>
              <strong>{ACTION_LABELS[c.action] ?? c.action}</strong> · {ENTITY_LABELS[c.entity]}{" "}
              {c.entity === "person" ? (
                <Link to={`/quan-tri/can-bo/${encodeURIComponent(c.entityId)}`}>
                  <code>{c.entityId}</code>
                </Link>
              ) : (
                <code>{c.entityId}</code>
              )}
            </p>
            <p className="note">
              <time dateTime={c.at}>{time(c.at)}</time> · {c.actor.name}
            </p>
            {c.reason && <p>Lý do: {c.reason}</p>}
            <details>
              <summary>Chi tiết</summary>
              <pre className="change-item__data">{JSON.stringify(c.data, null, 2)}</pre>
            </details>
          </li>
        ))}
      </ul>
      {cursor && <MoreButton busy={more.busy} onMore={() => void loadMore()} />}
      {more.error && <ErrorMessage message={more.error} />}
    </>
  );
}

function ChangeLog() {
  const [entity, setEntity] = useState<ChangeEntity | "">("");
  return (
    <section className="section" aria-labelledby="changes-title">
      <h2 id="changes-title" className="section__title">
        Mọi thay đổi của quản trị
      </h2>
      <div className="field">
        <label htmlFor="changes-entity" className="field__label">
          Loại thay đổi
        </label>
        <select id="changes-entity" value={entity} onChange={(e) => setEntity(e.target.value as ChangeEntity | "")}>
          <option value="">Tất cả</option>
          {CHANGE_ENTITIES.map((e) => (
            <option key={e} value={e}>
              {ENTITY_LABELS[e]}
            </option>
          ))}
        </select>
      </div>
      <ChangeRows filters={{ entity: entity || undefined }} label="Nhật ký thay đổi" />
    </section>
  );
}

/** `/quan-tri/nhat-ky`: who changed what, when and why, across the back office. */
export default function AdminChangesPage() {
  return <AdminLayout title="Nhật ký thay đổi">{() => <ChangeLog />}</AdminLayout>;
}
