import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { Page } from "zmp-ui";
import { formatDate } from "../../../../shared/src/format/vi";
import {
  CASE_STATUS_LABELS,
  CRITERION_SCORE_LABELS,
  RATING_CRITERION_LABELS,
  RATING_LEVEL_LABELS,
  type RatingCriterion,
} from "../../../../shared/src/ratings/ratings";
import { AppHeader } from "../../components/app-header";
import { useSnackbar } from "../../components/snackbar";
import { Empty, LoadFailure, Loading } from "../../components/status";
import { type ApiFailure, toApiFailure } from "../../services/api";
import { ratingApi, type StaffCaseData } from "../../services/ratings-api";
import { formatDateTime } from "../../utils/format";
import { useTask } from "../../utils/task";
import { RoleGate } from "./parts";

function ReplyForm({ item, onReplied }: { item: StaffCaseData; onReplied: (c: StaffCaseData) => void }) {
  const [reply, setReply] = useState("");
  const { busy, error, setError, run } = useTask();
  const { openSnackbar } = useSnackbar();
  const id = `reply-${item.id}`;
  const send = () => {
    if (reply.trim().length < 10) {
      setError("Vui lòng trả lời người dân (ít nhất 10 ký tự)");
      return;
    }
    return run(async () => {
      onReplied(await ratingApi.reply(item.id, { reply: reply.trim() }));
      openSnackbar({ text: "Đã gửi trả lời cho người dân.", type: "success" });
    });
  };
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={id} className="field__label">
        Trả lời người dân
      </label>
      <textarea id={id} rows={4} maxLength={4000} value={reply} onChange={(e) => setReply(e.target.value)} />
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button button--primary button--block" disabled={busy} onClick={() => void send()}>
        {busy ? "Đang gửi…" : "Gửi trả lời"}
      </button>
    </div>
  );
}

function CaseCard({ item, onChange }: { item: StaffCaseData; onChange: (c: StaffCaseData) => void }) {
  const criteria = Object.entries(item.criteria) as [RatingCriterion, 0 | 1 | 2][];
  return (
    <li
      className={`section rating-case-card${item.overdue ? " rating-case--overdue" : ""}`}
      aria-label={`Phiếu của hồ sơ ${item.code}`}
    >
      <h3 className="rating-case__title">
        <Link to={`/can-bo/ho-so/${encodeURIComponent(item.code)}`} className="text-link">
          {item.code}
        </Link>
      </h3>
      <p className="note">{item.procedureName}</p>
      <dl className="facts facts--stacked">
        <div>
          <dt>Người dân</dt>
          <dd>{item.applicantName}</dd>
        </div>
        <div>
          <dt>Đánh giá</dt>
          <dd>
            {RATING_LEVEL_LABELS[item.level]}
            {item.stars ? ` (${item.stars} sao qua Zalo)` : ""}
          </dd>
          {item.comment && <dd>Ý kiến: {item.comment}</dd>}
          {criteria.map(([key, score]) => (
            <dd key={key} className="note">
              {RATING_CRITERION_LABELS[key]}: {CRITERION_SCORE_LABELS[score]}
            </dd>
          ))}
        </div>
        <div>
          <dt>Tình trạng</dt>
          <dd>
            {CASE_STATUS_LABELS[item.status]}
            {item.overdue && <strong className="rating-case__late"> · Quá hạn trả lời</strong>}
          </dd>
        </div>
        <div>
          <dt>Hạn trả lời</dt>
          <dd>{formatDate(item.dueDate)}</dd>
        </div>
        <div>
          <dt>Người xử lý</dt>
          <dd>{item.ownerName ?? `${item.unitName} (đơn vị chưa có lãnh đạo)`}</dd>
        </div>
      </dl>
      {item.reply && (
        <blockquote className="rating-case__reply" aria-label="Trả lời đã gửi">
          <p>{item.reply}</p>
          <footer className="note">
            {item.repliedBy}, {item.repliedAt ? formatDateTime(item.repliedAt) : ""}
          </footer>
        </blockquote>
      )}
      {item.rerating && <p>Người dân đánh giá lại: {RATING_LEVEL_LABELS[item.rerating]}</p>}
      {item.canReply && <ReplyForm item={item} onReplied={onChange} />}
    </li>
  );
}

function CaseList() {
  const [items, setItems] = useState<StaffCaseData[] | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const load = useCallback(() => {
    setFailure(null);
    ratingApi.cases().then(
      (r) => setItems(r.items),
      (e: unknown) => setFailure(toApiFailure(e)),
    );
  }, []);
  useEffect(load, [load]);
  if (failure) return <LoadFailure failure={failure} onRetry={load} />;
  if (!items) return <Loading />;
  const open = items.filter((c) => c.status === "open").length;
  const overdue = items.filter((c) => c.overdue).length;
  return (
    <>
      <section className="section" aria-labelledby="cases-title">
        <h2 id="cases-title" className="section__title">
          Đánh giá không hài lòng
        </h2>
        <p>
          {open} phiếu chờ trả lời{overdue > 0 ? `, ${overdue} phiếu quá hạn` : ""}. Mỗi đánh giá "Không hài lòng" được lập phiếu
          để lãnh đạo đơn vị trả lời người dân trong thời hạn.
        </p>
        {items.length === 0 && <Empty message="Chưa có đánh giá không hài lòng nào." />}
      </section>
      {items.length > 0 && (
        <ul className="plain-list" aria-label="Danh sách phiếu">
          {items.map((item) => (
            <CaseCard
              key={item.id}
              item={item}
              onChange={(c) => setItems((all) => all?.map((x) => (x.id === c.id ? c : x)) ?? null)}
            />
          ))}
        </ul>
      )}
    </>
  );
}

/** `/can-bo/danh-gia`: the cases "Không hài lòng" opened; a leader's units' (an admin reads all). */
export default function RatingCasesPage() {
  return (
    <Page className="page page--staff">
      <AppHeader title="Đánh giá không hài lòng" />
      <RoleGate
        roles={["leader", "admin"]}
        purpose="Bạn cần đăng nhập bằng tài khoản lãnh đạo đơn vị để xem các đánh giá không hài lòng."
        refusal="Trang này chỉ dành cho lãnh đạo đơn vị và quản trị tỉnh."
      >
        {() => <CaseList />}
      </RoleGate>
    </Page>
  );
}
