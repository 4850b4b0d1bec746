import type { ReactNode } from "react";
import type { FeeQuote } from "../../../../../shared/src/catalogue/fees";
import type { ProcessingTime, RequiredDocument, ResultDelivery } from "../../../../../shared/src/catalogue/schemas";
import { DETAIL_LABEL, detailValue } from "../../../../../shared/src/dossier/events";
import {
  DOCUMENT_FORM_LABEL,
  formatDate,
  formatDateLine,
  formatFee,
  formatProcessingTime,
  formatVnd,
  placeOf,
} from "../../../../../shared/src/format/vi";
import { inAppPath } from "../../../../../shared/src/links/deep-link";
import type { Acceptance } from "../../../../../shared/src/staff/api";
import { qrImageUrl } from "../../../services/authed-api";
import type { StaffDossierData, TimelineEvent } from "../../../services/staff-api";
import { formatTime } from "../../../utils/format";
import { PRINT_FORMS, type PrintForm } from "../print-forms";

/**
 * The one-stop desk's printed forms (Mẫu 01–04, TT 01/2018/TT-VPCP) as pure components: all
 * they show comes from their props. The page around them loads the data and prints.
 */

/** A unit as a form names it; the address gives the place on the date line, the phone the hotline. */
export type IssuingUnit = { name: string; address: string | null; phone: string | null };

/** What the catalogue adds, when it still publishes the version the dossier was filed under. */
type ProcedureFacts = {
  processingTime: ProcessingTime;
  documents: readonly Pick<RequiredDocument, "form" | "count">[];
  resultDelivery: readonly ResultDelivery[];
};

export type FormData = {
  detail: StaffDossierData;
  procedure: ProcedureFacts | null;
  receiving: IssuingUnit;
  handling: IssuingUnit;
};

const FEE_CHANNEL: Record<FeeQuote["channel"], string> = {
  online: "nộp trực tuyến",
  counter: "nộp trực tiếp",
  postal: "nộp qua dịch vụ bưu chính",
};
const DELIVERY: Record<ResultDelivery, string> = {
  counter: "tại Bộ phận tiếp nhận và trả kết quả",
  online: "trực tuyến (bản điện tử trên ứng dụng)",
  postal: "qua dịch vụ bưu chính công ích",
};

/** Unit and national heading, the place and date line, then the form's title. */
function FormHeading(props: { unit: IssuingUnit; desk: boolean; form: PrintForm; at: string; code: string }) {
  return (
    <header className="form-heading">
      <div className="form-heading__row">
        <div className="form-heading__unit">
          <p className="form-heading__upper">{props.unit.name}</p>
          {props.desk && <p className="form-heading__upper form-heading__strong">Bộ phận tiếp nhận và trả kết quả</p>}
          <span className="form-heading__rule" aria-hidden="true" />
          <p>Mã hồ sơ: {props.code}</p>
        </div>
        <div className="form-heading__nation">
          <p className="form-heading__strong">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
          <p className="form-heading__strong form-heading__motto">Độc lập - Tự do - Hạnh phúc</p>
          <p className="form-heading__date">
            {placeOf(props.unit)}, {formatDateLine(props.at)}
          </p>
        </div>
      </div>
      <p className="form-heading__number">Mẫu số {props.form}</p>
      <h2 id="form-title" className="form-heading__title">
        {PRINT_FORMS[props.form]}
      </h2>
    </header>
  );
}

type Signature = { title: string; hint: string; name?: string };

/** Side by side: who signs, how, and (when known) the name below the space for the signature. */
function SignatureBlocks({ blocks }: { blocks: readonly Signature[] }) {
  return (
    <div className={`form-signatures form-signatures--${blocks.length}`}>
      {blocks.map((b) => (
        <div key={b.title} className="form-signature">
          <p className="form-heading__upper form-heading__strong">{b.title}</p>
          <p className="form-signature__hint">({b.hint})</p>
          <p className="form-signature__name">{b.name ?? ""}</p>
        </div>
      ))}
    </div>
  );
}

/** A labelled line of a form: "Label: value". */
function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <p className="form-line">
      <span className="form-line__label">{label}:</span> {children}
    </p>
  );
}

function Applicant({ detail }: { detail: StaffDossierData }) {
  return (
    <>
      <Line label="Ông/Bà">
        <strong>{detail.applicant.name}</strong>
      </Line>
      <Line label="Số điện thoại">{detail.applicant.phone ?? "Không có"}</Line>
      <Line label="Nội dung yêu cầu giải quyết">
        {detail.procedure.name} (mã thủ tục {detail.procedure.code})
      </Line>
    </>
  );
}

type DocumentRow = { key: number; name: string; kind: string; quantity: string };

/** Documents received: electronic ones by their files, paper ones (no file) as "Bản giấy" in the catalogue's quantity. */
function documentRows(documents: Acceptance["documents"], procedure: ProcedureFacts | null): DocumentRow[] {
  return documents.map((d) => {
    const required = procedure?.documents[d.docIndex];
    if (d.files.length > 0) {
      const kind = d.files.every((f) => f.fromEform) ? "Bản điện tử lập từ biểu mẫu điện tử" : "Bản điện tử";
      return { key: d.docIndex, name: d.name, kind, quantity: `${d.files.length} tệp` };
    }
    return {
      key: d.docIndex,
      name: d.name,
      kind: required ? `Bản giấy (${DOCUMENT_FORM_LABEL[required.form].toLocaleLowerCase("vi")})` : "Bản giấy",
      quantity: required ? `${required.count} bản` : "—",
    };
  });
}

function DocumentsTable({ rows }: { rows: DocumentRow[] }) {
  if (rows.length === 0) return <p className="form-indent">Không có giấy tờ kèm theo.</p>;
  return (
    <table className="form-table">
      <caption className="visually-hidden">Thành phần hồ sơ đã nhận</caption>
      <thead>
        <tr>
          <th scope="col">STT</th>
          <th scope="col">Tên giấy tờ</th>
          <th scope="col">Hình thức</th>
          <th scope="col">Số lượng</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.key}>
            <td>{i + 1}</td>
            <td>{r.name}</td>
            <td>{r.kind}</td>
            <td>{r.quantity}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "20.000 đ/lần (nộp trực tiếp)", with the other channel's rate when it differs. */
function feeLines(fee: FeeQuote): string[] {
  const lines = [`${formatFee(fee.amount, fee.per)} (${FEE_CHANNEL[fee.channel]})`];
  if (fee.online !== fee.counter)
    lines.push(`Mức thu khi nộp trực tuyến: ${formatVnd(fee.online)}; khi nộp trực tiếp: ${formatVnd(fee.counter)}.`);
  if (fee.legalBasis) lines.push(`Căn cứ thu: ${fee.legalBasis}.`);
  return lines;
}

/** The tracking QR code of the dossier, as on the resident's receipt; `onSettled` once it loaded or failed. */
function TrackingQr({ trackingUrl, onSettled }: { trackingUrl: string; onSettled?: (loaded: boolean) => void }) {
  const path = inAppPath(trackingUrl);
  if (!path) return null;
  return (
    <figure className="form-qr">
      <img
        className="form-qr__image"
        src={qrImageUrl(path)}
        alt="Mã QR tra cứu tình trạng hồ sơ"
        width={120}
        height={120}
        onLoad={() => onSettled?.(true)}
        onError={() => onSettled?.(false)}
      />
      <figcaption>Quét mã để tra cứu tình trạng hồ sơ</figcaption>
    </figure>
  );
}

/** Mẫu 01: the receipt and promised date, with what the desk received when it accepted the dossier. */
export function Form01({
  data,
  acceptance,
  onQrSettled,
}: {
  data: FormData;
  acceptance: Acceptance;
  onQrSettled?: (loaded: boolean) => void;
}) {
  const { detail, procedure, receiving } = data;
  const receivedAt = acceptance.at;
  const otherDelivery = (procedure?.resultDelivery ?? []).filter((d) => d !== "counter").map((d) => DELIVERY[d]);
  const [fee, ...feeNotes] = feeLines(detail.fee);
  return (
    <>
      <FormHeading unit={receiving} desk form="01" at={receivedAt} code={detail.code} />
      <p>Bộ phận tiếp nhận và trả kết quả {receiving.name} đã tiếp nhận hồ sơ của:</p>
      <Applicant detail={detail} />
      <Line label="Cơ quan giải quyết">{detail.handlingUnit.name}</Line>
      <p className="form-line">1. Thành phần hồ sơ nộp gồm:</p>
      <DocumentsTable rows={documentRows(acceptance.documents, procedure)} />
      <p className="form-line">2. Số lượng hồ sơ: 01 bộ.</p>
      <p className="form-line">
        3. Thời gian giải quyết hồ sơ theo quy định:{" "}
        {procedure ? formatProcessingTime(procedure.processingTime) : detail.dueExplanation}.
      </p>
      {procedure && <p className="form-indent">Cách tính hạn: {detail.dueExplanation}.</p>}
      <p className="form-line">
        4. Thời gian nhận hồ sơ: {formatTime(receivedAt)} ngày {formatDate(receivedAt)}.
      </p>
      <p className="form-line">
        5. Thời gian trả kết quả giải quyết hồ sơ: <strong>ngày {detail.dueDate ? formatDate(detail.dueDate) : "—"}</strong>.
      </p>
      <p className="form-line">
        6. Nơi trả kết quả: Bộ phận tiếp nhận và trả kết quả {receiving.name}
        {receiving.address ? ` (${receiving.address})` : ""}.
        {otherDelivery.length > 0 && ` Ông/Bà cũng có thể nhận kết quả ${otherDelivery.join(" hoặc ")}.`}
      </p>
      <p className="form-line">7. Phí, lệ phí: {fee}.</p>
      {feeNotes.map((line) => (
        <p key={line} className="form-indent">
          {line}
        </p>
      ))}
      <div className="form-track">
        <TrackingQr trackingUrl={detail.trackingUrl} onSettled={onQrSettled} />
        <div>
          <p>
            Mã hồ sơ: <strong>{detail.code}</strong>
          </p>
          <p>
            Tra cứu tình trạng hồ sơ: quét mã QR, hoặc mở mục “Tra cứu hồ sơ” của ứng dụng Một Cửa trong Zalo, nhập mã hồ sơ và 4
            chữ số cuối số điện thoại hoặc số căn cước của người nộp (không cần đăng nhập).
          </p>
          {receiving.phone && <p>Số điện thoại liên hệ: {receiving.phone}</p>}
        </div>
      </div>
      <SignatureBlocks
        blocks={[
          { title: "Người nộp hồ sơ", hint: "Ký và ghi rõ họ tên", name: detail.applicant.name },
          { title: "Người tiếp nhận hồ sơ", hint: "Ký và ghi rõ họ tên", name: acceptance.officerName },
        ]}
      />
    </>
  );
}

/** Mẫu 02: everything missing, in one notice, from the latest supplement request. */
export function Form02({ data, event }: { data: FormData; event: TimelineEvent }) {
  const { detail, receiving } = data;
  const replyBy = detailValue(event.details, DETAIL_LABEL.replyBy);
  return (
    <>
      <FormHeading unit={receiving} desk form="02" at={event.at} code={detail.code} />
      <p>Hồ sơ của:</p>
      <Applicant detail={detail} />
      <p className="form-line">
        Sau khi xem xét thành phần hồ sơ, {receiving.name} đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:
      </p>
      <ol className="form-list">
        {event.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ol>
      {event.note && <Line label="Ghi chú">{event.note}</Line>}
      {replyBy && (
        <Line label="Thời hạn bổ sung">
          <strong>trước ngày {replyBy}</strong>
        </Line>
      )}
      {detail.receivedAt && (
        <p className="form-line">Thời hạn giải quyết hồ sơ tạm dừng từ ngày yêu cầu bổ sung đến khi nhận đủ giấy tờ bổ sung.</p>
      )}
      <p className="form-line">
        Ông/Bà có thể nộp bổ sung tại Bộ phận tiếp nhận và trả kết quả hoặc trên ứng dụng Một Cửa trong Zalo. Nếu có vướng mắc,
        xin liên hệ {receiving.name}
        {receiving.phone ? ` (số điện thoại ${receiving.phone})` : ""} để được hướng dẫn.
      </p>
      <SignatureBlocks blocks={[{ title: "Người hướng dẫn", hint: "Ký và ghi rõ họ tên" }]} />
    </>
  );
}

/** Mẫu 03: the refusal and its reason. */
export function Form03({ data, event }: { data: FormData; event: TimelineEvent }) {
  const { detail, receiving } = data;
  return (
    <>
      <FormHeading unit={receiving} desk form="03" at={event.at} code={detail.code} />
      <p>Bộ phận tiếp nhận và trả kết quả {receiving.name} nhận hồ sơ của:</p>
      <Applicant detail={detail} />
      <Line label="Ngày nộp hồ sơ">{formatDate(detail.submittedAt)}</Line>
      <p className="form-line">
        Qua xem xét, đối chiếu thành phần hồ sơ, {receiving.name} không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:
      </p>
      <p className="form-reason">{event.note ?? "—"}</p>
      <p className="form-line">Xin thông báo để Ông/Bà được biết và thực hiện.</p>
      <SignatureBlocks blocks={[{ title: "Người tiếp nhận hồ sơ", hint: "Ký và ghi rõ họ tên" }]} />
    </>
  );
}

/** Mẫu 04: the apology for a late result and the new date (the original due date still counts for on-time metrics). */
export function Form04({ data, event }: { data: FormData; event: TimelineEvent }) {
  const { detail, receiving, handling } = data;
  const newDate = detail.promisedDate ? formatDate(detail.promisedDate) : detailValue(event.details, DETAIL_LABEL.newDate);
  return (
    <>
      <FormHeading unit={handling} desk={false} form="04" at={event.at} code={detail.code} />
      <p className="form-line">
        Kính gửi: Ông/Bà <strong>{detail.applicant.name}</strong>
      </p>
      <p className="form-line">
        Ngày {formatDate(detail.receivedAt ?? detail.submittedAt)}, {receiving.name} tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết
        thủ tục {detail.procedure.name} (mã thủ tục {detail.procedure.code}), mã hồ sơ {detail.code}.
      </p>
      <Line label="Thời hạn trả kết quả giải quyết hồ sơ theo quy định">
        ngày {detail.dueDate ? formatDate(detail.dueDate) : "—"}
      </Line>
      <p className="form-line">
        Tuy nhiên đến nay, {handling.name} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng hạn. Lý do:
      </p>
      <p className="form-reason">{event.note ?? "—"}</p>
      <p className="form-line">
        Sự chậm trễ này đã gây phiền hà cho Ông/Bà. {handling.name} xin lỗi Ông/Bà và hẹn trả kết quả giải quyết hồ sơ vào{" "}
        <strong>ngày {newDate ?? "—"}</strong>.
      </p>
      <p className="form-line">Xin trân trọng cảm ơn Ông/Bà.</p>
      <SignatureBlocks blocks={[{ title: "Thủ trưởng cơ quan, đơn vị", hint: "Ký, ghi rõ họ tên và đóng dấu" }]} />
    </>
  );
}
