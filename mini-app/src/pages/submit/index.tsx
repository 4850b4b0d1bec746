import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { useParams, useSearchParams } from "react-router-dom";
import { Page, useNavigate } from "zmp-ui";
import { processes } from "../../../../shared/src/auth/roles";
import type { DraftBody, SubmitBody } from "../../../../shared/src/dossier/api";
import { type MissingItem, missingItems } from "../../../../shared/src/dossier/completeness";
import { checkForm, normaliseForm } from "../../../../shared/src/dossier/eform";
import { describeDocument } from "../../../../shared/src/format/vi";
import {
  type PrefillResponse as PrefillData,
  type PrefillField,
  prefillSourceLabel,
} from "../../../../shared/src/identity/prefill";
import { submissionPath } from "../../../../shared/src/links/deep-link";
import { AppHeader } from "../../components/app-header";
import { DocumentFiles } from "../../components/document-files";
import { EFormSection, type FieldValue } from "../../components/eform-section";
import { FeeFacts } from "../../components/fee-facts";
import { MissingSummary, SubmitBar } from "../../components/missing-list";
import { DocumentGuide } from "../../components/required-document";
import { AccountBar, RequireSession } from "../../components/session-gate";
import { ErrorMessage, LoadFailure, Loading } from "../../components/status";
import { Field } from "../../components/text-field";
import { VneidRequired, vneidFailureMessage } from "../../components/vneid";
import { errorMessage, type ProcedureDetailData } from "../../services/api";
import { assistedApi } from "../../services/assisted-api";
import { dossierApi, draftApi, type FileItem, fileApi } from "../../services/authed-api";
import { useCatalogue } from "../../stores/catalogue";
import { useDossiers } from "../../stores/dossiers";
import type { SessionUser } from "../../stores/session";
import { type DocFiles, toAttachments } from "../../utils/attachments";
import { useFiling } from "../../utils/filing";
import { formatTime } from "../../utils/format";
import type { Prepared } from "../assisted";
import { type DraftStatus, readLocalDraft, useDraftAutosave } from "./drafts";

type Values = Record<string, FieldValue>;
type Initial = {
  unitId: string | null;
  values: Values;
  docs: DocFiles;
  savedAt: string | null;
  /** Restored from the device: the server does not have it yet. */
  unsaved: DraftBody | null;
};

function ReceivingUnit(props: {
  procedure: ProcedureDetailData;
  value: string | null;
  error: string | null;
  onChange: (id: string) => void;
}) {
  const units = useCatalogue((s) => s.units);
  const unitsLoad = useCatalogue((s) => s.unitsLoad);
  const loadUnits = useCatalogue((s) => s.loadUnits);
  const communes = useMemo(() => units.filter((u) => u.kind === "commune"), [units]);
  const commune = props.procedure.unitLevel === "commune";
  useEffect(() => {
    if (commune) void loadUnits();
  }, [commune, loadUnits]);

  return (
    <section className="section" aria-labelledby="unit-title">
      <h2 id="unit-title" className="section__title">
        Nơi tiếp nhận hồ sơ
      </h2>
      {!commune ? (
        <p>
          {props.procedure.competentUnit?.name ?? props.procedure.agency}
          <span className="note"> · cơ quan có thẩm quyền giải quyết thủ tục này</span>
        </p>
      ) : (
        <div className={`field${props.error ? " field--invalid" : ""}`}>
          <label htmlFor="receiving-unit" className="field__label">
            Xã, phường tiếp nhận và giải quyết
          </label>
          <select
            id="receiving-unit"
            value={props.value ?? ""}
            required
            aria-invalid={props.error ? true : undefined}
            aria-describedby={props.error ? "receiving-unit-error" : "receiving-unit-help"}
            onChange={(e) => props.onChange(e.target.value)}
          >
            <option value="">— Chọn xã, phường —</option>
            {communes.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <p id="receiving-unit-help" className="note">
            Thường là nơi bạn cư trú. Hồ sơ được tiếp nhận không phụ thuộc địa giới hành chính.
          </p>
          {unitsLoad === "error" && (
            <ErrorMessage message="Chưa tải được danh sách xã, phường." onRetry={() => void loadUnits()} />
          )}
          {props.error && (
            <p id="receiving-unit-error" className="field__error">
              {props.error}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

const UNIT_MISSING = "Vui lòng chọn nơi tiếp nhận hồ sơ";
const NAME_MISSING = "Nhập họ và tên người dân được hỗ trợ";
const EMPTY: Initial = { unitId: null, values: {}, docs: {}, savedAt: null, unsaved: null };

/** Whether the server has the draft: a failed save is a warning, never the success colour. */
function DraftStatusLine({ status }: { status: DraftStatus }) {
  if (status.error && !status.saving) {
    return (
      <p className="draft-status draft-status--unsaved" role="alert">
        Chưa lưu được bản nháp lên máy chủ: {status.error} Những gì bạn nhập vẫn được giữ trên máy này và sẽ được lưu khi có kết
        nối.
      </p>
    );
  }
  return (
    <p className={`draft-status${status.savedAt && !status.saving ? " draft-status--saved" : ""}`} role="status">
      {status.saving
        ? "Đang lưu nháp…"
        : status.savedAt
          ? `Đã lưu nháp lúc ${formatTime(status.savedAt)}`
          : "Thông tin bạn nhập được tự động lưu nháp."}
    </p>
  );
}

/**
 * The filing form. With `assisted`, a community digital team member (or a counter officer) fills it
 * for a resident beside them: nothing is saved as a draft, and instead of consenting themselves
 * they name the resident, who consents afterwards on their own Zalo or on signed paper.
 */
function DossierForm({
  procedure,
  initial,
  userId,
  assisted = false,
  prefill = [],
}: {
  procedure: ProcedureDetailData;
  initial: Initial;
  userId: string;
  assisted?: boolean;
  /** Identity from VNeID (read-only) and answers from earlier dossiers; a draft's own answers win over the latter. */
  prefill?: readonly PrefillField[];
}) {
  const navigate = useNavigate();
  const remember = useDossiers((s) => s.remember);
  const fixedUnit = procedure.unitLevel === "province" ? (procedure.competentUnit?.id ?? null) : null;
  const [unitId, setUnitId] = useState<string | null>(fixedUnit ?? initial.unitId);
  const [values, setValues] = useState<Values>(() => withPrefill(initial.values, prefill));
  const readOnly = useMemo(() => new Set(prefill.filter((f) => f.readOnly).map((f) => f.key)), [prefill]);
  // A prefilled value names its source while it is the value shown.
  const sourceOf = (key: string) => {
    const field = prefill.find((f) => f.key === key);
    return field && String(field.value) === String(values[key] ?? "") ? prefillSourceLabel(field.source) : null;
  };
  const [docs, setDocs] = useState<DocFiles>(initial.docs);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [consent, setConsent] = useState(false);
  const [applicantName, setApplicantName] = useState("");
  const { attempted, submitting, failure, setFailure, summaryRef, file } = useFiling();
  const draft = useDraftAutosave(userId, procedure.code, initial);
  const reloadProcedure = useCatalogue((s) => s.reloadProcedure);

  const attachments = useMemo(() => toAttachments(docs), [docs]);
  const issues = useMemo(() => new Map(checkForm(procedure.eform, values).map((i) => [i.key, i.message])), [procedure, values]);
  const missing = useMemo(() => {
    const items: MissingItem[] = missingItems(procedure, { form: values, documents: attachments });
    // The receiving unit is not part of the eForm but is needed just as much.
    if (!unitId) items.unshift({ kind: "field", key: "receivingUnitId", label: "Nơi tiếp nhận hồ sơ", message: UNIT_MISSING });
    if (assisted && applicantName.trim().length < 2)
      items.unshift({ kind: "field", key: "applicantName", label: "Họ và tên người dân", message: NAME_MISSING });
    return items;
  }, [procedure, values, attachments, unitId, assisted, applicantName]);

  // Every change by the resident is autosaved; restoring the draft is not a change.
  const dirty = useRef(false);
  const schedule = draft.schedule;
  useEffect(() => {
    if (!dirty.current || assisted) return;
    schedule({
      receivingUnitId: unitId,
      form: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== "" && v !== false)),
      documents: attachments,
    });
  }, [unitId, values, attachments, schedule, assisted]);
  const changed = () => {
    dirty.current = true;
    setFailure(null);
  };

  const setValue = (key: string, value: FieldValue) => {
    if (readOnly.has(key)) return;
    changed();
    setValues((current) => ({ ...current, [key]: value }));
  };
  const setDocFiles = (docIndex: number, update: (files: FileItem[]) => FileItem[]) => {
    changed();
    setDocs((current) => ({ ...current, [docIndex]: update(current[docIndex] ?? []) }));
  };
  const chooseUnit = (id: string) => {
    changed();
    setUnitId(id || null);
    setTouched((t) => new Set(t).add("receivingUnitId"));
  };
  const touch = (key: string) => setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));
  const shown = (key: string) => attempted || touched.has(key);

  const prepare = (event: FormEvent) => {
    event.preventDefault();
    const submission =
      missing.length > 0 || !unitId
        ? null
        : {
            procedureCode: procedure.code,
            procedureVersion: procedure.version,
            receivingUnitId: unitId,
            form: normaliseForm(procedure.eform, values),
            documents: attachments,
          };
    return file(submission && { submission, applicantName: applicantName.trim() }, async (body) => {
      const link = await assistedApi.prepare(body);
      const prepared: Prepared = { link, applicantName: body.applicantName, procedureName: procedure.name };
      navigate("/ho-tro", { replace: true, state: { prepared } });
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: SubmitBody | null =
      missing.length > 0 || !consent || !unitId
        ? null
        : {
            procedureCode: procedure.code,
            procedureVersion: procedure.version,
            receivingUnitId: unitId,
            form: normaliseForm(procedure.eform, values),
            documents: attachments,
            consent: true,
          };
    return file(body, async (b, key) => {
      // A draft save still on its way must not land after the submission removed the draft.
      await draft.settle();
      const receipt = await dossierApi.submit(b, key);
      draft.stop();
      remember(receipt);
      navigate(`/h/${receipt.code}`, { replace: true });
    });
  };

  return (
    <form noValidate onSubmit={(e) => void (assisted ? prepare(e) : submit(e))}>
      <section className="section procedure-head">
        <h2 className="procedure-head__name">{procedure.name}</h2>
        <p className="note">
          Mã thủ tục {procedure.code} · phiên bản {procedure.version}
        </p>
        {assisted ? (
          <p className="note">
            Bạn điền hồ sơ giúp người dân. Hồ sơ chỉ được nộp khi người dân đồng ý, và thuộc về người dân sau khi nộp.
          </p>
        ) : (
          <DraftStatusLine status={draft.status} />
        )}
      </section>

      {assisted && (
        <section className="section" aria-labelledby="applicant-title">
          <h2 id="applicant-title" className="section__title">
            Người dân được hỗ trợ
          </h2>
          <Field
            id="applicantName"
            label="Họ và tên người dân"
            value={applicantName}
            onChange={(name) => {
              changed();
              setApplicantName(name);
            }}
            invalid={
              shown("applicantName") && applicantName.trim().length < 2 ? { field: "applicantName", message: NAME_MISSING } : null
            }
            maxLength={100}
          />
        </section>
      )}

      <ReceivingUnit
        procedure={procedure}
        value={unitId}
        error={!unitId && shown("receivingUnitId") ? UNIT_MISSING : null}
        onChange={chooseUnit}
      />

      {prefill.length > 0 && (
        <section className="section" aria-labelledby="prefill-title">
          <h2 id="prefill-title" className="section__title">
            Thông tin đã điền sẵn
          </h2>
          <p>
            {readOnly.size > 0 ? "Họ tên, số định danh và các thông tin nhân thân lấy từ VNeID nên không sửa được. " : ""}
            Những thông tin khác lấy từ hồ sơ bạn nộp trước đây: vui lòng kiểm tra và sửa nếu đã thay đổi.
          </p>
        </section>
      )}

      <EFormSection
        fields={procedure.eform.fields}
        values={values}
        readOnly={readOnly}
        sourceOf={sourceOf}
        errorOf={(key) => (shown(key) ? (issues.get(key) ?? null) : null)}
        onChange={setValue}
        onBlur={touch}
      />

      <section className="section" aria-labelledby="docs-title">
        <h2 id="docs-title" className="section__title">
          Giấy tờ đính kèm
        </h2>
        {procedure.documents.length === 0 && <p>Không yêu cầu giấy tờ kèm theo.</p>}
        <ol className="doc-list">
          {procedure.documents.map((doc, docIndex) => {
            const files = docs[docIndex] ?? [];
            const lacking = doc.required && !doc.replacedByEform && files.length === 0 && attempted;
            return (
              <li key={docIndex} className={`doc-list__item${lacking ? " doc-list__item--missing" : ""}`}>
                <p className="doc-list__name">{describeDocument(doc).title}</p>
                <p className="note">{describeDocument(doc).meta}</p>
                {doc.note && <p className="note">{doc.note}</p>}
                <DocumentGuide doc={doc} />
                {!doc.replacedByEform && (
                  <DocumentFiles
                    docName={doc.name}
                    files={files}
                    onAdd={(file) => setDocFiles(docIndex, (fs) => (fs.some((f) => f.id === file.id) ? fs : [...fs, file]))}
                    onRemove={(id) => setDocFiles(docIndex, (fs) => fs.filter((f) => f.id !== id))}
                  />
                )}
                {lacking && <p className="field__error">Chưa đính kèm giấy tờ này</p>}
              </li>
            );
          })}
        </ol>
        <p className="note">Nhận tệp PDF, JPEG, PNG hoặc HEIC, mỗi tệp tối đa 10 MB.</p>
      </section>

      <MissingSummary items={missing} focusRef={summaryRef} />

      <FeeFacts fees={procedure.fees} filing />

      {!assisted && (
        <section className="section" aria-labelledby="consent-title">
          <h2 id="consent-title" className="section__title">
            Cam kết và đồng ý
          </h2>
          <div className={`field${attempted && !consent ? " field--invalid" : ""}`}>
            <label className="toggle toggle--top" htmlFor="consent">
              <input
                id="consent"
                type="checkbox"
                checked={consent}
                aria-invalid={attempted && !consent ? true : undefined}
                aria-describedby={attempted && !consent ? "consent-error" : undefined}
                onChange={(e) => setConsent(e.target.checked)}
              />
              <span>
                Tôi đồng ý cho cơ quan giải quyết xử lý dữ liệu cá nhân trong hồ sơ này để giải quyết thủ tục hành chính (Nghị
                định 13/2023/NĐ-CP) và cam đoan thông tin đã khai là đúng sự thật.
              </span>
            </label>
            {attempted && !consent && (
              <p id="consent-error" className="field__error">
                Vui lòng đồng ý cho phép xử lý dữ liệu cá nhân để nộp hồ sơ
              </p>
            )}
          </div>
        </section>
      )}

      <SubmitBar
        incomplete={
          attempted && missing.length > 0 ? `Hồ sơ còn thiếu ${missing.length} mục, vui lòng bổ sung trước khi nộp.` : null
        }
        failure={failure}
        submitting={submitting}
        label={assisted ? "Tạo mã để người dân đồng ý" : "Nộp hồ sơ"}
        busyLabel={assisted ? "Đang kiểm tra hồ sơ…" : "Đang nộp hồ sơ…"}
      >
        {failure?.code === "conflict" && (
          <button type="button" className="button button--secondary" onClick={() => void reloadProcedure(procedure.code)}>
            Tải lại thủ tục
          </button>
        )}
      </SubmitBar>
    </form>
  );
}

/**
 * Restores the draft (with the files it names) before the form opens: the device's copy when the
 * server does not have it yet (it was typed offline, or saving failed), else the server's.
 */
function DraftLoader({
  procedure,
  userId,
  prefill,
}: {
  procedure: ProcedureDetailData;
  userId: string;
  prefill: readonly PrefillField[];
}) {
  const [initial, setInitial] = useState<Initial | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    setError(null);
    (async (): Promise<Initial> => {
      const local = await readLocalDraft(userId, procedure.code);
      const server = await draftApi.get(procedure.code).then(
        (r) => r.draft,
        (e: unknown) => {
          if (local) return null; // offline: the device's copy is all there is
          throw e;
        },
      );
      // A draft saved later on another device is newer than this device's unsaved copy.
      const unsaved = local && !(server && server.updatedAt > local.changedAt) ? local.draft : null;
      const draft = unsaved ?? server;
      if (!draft) return { unitId: null, values: {}, docs: {}, savedAt: null, unsaved: null };
      const fileIds = draft.documents.flatMap((d) => d.fileIds);
      const known = new Map(fileIds.length > 0 ? (await fileApi.list()).items.map((f) => [f.id, f]) : []);
      const fields = new Set(procedure.eform.fields.map((f) => f.key));
      const values: Values = {};
      for (const [key, value] of Object.entries(draft.form)) {
        if (fields.has(key)) values[key] = typeof value === "number" ? String(value) : value;
      }
      const docs: DocFiles = {};
      for (const d of draft.documents) {
        // A draft from before the eForm replaced a declaration may still hold its scan: it is not sent.
        const doc = procedure.documents[d.docIndex];
        if (doc && !doc.replacedByEform) docs[d.docIndex] = d.fileIds.flatMap((id) => known.get(id) ?? []);
      }
      return { unitId: draft.receivingUnitId, values, docs, savedAt: server?.updatedAt ?? null, unsaved };
    })()
      .then((loaded) => active && setInitial(loaded))
      .catch((e: unknown) => active && setError(errorMessage(e)));
    return () => {
      active = false;
    };
  }, [procedure, userId, attempt]);

  if (error) return <ErrorMessage message={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!initial) return <Loading label="Đang mở bản nháp…" />;
  return <DossierForm key={procedure.version} procedure={procedure} initial={initial} userId={userId} prefill={prefill} />;
}

/** The form's values: earlier answers under what the draft holds, identity from VNeID over everything. */
function withPrefill(values: Values, prefill: readonly PrefillField[]): Values {
  const value = (f: PrefillField): FieldValue => (typeof f.value === "number" ? String(f.value) : f.value);
  const earlier = Object.fromEntries(prefill.filter((f) => !f.readOnly).map((f) => [f.key, value(f)]));
  const identity = Object.fromEntries(prefill.filter((f) => f.readOnly).map((f) => [f.key, value(f)]));
  return { ...earlier, ...values, ...identity };
}

/**
 * Whether this resident may file the procedure online now, and what the form starts with. Without
 * the VNeID link the filing needs, the link is explained first; coming back linked, it loads again.
 */
function PrefillLoader({ procedure, user }: { procedure: ProcedureDetailData; user: SessionUser }) {
  const [prefill, setPrefill] = useState<PrefillData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let active = true;
    setError(null);
    setPrefill(null);
    dossierApi.prefill(procedure.code).then(
      (p) => active && setPrefill(p),
      (e: unknown) => active && setError(errorMessage(e)),
    );
    return () => {
      active = false;
    };
  }, [procedure.code, user.vneidVerified, attempt]);

  if (error) return <ErrorMessage message={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!prefill) return <Loading label="Đang chuẩn bị tờ khai…" />;
  if (prefill.vneid.required && !prefill.vneid.linked)
    return <VneidRequired returnPath={submissionPath(procedure.code)} procedureName={procedure.name} />;
  return <DraftLoader procedure={procedure} userId={user.id} prefill={prefill.fields} />;
}

function SubmitContent({ code, user }: { code: string; user: SessionUser }) {
  const procedure = useCatalogue((s) => s.procedures[code]);
  const error = useCatalogue((s) => s.procedureErrors[code]);
  const load = useCatalogue((s) => s.loadProcedure);
  useEffect(() => void load(code), [code, load]);

  if (!procedure) return error ? <LoadFailure failure={error} onRetry={() => void load(code)} /> : <Loading />;
  // Counter staff file online for a resident only where the counter cannot receive the dossier.
  if (user.role === "helper" || (processes(user.role) && procedure.onlineOnly))
    return <DossierForm procedure={procedure} initial={EMPTY} userId={user.id} assisted />;
  if (user.role !== "resident") {
    return (
      <>
        <ErrorMessage message="Chỉ tài khoản công dân mới nộp được hồ sơ trực tuyến." />
        <AccountBar user={user} />
      </>
    );
  }
  return <PrefillLoader procedure={procedure} user={user} />;
}

export default function SubmitPage() {
  const { code = "" } = useParams();
  const [params] = useSearchParams();
  const vneidFailed = params.get("vneid") === "failed";
  const procedureName = useCatalogue((s) => s.procedures[code]?.name);
  return (
    <Page className="page">
      <AppHeader title="Nộp hồ sơ trực tuyến" documentTitle={procedureName && `Nộp hồ sơ: ${procedureName}`} />
      {vneidFailed && <ErrorMessage message={vneidFailureMessage(params.get("reason"))} />}
      <RequireSession purpose="Bạn cần đăng nhập để nộp hồ sơ trực tuyến.">
        {(user) => <SubmitContent code={code} user={user} />}
      </RequireSession>
    </Page>
  );
}
