import { useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { formatFeeQuote, formatProcessingTime } from "../../../../shared/src/format/vi";
import { procedurePath } from "../../../../shared/src/links/deep-link";
import { AppHeader } from "../../components/app-header";
import { ServiceBadges } from "../../components/badges";
import { HotlineNote } from "../../components/contact";
import { Empty, LoadFailure, Loading } from "../../components/status";
import { type ApiFailure, catalogueApi, type LifeEventData, toApiFailure } from "../../services/api";

/** `/su-kien/:slug`: a life event's procedures in the order to do them, each with why it comes there. */
export default function LifeEventPage() {
  const { slug = "" } = useParams();
  const [event, setEvent] = useState<LifeEventData | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const load = useCallback(() => {
    setFailure(null);
    catalogueApi.getLifeEvent(slug).then(setEvent, (e: unknown) => setFailure(toApiFailure(e)));
  }, [slug]);
  useEffect(load, [load]);

  return (
    <Page className="page">
      <AppHeader title={event?.title ?? "Sự kiện cuộc sống"} />
      {failure ? (
        <div className="section">
          <LoadFailure failure={failure} onRetry={load} />
        </div>
      ) : !event ? (
        <Loading />
      ) : (
        <>
          <section className="section">
            <p>{event.description}</p>
            <p className="note">
              Làm theo thứ tự dưới đây. Thủ tục liên thông, nếu có, gộp nhiều việc vào một hồ sơ nên làm trước; các thủ tục sau
              chỉ cần khi trường hợp của bạn đúng như ghi chú.
            </p>
          </section>
          <section className="section" aria-labelledby="steps-title">
            <h2 id="steps-title" className="section__title">
              Các thủ tục theo thứ tự
            </h2>
            {event.steps.length === 0 ? (
              <Empty message="Các thủ tục của sự kiện này đang được cập nhật." />
            ) : (
              <ol className="card-list life-steps" aria-label={`Thủ tục khi ${event.title.toLowerCase()}`}>
                {event.steps.map(({ procedure, note }) => (
                  <li key={procedure.code} className="card">
                    <Link to={procedurePath(procedure.code)} className="card__link">
                      <span className="card__title">{procedure.name}</span>
                      {note && <span className="life-steps__note">{note}</span>}
                      <span className="card__facts">
                        <span>Thời hạn: {formatProcessingTime(procedure.processingTime)}</span>
                        <span>{formatFeeQuote(procedure.fees, new Date())}</span>
                      </span>
                      <ServiceBadges level={procedure.level} onlineOnly={procedure.onlineOnly} essential={procedure.essential} />
                    </Link>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <div className="section">
            <HotlineNote />
          </div>
        </>
      )}
    </Page>
  );
}
