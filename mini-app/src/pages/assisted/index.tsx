import { type FormEvent, useCallback, useEffect, useState } from "react";
import { Link, useLocation } from "react-router-dom";
import { Page } from "zmp-ui";
import { assists } from "../../../../shared/src/auth/roles";
import { ASSISTED_STATE_LABELS } from "../../../../shared/src/dossier/assisted";
import { CONSENT_KIND_LABELS } from "../../../../shared/src/dossier/events";
import { formatDate } from "../../../../shared/src/format/vi";
import { assistedPath, inAppPath } from "../../../../shared/src/links/deep-link";
import { AppHeader } from "../../components/app-header";
import { StatusBadge } from "../../components/badges";
import { DocumentFiles } from "../../components/document-files";
import { RequireSession } from "../../components/session-gate";
import { Empty, ErrorMessage, Loading } from "../../components/status";
import { Field, type Invalid } from "../../components/text-field";
import { errorMessage } from "../../services/api";
import { type AssistedItem, type AssistedLink, assistedApi } from "../../services/assisted-api";
import { type FileItem, qrImageUrl, type Receipt } from "../../services/authed-api";
import { formatDateTime } from "../../utils/format";
import { useTask } from "../../utils/task";

/** What the filing form hands over after preparing: the link is shown this once. */
export type Prepared = { link: AssistedLink; applicantName: string; procedureName: string };

/** The consent link as a QR the resident scans with their own Zalo. */
function ConsentCard({ link, applicantName, procedureName }: Prepared) {
  return (
    <section className="section qr" aria-labelledby={`consent-${link.id}`}>
      <h2 id={`consent-${link.id}`} className="section__title">
        Mã xác nhận cho {applicantName}
      </h2>
      <p>
        {procedureName}: người dân mở Zalo của mình, quét mã QR hoặc mở đường liên kết, xem lại hồ sơ rồi bấm “Đồng ý và nộp”. Hồ
        sơ chỉ được nộp khi người dân đồng ý.
      </p>
      <img
        className="qr__image"
        src={qrImageUrl(assistedPath(link.token))}
        alt={`Mã QR xác nhận hồ sơ cho ${applicantName}`}
        width={220}
        height={220}
      />
      <p className="note link-text">
        <a href={link.link}>{link.link}</a>
      </p>
      <p className="note">
        Hiệu lực đến {formatDateTime(link.expiresAt)}, chỉ dùng một lần. Mã chỉ hiện lúc này; khi cần, tạo mã mới trong danh sách
        bên dưới.
      </p>
    </section>
  );
}

/** The receipt for a resident without a smartphone: the code and the tracking QR to hand over. */
function HandOver({ receipt }: { receipt: Receipt }) {
  const path = inAppPath(receipt.trackingUrl);
  return (
    <div className="qr" role="status">
      <p>
        Đã nộp hồ sơ <strong>{receipt.code}</strong> cho người dân. Hãy ghi lại mã hồ sơ hoặc in mã QR tra cứu để người dân theo
        dõi.
      </p>
      {path && (
        <img className="qr__image" src={qrImageUrl(path)} alt={`Mã QR tra cứu hồ sơ ${receipt.code}`} width={200} height={200} />
      )}
    </div>
  );
}

/** For a resident without a smartphone: the photo of the consent they signed, their name and phone. */
function PaperConsent({ item, onFiled }: { item: AssistedItem; onFiled: (receipt: Receipt) => void }) {
  const [files, setFiles] = useState<FileItem[]>([]);
  const [fullName, setFullName] = useState(item.applicantName);
  const [phone, setPhone] = useState("");
  const [invalid, setInvalid] = useState<Invalid>(null);
  const { busy, error, run } = useTask();
  const ids = { name: `paper-name-${item.id}`, phone: `paper-phone-${item.id}` };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem =
      (files.length === 0 ? { field: "file", message: "Vui lòng tải lên ảnh giấy đồng ý có chữ ký" } : null) ??
      (fullName.trim().length < 2 ? { field: ids.name, message: "Nhập họ và tên người dân" } : null) ??
      (/^0\d{9}$/.test(phone) ? null : { field: ids.phone, message: "Số điện thoại gồm 10 chữ số, bắt đầu bằng 0" });
    setInvalid(problem);
    if (problem) return;
    void run(async () => {
      const consentFileId = files[0]!.id;
      onFiled(await assistedApi.paperConsent(item.id, { consentFileId, applicant: { fullName: fullName.trim(), phone } }));
    });
  };
  return (
    <form noValidate onSubmit={submit} aria-label={`Giấy đồng ý của ${item.applicantName}`}>
      <p className="note">Ảnh chụp hoặc bản quét giấy đồng ý (phiếu ủy quyền) có chữ ký của người dân.</p>
      <DocumentFiles
        docName="Giấy đồng ý có chữ ký"
        files={files}
        onAdd={(file) => setFiles([file])}
        onRemove={() => setFiles([])}
      />
      {invalid?.field === "file" && <p className="field__error">{invalid.message}</p>}
      <Field
        id={ids.name}
        label="Họ và tên người dân"
        value={fullName}
        onChange={setFullName}
        invalid={invalid}
        maxLength={100}
      />
      <Field
        id={ids.phone}
        label="Số điện thoại"
        value={phone}
        onChange={setPhone}
        invalid={invalid}
        inputMode="numeric"
        maxLength={10}
      />
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? "Đang nộp…" : "Nộp hồ sơ với giấy đồng ý"}
      </button>
    </form>
  );
}

function Waiting({ item, onChange, onFiled }: { item: AssistedItem; onChange: () => void; onFiled: (receipt: Receipt) => void }) {
  const [link, setLink] = useState<AssistedLink | null>(null);
  const [paper, setPaper] = useState(false);
  const { busy, error, run } = useTask();
  return (
    <li className="card">
      <div className="card__link">
        <span className="card__title">{item.applicantName}</span>
        <span className="card__meta">{item.procedure.name}</span>
        <span className="card__facts">
          <span>Chuẩn bị lúc {formatDateTime(item.createdAt)}</span>
          <span>{ASSISTED_STATE_LABELS[item.state]}</span>
        </span>
      </div>
      {link && <ConsentCard link={link} applicantName={item.applicantName} procedureName={item.procedure.name} />}
      {paper && <PaperConsent item={item} onFiled={onFiled} />}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {!paper && (
        <div className="qr__actions">
          <button
            type="button"
            className="button button--small button--secondary"
            disabled={busy}
            onClick={() => void run(async () => setLink(await assistedApi.link(item.id)))}
          >
            {item.state === "expired" ? "Tạo mã xác nhận mới" : "Hiện mã QR xác nhận"}
          </button>
          <button type="button" className="button button--small button--secondary" onClick={() => setPaper(true)}>
            Người dân không dùng điện thoại thông minh
          </button>
          <button
            type="button"
            className="button button--small button--link"
            disabled={busy}
            onClick={() => void run(() => assistedApi.cancel(item.id).then(onChange))}
          >
            Hủy
          </button>
        </div>
      )}
    </li>
  );
}

function Filed({ item }: { item: AssistedItem }) {
  return (
    <li className="card">
      <div className="card__link">
        <span className="card__title">{item.procedure.name}</span>
        <span className="card__meta">
          {item.applicantName}
          {item.dossier && ` · Mã hồ sơ ${item.dossier.code}`}
        </span>
        {item.consentKind && <span className="note">Người dân đồng ý: {CONSENT_KIND_LABELS[item.consentKind]}</span>}
        {item.dossier && (
          <span>
            <StatusBadge status={item.dossier.status} label={item.dossier.statusLabel} />
          </span>
        )}
      </div>
    </li>
  );
}

function AssistedHome() {
  const prepared = (useLocation().state as { prepared?: Prepared } | null)?.prepared;
  const [items, setItems] = useState<AssistedItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [handedOver, setHandedOver] = useState<Receipt | null>(null);
  const load = useCallback(() => {
    setError(null);
    assistedApi.list().then(
      (list) => setItems(list.items),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);
  useEffect(load, [load]);

  const waiting = items?.filter((i) => i.state === "pending" || i.state === "expired") ?? [];
  const filed = items?.filter((i) => i.state === "filed") ?? [];
  return (
    <>
      {prepared && !handedOver && <ConsentCard {...prepared} />}
      {handedOver && (
        <section className="section" aria-label="Biên nhận cho người dân">
          <HandOver receipt={handedOver} />
        </section>
      )}
      <section className="section" aria-labelledby="assisted-new">
        <h2 id="assisted-new" className="section__title">
          Nộp hồ sơ mới cho người dân
        </h2>
        <p className="note">
          Chọn thủ tục, điền hồ sơ cùng người dân và tải lên giấy tờ. Hồ sơ thuộc về người dân và chỉ được nộp khi người dân đồng
          ý: xác nhận trên Zalo của mình, hoặc ký giấy đồng ý nếu không dùng điện thoại thông minh.
        </p>
        <Link to="/search" className="button button--primary button--block">
          Chọn thủ tục
        </Link>
      </section>
      {error && <ErrorMessage message={error} onRetry={load} />}
      {!items && !error && <Loading />}
      {items && (
        <>
          <section className="section" aria-labelledby="assisted-waiting">
            <h2 id="assisted-waiting" className="section__title">
              Chờ người dân đồng ý
            </h2>
            {waiting.length === 0 ? (
              <Empty message="Không có hồ sơ nào đang chờ." />
            ) : (
              <ul className="card-list">
                {waiting.map((item) => (
                  <Waiting
                    key={item.id}
                    item={item}
                    onChange={load}
                    onFiled={(receipt) => {
                      setHandedOver(receipt);
                      load();
                    }}
                  />
                ))}
              </ul>
            )}
          </section>
          <section className="section" aria-labelledby="assisted-filed">
            <h2 id="assisted-filed" className="section__title">
              Hồ sơ đã nộp giúp người dân
            </h2>
            {filed.length === 0 ? (
              <Empty message="Chưa có hồ sơ nào." />
            ) : (
              <ul className="card-list">
                {filed.map((item) => (
                  <Filed key={item.id} item={item} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}

/** `/ho-tro`: a community digital team member's filings for residents, waiting for consent or filed. */
export default function AssistedPage() {
  return (
    <Page className="page">
      <AppHeader title="Nộp hồ sơ hỗ trợ" />
      <RequireSession purpose="Đăng nhập để nộp hồ sơ giúp người dân." personaRoles={["helper"]} ssoReturnPath="/ho-tro">
        {(user) =>
          assists(user.role) ? (
            <AssistedHome />
          ) : (
            <ErrorMessage message="Chỉ thành viên Tổ công nghệ số cộng đồng hoặc cán bộ một cửa được nộp hồ sơ giúp người dân." />
          )
        }
      </RequireSession>
    </Page>
  );
}
