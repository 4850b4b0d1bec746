import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { HotlineNote } from "../../components/contact";
import { RequireSession } from "../../components/session-gate";
import { Empty, ErrorMessage, Loading } from "../../components/status";
import { errorMessage } from "../../services/api";
import { type FeedbackData, feedbackApi } from "../../services/feedback-api";
import { formatDateTime } from "../../utils/format";
import { aboutLine } from "./parts";

function MyFeedback() {
  const [items, setItems] = useState<FeedbackData[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button's way to read again
  useEffect(() => {
    let active = true;
    setError(null);
    feedbackApi.list().then(
      (r) => active && setItems(r.items),
      (e: unknown) => active && setError(errorMessage(e)),
    );
    return () => {
      active = false;
    };
  }, [attempt]);
  if (error) return <ErrorMessage message={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!items) return <Loading />;
  if (items.length === 0) return <Empty message="Bạn chưa gửi phản ánh, kiến nghị nào." />;
  return (
    <ul className="card-list" aria-label="Phản ánh, kiến nghị của tôi">
      {items.map((item) => (
        <li key={item.id}>
          <Link to={`/phan-anh/${item.id}`} className="card">
            <span className="card__title">
              {item.kindLabel}: {aboutLine(item)}
            </span>
            <span className="note">
              {formatDateTime(item.createdAt)} · {item.statusLabel}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** "Phản ánh, kiến nghị": the resident's own items and the way to send a new one. */
export default function FeedbackListPage() {
  return (
    <Page className="page">
      <AppHeader title="Phản ánh, kiến nghị" />
      <section className="section">
        <p className="note">
          Gửi phản ánh, kiến nghị về cơ quan, thủ tục hoặc hồ sơ của bạn. Cơ quan trả lời trong thời hạn quy định và bạn nhận
          thông báo khi có trả lời.
        </p>
        <Link to="/phan-anh/moi" className="button button--primary button--block">
          Gửi phản ánh, kiến nghị
        </Link>
      </section>
      <section className="section" aria-labelledby="my-feedback">
        <h2 id="my-feedback" className="section__title">
          Đã gửi
        </h2>
        <RequireSession purpose="Bạn cần đăng nhập để xem phản ánh, kiến nghị của mình.">{() => <MyFeedback />}</RequireSession>
      </section>
      <HotlineNote />
    </Page>
  );
}
