import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { HotlineNote } from "../../components/contact";
import { ErrorMessage, Loading } from "../../components/status";
import { Field, type Invalid } from "../../components/text-field";
import { TrackedDossier } from "../../components/tracked-dossier";
import { ApiFailure, errorMessage } from "../../services/api";
import { type TrackData, trackApi } from "../../services/authed-api";

type State =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "found"; data: TrackData }
  | { kind: "not-found" }
  | { kind: "error"; message: string };

/**
 * "Tra cứu hồ sơ": anyone, without signing in, types the code on the receipt and the last four digits
 * of the applicant's phone or citizen id, and sees the public status (the tracking view).
 */
export default function LookupPage() {
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get("ma") ?? "");
  const [digits, setDigits] = useState("");
  const [invalid, setInvalid] = useState<Invalid>(null);
  const [state, setState] = useState<State>({ kind: "idle" });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (code.trim().length < 10) return setInvalid({ field: "lookup-code", message: "Nhập mã hồ sơ ghi trên giấy biên nhận." });
    if (!/^\d{4}$/.test(digits)) return setInvalid({ field: "lookup-digits", message: "Nhập đúng 4 chữ số cuối." });
    setInvalid(null);
    setState({ kind: "loading" });
    try {
      setState({ kind: "found", data: await trackApi.lookup(code.trim(), digits) });
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 404) setState({ kind: "not-found" });
      else setState({ kind: "error", message: errorMessage(err) });
    }
  };

  return (
    <Page className="page">
      <AppHeader title="Tra cứu hồ sơ" />
      <section className="section" aria-labelledby="lookup-title">
        <h2 id="lookup-title" className="section__title">
          Tra cứu bằng mã hồ sơ
        </h2>
        <p className="note">
          Không cần đăng nhập. Nhập mã hồ sơ trên giấy biên nhận và 4 số cuối của số điện thoại hoặc số căn cước của người nộp.
        </p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Field id="lookup-code" label="Mã hồ sơ" value={code} onChange={setCode} invalid={invalid} maxLength={60} />
          <Field
            id="lookup-digits"
            label="4 số cuối điện thoại hoặc căn cước"
            value={digits}
            onChange={(v) => setDigits(v.replace(/\D/g, "").slice(0, 4))}
            invalid={invalid}
            inputMode="numeric"
            maxLength={4}
          />
          <button type="submit" className="button button--primary button--block" disabled={state.kind === "loading"}>
            Tra cứu
          </button>
        </form>
      </section>
      {state.kind === "loading" && <Loading label="Đang tra cứu…" />}
      {state.kind === "found" && <TrackedDossier data={state.data} />}
      {state.kind === "not-found" && (
        <section className="section" role="alert" aria-labelledby="lookup-missing">
          <h2 id="lookup-missing" className="section__title">
            Không tìm thấy hồ sơ
          </h2>
          <p>Mã hồ sơ hoặc 4 chữ số cuối không khớp. Vui lòng kiểm tra lại giấy biên nhận.</p>
          <HotlineNote />
          <Link to="/" className="button button--secondary">
            Về trang chủ
          </Link>
        </section>
      )}
      {state.kind === "error" && <ErrorMessage message={state.message} />}
      {state.kind !== "not-found" && <HotlineNote />}
    </Page>
  );
}
