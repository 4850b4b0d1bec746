import { useEffect } from "react";
import { Link, useParams } from "react-router-dom";
import { Page } from "zmp-ui";
import type { ResultDelivery } from "../../../../shared/src/catalogue/schemas";
import { describeDocument, formatDate, formatProcessingTime, formatWeekdays } from "../../../../shared/src/format/vi";
import { procedurePath, submissionPath, unitPath } from "../../../../shared/src/links/deep-link";
import { AppHeader } from "../../components/app-header";
import { ServiceBadges } from "../../components/badges";
import { UnitContact } from "../../components/contact";
import { FeeFacts } from "../../components/fee-facts";
import { ShareIcon } from "../../components/icons";
import { DocumentGuide } from "../../components/required-document";
import { useSnackbar } from "../../components/snackbar";
import { LoadFailure, Loading } from "../../components/status";
import type { ProcedureDetailData } from "../../services/api";
import { shareAppPage } from "../../services/zalo";
import { useCatalogue } from "../../stores/catalogue";

const DELIVERY_LABEL: Record<ResultDelivery, string> = {
  online: "Nhận bản điện tử trên ứng dụng",
  counter: "Nhận tại Bộ phận Một cửa",
  postal: "Nhận qua bưu chính công ích",
};

function Agency({ procedure }: { procedure: ProcedureDetailData }) {
  const unit = procedure.competentUnit;
  const priority = unit && unit.priorityWeekdays.length > 0 ? formatWeekdays(unit.priorityWeekdays) : null;
  return (
    <section className="section" aria-labelledby="agency-title">
      <h2 id="agency-title" className="section__title">
        Cơ quan giải quyết
      </h2>
      {unit ? (
        <Link to={unitPath(unit.id)} className="text-link">
          {unit.name}
        </Link>
      ) : (
        <p>{procedure.agency} nơi bạn cư trú</p>
      )}
      {priority && (
        <p className="priority-days">
          <span className="badge badge--priority">Ngày ưu tiên</span> Hồ sơ trực tuyến được ưu tiên xử lý vào {priority}.
        </p>
      )}
    </section>
  );
}

function Documents({ procedure }: { procedure: ProcedureDetailData }) {
  return (
    <section className="section" aria-labelledby="docs-title">
      <h2 id="docs-title" className="section__title">
        Giấy tờ cần chuẩn bị
      </h2>
      {procedure.documents.length === 0 ? (
        <p>Không yêu cầu giấy tờ kèm theo.</p>
      ) : (
        <ul className="checklist">
          {procedure.documents.map((d, i) => (
            <li key={i}>
              <label>
                <input type="checkbox" />
                <span>
                  <span className="checklist__name">{describeDocument(d).title}</span>
                  {!d.replacedByEform && <span className="checklist__meta">{describeDocument(d).meta}</span>}
                  {d.note && <span className="checklist__meta">{d.note}</span>}
                </span>
              </label>
              <DocumentGuide doc={d} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function ProcedurePage() {
  const { code = "" } = useParams();
  const procedure = useCatalogue((s) => s.procedures[code]);
  const error = useCatalogue((s) => s.procedureErrors[code]);
  const load = useCatalogue((s) => s.loadProcedure);
  const { openSnackbar } = useSnackbar();
  useEffect(() => void load(code), [code, load]);

  const share = async () => {
    if (!procedure) return;
    const shared = await shareAppPage({
      title: procedure.name,
      description: procedure.summary,
      path: procedurePath(procedure.code),
    });
    if (!shared) openSnackbar({ text: "Chưa chia sẻ được, vui lòng thử lại trong Zalo.", type: "error" });
  };

  if (!procedure) {
    return (
      <Page className="page">
        <AppHeader title="Thủ tục hành chính" />
        {error ? <LoadFailure failure={error} onRetry={() => void load(code)} /> : <Loading />}
      </Page>
    );
  }

  return (
    <Page className="page">
      <AppHeader title="Thủ tục hành chính" documentTitle={procedure.name}>
        <button type="button" className="icon-button" aria-label="Chia sẻ qua Zalo" onClick={() => void share()}>
          <ShareIcon />
        </button>
      </AppHeader>
      <section className="section procedure-head">
        <h2 className="procedure-head__name">{procedure.name}</h2>
        <p className="note">
          Mã thủ tục {procedure.code} · {procedure.field.name}
        </p>
        <ServiceBadges level={procedure.level} onlineOnly={procedure.onlineOnly} essential={procedure.essential} />
        {procedure.summary && <p>{procedure.summary}</p>}
        {procedure.onlineOnly && <p className="note">Thủ tục này chỉ tiếp nhận hồ sơ nộp trực tuyến.</p>}
        {procedure.externalSystem ? (
          <>
            <p>{procedure.externalSystem.explanation}</p>
            <a
              href={procedure.externalSystem.url}
              className="button button--primary button--block"
              target="_blank"
              rel="noopener noreferrer"
            >
              Nộp trên {procedure.externalSystem.name}
            </a>
          </>
        ) : (
          <Link to={submissionPath(procedure.code)} className="button button--primary button--block">
            Nộp hồ sơ trực tuyến
          </Link>
        )}
        {procedure.requiresVneid && <p className="note">Cần xác thực danh tính bằng VNeID trước khi nộp.</p>}
      </section>
      <section className="section" aria-labelledby="time-title">
        <h2 id="time-title" className="section__title">
          Thời hạn giải quyết
        </h2>
        <p className="big-fact">{formatProcessingTime(procedure.processingTime)}</p>
        {procedure.processingTime.note && <p className="note">{procedure.processingTime.note}</p>}
      </section>
      <FeeFacts fees={procedure.fees} />
      <Documents procedure={procedure} />
      <Agency procedure={procedure} />
      <section className="section" aria-labelledby="result-title">
        <h2 id="result-title" className="section__title">
          Nhận kết quả
        </h2>
        <ul className="plain-list">
          {procedure.resultDelivery.map((d) => (
            <li key={d}>{DELIVERY_LABEL[d]}</li>
          ))}
        </ul>
        <p className="note">
          Áp dụng từ {formatDate(procedure.effectiveFrom)} · phiên bản {procedure.version}
        </p>
      </section>
      <UnitContact unit={procedure.competentUnit} />
      <section className="section">
        <Link to={`/phan-anh/moi?thu-tuc=${encodeURIComponent(procedure.code)}`} className="text-link">
          Phản ánh, kiến nghị về thủ tục này
        </Link>
      </section>
    </Page>
  );
}
