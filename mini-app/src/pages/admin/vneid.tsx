import { type FormEvent, useCallback, useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { formatDate } from "../../../../shared/src/format/vi";
import { useSnackbar } from "../../components/snackbar";
import { Empty, ErrorMessage, Loading } from "../../components/status";
import { Field, type Invalid } from "../../components/text-field";
import { type RelaxationItem, vneidRelaxationApi } from "../../services/admin-api";
import { errorMessage } from "../../services/api";
import { useTask } from "../../utils/task";
import { AdminLayout } from "./layout";

const CODE = /^\d+\.\d{6}([.A-Z0-9]*)$/;
const reasonProblem = (reason: string) => (reason.trim().length < 3 ? "Nhập lý do (ít nhất 3 ký tự)" : null);

/** Lets residents file one procedure online without VNeID, with a reason. */
function RelaxForm({ onRelaxed }: { onRelaxed: (item: RelaxationItem) => void }) {
  const [code, setCode] = useState("");
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState<Invalid>(null);
  const { busy, error, run } = useTask();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem: Invalid = !CODE.test(code.trim())
      ? { field: "relax-code", message: "Nhập mã thủ tục, ví dụ 1.004194" }
      : reasonProblem(reason)
        ? { field: "relax-reason", message: reasonProblem(reason)! }
        : null;
    setInvalid(problem);
    if (problem) return;
    return run(async () => {
      onRelaxed(await vneidRelaxationApi.relax(code.trim(), reason.trim()));
      setCode("");
      setReason("");
    });
  };
  return (
    <form className="section" aria-labelledby="relax-title" noValidate onSubmit={(e) => void submit(e)}>
      <h2 id="relax-title" className="section__title">
        Cho phép nộp trực tuyến không cần VNeID
      </h2>
      <Field id="relax-code" label="Mã thủ tục" value={code} onChange={setCode} invalid={invalid} maxLength={40} />
      <Field
        id="relax-reason"
        label="Lý do"
        value={reason}
        onChange={setReason}
        invalid={invalid}
        multiline
        maxLength={500}
        hint="Ví dụ: văn bản của UBND tỉnh cho phép thí điểm, đối tượng người dân chưa có VNeID mức 2."
      />
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? "Đang lưu…" : "Cho phép"}
      </button>
    </form>
  );
}

/** One relaxation, and revoking it with a reason. */
function RelaxationRow({ item, onRevoked }: { item: RelaxationItem; onRevoked: () => void }) {
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState<Invalid>(null);
  const { busy, error, run } = useTask();
  const id = `revoke-${item.procedureCode}`;
  const revoke = (e: FormEvent) => {
    e.preventDefault();
    const problem = reasonProblem(reason);
    setInvalid(problem ? { field: id, message: problem } : null);
    if (problem) return;
    return run(async () => {
      await vneidRelaxationApi.revoke(item.procedureCode, reason.trim());
      onRevoked();
    });
  };
  return (
    <li className="section">
      <h3 className="section__title">
        <Link to={`/quan-tri/thu-tuc/${item.procedureCode}`}>
          {item.procedureCode} · {item.procedureName ?? "(không còn phiên bản đang công bố)"}
        </Link>
      </h3>
      <p>Lý do: {item.reason}</p>
      <p className="note">
        {item.decidedBy.name} cho phép ngày {formatDate(item.decidedAt)}
      </p>
      <form noValidate onSubmit={(e) => void revoke(e)} aria-label={`Thu hồi: ${item.procedureCode}`}>
        <Field id={id} label="Lý do thu hồi" value={reason} onChange={setReason} invalid={invalid} maxLength={500} />
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--secondary" disabled={busy}>
          {busy ? "Đang thu hồi…" : "Thu hồi"}
        </button>
      </form>
    </li>
  );
}

function Relaxations() {
  const [items, setItems] = useState<RelaxationItem[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { openSnackbar } = useSnackbar();
  const load = useCallback(() => {
    setLoadError(null);
    vneidRelaxationApi.list().then(
      (list) => setItems(list.items),
      (e: unknown) => setLoadError(errorMessage(e)),
    );
  }, []);
  useEffect(load, [load]);

  return (
    <>
      <section className="section">
        <p>
          Từ ngày 01/07/2024, người dân nộp hồ sơ trực tuyến phải xác thực bằng tài khoản định danh điện tử VNeID (Nghị định
          69/2024/NĐ-CP). Tỉnh có thể cho phép nộp một thủ tục mà không cần VNeID, có ghi lý do; không áp dụng cho thủ tục mà danh
          mục đã quy định bắt buộc VNeID. Mỗi thay đổi được ghi vào nhật ký. Tiếp nhận tại quầy không bị ảnh hưởng.
        </p>
      </section>
      <RelaxForm
        onRelaxed={(item) => {
          openSnackbar({ text: `Đã cho phép nộp ${item.procedureCode} không cần VNeID.`, type: "success" });
          load();
        }}
      />
      <section aria-labelledby="relaxed-title">
        <h2 id="relaxed-title" className="section__title section">
          Thủ tục được nộp không cần VNeID
        </h2>
        {loadError ? (
          <ErrorMessage message={loadError} onRetry={load} />
        ) : !items ? (
          <Loading />
        ) : items.length === 0 ? (
          <Empty message="Chưa có thủ tục nào: mọi hồ sơ trực tuyến đều cần VNeID." />
        ) : (
          <ul className="plain-list">
            {items.map((item) => (
              <RelaxationRow
                key={item.procedureCode}
                item={item}
                onRevoked={() => {
                  openSnackbar({ text: `Đã thu hồi: ${item.procedureCode} lại cần VNeID.`, type: "success" });
                  load();
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** `/quan-tri/vneid`: the procedures residents may file online without a linked VNeID identity. */
export default function AdminVneidPage() {
  return <AdminLayout title="Nộp hồ sơ không cần VNeID">{() => <Relaxations />}</AdminLayout>;
}
