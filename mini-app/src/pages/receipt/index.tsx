import { useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { formatDate, formatFee, formatVnd } from "../../../../shared/src/format/vi";
import { inAppPath } from "../../../../shared/src/links/deep-link";
import { AppHeader } from "../../components/app-header";
import { StatusBadge } from "../../components/badges";
import { MessagesOptIn } from "../../components/messages-opt-in";
import { RequireSession } from "../../components/session-gate";
import { useSnackbar } from "../../components/snackbar";
import { LoadFailure, Loading } from "../../components/status";
import { qrImageUrl, type Receipt } from "../../services/authed-api";
import { insideZalo, saveImage, shareAppPage } from "../../services/zalo";
import { useDossiers } from "../../stores/dossiers";
import { copyText } from "../../utils/clipboard";
import { formatDateTime } from "../../utils/format";
import { qrPng } from "../../utils/qr-image";

function QrBlock({ receipt }: { receipt: Receipt }) {
  const { openSnackbar } = useSnackbar();
  const trackPath = inAppPath(receipt.trackingUrl);
  const src = trackPath ? qrImageUrl(trackPath) : null;
  const zalo = insideZalo();
  // Outside Zalo the QR is offered as a PNG download, prepared once the page opens.
  const [png, setPng] = useState<string | null>(null);
  useEffect(() => {
    if (zalo || !src) return;
    let active = true;
    qrPng(src).then(
      (data) => active && setPng(data),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [src, zalo]);

  if (!trackPath || !src) return null;

  const save = async () => {
    try {
      if (await saveImage(await qrPng(src))) openSnackbar({ text: "Đã lưu mã QR vào thư viện ảnh.", type: "success" });
      else openSnackbar({ text: "Chưa lưu được mã QR, vui lòng thử lại.", type: "error" });
    } catch {
      openSnackbar({ text: "Chưa lưu được mã QR, vui lòng thử lại.", type: "error" });
    }
  };

  const share = async () => {
    if (zalo) {
      const shared = await shareAppPage({
        title: `Hồ sơ ${receipt.code}`,
        description: `${receipt.procedure.name}: tra cứu tình trạng hồ sơ`,
        path: trackPath,
      });
      if (!shared) openSnackbar({ text: "Chưa chia sẻ được, vui lòng thử lại.", type: "error" });
      return;
    }
    const copied = await copyText(receipt.trackingUrl);
    openSnackbar(
      copied
        ? { text: "Đã sao chép liên kết tra cứu hồ sơ.", type: "success" }
        : { text: "Chưa sao chép được liên kết, vui lòng thử lại.", type: "error" },
    );
  };

  return (
    <section className="section qr" aria-labelledby="qr-title">
      <h2 id="qr-title" className="section__title">
        Mã QR tra cứu
      </h2>
      <img className="qr__image" alt="Mã QR tra cứu hồ sơ" src={src} width={200} height={200} />
      <p className="note">
        Quét mã bằng Zalo để xem tình trạng hồ sơ, không cần đăng nhập. Người khác có mã này cũng xem được tình trạng (không có
        thông tin cá nhân).
      </p>
      <div className="qr__actions">
        {zalo ? (
          <button type="button" className="button button--secondary" onClick={() => void save()}>
            Lưu mã QR
          </button>
        ) : (
          <a className="button button--secondary" href={png ?? src} download={`ma-qr-${receipt.code}.png`}>
            Lưu mã QR
          </a>
        )}
        <button type="button" className="button button--secondary" onClick={() => void share()}>
          {zalo ? "Chia sẻ" : "Chia sẻ (sao chép liên kết)"}
        </button>
      </div>
      <Link to={trackPath} className="text-link">
        Mở trang tra cứu công khai
      </Link>
      <p className="note">
        Không có mã QR? Mở mục{" "}
        <Link to={`/tra-cuu?ma=${encodeURIComponent(receipt.code)}`} className="text-link">
          Tra cứu hồ sơ
        </Link>
        , nhập mã hồ sơ và 4 chữ số cuối số điện thoại hoặc số căn cước của người nộp.
      </p>
    </section>
  );
}

function ReceiptView({ receipt, justSubmitted }: { receipt: Receipt; justSubmitted: boolean }) {
  const { openSnackbar } = useSnackbar();
  const copy = async () => {
    const copied = await copyText(receipt.code);
    openSnackbar(
      copied ? { text: "Đã sao chép mã hồ sơ.", type: "success" } : { text: "Chưa sao chép được mã hồ sơ.", type: "error" },
    );
  };
  return (
    <>
      <section className={`section${justSubmitted ? " success" : ""}`} aria-labelledby="receipt-title">
        <h2 id="receipt-title" className="section__title">
          {justSubmitted ? "Nộp hồ sơ thành công" : "Biên nhận hồ sơ trực tuyến"}
        </h2>
        {justSubmitted && (
          <p>
            Hồ sơ đã được gửi tới {receipt.receivingUnit.name}. Cán bộ sẽ kiểm tra và tiếp nhận hồ sơ; bạn theo dõi tình trạng
            trong “Hồ sơ của tôi”.
          </p>
        )}
        <div className="receipt-code-box" role="group" aria-label="Mã hồ sơ">
          <p className="note">Mã hồ sơ</p>
          <p className="receipt-code">{receipt.code}</p>
          <button type="button" className="button button--small button--secondary" onClick={() => void copy()}>
            Sao chép mã hồ sơ
          </button>
        </div>
      </section>

      {justSubmitted && <MessagesOptIn />}

      <section className="section" aria-labelledby="receipt-facts">
        <h2 id="receipt-facts" className="section__title">
          Thông tin hồ sơ
        </h2>
        <dl className="facts facts--stacked">
          <div>
            <dt>Thủ tục</dt>
            <dd>{receipt.procedure.name}</dd>
          </div>
          <div>
            <dt>Tình trạng</dt>
            <dd>
              <StatusBadge status={receipt.status} label={receipt.statusLabel} />
            </dd>
          </div>
          <div>
            <dt>Nơi tiếp nhận</dt>
            <dd>{receipt.receivingUnit.name}</dd>
          </div>
          <div>
            <dt>Cơ quan giải quyết</dt>
            <dd>{receipt.handlingUnit.name}</dd>
          </div>
          <div>
            <dt>Thời gian nộp</dt>
            <dd>{formatDateTime(receipt.submittedAt)}</dd>
          </div>
          <div>
            <dt>Ngày hẹn trả kết quả (dự kiến)</dt>
            <dd>{receipt.dueDate ? formatDate(receipt.dueDate) : "Có khi cán bộ tiếp nhận hồ sơ"}</dd>
            {receipt.dueExplanation && <dd className="note">{receipt.dueExplanation}</dd>}
          </div>
          <div>
            <dt>Phí, lệ phí (nộp trực tuyến)</dt>
            <dd>{formatFee(receipt.fee.amount, receipt.fee.per)}</dd>
            {receipt.fee.counter !== receipt.fee.amount && (
              <dd className="note">Nếu nộp trực tiếp: {formatVnd(receipt.fee.counter)}</dd>
            )}
            <dd className="note">Căn cứ: {receipt.fee.legalBasis}</dd>
          </div>
        </dl>
      </section>

      <QrBlock receipt={receipt} />

      <section className="section">
        <Link to={`/ho-so/${receipt.code}`} className="button button--secondary button--block">
          Xem chi tiết hồ sơ
        </Link>
        <Link to="/ho-so" className="button button--link button--block">
          Hồ sơ của tôi
        </Link>
      </section>
    </>
  );
}

/** A receipt opened later (from the dossier page or a link): read from the API, owner only. */
function StoredReceipt({ code }: { code: string }) {
  const detail = useDossiers((s) => s.details[code]);
  const error = useDossiers((s) => s.detailErrors[code]);
  const load = useDossiers((s) => s.loadDetail);
  useEffect(() => {
    if (!detail) void load(code);
  }, [code, detail, load]);
  if (detail) return <ReceiptView receipt={detail} justSubmitted={false} />;
  return error ? <LoadFailure failure={error} onRetry={() => void load(code)} /> : <Loading />;
}

export default function ReceiptPage() {
  const { code = "" } = useParams();
  const fresh = useDossiers((s) => s.receipts[code]);
  return (
    <Page className="page">
      <AppHeader title="Biên nhận hồ sơ" />
      {fresh ? (
        <ReceiptView receipt={fresh} justSubmitted />
      ) : (
        <RequireSession purpose="Bạn cần đăng nhập để xem biên nhận hồ sơ của mình.">
          {() => <StoredReceipt code={code} />}
        </RequireSession>
      )}
    </Page>
  );
}
