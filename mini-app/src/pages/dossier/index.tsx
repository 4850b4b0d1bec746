import { useEffect, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { inStatusGroup } from "../../../../shared/src/dossier/status";
import { askLabel, needsFile } from "../../../../shared/src/dossier/supplement";
import { formatDate } from "../../../../shared/src/format/vi";
import { PAYMENT_RETURN_PARAM } from "../../../../shared/src/payment/fee";
import { AppHeader } from "../../components/app-header";
import { StatusBadge } from "../../components/badges";
import { UnitContact } from "../../components/contact";
import { Dialog } from "../../components/dialog";
import { DocumentFiles } from "../../components/document-files";
import { ClockPaused, FileLinks, FormValuesList, SubmittedDocuments, Timeline } from "../../components/dossier-parts";
import { ResidentFeeSection } from "../../components/fee-section";
import { RatingSection } from "../../components/rating-section";
import { RequireSession } from "../../components/session-gate";
import { useSnackbar } from "../../components/snackbar";
import { LoadFailure, Loading } from "../../components/status";
import { type DossierDetailData, dossierApi, type FileItem } from "../../services/authed-api";
import { useCatalogue } from "../../stores/catalogue";
import { useDossiers } from "../../stores/dossiers";
import { type DocFiles, toAttachments, withFile, withoutFile } from "../../utils/attachments";
import { formatDateTime } from "../../utils/format";
import { useTask } from "../../utils/task";

type Ask = NonNullable<DossierDetailData["supplement"]>["asks"][number];
type Answer = { files: FileItem[]; text: string };

/** One slot per item the officer asked: a file for a document; a file or a text for anything else. */
function AskSlots(props: { asks: Ask[]; answers: Record<string, Answer>; onChange: (id: string, answer: Answer) => void }) {
  return (
    <ol className="doc-list" aria-label="Các mục cần bổ sung">
      {props.asks.map((ask) => {
        const answer = props.answers[ask.id] ?? { files: [], text: "" };
        const label = askLabel(ask);
        const docName = ask.kind === "text" ? ask.text : ask.name;
        return (
          <li key={ask.id} className="doc-list__item">
            <p className="doc-list__name">{ask.kind === "text" ? ask.text : ask.kind === "form" ? label : ask.name}</p>
            {ask.kind === "document" && <p className="note">Lý do: {ask.note}</p>}
            {!needsFile(ask) && (
              <div className="field">
                <label htmlFor={`answer-${ask.id}`} className="field__label">
                  Trả lời: {docName} <span className="note">(hoặc đính kèm tệp)</span>
                </label>
                <textarea
                  id={`answer-${ask.id}`}
                  rows={2}
                  maxLength={2000}
                  value={answer.text}
                  onChange={(e) => props.onChange(ask.id, { ...answer, text: e.target.value })}
                />
              </div>
            )}
            <DocumentFiles
              docName={docName}
              files={answer.files}
              onAdd={(file) =>
                props.onChange(ask.id, {
                  ...answer,
                  files: answer.files.some((f) => f.id === file.id) ? answer.files : [...answer.files, file],
                })
              }
              onRemove={(id) => props.onChange(ask.id, { ...answer, files: answer.files.filter((f) => f.id !== id) })}
            />
          </li>
        );
      })}
    </ol>
  );
}

/** The officer asked for more documents (status 5): attach them and send. */
function SupplementBox({ detail }: { detail: DossierDetailData }) {
  const setDetail = useDossiers((s) => s.setDetail);
  const procedure = useCatalogue((s) => s.procedures[detail.procedure.code]);
  const loadProcedure = useCatalogue((s) => s.loadProcedure);
  const { openSnackbar } = useSnackbar();
  const [docs, setDocs] = useState<DocFiles>({});
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const asks = detail.supplement?.asks ?? [];
  const [note, setNote] = useState("");
  const { busy: sending, error, setError, run } = useTask();
  useEffect(() => void loadProcedure(detail.procedure.code), [detail.procedure.code, loadProcedure]);
  const documents = procedure?.documents.map((d, docIndex) => ({ docIndex, name: d.name })) ?? detail.documents;

  const send = async () => {
    // A request that lists items is answered item by item, each one (the API checks it again).
    if (asks.length > 0) {
      const missing = asks.find((ask) => {
        const a = answers[ask.id];
        return !(a && (a.files.length > 0 || (!needsFile(ask) && a.text.trim() !== "")));
      });
      if (missing) {
        setError(`${needsFile(missing) ? "Chưa đính kèm tệp cho mục" : "Chưa trả lời mục"}: ${askLabel(missing)}.`);
        return;
      }
      const body = asks.map((ask) => ({
        askId: ask.id,
        fileIds: answers[ask.id]!.files.map((f) => f.id),
        ...(answers[ask.id]!.text.trim() ? { text: answers[ask.id]!.text.trim() } : {}),
      }));
      await run(async () => {
        setDetail(await dossierApi.supplement(detail.code, { answers: body, note: note.trim() }));
        openSnackbar({ text: "Đã gửi bổ sung hồ sơ.", type: "success" });
      });
      return;
    }
    const attachments = toAttachments(docs);
    if (attachments.length === 0) {
      setError("Vui lòng đính kèm giấy tờ bổ sung.");
      return;
    }
    await run(async () => {
      setDetail(await dossierApi.supplement(detail.code, { documents: attachments, note: note.trim() }));
      openSnackbar({ text: "Đã gửi bổ sung hồ sơ.", type: "success" });
    });
  };

  return (
    <section className="section section--action" aria-labelledby="supplement-title">
      <h2 id="supplement-title" className="section__title">
        Cần bổ sung hồ sơ
      </h2>
      {detail.supplement && (
        <>
          <p className="note">Yêu cầu ngày {formatDateTime(detail.supplement.requestedAt)}</p>
          {detail.supplement.items.length > 0 && (
            <ul className="missing-list" aria-label="Giấy tờ cần bổ sung">
              {detail.supplement.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
          {detail.supplement.note && <p>{detail.supplement.note}</p>}
        </>
      )}
      {asks.length > 0 ? (
        <AskSlots asks={asks} answers={answers} onChange={(id, a) => setAnswers((all) => ({ ...all, [id]: a }))} />
      ) : (
        <ol className="doc-list">
          {documents.map((doc) => (
            <li key={doc.docIndex} className="doc-list__item">
              <p className="doc-list__name">{doc.name}</p>
              <DocumentFiles
                docName={doc.name}
                files={docs[doc.docIndex] ?? []}
                onAdd={(file) => setDocs((d) => withFile(d, doc.docIndex, file))}
                onRemove={(id) => setDocs((d) => withoutFile(d, doc.docIndex, id))}
              />
            </li>
          ))}
        </ol>
      )}
      <div className="field">
        <label htmlFor="supplement-note" className="field__label">
          Ghi chú cho cán bộ <span className="note">(không bắt buộc)</span>
        </label>
        <textarea id="supplement-note" rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button button--primary button--block" disabled={sending} onClick={() => void send()}>
        {sending ? "Đang gửi…" : "Gửi bổ sung"}
      </button>
    </section>
  );
}

function WithdrawAction({ detail }: { detail: DossierDetailData }) {
  const setDetail = useDossiers((s) => s.setDetail);
  const { openSnackbar } = useSnackbar();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const { busy: sending, error, setError, run } = useTask();

  const confirm = async () => {
    if (reason.trim().length < 3) {
      setError("Vui lòng cho biết lý do rút hồ sơ");
      return;
    }
    await run(async () => {
      setDetail(await dossierApi.withdraw(detail.code, reason.trim()));
      setOpen(false);
      openSnackbar({ text: "Đã gửi đề nghị rút hồ sơ.", type: "success" });
    });
  };

  return (
    <>
      <button type="button" className="button button--danger button--block" onClick={() => setOpen(true)}>
        Rút hồ sơ
      </button>
      <Dialog open={open} title="Rút hồ sơ" onClose={() => setOpen(false)}>
        <p>Sau khi rút, hồ sơ sẽ không được giải quyết tiếp. Nếu cán bộ đã tiếp nhận, đề nghị rút cần được cán bộ xác nhận.</p>
        <div className={`field${error ? " field--invalid" : ""}`}>
          <label htmlFor="withdraw-reason" className="field__label">
            Lý do rút hồ sơ
          </label>
          <textarea
            id="withdraw-reason"
            rows={3}
            maxLength={500}
            value={reason}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "withdraw-error" : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {error && (
            <p id="withdraw-error" className="field__error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
            Hủy
          </button>
          <button type="button" className="button button--danger" disabled={sending} onClick={() => void confirm()}>
            {sending ? "Đang gửi…" : "Xác nhận rút hồ sơ"}
          </button>
        </div>
      </Dialog>
    </>
  );
}

function DossierView({ detail }: { detail: DossierDetailData }) {
  // The payment gateway returns here with ?thanh-toan=ok|huy.
  const [search] = useSearchParams();
  return (
    <>
      <section className="section procedure-head">
        <h2 className="procedure-head__name">{detail.procedure.name}</h2>
        <p className="note">Mã hồ sơ {detail.code}</p>
        <p>
          <StatusBadge status={detail.status} label={detail.statusLabel} />
        </p>
        {detail.withdrawalRequested && !inStatusGroup("withdrawn", detail.status) && (
          <p className="note">Đã gửi đề nghị rút hồ sơ, chờ cán bộ xác nhận.</p>
        )}
        <dl className="facts facts--stacked">
          <div>
            <dt>Ngày hẹn trả kết quả{inStatusGroup("awaitingAcceptance", detail.status) ? " (dự kiến)" : ""}</dt>
            <dd>{detail.dueDate ? formatDate(detail.dueDate) : "Chưa có"}</dd>
            {detail.pausedAt && <ClockPaused pausedAt={detail.pausedAt} />}
            {detail.dueExplanation && <dd className="note">{detail.dueExplanation}</dd>}
          </div>
          {detail.promisedDate && (
            <div>
              <dt>Ngày hẹn trả kết quả mới</dt>
              <dd>{formatDate(detail.promisedDate)}</dd>
              <dd className="note">Cơ quan giải quyết đã gửi thư xin lỗi và hẹn lại ngày trả kết quả.</dd>
            </div>
          )}
          <div>
            <dt>Cơ quan giải quyết</dt>
            <dd>{detail.handlingUnit.name}</dd>
          </div>
          <div>
            <dt>Quy định áp dụng cho hồ sơ</dt>
            <dd>
              Phiên bản {detail.procedureVersion.version} của thủ tục, hiệu lực từ{" "}
              {formatDate(detail.procedureVersion.effectiveFrom)}
            </dd>
            {detail.procedureVersion.decisions.map((d) => (
              <dd key={d.number} className="note">
                {d.number}: {d.title}
              </dd>
            ))}
          </div>
        </dl>
        <Link to={`/h/${detail.code}`} className="text-link">
          Xem biên nhận và mã QR
        </Link>
      </section>

      {detail.canSupplement && <SupplementBox detail={detail} />}

      <ResidentFeeSection
        key={`${detail.code}-${detail.status}`}
        code={detail.code}
        returned={search.get(PAYMENT_RETURN_PARAM)}
      />

      {detail.results.length > 0 && (
        <section className="section" aria-labelledby="results-title">
          <h2 id="results-title" className="section__title">
            Kết quả giải quyết
          </h2>
          <FileLinks files={detail.results} label="Tệp kết quả" />
        </section>
      )}

      {detail.status === 10 && <RatingSection key={detail.code} code={detail.code} />}

      <Timeline events={detail.timeline} />

      <SubmittedDocuments documents={detail.documents} />

      <FormValuesList procedureCode={detail.procedure.code} form={detail.form} />

      {detail.canWithdraw && (
        <section className="section">
          <WithdrawAction detail={detail} />
        </section>
      )}

      <DossierContact detail={detail} />
    </>
  );
}

/** Whom to call about the dossier, and a way to send feedback about it. */
function DossierContact({ detail }: { detail: DossierDetailData }) {
  const unit = useCatalogue((s) => s.units.find((u) => u.id === detail.handlingUnit.id));
  const loadUnits = useCatalogue((s) => s.loadUnits);
  useEffect(() => void loadUnits(), [loadUnits]);
  return (
    <>
      <UnitContact unit={unit ?? { name: detail.handlingUnit.name }} />
      <section className="section">
        <Link to={`/phan-anh/moi?ho-so=${encodeURIComponent(detail.code)}`} className="text-link">
          Phản ánh, kiến nghị về hồ sơ này
        </Link>
      </section>
    </>
  );
}

function DossierContent({ code }: { code: string }) {
  const detail = useDossiers((s) => s.details[code]);
  const error = useDossiers((s) => s.detailErrors[code]);
  const load = useDossiers((s) => s.loadDetail);
  // Always read again on opening: the status may have changed since.
  useEffect(() => void load(code), [code, load]);
  if (detail) return <DossierView detail={detail} />;
  return error ? <LoadFailure failure={error} onRetry={() => void load(code)} /> : <Loading />;
}

export default function DossierPage() {
  const { code = "" } = useParams();
  return (
    <Page className="page">
      <AppHeader title="Chi tiết hồ sơ" />
      <RequireSession purpose="Bạn cần đăng nhập để xem hồ sơ của mình.">{() => <DossierContent code={code} />}</RequireSession>
    </Page>
  );
}
