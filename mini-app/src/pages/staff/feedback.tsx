import { useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { formatDate } from "../../../../shared/src/format/vi";
import { AppHeader } from "../../components/app-header";
import { useSnackbar } from "../../components/snackbar";
import { Empty, ErrorMessage, LoadFailure, Loading } from "../../components/status";
import { type ApiFailure, errorMessage, toApiFailure } from "../../services/api";
import { type StaffFeedbackData, staffFeedbackApi } from "../../services/feedback-api";
import { formatDateTime } from "../../utils/format";
import { useTask } from "../../utils/task";
import { aboutLine, FeedbackBodyView } from "../feedback/parts";
import { StaffGate } from "./parts";

type Filter = "open" | "mine" | "answered";
const FILTERS: Record<Filter, string> = { open: "Đang mở", mine: "Được giao cho tôi", answered: "Đã trả lời" };

function FeedbackList() {
  const [filter, setFilter] = useState<Filter>("open");
  const [data, setData] = useState<Awaited<ReturnType<typeof staffFeedbackApi.list>> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button's way to read again
  useEffect(() => {
    let active = true;
    setError(null);
    setData(null);
    staffFeedbackApi.list(filter === "mine" ? { mine: "1" } : { status: filter }).then(
      (r) => active && setData(r),
      (e: unknown) => active && setError(errorMessage(e)),
    );
    return () => {
      active = false;
    };
  }, [filter, attempt]);
  return (
    <section className="section" aria-labelledby="staff-feedback-title">
      <h2 id="staff-feedback-title" className="section__title">
        Phản ánh, kiến nghị gửi đơn vị
      </h2>
      {data && (
        <p className="note">
          {data.counts.open} đang mở{data.counts.overdue > 0 ? `, ${data.counts.overdue} quá hạn trả lời` : ""}
        </p>
      )}
      <div className="status__actions" role="group" aria-label="Lọc phản ánh">
        {(Object.keys(FILTERS) as Filter[]).map((f) => (
          <button
            key={f}
            type="button"
            className={`button button--small ${f === filter ? "button--primary" : "button--secondary"}`}
            aria-pressed={f === filter}
            onClick={() => setFilter(f)}
          >
            {FILTERS[f]}
          </button>
        ))}
      </div>
      {error && <ErrorMessage message={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {!error && !data && <Loading />}
      {data && data.items.length === 0 && <Empty message="Không có phản ánh, kiến nghị nào." />}
      {data && data.items.length > 0 && (
        <ul className="card-list" aria-label="Danh sách phản ánh, kiến nghị">
          {data.items.map((item) => (
            <li key={item.id}>
              <Link to={`/can-bo/phan-anh/${item.id}`} className="card">
                <span className="card__title">
                  {item.kindLabel}: {aboutLine(item)}
                </span>
                <span className="note">
                  {item.statusLabel} · hạn trả lời {formatDate(item.dueDate)}
                  {item.assignee ? ` · ${item.assignee.name}` : ""}
                </span>
                {item.overdue && <span className="badge badge--action">Quá hạn</span>}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AssignBox({ item, onDone }: { item: StaffFeedbackData; onDone: (v: StaffFeedbackData) => void }) {
  const [people, setPeople] = useState<{ id: string; name: string }[]>([]);
  const [assignee, setAssignee] = useState(item.assignee?.id ?? "");
  const task = useTask();
  useEffect(() => {
    staffFeedbackApi.assignees(item.id).then(
      (r) => setPeople(r.items),
      () => setPeople([]),
    );
  }, [item.id]);
  return (
    <div className="field">
      <label htmlFor="feedback-assignee" className="field__label">
        Phân công cán bộ xử lý
      </label>
      <select id="feedback-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
        <option value="">Chọn cán bộ</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {task.error && <ErrorMessage message={task.error} />}
      <button
        type="button"
        className="button button--secondary"
        disabled={!assignee || task.busy}
        onClick={() => void task.run(async () => onDone(await staffFeedbackApi.assign(item.id, assignee)))}
      >
        Phân công
      </button>
    </div>
  );
}

function ReplyBox({ item, onDone }: { item: StaffFeedbackData; onDone: (v: StaffFeedbackData) => void }) {
  const [body, setBody] = useState("");
  const task = useTask();
  const { openSnackbar } = useSnackbar();
  return (
    <div className="field">
      <label htmlFor="feedback-reply" className="field__label">
        Trả lời người dân
      </label>
      <textarea id="feedback-reply" rows={5} maxLength={2000} value={body} onChange={(e) => setBody(e.target.value)} />
      {task.error && <ErrorMessage message={task.error} />}
      <button
        type="button"
        className="button button--primary"
        disabled={task.busy}
        onClick={() =>
          body.trim().length < 10
            ? task.setError("Nội dung trả lời ít nhất 10 ký tự.")
            : void task.run(async () => {
                onDone(await staffFeedbackApi.reply(item.id, body.trim()));
                openSnackbar({ text: "Đã gửi trả lời. Người dân sẽ nhận được thông báo.", type: "success" });
              })
        }
      >
        Gửi trả lời
      </button>
    </div>
  );
}

function FeedbackItem({ id }: { id: string }) {
  const [item, setItem] = useState<StaffFeedbackData | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const load = useCallback(() => {
    setFailure(null);
    staffFeedbackApi.get(id).then(setItem, (e: unknown) => setFailure(toApiFailure(e)));
  }, [id]);
  useEffect(load, [load]);
  if (failure) return <LoadFailure failure={failure} onRetry={load} />;
  if (!item) return <Loading />;
  return (
    <section className="section" aria-labelledby="staff-feedback-item">
      <h2 id="staff-feedback-item" className="procedure-head__name">
        {item.kindLabel} của {item.author.name}
      </h2>
      <p>
        <span className={`badge ${item.status === "answered" ? "badge--done" : "badge--pending"}`}>{item.statusLabel}</span>{" "}
        {item.overdue && <span className="badge badge--action">Quá hạn trả lời</span>}
      </p>
      {item.assignee && <p className="note">Cán bộ xử lý: {item.assignee.name}</p>}
      <FeedbackBodyView item={item} />
      {item.reply && (
        <>
          <h3 className="section__title">Đã trả lời</h3>
          <p className="note">{formatDateTime(item.reply.at)}</p>
          <p className="feedback-content">{item.reply.body}</p>
        </>
      )}
      {item.allowed.includes("assign") && <AssignBox item={item} onDone={setItem} />}
      {item.allowed.includes("reply") && <ReplyBox item={item} onDone={setItem} />}
      <Link to="/can-bo/phan-anh" className="text-link">
        Về danh sách phản ánh
      </Link>
    </section>
  );
}

/** The unit's feedback in the staff workspace: /can-bo/phan-anh and one item at /can-bo/phan-anh/:id. */
export default function StaffFeedbackPage() {
  const { id = null } = useParams();
  return (
    <Page className="page page--staff">
      <AppHeader title="Phản ánh, kiến nghị" />
      <StaffGate>{() => (id ? <FeedbackItem id={id} /> : <FeedbackList />)}</StaffGate>
    </Page>
  );
}
