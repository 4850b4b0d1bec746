import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { useNavigate } from "zmp-ui";
import type {
  AdminProcedure,
  ProcedureDiff,
  ProcedureDraftBody,
  ProcedureVersionDetail,
  ProcedureVersionSummary,
} from "../../../../shared/src/admin/procedures";
import { formatDate } from "../../../../shared/src/format/vi";
import { vietnamDate } from "../../../../shared/src/time/vietnam";
import { Dialog } from "../../components/dialog";
import { useSnackbar } from "../../components/snackbar";
import { LoadFailure, Loading } from "../../components/status";
import { procedureAdminApi } from "../../services/admin-api";
import { ApiFailure, errorMessage, toApiFailure } from "../../services/api";
import { useTask } from "../../utils/task";
import { type Problem, ProblemList } from "./form-parts";
import { AdminLayout } from "./layout";
import { draftBodyOf, EMPTY_BODY, ProcedureForm, problemsOf } from "./procedure-form";
import { pathLabel, STATUS_LABEL } from "./procedure-parts";

function VersionsTable({ versions }: { versions: readonly ProcedureVersionSummary[] }) {
  return (
    <div className="admin-table__scroll">
      <table className="admin-table">
        <caption className="visually-hidden">Các phiên bản</caption>
        <thead>
          <tr>
            <th scope="col">Phiên bản</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Hiệu lực từ</th>
            <th scope="col">Công bố</th>
            <th scope="col">Sửa lần cuối</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <td>{v.version}</td>
              <td>
                <span className={`badge badge--proc-${v.status}`}>{STATUS_LABEL[v.status]}</span>
              </td>
              <td>{formatDate(v.effectiveFrom)}</td>
              <td>{v.publishedAt ? formatDate(v.publishedAt) : v.publishOn ? `Hẹn ngày ${formatDate(v.publishOn)}` : "—"}</td>
              <td>
                {formatDate(v.updatedAt)}
                {v.updatedBy && ` · ${v.updatedBy}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Two versions side by side, as the API words the changes: label, before → after. */
function DiffSection({ code, versions }: { code: string; versions: readonly ProcedureVersionSummary[] }) {
  const numbers = versions.map((v) => v.version);
  const [from, setFrom] = useState(numbers[1] ?? numbers[0] ?? 1);
  const [to, setTo] = useState(numbers[0] ?? 1);
  const [diff, setDiff] = useState<ProcedureDiff | null>(null);
  const task = useTask();
  if (numbers.length < 2) return null;
  const compare = (e: FormEvent) => {
    e.preventDefault();
    void task.run(async () => setDiff(await procedureAdminApi.diff(code, from, to)));
  };
  const option = (n: number) => (
    <option key={n} value={n}>
      Phiên bản {n} ({STATUS_LABEL[versions.find((v) => v.version === n)!.status].toLocaleLowerCase("vi")})
    </option>
  );
  return (
    <section className="section" aria-labelledby="diff-title">
      <h2 id="diff-title" className="section__title">
        So sánh hai phiên bản
      </h2>
      <form className="admin-filters" onSubmit={compare}>
        <div className="field">
          <label htmlFor="diff-from" className="field__label">
            Từ
          </label>
          <select id="diff-from" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            {numbers.map(option)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="diff-to" className="field__label">
            Đến
          </label>
          <select id="diff-to" value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {numbers.map(option)}
          </select>
        </div>
        <button type="submit" className="button button--secondary admin-filters__go" disabled={task.busy}>
          So sánh
        </button>
      </form>
      {task.error && (
        <p className="field__error" role="alert">
          {task.error}
        </p>
      )}
      {diff && (
        <div aria-live="polite">
          {diff.changes.length === 0 ? (
            <p className="status">
              Phiên bản {diff.from} và {diff.to} giống nhau.
            </p>
          ) : (
            <ul className="plain-list admin-diff" aria-label={`Thay đổi từ phiên bản ${diff.from} đến ${diff.to}`}>
              {diff.changes.map((c) => (
                <li key={c.path} className="admin-diff__item">
                  <p className="admin-diff__label">{c.label}</p>
                  <p className="admin-diff__values">
                    <del className="admin-diff__before">
                      <span className="visually-hidden">Trước: </span>
                      {c.before ?? "(không có)"}
                    </del>
                    <span aria-hidden="true"> → </span>
                    <ins className="admin-diff__after">
                      <span className="visually-hidden">Sau: </span>
                      {c.after ?? "(không có)"}
                    </ins>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

const TODAY = () => vietnamDate(new Date());

/** Publishes the saved draft now or on a later date in Vietnam, with a reason; a refusal lists every problem. */
function PublishSection(props: {
  draft: ProcedureVersionDetail;
  unsaved: boolean;
  onPublished: (v: ProcedureVersionDetail) => void;
  onConflict: () => void;
}) {
  const { draft } = props;
  const [when, setWhen] = useState<"now" | "later">("now");
  const [on, setOn] = useState("");
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = TODAY();

  const publish = async (e: FormEvent) => {
    e.preventDefault();
    setProblems([]);
    setMessage(null);
    if (when === "later" && !(on > today)) return setMessage("Chọn một ngày sau hôm nay để hẹn công bố.");
    if (reason.trim().length < 3) return setMessage("Vui lòng ghi lý do công bố (ít nhất 3 ký tự).");
    setBusy(true);
    try {
      const body = { reason: reason.trim(), ...(when === "later" ? { on } : {}) };
      props.onPublished(await procedureAdminApi.publish(draft.code, draft.version, draft.revision, body));
    } catch (failure) {
      if (failure instanceof ApiFailure && failure.status === 412) props.onConflict();
      setMessage(errorMessage(failure));
      setProblems(problemsOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="publish-title">
      <h2 id="publish-title" className="section__title">
        Công bố phiên bản {draft.version}
      </h2>
      {props.unsaved && <p className="note">Bản nháp có thay đổi chưa lưu: hãy lưu trước, chỉ phần đã lưu được công bố.</p>}
      <form noValidate onSubmit={(e) => void publish(e)}>
        <fieldset className="choice-group">
          <legend className="field__label">Thời điểm công bố</legend>
          <label className="toggle">
            <input type="radio" name="publish-when" checked={when === "now"} onChange={() => setWhen("now")} />
            <span>Công bố ngay: công dân thấy phiên bản này từ bây giờ</span>
          </label>
          <label className="toggle">
            <input type="radio" name="publish-when" checked={when === "later"} onChange={() => setWhen("later")} />
            <span>Hẹn ngày công bố</span>
          </label>
        </fieldset>
        {when === "later" && (
          <div className="field">
            <label htmlFor="publish-on" className="field__label">
              Ngày công bố (giờ Việt Nam)
            </label>
            <input
              id="publish-on"
              type="date"
              min={today}
              value={on}
              aria-describedby="publish-on-shown"
              onChange={(e) => setOn(e.target.value)}
            />
            <p id="publish-on-shown" className="note">
              {on ? `Công bố vào đầu ngày ${formatDate(on)}.` : "Chưa chọn ngày."}
            </p>
          </div>
        )}
        <div className="field">
          <label htmlFor="publish-reason" className="field__label">
            Lý do công bố
          </label>
          <textarea id="publish-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <ProblemList
          title="Chưa công bố được. Phiên bản này còn:"
          problems={problems}
          labelOf={(path) => pathLabel(path, draft)}
        />
        {message && problems.length === 0 && (
          <p className="field__error" role="alert">
            {message}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy || props.unsaved}>
          {busy ? "Đang công bố…" : when === "now" ? "Công bố ngay" : "Hẹn công bố"}
        </button>
      </form>
    </section>
  );
}

/** Withdraws one version with a reason: a draft is discarded, a scheduled publication cancelled. */
function WithdrawSection(props: {
  code: string;
  version: ProcedureVersionSummary;
  title: string;
  action: string;
  onDone: () => void;
}) {
  const { version } = props;
  const [reason, setReason] = useState("");
  const task = useTask();
  const id = `withdraw-${version.version}`;
  const withdraw = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) return task.setError("Vui lòng ghi lý do (ít nhất 3 ký tự).");
    void task.run(async () => {
      await procedureAdminApi.archive(props.code, version.version, version.revision, reason.trim());
      props.onDone();
    });
  };
  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section__title">
        {props.title}
      </h2>
      <form noValidate onSubmit={withdraw}>
        <div className="field">
          <label htmlFor={`${id}-reason`} className="field__label">
            Lý do
          </label>
          <textarea id={`${id}-reason`} rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        {task.error && (
          <p className="field__error" role="alert">
            {task.error}
          </p>
        )}
        <button type="submit" className="button button--danger" disabled={task.busy}>
          {props.action}
        </button>
      </form>
    </section>
  );
}

function ProcedureAdmin({ code }: { code: string }) {
  const { openSnackbar } = useSnackbar();
  const [data, setData] = useState<AdminProcedure | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [conflict, setConflict] = useState(false);
  const [unsaved, setUnsaved] = useState(false);
  // A new draft or a reload starts the form afresh from what the API holds.
  const [formKey, setFormKey] = useState(0);
  const creating = useTask();

  const load = useCallback(async () => {
    setFailure(null);
    try {
      setData(await procedureAdminApi.get(code));
      setFormKey((k) => k + 1);
    } catch (e) {
      setFailure(toApiFailure(e));
    }
  }, [code]);
  useEffect(() => void load(), [load]);

  if (!data) return failure ? <LoadFailure failure={failure} onRetry={() => void load()} /> : <Loading />;
  const draft = data.draft;
  const latest = data.versions[0];
  // A new draft copies the version residents see (else the latest one).
  const source = data.versions.find((v) => v.status === "published") ?? latest;
  const scheduled = data.versions.find((v) => v.status === "scheduled");

  const save = async (body: ProcedureDraftBody) => {
    if (!draft) return;
    try {
      const saved = await procedureAdminApi.saveDraft(code, draft.version, draft.revision, body);
      setData({
        ...data,
        draft: saved,
        versions: data.versions.map((v) => (v.version === saved.version ? { ...v, ...saved } : v)),
      });
      openSnackbar({ text: `Đã lưu bản nháp phiên bản ${saved.version}.`, type: "success" });
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 412) setConflict(true);
      throw e;
    }
  };

  return (
    <>
      <section className="section" aria-labelledby="procedure-title">
        <h2 id="procedure-title" className="section__title">
          {draft?.name ?? latest?.name ?? code}
        </h2>
        <p className="note">Mã thủ tục {code}</p>
        <VersionsTable versions={data.versions} />
        {!draft && (
          <div className="admin-actions">
            <button
              type="button"
              className="button button--primary"
              disabled={creating.busy}
              onClick={() =>
                void creating.run(async () => {
                  await procedureAdminApi.newDraft(code);
                  await load();
                })
              }
            >
              {creating.busy ? "Đang tạo…" : `Sửa: tạo bản nháp từ phiên bản ${source?.version ?? 1}`}
            </button>
            {creating.error && (
              <p className="field__error" role="alert">
                {creating.error}
              </p>
            )}
          </div>
        )}
      </section>

      {draft && (
        <>
          <h2 className="admin-heading">Bản nháp phiên bản {draft.version}</h2>
          <ProcedureForm key={formKey} initial={draftBodyOf(draft)} saveLabel="Lưu bản nháp" onSave={save} onDirty={setUnsaved} />
          <PublishSection
            key={`publish-${formKey}`}
            draft={draft}
            unsaved={unsaved}
            onConflict={() => setConflict(true)}
            onPublished={(v) => {
              openSnackbar({
                text:
                  v.status === "scheduled"
                    ? `Đã hẹn công bố vào ngày ${formatDate(v.publishOn ?? "")}.`
                    : `Đã công bố phiên bản ${v.version}.`,
                type: "success",
              });
              void load();
            }}
          />
        </>
      )}

      {scheduled && (
        <WithdrawSection
          code={code}
          version={scheduled}
          title={`Phiên bản ${scheduled.version} hẹn công bố ngày ${formatDate(scheduled.publishOn ?? "")}`}
          action="Hủy lịch công bố"
          onDone={() => {
            openSnackbar({ text: `Đã hủy lịch công bố phiên bản ${scheduled.version}.`, type: "success" });
            void load();
          }}
        />
      )}
      {draft && (
        <WithdrawSection
          code={code}
          version={draft}
          title="Bỏ bản nháp"
          action={`Bỏ bản nháp phiên bản ${draft.version}`}
          onDone={() => {
            openSnackbar({ text: `Đã bỏ bản nháp phiên bản ${draft.version}.`, type: "success" });
            void load();
          }}
        />
      )}

      <DiffSection code={code} versions={data.versions} />

      <Dialog open={conflict} title="Bản nháp vừa được người khác thay đổi" onClose={() => setConflict(false)}>
        <p>
          Một quản trị viên khác đã lưu bản nháp này sau khi bạn mở nó. Thay đổi của bạn chưa được lưu và không ghi đè lên thay
          đổi của họ.
        </p>
        <p className="note">Tải lại để xem bản mới nhất rồi sửa tiếp; những gì bạn vừa nhập trên trang này sẽ bị bỏ.</p>
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={() => setConflict(false)}>
            Để sau
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setConflict(false);
              void load();
            }}
          >
            Tải lại bản nháp
          </button>
        </div>
      </Dialog>
    </>
  );
}

/** A new procedure: its code and first version, saved as a draft. */
function NewProcedure() {
  const navigate = useNavigate();
  const [code, setCode] = useState("");
  return (
    <>
      <h2 className="admin-heading">Thủ tục mới</h2>
      <ProcedureForm
        initial={EMPTY_BODY}
        code={{ value: code, onChange: setCode }}
        saveLabel="Tạo bản nháp"
        onSave={async (body) => {
          const created = await procedureAdminApi.create({ ...body, code: code.trim() });
          navigate(`/quan-tri/thu-tuc/${created.code}`, { replace: true });
        }}
      />
    </>
  );
}

/** `/quan-tri/thu-tuc/:code`: a procedure's versions, its draft's editor, publishing and the diff; `moi` creates one. */
export default function AdminProcedurePage() {
  const { code = "" } = useParams();
  const isNew = code === "moi";
  return (
    <AdminLayout title={isNew ? "Thêm thủ tục" : `Thủ tục ${code}`}>
      {() => (isNew ? <NewProcedure /> : <ProcedureAdmin key={code} code={code} />)}
    </AdminLayout>
  );
}
