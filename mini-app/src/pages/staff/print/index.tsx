import { useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { inAppPath } from "../../../../../shared/src/links/deep-link";
import { AppHeader } from "../../../components/app-header";
import { ErrorMessage, Loading } from "../../../components/status";
import { errorMessage } from "../../../services/api";
import { type StaffDossierData, staffApi } from "../../../services/staff-api";
import { useCatalogue } from "../../../stores/catalogue";
import { StaffGate } from "../parts";
import { formApplies, formEvent, isPrintForm, PRINT_FORMS, type PrintForm } from "../print-forms";
import { Form01, Form02, Form03, Form04, type FormData, type IssuingUnit } from "./forms";
import "./print.css";

/** The units and procedure the forms quote, from the catalogue (already cached by the workspace). */
function useFormData(detail: StaffDossierData | null): FormData | null {
  const units = useCatalogue((s) => s.units);
  const loadUnits = useCatalogue((s) => s.loadUnits);
  const code = detail?.procedure.code;
  const procedure = useCatalogue((s) => (code ? s.procedures[code] : undefined));
  const loadProcedure = useCatalogue((s) => s.loadProcedure);
  useEffect(() => void loadUnits(), [loadUnits]);
  useEffect(() => {
    if (code) void loadProcedure(code);
  }, [code, loadProcedure]);
  if (!detail) return null;
  const unit = (ref: { id: string; name: string }): IssuingUnit => {
    const found = units.find((u) => u.id === ref.id);
    return { name: ref.name, address: found?.address || null, phone: found?.phone || null };
  };
  return {
    detail,
    // Another published version may list other documents or another time: only the dossier's own version is quoted.
    procedure: procedure && procedure.version === detail.procedure.version ? procedure : null,
    receiving: unit(detail.receivingUnit),
    handling: unit(detail.handlingUnit),
  };
}

function Sheet({ data, form, onQrSettled }: { data: FormData; form: PrintForm; onQrSettled: (loaded: boolean) => void }) {
  const event = formEvent(data.detail, form);
  switch (form) {
    case "01":
      return data.detail.acceptance && <Form01 data={data} acceptance={data.detail.acceptance} onQrSettled={onQrSettled} />;
    case "02":
      return event && <Form02 data={data} event={event} />;
    case "03":
      return event && <Form03 data={data} event={event} />;
    case "04":
      return event && <Form04 data={data} event={event} />;
  }
}

function PrintView({ code, form }: { code: string; form: PrintForm }) {
  const [detail, setDetail] = useState<StaffDossierData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Mẫu 01 carries the tracking QR code: printing waits until the image loaded (or failed).
  const [qr, setQr] = useState<"loading" | "loaded" | "failed">("loading");
  const data = useFormData(detail);

  useEffect(() => {
    let active = true;
    setError(null);
    staffApi.get(code, `In phiếu Mẫu ${form}`).then(
      (next) => active && setDetail(next),
      (e: unknown) => active && setError(errorMessage(e)),
    );
    return () => {
      active = false;
    };
  }, [code, form, attempt]);

  const back = (
    <Link to={`/can-bo/ho-so/${code}`} className="button button--secondary">
      Quay lại hồ sơ
    </Link>
  );
  if (error) return <ErrorMessage message={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!data) return <Loading />;
  if (!formApplies(data.detail, form)) {
    return (
      <>
        <ErrorMessage message={`Hồ sơ ${code} không có Mẫu ${form} (${PRINT_FORMS[form].toLocaleLowerCase("vi")}).`} />
        <div className="print-toolbar">{back}</div>
      </>
    );
  }
  const waitForQr = form === "01" && qr === "loading" && inAppPath(data.detail.trackingUrl) !== null;
  return (
    <>
      <div className="print-toolbar">
        <button type="button" className="button button--primary" disabled={waitForQr} onClick={() => window.print()}>
          {waitForQr ? "Đang tải mã QR…" : "In phiếu"}
        </button>
        {back}
      </div>
      {qr === "failed" && <p className="print-toolbar__note note">Chưa tải được mã QR; phiếu in ra sẽ không có mã QR.</p>}
      <article className="print-sheet" aria-labelledby="form-title">
        <Sheet data={data} form={form} onQrSettled={(loaded) => setQr(loaded ? "loaded" : "failed")} />
      </article>
    </>
  );
}

/** `/can-bo/ho-so/:code/in/:form`: one form of a dossier, laid out for A4, with "In phiếu". */
export default function PrintPage() {
  const { code = "", form = "" } = useParams();
  return (
    <Page className="page page--print">
      <AppHeader title={isPrintForm(form) ? `In Mẫu ${form}` : "In phiếu"} />
      <StaffGate>
        {() =>
          isPrintForm(form) ? (
            <PrintView key={`${code}/${form}`} code={code} form={form} />
          ) : (
            <ErrorMessage message="Không có mẫu phiếu này." />
          )
        }
      </StaffGate>
    </Page>
  );
}
