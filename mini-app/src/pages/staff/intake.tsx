import { type FormEvent, useEffect, useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { Page, useNavigate } from "zmp-ui";
import { processes } from "../../../../shared/src/auth/roles";
import type { IntakeChannel } from "../../../../shared/src/dossier/channel";
import { type MissingItem, missingItems } from "../../../../shared/src/dossier/completeness";
import { checkForm, normaliseForm } from "../../../../shared/src/dossier/eform";
import { describeDocument, formatVnd } from "../../../../shared/src/format/vi";
import { submissionPath } from "../../../../shared/src/links/deep-link";
import type { IntakeBody } from "../../../../shared/src/staff/api";
import { AppHeader } from "../../components/app-header";
import { DocumentFiles } from "../../components/document-files";
import { EFormSection, type FieldValue } from "../../components/eform-section";
import { MissingSummary, SubmitBar } from "../../components/missing-list";
import { DocumentGuide } from "../../components/required-document";
import { useSnackbar } from "../../components/snackbar";
import { ErrorMessage, LoadFailure, Loading } from "../../components/status";
import type { ProcedureDetailData } from "../../services/api";
import { staffApi } from "../../services/staff-api";
import { useCatalogue } from "../../stores/catalogue";
import type { SessionUser } from "../../stores/session";
import { useStaffInbox } from "../../stores/staff";
import { type DocFiles, toAttachments, withFile, withoutFile } from "../../utils/attachments";
import { useFiling } from "../../utils/filing";
import { StaffGate, useProcedureOptions } from "./parts";

const PHONE = /^0\d{9}$/;

/** The dossier itself: applicant, eForm, documents (scanned or received on paper). */
function IntakeForm({ procedure, unitId }: { procedure: ProcedureDetailData; unitId: string }) {
  const navigate = useNavigate();
  const { openSnackbar } = useSnackbar();
  const refreshInbox = useStaffInbox((s) => s.refresh);
  const [channel, setChannel] = useState<IntakeChannel>("counter");
  const [fullName, setFullName] = useState("");
  const [phone, setPhone] = useState("");
  const [values, setValues] = useState<Record<string, FieldValue>>({});
  const [docs, setDocs] = useState<DocFiles>({});
  const [paper, setPaper] = useState<ReadonlySet<number>>(new Set());
  const { attempted, submitting, failure, summaryRef, file } = useFiling();

  const attachments = useMemo(() => toAttachments(docs), [docs]);
  const issues = useMemo(() => new Map(checkForm(procedure.eform, values).map((i) => [i.key, i.message])), [procedure, values]);
  const phoneError = phone.trim() && !PHONE.test(phone.trim()) ? "Số điện thoại gồm 10 chữ số, bắt đầu bằng 0" : null;
  const missing = useMemo(() => {
    // A document received on paper counts as present, as the API counts it.
    const onPaper = [...paper].map((docIndex) => ({ docIndex, fileIds: ["paper"] }));
    const items: MissingItem[] = missingItems(procedure, { form: values, documents: [...attachments, ...onPaper] });
    if (fullName.trim().length < 2)
      items.unshift({ kind: "field", key: "applicantName", label: "Người nộp", message: "Nhập họ và tên người nộp" });
    return items;
  }, [procedure, values, attachments, paper, fullName]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: IntakeBody | null =
      missing.length > 0 || phoneError
        ? null
        : {
            procedureCode: procedure.code,
            procedureVersion: procedure.version,
            receivingUnitId: unitId,
            channel,
            applicant: { fullName: fullName.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}) },
            form: normaliseForm(procedure.eform, values),
            documents: attachments,
            paperDocuments: [...paper].sort((a, b) => a - b),
          };
    return file(body, async (b, key) => {
      const receipt = await staffApi.intake(b, key);
      refreshInbox();
      openSnackbar({ text: `Đã tiếp nhận hồ sơ ${receipt.code}.`, type: "success" });
      navigate(`/can-bo/ho-so/${receipt.code}`, { replace: true });
    });
  };

  const shown = (key: string) => (attempted ? (issues.get(key) ?? null) : null);

  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <section className="section" aria-labelledby="applicant-title">
        <h2 id="applicant-title" className="section__title">
          Người nộp hồ sơ
        </h2>
        <fieldset className="field choice-group">
          <legend className="field__label">Hình thức nộp</legend>
          <label className="toggle">
            <input type="radio" name="channel" checked={channel === "counter"} onChange={() => setChannel("counter")} />
            <span>Trực tiếp tại bộ phận một cửa</span>
          </label>
          <label className="toggle">
            <input type="radio" name="channel" checked={channel === "postal"} onChange={() => setChannel("postal")} />
            <span>Qua dịch vụ bưu chính</span>
          </label>
        </fieldset>
        <div className={`field${attempted && fullName.trim().length < 2 ? " field--invalid" : ""}`}>
          <label htmlFor="applicant-name" className="field__label">
            Họ và tên người nộp
          </label>
          <input
            id="applicant-name"
            autoComplete="off"
            maxLength={100}
            value={fullName}
            aria-invalid={attempted && fullName.trim().length < 2 ? true : undefined}
            onChange={(e) => setFullName(e.target.value)}
          />
        </div>
        <div className={`field${attempted && phoneError ? " field--invalid" : ""}`}>
          <label htmlFor="applicant-phone" className="field__label">
            Số điện thoại người nộp <span className="note">(không bắt buộc)</span>
          </label>
          <input
            id="applicant-phone"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            maxLength={10}
            value={phone}
            aria-invalid={attempted && phoneError ? true : undefined}
            aria-describedby={attempted && phoneError ? "applicant-phone-error" : undefined}
            onChange={(e) => setPhone(e.target.value)}
          />
          {attempted && phoneError && (
            <p id="applicant-phone-error" className="field__error">
              {phoneError}
            </p>
          )}
        </div>
      </section>

      <EFormSection
        fields={procedure.eform.fields}
        values={values}
        errorOf={shown}
        zaloPhone={false}
        onChange={(key, v) => setValues((current) => ({ ...current, [key]: v }))}
      />

      <section className="section" aria-labelledby="docs-title">
        <h2 id="docs-title" className="section__title">
          Giấy tờ
        </h2>
        <p className="note">Đánh dấu giấy tờ đã nhận bản giấy, hoặc tải lên bản quét.</p>
        <ol className="doc-list">
          {procedure.documents.map((doc, docIndex) => {
            const { title, meta } = describeDocument(doc);
            if (doc.replacedByEform)
              return (
                <li key={docIndex} className="doc-list__item">
                  <p className="doc-list__name">{title}</p>
                  <DocumentGuide doc={doc} />
                </li>
              );
            return (
              <li key={docIndex} className="doc-list__item">
                <p className="doc-list__name">{title}</p>
                <p className="note">{meta}</p>
                <label className="toggle">
                  <input
                    type="checkbox"
                    checked={paper.has(docIndex)}
                    onChange={(e) =>
                      setPaper((p) => {
                        const next = new Set(p);
                        if (e.target.checked) next.add(docIndex);
                        else next.delete(docIndex);
                        return next;
                      })
                    }
                  />
                  <span>Đã nhận bản giấy: {doc.name}</span>
                </label>
                <DocumentFiles
                  docName={doc.name}
                  files={docs[docIndex] ?? []}
                  onAdd={(added) => setDocs((d) => withFile(d, docIndex, added))}
                  onRemove={(id) => setDocs((d) => withoutFile(d, docIndex, id))}
                />
              </li>
            );
          })}
        </ol>
      </section>

      <MissingSummary items={missing} focusRef={summaryRef}>
        <p className="note">Phí, lệ phí nộp trực tiếp: {formatVnd(procedure.fees.counter)}</p>
      </MissingSummary>

      <SubmitBar
        incomplete={attempted && missing.length > 0 ? `Hồ sơ còn thiếu ${missing.length} mục.` : null}
        failure={failure}
        submitting={submitting}
        label="Tiếp nhận hồ sơ"
        busyLabel="Đang tiếp nhận…"
      />
    </form>
  );
}

/** Where the dossier is received and for which procedure; then its form. */
function IntakeContent({ user }: { user: SessionUser }) {
  const units = useStaffInbox((s) => s.units);
  const unitsError = useStaffInbox((s) => s.unitsError);
  const loadUnits = useStaffInbox((s) => s.loadUnits);
  const [unitId, setUnitId] = useState(user.unitId ?? "");
  const [code, setCode] = useState("");
  const procedures = useProcedureOptions(unitId || null);
  const procedure = useCatalogue((s) => (code ? s.procedures[code] : undefined));
  const procedureError = useCatalogue((s) => (code ? s.procedureErrors[code] : null));
  const loadProcedure = useCatalogue((s) => s.loadProcedure);
  useEffect(() => void loadUnits(), [loadUnits]);
  useEffect(() => {
    if (code) void loadProcedure(code);
  }, [code, loadProcedure]);
  // An admin has no unit of their own: start with the first one they may receive for.
  useEffect(() => {
    if (units && units.length > 0 && !units.some((u) => u.id === unitId)) setUnitId(units[0]!.id);
  }, [units, unitId]);

  if (unitsError) return <ErrorMessage message={unitsError} onRetry={() => void loadUnits()} />;
  if (!units) return <Loading />;
  return (
    <>
      <section className="section" aria-labelledby="intake-title">
        <h2 id="intake-title" className="section__title">
          Hồ sơ nộp tại quầy hoặc qua bưu chính
        </h2>
        <div className="field">
          <label htmlFor="intake-unit" className="field__label">
            Đơn vị tiếp nhận
          </label>
          <select
            id="intake-unit"
            value={unitId}
            onChange={(e) => {
              setUnitId(e.target.value);
              setCode("");
            }}
          >
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="intake-procedure" className="field__label">
            Thủ tục
          </label>
          <select id="intake-procedure" value={code} onChange={(e) => setCode(e.target.value)}>
            <option value="">— Chọn thủ tục —</option>
            {procedures.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </section>
      {code &&
        !procedure &&
        (procedureError ? <LoadFailure failure={procedureError} onRetry={() => void loadProcedure(code)} /> : <Loading />)}
      {procedure?.onlineOnly && (
        <section className="section" aria-labelledby="online-only-title">
          <h2 id="online-only-title" className="section__title">
            Thủ tục chỉ tiếp nhận trực tuyến
          </h2>
          <p>
            Hồ sơ của thủ tục này không tiếp nhận tại quầy. Bạn có thể điền hồ sơ cùng người dân; hồ sơ được nộp trực tuyến khi
            người dân đồng ý trên Zalo của mình hoặc ký giấy đồng ý.
          </p>
          <Link to={submissionPath(procedure.code)} className="button button--primary button--block">
            Nộp trực tuyến giúp người dân
          </Link>
        </section>
      )}
      {procedure && !procedure.onlineOnly && unitId && (
        <IntakeForm key={`${procedure.code}-${procedure.version}-${unitId}`} procedure={procedure} unitId={unitId} />
      )}
    </>
  );
}

export default function IntakePage() {
  return (
    <Page className="page">
      <AppHeader title="Tiếp nhận hồ sơ" />
      <StaffGate>
        {(user) =>
          processes(user.role) ? (
            <IntakeContent user={user} />
          ) : (
            <ErrorMessage message="Chỉ cán bộ của đơn vị tiếp nhận mới tiếp nhận hồ sơ tại quầy." />
          )
        }
      </StaffGate>
    </Page>
  );
}
