import { useCallback, useEffect, useRef, useState } from "react";
import { FEE_DUE_MESSAGE } from "../../../shared/src/dossier/lifecycle";
import { formatDate, formatVnd } from "../../../shared/src/format/vi";
import type { FeeStatus } from "../../../shared/src/payment/api";
import { errorMessage } from "../services/api";
import { type FeeData, feeApi } from "../services/authed-api";
import { openPayment } from "../services/payment";
import { useTask } from "../utils/task";

const STATUS_LABEL: Record<FeeStatus, string> = {
  none: "Không phải nộp",
  due: "Chưa nộp",
  paid: "Đã nộp",
  exempted: "Được miễn",
};

/** One electronic receipt (biên lai điện tử) of a fee paid online. */
function ReceiptCard({ receipt }: { receipt: FeeData["receipts"][number] }) {
  return (
    <article className="receipt-card" aria-label={`Biên lai điện tử ${receipt.number}`}>
      <h3 className="section__subtitle">Biên lai điện tử</h3>
      <dl className="facts facts--stacked">
        <div>
          <dt>Số biên lai</dt>
          <dd>{receipt.number}</dd>
        </div>
        <div>
          <dt>Số tiền</dt>
          <dd>{formatVnd(receipt.amount)}</dd>
        </div>
        <div>
          <dt>Ngày nộp</dt>
          <dd>{formatDate(receipt.issuedAt)}</dd>
        </div>
        <div>
          <dt>Người nộp</dt>
          <dd>{receipt.payerName}</dd>
        </div>
        <div>
          <dt>Nộp vào tài khoản</dt>
          <dd>{receipt.collectedInto}</dd>
        </div>
        <div>
          <dt>Căn cứ thu</dt>
          <dd>{receipt.legalBasis}</dd>
        </div>
        <div>
          <dt>Mã giao dịch</dt>
          <dd>{receipt.transactionId}</dd>
        </div>
      </dl>
    </article>
  );
}

/** The fee as quoted, with the online saving, and whether it is paid, due or exempted. */
function FeeFactsOf({ fee }: { fee: FeeData }) {
  const { quote } = fee;
  return (
    <>
      <dl className="facts">
        <div>
          <dt>Phí, lệ phí của hồ sơ</dt>
          <dd>{formatVnd(quote.amount)}</dd>
        </div>
        <div>
          <dt>Tình trạng</dt>
          <dd data-testid="fee-status">{STATUS_LABEL[fee.status]}</dd>
        </div>
      </dl>
      {fee.onlineSaving > 0 && (
        <p className="saving">
          Nộp trực tuyến tiết kiệm {formatVnd(fee.onlineSaving)} so với nộp trực tiếp ({formatVnd(quote.counter)}).
        </p>
      )}
      <p className="note">Căn cứ: {quote.legalBasis}</p>
      {fee.exemption && (
        <p className="note">
          Được miễn phí, lệ phí: {fee.exemption.groundLabel} (căn cứ: {fee.exemption.legalBasis}).
        </p>
      )}
    </>
  );
}

/**
 * The applicant's fee on their dossier page: the quote, a "Thanh toán" button while a payment can
 * be made, and the receipts. `returned` is the gateway's hint after paying; the state shown is
 * always the API's, read again for a few seconds until the notification has settled it.
 */
export function ResidentFeeSection({ code, returned }: { code: string; returned: string | null }) {
  const [fee, setFee] = useState<FeeData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, setError, run } = useTask();
  // One key per payment attempt: a retried request replays the same order.
  const attempt = useRef<string | null>(null);

  const load = useCallback(async () => {
    try {
      const next = await feeApi.get(code);
      setFee(next);
      return next;
    } catch (e) {
      setLoadError(errorMessage(e));
      return null;
    }
  }, [code]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      let next = await load();
      for (let i = 0; returned === "ok" && next?.status === "due" && i < 5 && !cancelled; i++) {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        next = await load();
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [load, returned]);

  const pay = () =>
    run(async () => {
      attempt.current ??= crypto.randomUUID();
      const started = await feeApi.pay(code, attempt.current);
      const opened = await openPayment(code, started);
      attempt.current = null;
      if (started.start.kind !== "zalo_checkout") {
        if (!opened) setError("Chưa hỗ trợ hình thức thanh toán này trên thiết bị của bạn.");
        return;
      }
      if (!opened) {
        setError("Giao dịch Zalo Checkout chưa hoàn tất. Bạn có thể thanh toán lại.");
        return;
      }
      // Checkout stays in the app: read the fee again until Zalo's callback has settled it.
      let next = await load();
      for (let i = 0; next?.status === "due" && i < 5; i++) {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        next = await load();
      }
    });

  if (!fee) return loadError ? <p className="note">{loadError}</p> : null;
  if (fee.quote.amount === 0 && fee.status === "none" && fee.receipts.length === 0) return null;
  return (
    <section className="section" aria-labelledby="fee-title">
      <h2 id="fee-title" className="section__title">
        Phí, lệ phí
      </h2>
      <FeeFactsOf fee={fee} />
      {returned === "ok" && fee.status === "due" && (
        <p className="note" role="status">
          Đang chờ cổng thanh toán xác nhận giao dịch…
        </p>
      )}
      {returned === "huy" && fee.status === "due" && (
        <p className="note" role="status">
          Giao dịch chưa thành công. Bạn có thể thanh toán lại.
        </p>
      )}
      {fee.status === "due" && !fee.canPay && (
        <p className="note">
          {fee.onlinePayment
            ? "Bạn có thể thanh toán trực tuyến sau khi hồ sơ được tiếp nhận."
            : "Tỉnh chưa mở thanh toán trực tuyến. Vui lòng nộp phí, lệ phí tại Bộ phận tiếp nhận và trả kết quả."}
        </p>
      )}
      {fee.canPay && (
        <>
          <p>
            Số tiền cần nộp: <strong>{formatVnd(fee.amountDue)}</strong>
          </p>
          {fee.onlinePayment && <p className="note">Nộp vào: {fee.onlinePayment.account}</p>}
          {error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
          <button type="button" className="button button--primary button--block" disabled={busy} onClick={() => void pay()}>
            {busy ? "Đang chuyển đến cổng thanh toán…" : "Thanh toán"}
          </button>
        </>
      )}
      {fee.receipts.map((r) => (
        <ReceiptCard key={r.number} receipt={r} />
      ))}
    </section>
  );
}

/**
 * The fee on an officer's dossier page: its state, why the result cannot be handed over yet, the
 * online payments and receipts, and a refund where the rule allows one. `version` reloads it after
 * each action.
 */
export function StaffFeeSection(props: {
  code: string;
  status: number;
  version: number;
  refund: (orderRef: string, reason: string) => Promise<void>;
}) {
  const { code, status, version } = props;
  const [fee, setFee] = useState<FeeData | null>(null);
  const [reason, setReason] = useState("");
  const { busy, error, run } = useTask();

  const load = useCallback(async () => {
    try {
      setFee(await feeApi.get(code));
    } catch {
      setFee(null);
    }
  }, [code]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each action moves the version; the fee may have changed with it
  useEffect(() => void load(), [load, version]);

  if (!fee) return null;
  const refundable = fee.payments.filter((p) => p.refundable);
  return (
    <section className="section" aria-labelledby="staff-fee-title">
      <h2 id="staff-fee-title" className="section__title">
        Phí, lệ phí
      </h2>
      <FeeFactsOf fee={fee} />
      {fee.status === "due" && status === 9 && (
        <p className="status status--error" role="alert">
          {FEE_DUE_MESSAGE}
        </p>
      )}
      {fee.payments.length > 0 && (
        <ul className="payment-list" aria-label="Thanh toán trực tuyến">
          {fee.payments.map((p) => (
            <li key={p.orderRef}>
              {p.orderRef}: {formatVnd(p.amount)} —{" "}
              {
                {
                  created: "mới tạo",
                  pending: "đang chờ",
                  paid: "đã thanh toán",
                  failed: "không thành công",
                  cancelled: "đã hủy",
                }[p.state]
              }
              {p.refundState === "processing" && ", đang hoàn tiền"}
              {p.refundState === "refunded" && `, đã hoàn ${formatVnd(p.refundedAmount)}`}
              {p.refundState === "failed" && ", hoàn tiền không thành công"}
            </li>
          ))}
        </ul>
      )}
      {fee.receipts.map((r) => (
        <ReceiptCard key={r.number} receipt={r} />
      ))}
      {refundable.length > 0 && (
        <div className="field">
          <label htmlFor="refund-reason" className="field__label">
            Lý do hoàn tiền
          </label>
          <textarea id="refund-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          {error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
          {refundable.map((p) => (
            <button
              key={p.orderRef}
              type="button"
              className="button button--small button--secondary"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  await props.refund(p.orderRef, reason.trim());
                  await load();
                })
              }
            >
              Hoàn tiền {formatVnd(p.amount)}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
