import { useEffect, useState } from "react";
import { formatDate } from "../../../../shared/src/format/vi";
import { fileApi } from "../../services/authed-api";
import type { FeedbackData } from "../../services/feedback-api";
import { formatDateTime } from "../../utils/format";

/** A photo of an item, fetched with the bearer (the staff of the unit and the author may open it). */
export function FeedbackPhoto({ id, name }: { id: string; name: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let active = true;
    fileApi.content(id).then(
      (blob) => {
        if (!active) return;
        url = URL.createObjectURL(blob);
        setSrc(url);
      },
      () => undefined,
    );
    return () => {
      active = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [id]);
  return src ? <img src={src} alt={`Ảnh đính kèm: ${name}`} className="feedback-photo" /> : <span className="note">{name}</span>;
}

/** What an item is about, in a resident's words. */
export function aboutLine(item: Pick<FeedbackData, "subject" | "unit" | "procedure" | "dossierCode">) {
  if (item.subject === "dossier") return `Hồ sơ ${item.dossierCode ?? ""} · ${item.unit.name}`;
  if (item.subject === "procedure") return `Thủ tục ${item.procedure?.name ?? ""} · ${item.unit.name}`;
  return item.unit.name;
}

/** The item's content, photos, deadline and the unit's reply. */
export function FeedbackBodyView({ item }: { item: FeedbackData }) {
  return (
    <>
      <dl className="facts facts--stacked">
        <div>
          <dt>Gửi đến</dt>
          <dd>{aboutLine(item)}</dd>
        </div>
        <div>
          <dt>Ngày gửi</dt>
          <dd>{formatDateTime(item.createdAt)}</dd>
        </div>
        <div>
          <dt>Hạn trả lời</dt>
          <dd>{formatDate(item.dueDate)}</dd>
        </div>
        <div>
          <dt>Công khai khi đã trả lời</dt>
          <dd>{item.allowPublic ? "Có (không kèm thông tin cá nhân, không kèm ảnh)" : "Không"}</dd>
        </div>
      </dl>
      <p className="feedback-content">{item.content}</p>
      {item.photos.length > 0 && (
        <div className="feedback-photos">
          {item.photos.map((p) => (
            <FeedbackPhoto key={p.id} id={p.id} name={p.name} />
          ))}
        </div>
      )}
    </>
  );
}
