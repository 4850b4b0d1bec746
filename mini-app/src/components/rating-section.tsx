import { useEffect, useState } from "react";
import { formatDate } from "../../../shared/src/format/vi";
import {
  CASE_STATUS_LABELS,
  CRITERION_SCORE_LABELS,
  CRITERION_SCORES,
  type CriterionScore,
  RATING_CRITERIA,
  RATING_CRITERION_LABELS,
  RATING_LEVEL_LABELS,
  RATING_LEVELS,
  type RatingCriteria,
  type RatingLevel,
} from "../../../shared/src/ratings/ratings";
import { errorMessage } from "../services/api";
import { type RatingViewData, ratingApi } from "../services/ratings-api";
import { formatDateTime } from "../utils/format";
import { useTask } from "../utils/task";
import { useSnackbar } from "./snackbar";

/** Three buttons, one tap each: the whole rating. */
function LevelButtons({ label, busy, onPick }: { label: string; busy: boolean; onPick: (level: RatingLevel) => void }) {
  return (
    <div className="rating-levels" role="group" aria-label={label}>
      {RATING_LEVELS.map((level) => (
        <button
          key={level}
          type="button"
          className={`button button--block ${level === "dissatisfied" ? "button--secondary" : "button--primary"}`}
          disabled={busy}
          onClick={() => onPick(level)}
        >
          {RATING_LEVEL_LABELS[level]}
        </button>
      ))}
    </div>
  );
}

/** The criteria of DOMAIN §7 and a comment, optional, once after the tap. */
function DetailsForm({ code, onSaved }: { code: string; onSaved: (v: RatingViewData) => void }) {
  const [criteria, setCriteria] = useState<RatingCriteria>({});
  const [comment, setComment] = useState("");
  const { busy, error, run } = useTask();
  const send = () => run(async () => onSaved(await ratingApi.details(code, { criteria, comment: comment.trim() })));
  return (
    <details className="rating-details">
      <summary>Góp ý thêm theo từng tiêu chí (không bắt buộc)</summary>
      {RATING_CRITERIA.map((key) => (
        <fieldset key={key} className="rating-criterion">
          <legend>{RATING_CRITERION_LABELS[key]}</legend>
          {CRITERION_SCORES.map((score: CriterionScore) => (
            <label key={score} className="rating-criterion__option">
              <input
                type="radio"
                name={`criterion-${key}`}
                checked={criteria[key] === score}
                onChange={() => setCriteria((c) => ({ ...c, [key]: score }))}
              />
              {CRITERION_SCORE_LABELS[score]}
            </label>
          ))}
        </fieldset>
      ))}
      <div className="field">
        <label htmlFor="rating-comment" className="field__label">
          Ý kiến của bạn
        </label>
        <textarea id="rating-comment" rows={3} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button button--secondary button--block" disabled={busy} onClick={() => void send()}>
        {busy ? "Đang gửi…" : "Gửi góp ý"}
      </button>
    </details>
  );
}

/** The case a "Không hài lòng" opened: its progress, the unit's reply, and the re-rating after it. */
function CaseProgress({ code, view, onChange }: { code: string; view: RatingViewData; onChange: (v: RatingViewData) => void }) {
  const c = view.case!;
  const { busy, error, run } = useTask();
  const { openSnackbar } = useSnackbar();
  const rerate = (level: RatingLevel) =>
    run(async () => {
      onChange(await ratingApi.rerate(code, { level, comment: "" }));
      openSnackbar({ text: "Cảm ơn bạn đã đánh giá lại.", type: "success" });
    });
  return (
    <div className="rating-case" role="group" aria-labelledby="rating-case-title">
      <h3 id="rating-case-title" className="rating-case__title">
        Ý kiến không hài lòng của bạn
      </h3>
      <dl className="facts facts--stacked">
        <div>
          <dt>Tình trạng</dt>
          <dd>{CASE_STATUS_LABELS[c.status]}</dd>
        </div>
        <div>
          <dt>Người xử lý</dt>
          <dd>{c.ownerName ? `${c.ownerName}, lãnh đạo ${c.unitName}` : c.unitName}</dd>
        </div>
        <div>
          <dt>Hạn trả lời</dt>
          <dd>{formatDate(c.dueDate)}</dd>
        </div>
      </dl>
      {c.reply && (
        <blockquote className="rating-case__reply" aria-label="Trả lời của đơn vị">
          <p>{c.reply}</p>
          <footer className="note">
            {c.repliedBy ?? c.unitName}, {c.repliedAt ? formatDateTime(c.repliedAt) : ""}
          </footer>
        </blockquote>
      )}
      {c.status === "replied" && (
        <>
          <p>Sau khi nhận được trả lời, bạn có thể đánh giá lại. Đánh giá ban đầu vẫn được giữ nguyên.</p>
          <LevelButtons label="Đánh giá lại" busy={busy} onPick={(l) => void rerate(l)} />
        </>
      )}
      {c.rerating && <p>Bạn đã đánh giá lại: {RATING_LEVEL_LABELS[c.rerating]}.</p>}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** After the handover: the one-tap rating, its details, and the case a "Không hài lòng" opens. */
export function RatingSection({ code }: { code: string }) {
  const [view, setView] = useState<RatingViewData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, run } = useTask();
  const { openSnackbar } = useSnackbar();
  useEffect(() => {
    ratingApi.get(code).then(setView, (e: unknown) => setLoadError(errorMessage(e)));
  }, [code]);
  if (loadError)
    return (
      <p className="field__error" role="alert">
        {loadError}
      </p>
    );
  if (!view || (!view.canRate && !view.rating)) return null;
  const rate = (level: RatingLevel) =>
    run(async () => {
      setView(await ratingApi.rate(code, { level }));
      openSnackbar({ text: "Cảm ơn bạn đã đánh giá.", type: "success" });
    });
  return (
    <section className="section section--action" aria-labelledby="rating-title">
      <h2 id="rating-title" className="section__title">
        Đánh giá mức độ hài lòng
      </h2>
      {view.canRate && (
        <>
          <p>Bạn hài lòng thế nào với việc giải quyết hồ sơ này? Chỉ cần chạm một lần.</p>
          <LevelButtons label="Mức độ hài lòng" busy={busy} onPick={(l) => void rate(l)} />
        </>
      )}
      {view.rating && (
        <>
          <p>
            Bạn đã đánh giá: <strong>{RATING_LEVEL_LABELS[view.rating.level]}</strong>
            {view.rating.stars ? ` (${view.rating.stars} sao qua Zalo)` : ""}
          </p>
          {view.rating.comment && <p className="note">Ý kiến: {view.rating.comment}</p>}
          {view.rating.detailsOpen && <DetailsForm code={code} onSaved={setView} />}
        </>
      )}
      {view.case && <CaseProgress code={code} view={view} onChange={setView} />}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
