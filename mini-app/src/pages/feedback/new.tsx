import { type ChangeEvent, type FormEvent, useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { Page, useNavigate } from "zmp-ui";
import {
  FEEDBACK_KIND_LABELS,
  FEEDBACK_KINDS,
  type FeedbackKind,
  MAX_FEEDBACK_PHOTOS,
} from "../../../../shared/src/feedback/api";
import { AppHeader } from "../../components/app-header";
import { HotlineNote } from "../../components/contact";
import { RequireSession } from "../../components/session-gate";
import { ErrorMessage, Loading } from "../../components/status";
import { catalogueApi, type ProcedureDetailData } from "../../services/api";
import { type FileItem, fileApi } from "../../services/authed-api";
import { feedbackApi } from "../../services/feedback-api";
import { useCatalogue } from "../../stores/catalogue";
import { useTask } from "../../utils/task";

const PHOTO_ACCEPT = "image/jpeg,image/png,image/heic";

/** The form: what it is about comes from the link (a dossier, a procedure, a unit) or is chosen here. */
function FeedbackForm({ dossier, procedureCode, unit }: { dossier: string; procedureCode: string; unit: string }) {
  const navigate = useNavigate();
  const units = useCatalogue((s) => s.units);
  const unitsLoad = useCatalogue((s) => s.unitsLoad);
  const loadUnits = useCatalogue((s) => s.loadUnits);
  useEffect(() => void loadUnits(), [loadUnits]);
  const [procedure, setProcedure] = useState<ProcedureDetailData | null>(null);
  useEffect(() => {
    if (procedureCode) catalogueApi.getProcedure(procedureCode).then(setProcedure, () => setProcedure(null));
  }, [procedureCode]);
  const [kind, setKind] = useState<FeedbackKind>("phan_anh");
  const [unitId, setUnitId] = useState(unit);
  const [content, setContent] = useState("");
  const [photos, setPhotos] = useState<FileItem[]>([]);
  const [allowPublic, setAllowPublic] = useState(false);
  // One key per item the resident is writing, so a retried send is not a second item.
  const [key] = useState(() => crypto.randomUUID());
  const uploading = useTask();
  const sending = useTask();

  // A procedure with a competent unit goes there; one any commune handles needs the commune.
  const needsUnit = !dossier && (!procedureCode || (procedure !== null && procedure.competentUnit === null));
  const choices = procedureCode ? units.filter((u) => u.kind === "commune") : units;

  const addPhotos = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])].slice(0, MAX_FEEDBACK_PHOTOS - photos.length);
    e.target.value = "";
    void uploading.run(async () => {
      for (const file of files) {
        const stored = await fileApi.upload(file, file.name);
        setPhotos((list) => [...list, stored]);
      }
    });
  };

  const send = (e: FormEvent) => {
    e.preventDefault();
    if (content.trim().length < 10) return sending.setError("Vui lòng mô tả nội dung phản ánh (ít nhất 10 ký tự).");
    if (needsUnit && !unitId) return sending.setError("Vui lòng chọn cơ quan nhận phản ánh.");
    void sending.run(async () => {
      const about = dossier
        ? { dossierCode: dossier }
        : { ...(procedureCode ? { procedureCode } : {}), ...(needsUnit ? { unitId } : {}) };
      const item = await feedbackApi.send(
        { kind, content: content.trim(), photoIds: photos.map((p) => p.id), allowPublic, ...about },
        key,
      );
      navigate(`/phan-anh/${item.id}`, { replace: true });
    });
  };

  return (
    <form className="section" noValidate onSubmit={send} aria-labelledby="new-feedback-title">
      <h2 id="new-feedback-title" className="section__title">
        Gửi phản ánh, kiến nghị
      </h2>
      {dossier && <p>Về hồ sơ {dossier}</p>}
      {procedureCode && <p>Về thủ tục {procedure?.name ?? procedureCode}</p>}
      <fieldset className="field">
        <legend className="field__label">Loại</legend>
        {FEEDBACK_KINDS.map((k) => (
          <label key={k} className="toggle">
            <input type="radio" name="feedback-kind" checked={kind === k} onChange={() => setKind(k)} />
            <span>{FEEDBACK_KIND_LABELS[k]}</span>
          </label>
        ))}
      </fieldset>
      {needsUnit && (
        <div className="field">
          <label htmlFor="feedback-unit" className="field__label">
            {procedureCode ? "Xã, phường nơi bạn thực hiện thủ tục" : "Cơ quan nhận phản ánh"}
          </label>
          <select id="feedback-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            <option value="">Chọn cơ quan</option>
            {choices.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          {unitsLoad === "error" && <ErrorMessage message="Chưa tải được danh sách cơ quan." onRetry={() => void loadUnits()} />}
        </div>
      )}
      <div className="field">
        <label htmlFor="feedback-content" className="field__label">
          Nội dung
        </label>
        <textarea id="feedback-content" rows={5} maxLength={2000} value={content} onChange={(e) => setContent(e.target.value)} />
        <p className="note">Không ghi số điện thoại, số căn cước hay họ tên người khác vào nội dung.</p>
      </div>
      <div className="field">
        <span className="field__label">Ảnh đính kèm (tối đa {MAX_FEEDBACK_PHOTOS} ảnh)</span>
        {photos.length > 0 && (
          <ul className="plain-list" aria-label="Ảnh đã đính kèm">
            {photos.map((p) => (
              <li key={p.id}>
                {p.name}{" "}
                <button
                  type="button"
                  className="button button--small button--link"
                  onClick={() => setPhotos((list) => list.filter((x) => x.id !== p.id))}
                >
                  Bỏ ảnh
                </button>
              </li>
            ))}
          </ul>
        )}
        {photos.length < MAX_FEEDBACK_PHOTOS && (
          <label className="button button--small button--secondary file-button">
            Thêm ảnh
            <input
              type="file"
              className="visually-hidden"
              accept={PHOTO_ACCEPT}
              multiple
              aria-label="Thêm ảnh đính kèm"
              disabled={uploading.busy}
              onChange={addPhotos}
            />
          </label>
        )}
        {uploading.busy && <Loading label="Đang tải ảnh lên…" />}
        {uploading.error && <ErrorMessage message={uploading.error} />}
      </div>
      <label className="toggle toggle--top" htmlFor="feedback-public">
        <input id="feedback-public" type="checkbox" checked={allowPublic} onChange={(e) => setAllowPublic(e.target.checked)} />
        <span>
          Cho phép công khai nội dung và câu trả lời sau khi cơ quan trả lời (không kèm họ tên, số điện thoại, mã hồ sơ và ảnh).
        </span>
      </label>
      {sending.error && <ErrorMessage message={sending.error} />}
      <button type="submit" className="button button--primary button--block" disabled={sending.busy || uploading.busy}>
        {sending.busy ? "Đang gửi…" : "Gửi phản ánh"}
      </button>
    </form>
  );
}

/** /phan-anh/moi?ho-so=<code> | ?thu-tuc=<code> | ?don-vi=<id> */
export default function NewFeedbackPage() {
  const [params] = useSearchParams();
  return (
    <Page className="page">
      <AppHeader title="Phản ánh, kiến nghị" />
      <RequireSession purpose="Bạn cần đăng nhập để gửi phản ánh, kiến nghị.">
        {() => (
          <FeedbackForm
            dossier={params.get("ho-so") ?? ""}
            procedureCode={params.get("thu-tuc") ?? ""}
            unit={params.get("don-vi") ?? ""}
          />
        )}
      </RequireSession>
      <HotlineNote />
    </Page>
  );
}
