import { feeQuote, onlineSaving } from "../../../shared/src/catalogue/fees";
import type { Fees } from "../../../shared/src/catalogue/schemas";
import { formatDate, formatFee } from "../../../shared/src/format/vi";

/**
 * "Phí, lệ phí": what filing online costs today and what the counter costs, with the saving while
 * a dated online rate lasts. On the submission page (`filing`) it speaks of this dossier.
 */
export function FeeFacts({ fees, filing = false }: { fees: Fees; filing?: boolean }) {
  const now = new Date();
  const online = feeQuote(fees, "online", now).amount;
  const saving = onlineSaving(fees, now);
  return (
    <section className="section" aria-labelledby="fees-title">
      <h2 id="fees-title" className="section__title">
        Phí, lệ phí
      </h2>
      <dl className="facts">
        <div>
          <dt>{filing ? "Nộp trực tuyến (hồ sơ này)" : "Nộp trực tuyến"}</dt>
          <dd>{formatFee(online, fees.per)}</dd>
        </div>
        <div>
          <dt>{filing ? "Nếu nộp trực tiếp" : "Nộp trực tiếp"}</dt>
          <dd>{formatFee(fees.counter, fees.per)}</dd>
        </div>
      </dl>
      {saving > 0 && (
        <p className="saving">
          Nộp trực tuyến tiết kiệm {formatFee(saving, fees.per)}
          {fees.onlineUntil ? ` (áp dụng đến ${formatDate(fees.onlineUntil)})` : ""}.
        </p>
      )}
      {fees.note && <p className="note">{fees.note}</p>}
      <p className="note">Căn cứ: {fees.legalBasis}</p>
      {filing && online > 0 && <p className="note">Cán bộ sẽ thông báo cách nộp phí sau khi tiếp nhận hồ sơ.</p>}
    </section>
  );
}
