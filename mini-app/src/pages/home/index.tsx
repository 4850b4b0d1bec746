import { lazy, Suspense, useLayoutEffect, useState } from "react";
import { Link } from "react-router-dom";
import { Page, useNavigate } from "zmp-ui";
import { inAppPath } from "../../../../shared/src/links/deep-link";
import { useDocumentTitle } from "../../components/app-header";
import { HotlineNote } from "../../components/contact";
import { QrIcon } from "../../components/icons";
import { ProcedureResults } from "../../components/procedure-results";
import { SearchBox } from "../../components/search-box";
import { useSnackbar } from "../../components/snackbar";
import { ErrorMessage } from "../../components/status";
import { insideZalo, scanQrCode } from "../../services/zalo";
import { useCatalogue } from "../../stores/catalogue";
import { useAfterFirstScreen } from "../../utils/after-first-screen";
import { getConfig } from "../../utils/config";
import { InstantResults } from "./instant-results";
import { LifeEventGrid } from "./life-events";

const ESSENTIAL = { essential: true };

// The session store is not part of the first screen: this loads once it has settled, and shows only to staff.
const StaffEntry = lazy(() => import("./staff-entry"));
// Likewise the resident's unread notifications, counted only when someone is signed in.
const UnreadBadge = lazy(() => import("./unread-badge"));

function FieldGrid() {
  const fields = useCatalogue((s) => s.fields);
  const status = useCatalogue((s) => s.fieldsLoad);
  const load = useCatalogue((s) => s.loadFields);
  // Before the paint, so that fields already here (started with the HTML) show in the first frame.
  useLayoutEffect(() => void load(), [load]);
  if (status === "error") return <ErrorMessage message="Chưa tải được danh sách lĩnh vực." onRetry={() => void load()} />;
  return (
    <ul className="field-grid" aria-label="Lĩnh vực">
      {fields.map((f) => (
        <li key={f.id}>
          <Link to={`/f/${f.id}`} className="field-grid__item">
            <span>{f.name}</span>
            <span className="field-grid__count">{f.procedureCount} thủ tục</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default function HomePage() {
  const navigate = useNavigate();
  const { openSnackbar } = useSnackbar();
  const [query, setQuery] = useState("");
  const showResults = (q: string) => navigate(`/search?q=${encodeURIComponent(q)}`);
  const title = `Dịch vụ công ${getConfig((c) => c.provinceName)}`;
  // The signed-in parts (staff entry, unread count, and the session code they load) wait until the first screen settles.
  const settled = useAfterFirstScreen();
  useDocumentTitle(title);

  const scan = async () => {
    if (!insideZalo()) {
      openSnackbar({ text: "Quét mã QR dùng được khi mở ứng dụng trong Zalo.", type: "info" });
      return;
    }
    const content = await scanQrCode();
    if (content === null) return;
    const path = inAppPath(content);
    if (path) navigate(path);
    else openSnackbar({ text: "Mã QR này không thuộc dịch vụ công của tỉnh.", type: "error" });
  };

  return (
    // resetScroll off: a freshly mounted page is at the top already, and zmp-ui's scrollTo(0, 0) in a
    // layout effect forces a layout of the first screen before its data is in (a second one follows).
    <Page className="page page--home" resetScroll={false}>
      <section className="hero">
        <p className="hero__eyebrow">Một Cửa Zalo</p>
        <h1 className="hero__title">{title}</h1>
        <p className="hero__lead">Tìm thủ tục, chuẩn bị giấy tờ và nộp hồ sơ ngay trên Zalo.</p>
        <div className="hero__search">
          <SearchBox value={query} onChange={setQuery} onSubmit={(q) => q && showResults(q)} />
          <button type="button" className="icon-button icon-button--light" aria-label="Quét mã QR" onClick={() => void scan()}>
            <QrIcon />
          </button>
        </div>
        <InstantResults query={query} onShowAll={() => showResults(query.trim())} />
        <Link to="/ho-so" className="button button--light button--block">
          Hồ sơ của tôi
          {settled && (
            <Suspense fallback={null}>
              <UnreadBadge />
            </Suspense>
          )}
        </Link>
        {settled && (
          <Suspense fallback={null}>
            <StaffEntry />
          </Suspense>
        )}
      </section>

      <section className="section" aria-labelledby="events-title">
        <h2 id="events-title" className="section__title">
          Bạn đang cần làm gì?
        </h2>
        <LifeEventGrid />
      </section>

      <section className="section" aria-labelledby="essential-title">
        <h2 id="essential-title" className="section__title">
          Dịch vụ thiết yếu
        </h2>
        <ProcedureResults params={ESSENTIAL} pageSize={6} label="Dịch vụ thiết yếu" emptyMessage="Chưa có dịch vụ thiết yếu." />
      </section>

      <section className="section" aria-labelledby="fields-title">
        <h2 id="fields-title" className="section__title">
          Lĩnh vực
        </h2>
        <FieldGrid />
      </section>

      <section className="section home-links" aria-label="Tra cứu, phản ánh, liên hệ">
        <Link to="/tra-cuu" className="button button--secondary button--block">
          Tra cứu hồ sơ
        </Link>
        <Link to="/phan-anh" className="button button--secondary button--block">
          Phản ánh, kiến nghị
        </Link>
        <Link to="/units" className="button button--secondary button--block">
          Cơ quan giải quyết thủ tục
        </Link>
        <HotlineNote />
      </section>

      <p className="home-footer">
        <Link to="/can-bo" className="text-link">
          Dành cho cán bộ một cửa
        </Link>
      </p>
    </Page>
  );
}
