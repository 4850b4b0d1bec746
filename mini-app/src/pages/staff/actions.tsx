import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { RETURN_CHANNEL_LABEL, ReturnChannel } from "../../../../shared/src/dossier/channel";
import type { StaffAction } from "../../../../shared/src/dossier/lifecycle";
import { formatVnd } from "../../../../shared/src/format/vi";
import { FEE_EXEMPTION_GROUNDS, FEE_EXEMPTION_LABELS, type FeeExemptionGround } from "../../../../shared/src/payment/exemption";
import type { ActionBody } from "../../../../shared/src/staff/api";
import { vietnamDate } from "../../../../shared/src/time/vietnam";
import { Dialog } from "../../components/dialog";
import { DocumentFiles } from "../../components/document-files";
import { useSnackbar } from "../../components/snackbar";
import { Field, type Invalid } from "../../components/text-field";
import { ApiFailure } from "../../services/api";
import type { FileItem } from "../../services/authed-api";
import { type StaffDossierData, staffApi } from "../../services/staff-api";
import { useCatalogue } from "../../stores/catalogue";
import { useTask } from "../../utils/task";

const ACTION_LABEL: Record<StaffAction, string> = {
  accept: "Tiếp nhận",
  refuse: "Từ chối tiếp nhận",
  start_processing: "Bắt đầu xử lý",
  request_supplement: "Yêu cầu bổ sung",
  request_payment: "Yêu cầu nộp phí",
  confirm_payment: "Xác nhận đã thu phí",
  exempt_fee: "Miễn phí, lệ phí",
  stop: "Dừng xử lý",
  finish: "Hoàn thành, có kết quả",
  hand_over: "Trả kết quả",
  confirm_withdrawal: "Xác nhận rút hồ sơ",
  apologise: "Xin lỗi, hẹn lại",
  transfer: "Chuyển hồ sơ",
  note: "Ghi chú nội bộ",
  reply: "Nhắn công dân",
};

const ACTION_HELP: Record<StaffAction, string> = {
  accept: "Tiếp nhận hồ sơ; thời hạn giải quyết bắt đầu được tính.",
  refuse: "Hồ sơ không được tiếp nhận. Công dân nhận được lý do.",
  start_processing: "Chuyển hồ sơ sang bước giải quyết.",
  request_supplement:
    "Kiểm tra từng giấy tờ và liệt kê đầy đủ những gì cần bổ sung trong một lần thông báo (Mẫu 02); công dân bổ sung đúng từng mục. Thời hạn giải quyết tạm dừng đến khi công dân bổ sung.",
  request_payment: "Công dân được thông báo số tiền cần nộp và căn cứ thu.",
  confirm_payment: "Xác nhận đã thu đủ phí, lệ phí của công dân; hồ sơ đang chờ nộp phí tiếp tục được giải quyết.",
  exempt_fee: "Ghi nhận hồ sơ được miễn phí, lệ phí: chọn đối tượng được miễn và nêu căn cứ pháp lý.",
  stop: "Dừng giải quyết hồ sơ. Công dân nhận được lý do.",
  finish:
    "Đính kèm kết quả điện tử; công dân tải về được trong ứng dụng. Hồ sơ mới tiếp nhận được ghi nhận bước giải quyết cùng lúc, không cần thao tác riêng.",
  hand_over: "Ghi nhận đã trả kết quả cho công dân.",
  confirm_withdrawal: "Công dân đã đề nghị rút hồ sơ. Xác nhận để kết thúc hồ sơ.",
  apologise: "Gửi thư xin lỗi (Mẫu 04) và hẹn lại ngày trả kết quả. Hạn ban đầu vẫn dùng để đánh giá đúng hạn.",
  transfer: "Chuyển hồ sơ đến đơn vị có thẩm quyền giải quyết.",
  note: "Chỉ cán bộ thấy ghi chú này; công dân không nhận được.",
  reply: "Công dân nhận được tin nhắn này trong quá trình xử lý hồ sơ.",
};

/** The forward steps stand out; the ones that end a dossier read as dangerous. */
const PRIMARY: readonly StaffAction[] = ["accept", "start_processing", "confirm_payment", "finish", "hand_over"];
const DANGER: readonly StaffAction[] = ["refuse", "stop"];

/** The list of documents a supplement request names: one input per item, added one by one. */
function ItemsEditor({ items, onChange, invalid }: { items: string[]; onChange: (items: string[]) => void; invalid: Invalid }) {
  const error = invalid?.field === "items" ? invalid.message : null;
  return (
    <fieldset className={`field items-editor${error ? " field--invalid" : ""}`}>
      <legend className="field__label">Yêu cầu khác</legend>
      <p className="note">Giấy tờ chưa có trong hồ sơ hoặc nội dung cần làm rõ; công dân trả lời bằng tệp hoặc văn bản.</p>
      <ol className="items-editor__list">
        {items.map((item, i) => (
          <li key={i} className="items-editor__item">
            <label htmlFor={`supplement-item-${i}`} className="visually-hidden">
              Giấy tờ cần bổ sung {i + 1}
            </label>
            <input
              id={`supplement-item-${i}`}
              value={item}
              maxLength={500}
              aria-invalid={error && item.trim().length < 2 ? true : undefined}
              aria-describedby={error ? "supplement-items-error" : undefined}
              onChange={(e) => onChange(items.map((v, j) => (j === i ? e.target.value : v)))}
            />
            {(items.length > 1 || item !== "") && (
              <button
                type="button"
                className="button button--small button--link"
                aria-label={`Xóa mục ${i + 1}`}
                onClick={() => onChange(items.filter((_, j) => j !== i))}
              >
                Xóa
              </button>
            )}
          </li>
        ))}
      </ol>
      {items.length < 40 && (
        <button type="button" className="button button--small button--secondary" onClick={() => onChange([...items, ""])}>
          Thêm mục
        </button>
      )}
      {error && (
        <p id="supplement-items-error" className="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

type Verdict = { passed: boolean; note: string };

/**
 * The per-document check of a supplement request: each document of the procedure's case is marked
 * đạt or chưa đạt (with what is wrong), or left unchecked. A document the eForm carries is never
 * asked as a file: chưa đạt there asks the resident to correct what the form declared.
 */
function DocumentChecks(props: {
  detail: StaffDossierData;
  verdicts: Record<number, Verdict>;
  onChange: (docIndex: number, verdict: Verdict | null) => void;
  invalid: Invalid;
}) {
  const submitted = new Set(props.detail.documents.map((d) => d.docIndex));
  return (
    <fieldset className="field">
      <legend className="field__label">Kiểm tra từng giấy tờ</legend>
      <ul className="doc-check">
        {props.detail.requiredDocuments.map((doc) => {
          const verdict = props.verdicts[doc.docIndex];
          const noteId = `check-note-${doc.docIndex}`;
          const noteError = props.invalid?.field === noteId ? props.invalid.message : null;
          return (
            <li key={doc.docIndex} className="doc-check__item">
              <p className="doc-list__name">{doc.name}</p>
              <p className="note">
                {doc.replacedByEform
                  ? "Lập tự động từ biểu mẫu điện tử: chưa đạt thì yêu cầu sửa thông tin tờ khai."
                  : submitted.has(doc.docIndex)
                    ? "Đã nộp"
                    : doc.required
                      ? "Chưa nộp"
                      : "Không bắt buộc, chưa nộp"}
              </p>
              <div className="doc-check__choices">
                <label className="toggle">
                  <input
                    type="radio"
                    name={`check-${doc.docIndex}`}
                    aria-label={`Đạt: ${doc.name}`}
                    checked={verdict?.passed === true}
                    onChange={() => props.onChange(doc.docIndex, { passed: true, note: "" })}
                  />
                  <span>Đạt</span>
                </label>
                <label className="toggle">
                  <input
                    type="radio"
                    name={`check-${doc.docIndex}`}
                    aria-label={`Chưa đạt: ${doc.name}`}
                    checked={verdict?.passed === false}
                    onChange={() => props.onChange(doc.docIndex, { passed: false, note: verdict?.note ?? "" })}
                  />
                  <span>Chưa đạt</span>
                </label>
                {verdict && (
                  <button
                    type="button"
                    className="button button--small button--link"
                    onClick={() => props.onChange(doc.docIndex, null)}
                  >
                    Bỏ chọn
                  </button>
                )}
              </div>
              {verdict?.passed === false && (
                <div className={`field${noteError ? " field--invalid" : ""}`}>
                  <label htmlFor={noteId} className="field__label">
                    {doc.replacedByEform ? `Nội dung cần sửa trên tờ khai: ${doc.name}` : `Lý do chưa đạt: ${doc.name}`}
                  </label>
                  <input
                    id={noteId}
                    value={verdict.note}
                    maxLength={500}
                    aria-invalid={noteError ? true : undefined}
                    onChange={(e) => props.onChange(doc.docIndex, { passed: false, note: e.target.value })}
                  />
                  {noteError && <p className="field__error">{noteError}</p>}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** The small form of one action; builds the request body or says what is missing. */
function ActionForm(props: {
  action: StaffAction;
  detail: StaffDossierData;
  busy: boolean;
  error: string | null;
  onSubmit: (body: ActionBody) => void;
  onCancel: () => void;
}) {
  const { action, detail } = props;
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
  const [items, setItems] = useState<string[]>([""]);
  const [verdicts, setVerdicts] = useState<Record<number, Verdict>>({});
  const [replyBy, setReplyBy] = useState("");
  const [amount, setAmount] = useState(detail.fee.amount > 0 ? String(detail.fee.amount) : "");
  // An exemption names its own basis, not the fee's.
  const [legalBasis, setLegalBasis] = useState(action === "exempt_fee" ? "" : detail.fee.legalBasis);
  const [files, setFiles] = useState<FileItem[]>([]);
  const [returnChannel, setReturnChannel] = useState<ReturnChannel>(detail.channel === "online" ? "online" : "counter");
  const [newDate, setNewDate] = useState("");
  const [unitId, setUnitId] = useState("");
  const [ground, setGround] = useState<FeeExemptionGround | "">("");
  const [invalid, setInvalid] = useState<Invalid>(null);
  // Transfer targets: the province's units, reference data the app loads once per session.
  const units = useCatalogue((s) => s.units);
  const loadUnits = useCatalogue((s) => s.loadUnits);
  useEffect(() => {
    if (action === "transfer") void loadUnits();
  }, [action, loadUnits]);

  const optionalNote = note.trim() || undefined;
  const fileIds = files.map((f) => f.id);
  const amountValue = Number(amount.replace(/\D/g, ""));

  /** The body, or the first thing to fix. */
  const build = (): ActionBody | Invalid => {
    const needReason = () => (reason.trim().length < 3 ? { field: "action-reason", message: "Vui lòng ghi rõ lý do" } : null);
    switch (action) {
      case "accept":
      case "start_processing":
      case "confirm_payment":
      case "confirm_withdrawal":
        return { action, note: optionalNote };
      case "refuse":
      case "stop":
        return needReason() ?? { action, reason: reason.trim() };
      case "request_supplement": {
        const listed = items.map((i) => i.trim()).filter(Boolean);
        const checks = Object.entries(verdicts).map(([docIndex, v]) => ({
          docIndex: Number(docIndex),
          passed: v.passed,
          ...(v.passed ? {} : { note: v.note.trim() }),
        }));
        const unexplained = checks.find((c) => !c.passed && (c.note ?? "").length < 2);
        if (unexplained) {
          const name = detail.requiredDocuments.find((d) => d.docIndex === unexplained.docIndex)?.name ?? "";
          return { field: `check-note-${unexplained.docIndex}`, message: `Ghi rõ lý do chưa đạt của “${name}”.` };
        }
        if (listed.some((i) => i.length < 2) || (listed.length === 0 && !checks.some((c) => !c.passed)))
          return { field: "items", message: "Liệt kê đầy đủ giấy tờ cần bổ sung" };
        return { action, checks, items: listed, note: optionalNote, replyBy: replyBy || undefined };
      }
      case "request_payment":
        if (!(amountValue >= 1)) return { field: "action-amount", message: "Nhập số tiền cần nộp" };
        if (legalBasis.trim().length < 3) return { field: "action-legal-basis", message: "Nhập căn cứ thu phí, lệ phí" };
        return { action, amount: amountValue, legalBasis: legalBasis.trim(), note: optionalNote };
      case "exempt_fee":
        if (!ground) return { field: "action-ground", message: "Chọn đối tượng được miễn" };
        if (legalBasis.trim().length < 3) return { field: "action-legal-basis", message: "Nêu căn cứ pháp lý của việc miễn" };
        return { action, ground, legalBasis: legalBasis.trim(), note: optionalNote };
      case "finish":
        if (fileIds.length === 0) return { field: "files", message: "Đính kèm tệp kết quả điện tử" };
        return { action, resultFileIds: fileIds, note: optionalNote };
      case "hand_over":
        return { action, returnChannel, note: optionalNote };
      case "apologise":
        if (!newDate) return { field: "action-new-date", message: "Chọn ngày hẹn trả kết quả mới" };
        return needReason() ?? { action, reason: reason.trim(), newDate };
      case "transfer":
        if (!unitId) return { field: "action-unit", message: "Chọn đơn vị nhận hồ sơ" };
        return needReason() ?? { action, unitId, reason: reason.trim() };
      case "note":
        if (!note.trim()) return { field: "action-note", message: "Nhập nội dung ghi chú" };
        return { action, note: note.trim() };
      case "reply":
        if (!note.trim()) return { field: "action-note", message: "Nhập nội dung tin nhắn" };
        return { action, message: note.trim(), fileIds };
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = build();
    if (result && "action" in result) {
      setInvalid(null);
      props.onSubmit(result);
    } else {
      setInvalid(result);
    }
  };

  const reasonField = <Field id="action-reason" label="Lý do" value={reason} onChange={setReason} invalid={invalid} multiline />;
  const filesField = (label: string) => (
    <div className={`field${invalid?.field === "files" ? " field--invalid" : ""}`}>
      <p className="field__label">{label}</p>
      <DocumentFiles
        docName={label}
        files={files}
        onAdd={(file) => setFiles((fs) => (fs.some((f) => f.id === file.id) ? fs : [...fs, file]))}
        onRemove={(id) => setFiles((fs) => fs.filter((f) => f.id !== id))}
      />
      {invalid?.field === "files" && <p className="field__error">{invalid.message}</p>}
    </div>
  );

  let fields: ReactNode;
  switch (action) {
    case "refuse":
    case "stop":
      fields = reasonField;
      break;
    case "request_supplement":
      fields = (
        <>
          <DocumentChecks
            detail={detail}
            verdicts={verdicts}
            invalid={invalid}
            onChange={(docIndex, verdict) =>
              setVerdicts((all) => {
                const { [docIndex]: _, ...rest } = all;
                return verdict ? { ...rest, [docIndex]: verdict } : rest;
              })
            }
          />
          <ItemsEditor items={items} onChange={setItems} invalid={invalid} />
          <Field
            id="action-reply-by"
            label="Hạn bổ sung"
            type="date"
            min={vietnamDate(new Date())}
            value={replyBy}
            onChange={setReplyBy}
            invalid={invalid}
            optional
          />
        </>
      );
      break;
    case "request_payment":
      fields = (
        <>
          <Field
            id="action-amount"
            label="Số tiền (đồng)"
            inputMode="numeric"
            value={amount}
            onChange={setAmount}
            invalid={invalid}
            hint={amountValue > 0 && <p className="note">{formatVnd(amountValue)}</p>}
          />
          <Field
            id="action-legal-basis"
            label="Căn cứ thu"
            value={legalBasis}
            onChange={setLegalBasis}
            invalid={invalid}
            multiline
          />
        </>
      );
      break;
    case "exempt_fee":
      fields = (
        <>
          <div className={`field${invalid?.field === "action-ground" ? " field--invalid" : ""}`}>
            <label htmlFor="action-ground" className="field__label">
              Đối tượng được miễn
            </label>
            <select
              id="action-ground"
              value={ground}
              aria-invalid={invalid?.field === "action-ground" ? true : undefined}
              onChange={(e) => setGround(e.target.value as FeeExemptionGround)}
            >
              <option value="">— Chọn đối tượng —</option>
              {FEE_EXEMPTION_GROUNDS.map((g) => (
                <option key={g} value={g}>
                  {FEE_EXEMPTION_LABELS[g]}
                </option>
              ))}
            </select>
            {invalid?.field === "action-ground" && <p className="field__error">{invalid.message}</p>}
          </div>
          <Field
            id="action-legal-basis"
            label="Căn cứ miễn"
            value={legalBasis}
            onChange={setLegalBasis}
            invalid={invalid}
            multiline
          />
        </>
      );
      break;
    case "finish":
      fields = filesField("Kết quả giải quyết");
      break;
    case "hand_over":
      fields = (
        <fieldset className="field choice-group">
          <legend className="field__label">Hình thức trả kết quả</legend>
          {ReturnChannel.options.map((c) => (
            <label key={c} className="toggle">
              <input
                type="radio"
                name="return-channel"
                value={c}
                checked={returnChannel === c}
                onChange={() => setReturnChannel(c)}
              />
              <span>{RETURN_CHANNEL_LABEL[c]}</span>
            </label>
          ))}
        </fieldset>
      );
      break;
    case "apologise":
      fields = (
        <>
          {reasonField}
          <Field
            id="action-new-date"
            label="Ngày hẹn trả kết quả mới"
            type="date"
            min={vietnamDate(new Date())}
            value={newDate}
            onChange={setNewDate}
            invalid={invalid}
          />
        </>
      );
      break;
    case "transfer":
      fields = (
        <>
          <div className={`field${invalid?.field === "action-unit" ? " field--invalid" : ""}`}>
            <label htmlFor="action-unit" className="field__label">
              Chuyển đến đơn vị
            </label>
            <select
              id="action-unit"
              value={unitId}
              aria-invalid={invalid?.field === "action-unit" ? true : undefined}
              onChange={(e) => setUnitId(e.target.value)}
            >
              <option value="">— Chọn đơn vị —</option>
              {units
                .filter((u) => u.id !== detail.handlingUnit.id)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
            </select>
            {invalid?.field === "action-unit" && <p className="field__error">{invalid.message}</p>}
          </div>
          {reasonField}
        </>
      );
      break;
    case "reply":
      fields = (
        <>
          <Field id="action-note" label="Nội dung tin nhắn" value={note} onChange={setNote} invalid={invalid} multiline />
          {filesField("Tệp gửi kèm")}
        </>
      );
      break;
    default:
      fields = null;
  }
  // Every other step takes an optional note; an internal note is nothing but one.
  const noteField =
    action === "note" ? (
      <Field id="action-note" label="Nội dung ghi chú" value={note} onChange={setNote} invalid={invalid} multiline />
    ) : [
        "accept",
        "start_processing",
        "confirm_payment",
        "exempt_fee",
        "confirm_withdrawal",
        "request_supplement",
        "request_payment",
        "finish",
        "hand_over",
      ].includes(action) ? (
      <Field id="action-note" label="Ghi chú" value={note} onChange={setNote} invalid={invalid} multiline optional />
    ) : null;

  return (
    <form noValidate onSubmit={submit}>
      <p className="note">{ACTION_HELP[action]}</p>
      {fields}
      {noteField}
      {(props.error || invalid) && (
        <p className="field__error" role="alert">
          {props.error ?? invalid?.message}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          Hủy
        </button>
        <button
          type="submit"
          className={`button ${DANGER.includes(action) ? "button--danger" : "button--primary"}`}
          disabled={props.busy}
        >
          {props.busy ? "Đang gửi…" : ACTION_LABEL[action]}
        </button>
      </div>
    </form>
  );
}

/**
 * The actions the API allows now, and nothing else. Each is sent against the version the
 * officer is looking at; if someone else changed the dossier meanwhile, `onStale` reloads it.
 */
export function ActionBar(props: {
  detail: StaffDossierData;
  onUpdated: (detail: StaffDossierData) => void;
  onStale: (failure: ApiFailure) => void;
}) {
  const { detail } = props;
  const { openSnackbar } = useSnackbar();
  const [open, setOpen] = useState<StaffAction | null>(null);
  const { busy, error, setError, run } = useTask();

  const choose = (action: StaffAction) => {
    setError(null);
    setOpen(action);
  };

  const submit = (body: ActionBody) =>
    run(async () => {
      try {
        const next = await staffApi.act(detail.code, detail.version, body);
        setOpen(null);
        props.onUpdated(next);
        openSnackbar({ text: `Đã thực hiện: ${ACTION_LABEL[body.action]}.`, type: "success" });
      } catch (e) {
        // Someone else changed the dossier meanwhile: no error here, the view is reloaded.
        if (!(e instanceof ApiFailure && (e.status === 409 || e.status === 412 || e.status === 428))) throw e;
        setOpen(null);
        props.onStale(e);
      }
    });

  return (
    <section className="section" aria-labelledby="actions-title">
      <h2 id="actions-title" className="section__title">
        Thao tác
      </h2>
      {detail.allowedActions.length === 0 ? (
        <p className="note">Không có thao tác nào bạn có thể thực hiện với hồ sơ này.</p>
      ) : (
        <div className="action-bar">
          {detail.allowedActions.map((a) => (
            <button
              key={a}
              type="button"
              className={`button button--small ${PRIMARY.includes(a) ? "button--primary" : DANGER.includes(a) ? "button--danger" : "button--secondary"}`}
              onClick={() => choose(a)}
            >
              {ACTION_LABEL[a]}
            </button>
          ))}
        </div>
      )}
      <Dialog open={open !== null} title={open ? ACTION_LABEL[open] : ""} onClose={() => setOpen(null)}>
        {open && (
          <ActionForm
            key={open}
            action={open}
            detail={detail}
            busy={busy}
            error={error}
            onSubmit={(b) => void submit(b)}
            onCancel={() => setOpen(null)}
          />
        )}
      </Dialog>
    </section>
  );
}
