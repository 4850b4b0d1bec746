import { lazy, Suspense, useEffect, useState } from "react";
import type { FileMeta, TimelineEvent } from "../../../shared/src/dossier/api";
import { formValueText } from "../../../shared/src/dossier/eform";
import { STAFF_ONLY_EVENTS } from "../../../shared/src/dossier/events";
import { formatFileSize, PREVIEWABLE_TYPES } from "../../../shared/src/files/files";
import { formatDate } from "../../../shared/src/format/vi";
import { errorMessage } from "../services/api";
import { useCatalogue } from "../stores/catalogue";
import { downloadFile } from "../utils/download";
import { formatDateTime } from "../utils/format";
import { useSnackbar } from "./snackbar";

/** Parts of a dossier that the resident's page and the staff workspace show alike. */

/** While a supplement is awaited the clock stands still: "Tạm dừng tính thời hạn từ 12/03/2026". */
export const clockPausedSince = (pausedAt: string) => `Tạm dừng tính thời hạn từ ${formatDate(pausedAt)}`;

/** Under a due date while the clock is paused: since when, and what happens to the date. */
export function ClockPaused({ pausedAt }: { pausedAt: string }) {
  return (
    <dd className="clock-paused">
      {clockPausedSince(pausedAt)} (chờ bổ sung hồ sơ). Ngày hẹn được lùi thêm số ngày làm việc tạm dừng khi hồ sơ được bổ sung.
    </dd>
  );
}

type FileRef = Pick<FileMeta, "id" | "name" | "size"> & { fromEform?: boolean; mime?: string };

// Only the staff workspace previews; the resident's pages never load it.
const FilePreview = lazy(() => import("./file-preview"));

/** The files, each to download; with `preview`, images and PDFs also open in the page ("Xem"). */
export function FileLinks({ files, label, preview = false }: { files: FileRef[]; label: string; preview?: boolean }) {
  const { openSnackbar } = useSnackbar();
  const [shown, setShown] = useState<string | null>(null);
  const download = async (file: FileRef) => {
    try {
      await downloadFile(file);
    } catch (e) {
      openSnackbar({ text: errorMessage(e), type: "error" });
    }
  };
  return (
    <ul className="file-list" aria-label={label}>
      {files.map((f) => (
        <li key={f.id} className="file-list__item">
          <span className="file-list__name">
            {f.name}
            <span className="note"> · {formatFileSize(f.size)}</span>
            {f.fromEform && <span className="note file-list__origin">Lập tự động từ biểu mẫu điện tử</span>}
          </span>
          {preview && f.mime && PREVIEWABLE_TYPES.includes(f.mime) && (
            <button
              type="button"
              className="button button--small button--secondary"
              aria-label={`${shown === f.id ? "Đóng xem trước" : "Xem"} ${f.name}`}
              aria-expanded={shown === f.id}
              onClick={() => setShown(shown === f.id ? null : f.id)}
            >
              {shown === f.id ? "Đóng" : "Xem"}
            </button>
          )}
          <button
            type="button"
            className="button button--small button--secondary"
            aria-label={`Tải về ${f.name}`}
            onClick={() => void download(f)}
          >
            Tải về
          </button>
          {shown === f.id && f.mime && (
            <Suspense
              fallback={
                <p className="note" role="status">
                  Đang mở tệp…
                </p>
              }
            >
              <FilePreview file={{ id: f.id, name: f.name, mime: f.mime }} onDownload={() => void download(f)} />
            </Suspense>
          )}
        </li>
      ))}
    </ul>
  );
}

/** "Quá trình xử lý", newest first; internal notes (staff only) are marked as such. */
export function Timeline({ events, preview = false }: { events: TimelineEvent[]; preview?: boolean }) {
  return (
    <section className="section" aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="section__title">
        Quá trình xử lý
      </h2>
      <ol className="timeline">
        {[...events].reverse().map((e) => (
          <li key={e.seq} className={`timeline__item${STAFF_ONLY_EVENTS.includes(e.type) ? " timeline__item--internal" : ""}`}>
            <p className="timeline__title">
              {e.title}
              {STAFF_ONLY_EVENTS.includes(e.type) && <span className="badge badge--internal">Nội bộ</span>}
            </p>
            <p className="note">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time> · {e.actorLabel}
            </p>
            {e.note && <p className="timeline__note">{e.note}</p>}
            {e.details.map((line) => (
              <p key={line} className="note">
                {line}
              </p>
            ))}
            {e.items.length > 0 && (
              <ul className="plain-list timeline__items">
                {e.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            )}
            {e.answers.length > 0 ? (
              <ol className="plain-list timeline__items" aria-label={`Trả lời từng mục: ${e.title}`}>
                {e.answers.map((a) => (
                  <li key={a.item}>
                    <p>{a.item}</p>
                    {a.text && <p className="timeline__note">{a.text}</p>}
                    {a.files.length > 0 && <FileLinks files={a.files} label={`Tệp trả lời: ${a.item}`} preview={preview} />}
                  </li>
                ))}
              </ol>
            ) : (
              e.files.length > 0 && <FileLinks files={e.files} label={`Tệp kèm theo: ${e.title}`} preview={preview} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function SubmittedDocuments({
  documents,
  preview = false,
}: {
  documents: { docIndex: number; name: string; files: FileRef[] }[];
  preview?: boolean;
}) {
  if (documents.length === 0) return null;
  return (
    <section className="section" aria-labelledby="documents-title">
      <h2 id="documents-title" className="section__title">
        Giấy tờ đã nộp
      </h2>
      <ol className="doc-list">
        {documents.map((d) => (
          <li key={d.docIndex} className="doc-list__item">
            <p className="doc-list__name">{d.name}</p>
            {d.files.length > 0 ? (
              <FileLinks files={d.files} label={`Tệp: ${d.name}`} preview={preview} />
            ) : (
              <p className="note">Bản giấy (không có tệp điện tử)</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** "Thông tin đã khai": the eForm values, labelled from the procedure's form. */
export function FormValuesList({
  procedureCode,
  form,
}: {
  procedureCode: string;
  form: Record<string, string | number | boolean>;
}) {
  const procedure = useCatalogue((s) => s.procedures[procedureCode]);
  const loadProcedure = useCatalogue((s) => s.loadProcedure);
  useEffect(() => void loadProcedure(procedureCode), [procedureCode, loadProcedure]);
  const entries = Object.entries(form);
  if (entries.length === 0) return null;
  const labels = new Map(procedure?.eform.fields.map((f) => [f.key, f]) ?? []);
  return (
    <section className="section" aria-labelledby="form-title">
      <h2 id="form-title" className="section__title">
        Thông tin đã khai
      </h2>
      <dl className="facts facts--stacked facts--plain">
        {entries.map(([key, value]) => (
          <div key={key}>
            <dt>{labels.get(key)?.label ?? key}</dt>
            <dd>{formValueText(labels.get(key), value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
