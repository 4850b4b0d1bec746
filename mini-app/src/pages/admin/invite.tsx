import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import { ROLE_LABELS, type StaffRole } from "../../../../shared/src/auth/roles";
import { formatDate } from "../../../../shared/src/format/vi";
import { invitationPath } from "../../../../shared/src/links/deep-link";
import { Field, type Invalid } from "../../components/text-field";
import { qrImageUrl } from "../../services/authed-api";
import { type InvitationCreated, peopleApi } from "../../services/people-api";
import { useTask } from "../../utils/task";
import { AdminLayout } from "./layout";
import { type Placement, PlacementFields, placementProblem, ReasonField, reasonProblem, useUnits } from "./people-parts";

type Sent = InvitationCreated & { displayName: string; placement: Placement };

/** The link and a printable QR code, shown once: the token is not kept anywhere else. */
function InvitationCard({ sent, onAnother }: { sent: Sent; onAnother: () => void }) {
  const units = useUnits();
  const unit = units.find((u) => u.id === sent.placement.unitId);
  const [copied, setCopied] = useState(false);
  return (
    <section className="section invitation-card" aria-labelledby="invitation-title">
      <h2 id="invitation-title" className="section__title">
        Lời mời cho {sent.displayName}
      </h2>
      <p>
        Vai trò: <strong>{ROLE_LABELS[sent.placement.role]}</strong>
        {unit && (
          <>
            {" "}
            · Đơn vị: <strong>{unit.name}</strong>
          </>
        )}
      </p>
      <p>Người được mời mở Zalo, quét mã QR hoặc mở đường liên kết dưới đây, rồi bấm “Nhận lời mời”.</p>
      <img
        className="invitation-card__qr"
        src={qrImageUrl(invitationPath(sent.token))}
        alt={`Mã QR lời mời cho ${sent.displayName}`}
        width={240}
        height={240}
      />
      <p className="invitation-card__link">
        <a href={sent.link}>{sent.link}</a>
      </p>
      <p className="note">
        Hiệu lực đến hết ngày {formatDate(sent.expiresAt)}; chỉ dùng được một lần. Đường liên kết chỉ hiện lúc này: hãy in hoặc
        gửi ngay cho người được mời.
      </p>
      <div className="invitation-card__actions no-print">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void navigator.clipboard?.writeText(sent.link).then(() => setCopied(true))}
        >
          {copied ? "Đã chép đường liên kết" : "Chép đường liên kết"}
        </button>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          In mã QR
        </button>
        <button type="button" className="button button--link" onClick={onAnother}>
          Mời người khác
        </button>
      </div>
    </section>
  );
}

function InviteForm({ onSent }: { onSent: (sent: Sent) => void }) {
  const [displayName, setDisplayName] = useState("");
  const [placement, setPlacement] = useState<Placement>({ role: "officer", unitId: "", grantUnitIds: [] });
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState<Invalid>(null);
  const { busy, error, run } = useTask();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem =
      (displayName.trim().length < 2 ? { field: "invite-name", message: "Nhập họ và tên (ít nhất 2 ký tự)" } : null) ??
      placementProblem(placement) ??
      reasonProblem("invite-reason", reason);
    setInvalid(problem);
    if (problem) return;
    void run(async () => {
      const created = await peopleApi.invite({
        displayName: displayName.trim(),
        role: placement.role as StaffRole,
        unitId: placement.unitId || null,
        grantUnitIds: placement.grantUnitIds,
        reason: reason.trim(),
      });
      onSent({ ...created, displayName: displayName.trim(), placement });
    });
  };

  return (
    <section className="section" aria-labelledby="invite-title">
      <h2 id="invite-title" className="section__title">
        Mời một người làm cán bộ
      </h2>
      <p className="note">Người được mời nhận vai trò khi mở lời mời trong Zalo. Không ai trở thành cán bộ bằng cách khác.</p>
      <form noValidate onSubmit={submit} className="admin-form">
        <Field
          id="invite-name"
          label="Họ và tên người được mời"
          value={displayName}
          onChange={setDisplayName}
          invalid={invalid}
          maxLength={100}
        />
        <PlacementFields value={placement} onChange={setPlacement} invalid={invalid} />
        <ReasonField id="invite-reason" value={reason} onChange={setReason} invalid={invalid} />
        {(error || invalid) && (
          <p className="field__error" role="alert">
            {error ?? invalid?.message}
          </p>
        )}
        <div className="dialog__actions">
          <Link to="/quan-tri/can-bo" className="button button--secondary">
            Hủy
          </Link>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? "Đang tạo…" : "Tạo lời mời"}
          </button>
        </div>
      </form>
    </section>
  );
}

/** `/quan-tri/can-bo/moi`: invite a named person to a staff role and unit; shows the link and its QR once. */
export default function AdminInvitePage() {
  const [sent, setSent] = useState<Sent | null>(null);
  return (
    <AdminLayout title="Mời cán bộ">
      {() => (sent ? <InvitationCard sent={sent} onAnother={() => setSent(null)} /> : <InviteForm onSent={setSent} />)}
    </AdminLayout>
  );
}
