import { type FormEvent, useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { ROLE_LABELS, ROLES } from "../../../../shared/src/auth/roles";
import { formatDate } from "../../../../shared/src/format/vi";
import { useSnackbar } from "../../components/snackbar";
import { ErrorMessage, Loading } from "../../components/status";
import type { Invalid } from "../../components/text-field";
import { errorMessage } from "../../services/api";
import { type Person, peopleApi } from "../../services/people-api";
import type { SessionUser } from "../../stores/session";
import { useTask } from "../../utils/task";
import { ChangeRows } from "./changes";
import { AdminLayout } from "./layout";
import { type Placement, PlacementFields, placementProblem, ReasonField, reasonProblem } from "./people-parts";

const placementOf = (p: Person): Placement => ({
  role: p.role,
  unitId: p.unit?.id ?? "",
  grantUnitIds: p.grants.map((g) => g.id),
});

function ChangeAccess({ person, onChanged }: { person: Person; onChanged: (p: Person) => void }) {
  const { openSnackbar } = useSnackbar();
  const [placement, setPlacement] = useState(() => placementOf(person));
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState<Invalid>(null);
  const { busy, error, run } = useTask();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = placementProblem(placement) ?? reasonProblem("change-reason", reason);
    setInvalid(problem);
    if (problem) return;
    void run(async () => {
      const changed = await peopleApi.change(person.id, {
        role: placement.role,
        unitId: placement.unitId || null,
        grantUnitIds: placement.grantUnitIds,
        reason: reason.trim(),
      });
      setReason("");
      openSnackbar({ text: "Đã lưu thay đổi. Thay đổi có hiệu lực ngay từ thao tác tiếp theo của người này.", type: "success" });
      onChanged(changed);
    });
  };
  return (
    <section className="section" aria-labelledby="change-title">
      <h2 id="change-title" className="section__title">
        Vai trò và đơn vị
      </h2>
      <form noValidate onSubmit={submit} className="admin-form">
        <PlacementFields value={placement} onChange={setPlacement} invalid={invalid} roles={ROLES} />
        <ReasonField id="change-reason" value={reason} onChange={setReason} invalid={invalid} />
        {(error || invalid) && (
          <p className="field__error" role="alert">
            {error ?? invalid?.message}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? "Đang lưu…" : "Lưu thay đổi"}
        </button>
      </form>
    </section>
  );
}

function AccountState({ person, onChanged }: { person: Person; onChanged: (p: Person) => void }) {
  const { openSnackbar } = useSnackbar();
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState<Invalid>(null);
  const { busy, error, run } = useTask();
  const disabled = person.disabledAt !== null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = reasonProblem("state-reason", reason);
    setInvalid(problem);
    if (problem) return;
    void run(async () => {
      const changed = disabled
        ? await peopleApi.enable(person.id, reason.trim())
        : await peopleApi.disable(person.id, reason.trim());
      setReason("");
      openSnackbar({
        text: disabled ? "Đã mở khóa tài khoản." : "Đã khóa tài khoản và kết thúc mọi phiên đăng nhập.",
        type: "success",
      });
      onChanged(changed);
    });
  };
  return (
    <section className="section" aria-labelledby="state-title">
      <h2 id="state-title" className="section__title">
        {disabled ? "Mở khóa tài khoản" : "Khóa tài khoản"}
      </h2>
      <p className="note">
        {disabled
          ? `Tài khoản bị khóa từ ${formatDate(person.disabledAt!)}. Mở khóa thì người này đăng nhập lại được.`
          : "Khóa tài khoản kết thúc ngay mọi phiên đăng nhập của người này."}
      </p>
      <form noValidate onSubmit={submit} className="admin-form">
        <ReasonField id="state-reason" value={reason} onChange={setReason} invalid={invalid} />
        {(error || invalid) && (
          <p className="field__error" role="alert">
            {error ?? invalid?.message}
          </p>
        )}
        <button type="submit" className={`button ${disabled ? "button--primary" : "button--danger"}`} disabled={busy}>
          {busy ? "Đang lưu…" : disabled ? "Mở khóa" : "Khóa tài khoản"}
        </button>
      </form>
    </section>
  );
}

function PersonView({ id, me }: { id: string; me: SessionUser }) {
  const [person, setPerson] = useState<Person | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const load = useCallback(() => {
    setError(null);
    peopleApi
      .get(id)
      .then(setPerson)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [id]);
  useEffect(load, [load]);
  if (error) return <ErrorMessage message={error} onRetry={load} />;
  if (!person) return <Loading />;
  const changed = (p: Person) => {
    setPerson(p);
    setVersion((n) => n + 1);
  };
  return (
    <>
      <section className="section" aria-labelledby="person-title">
        <h2 id="person-title" className="section__title">
          {person.displayName || "(chưa có tên)"}
        </h2>
        <dl className="facts">
          <dt>Vai trò</dt>
          <dd>{ROLE_LABELS[person.role]}</dd>
          <dt>Đơn vị</dt>
          <dd>{person.unit?.name ?? "Toàn tỉnh"}</dd>
          {person.grants.length > 0 && (
            <>
              <dt>Phân quyền thêm</dt>
              <dd>{person.grants.map((g) => g.name).join(", ")}</dd>
            </>
          )}
          <dt>Đăng nhập</dt>
          <dd>{[person.zaloBound && "Zalo", person.ssoBound && "SSO của tỉnh"].filter(Boolean).join(", ") || "Chưa liên kết"}</dd>
          <dt>Trạng thái</dt>
          <dd>{person.disabledAt ? `Đã khóa từ ${formatDate(person.disabledAt)}` : "Đang hoạt động"}</dd>
          <dt>Tạo ngày</dt>
          <dd>{formatDate(person.createdAt)}</dd>
        </dl>
      </section>
      {person.id === me.id ? (
        <p className="note section">Bạn không thể tự thay đổi vai trò hoặc khóa tài khoản của chính mình.</p>
      ) : (
        <>
          {person.role === "resident" ? (
            <p className="note section">
              Người dân chỉ trở thành cán bộ qua lời mời: <Link to="/quan-tri/can-bo/moi">gửi lời mời</Link> để người này tự nhận
              bằng tài khoản của mình.
            </p>
          ) : (
            <ChangeAccess key={`change-${version}`} person={person} onChanged={changed} />
          )}
          <AccountState key={`state-${version}`} person={person} onChanged={changed} />
        </>
      )}
      <section className="section" aria-labelledby="person-changes-title">
        <h2 id="person-changes-title" className="section__title">
          Lịch sử thay đổi
        </h2>
        <ChangeRows
          key={version}
          filters={{ entity: "person", entityId: person.id }}
          label={`Thay đổi của ${person.displayName}`}
        />
      </section>
    </>
  );
}

/** `/quan-tri/can-bo/:id`: one person's role, unit and grants, disabling, and what changed. */
export default function AdminPersonPage() {
  const { id = "" } = useParams();
  return (
    <AdminLayout title="Thông tin cán bộ">
      {(me) => (
        <>
          <p className="section">
            <Link to="/quan-tri/can-bo">← Danh sách cán bộ</Link>
          </p>
          <PersonView id={id} me={me} />
        </>
      )}
    </AdminLayout>
  );
}
