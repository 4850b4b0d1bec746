import { useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { UnitContact } from "../../components/contact";
import { RequireSession } from "../../components/session-gate";
import { LoadFailure, Loading } from "../../components/status";
import { type ApiFailure, toApiFailure } from "../../services/api";
import { type FeedbackData, feedbackApi } from "../../services/feedback-api";
import { formatDateTime } from "../../utils/format";
import { FeedbackBodyView } from "./parts";

function FeedbackContent({ id }: { id: string }) {
  const [item, setItem] = useState<FeedbackData | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button's way to read again
  useEffect(() => {
    let active = true;
    setFailure(null);
    feedbackApi.get(id).then(
      (r) => active && setItem(r),
      (e: unknown) => active && setFailure(toApiFailure(e)),
    );
    return () => {
      active = false;
    };
  }, [id, attempt]);
  if (failure) return <LoadFailure failure={failure} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!item) return <Loading />;
  return (
    <>
      <section className="section" aria-labelledby="feedback-title">
        <h2 id="feedback-title" className="procedure-head__name">
          {item.kindLabel}
        </h2>
        <p>
          <span className={`badge ${item.status === "answered" ? "badge--done" : "badge--pending"}`}>{item.statusLabel}</span>
        </p>
        <FeedbackBodyView item={item} />
      </section>
      <section className="section" aria-labelledby="reply-title">
        <h2 id="reply-title" className="section__title">
          Trả lời của cơ quan
        </h2>
        {item.reply ? (
          <>
            <p className="note">
              {item.unit.name} · {formatDateTime(item.reply.at)}
            </p>
            <p className="feedback-content">{item.reply.body}</p>
          </>
        ) : (
          <p className="note">Cơ quan chưa trả lời. Bạn sẽ nhận thông báo khi có trả lời.</p>
        )}
      </section>
      <UnitContact unit={item.unit} />
    </>
  );
}

/** One of the resident's items and the unit's reply (where a "feedback" notification opens). */
export default function FeedbackDetailPage() {
  const { id = "" } = useParams();
  return (
    <Page className="page">
      <AppHeader title="Phản ánh, kiến nghị" />
      <RequireSession purpose="Bạn cần đăng nhập để xem phản ánh, kiến nghị của mình.">
        {() => <FeedbackContent id={id} />}
      </RequireSession>
    </Page>
  );
}
