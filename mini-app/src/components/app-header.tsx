import { type ReactNode, useEffect } from "react";
import { useNavigate } from "zmp-ui";
import { BackIcon } from "./icons";

/** The page's name in the browser tab, the task switcher and a screen reader: "Đăng ký khai sinh · Một Cửa Zalo". */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Một Cửa Zalo`;
  }, [title]);
}

/**
 * The app's own header (the native one is hidden): a back button and the page's h1, which also
 * names the document unless a more specific `documentTitle` is given.
 */
export function AppHeader(props: { title: string; documentTitle?: string; back?: boolean; children?: ReactNode }) {
  const { title, back = true, children } = props;
  const navigate = useNavigate();
  useDocumentTitle(props.documentTitle ?? title);
  const goBack = () => {
    // A deep link opens the app on this page: there is nothing to go back to but home.
    if (window.history.state?.idx > 0) navigate(-1);
    else navigate("/", { replace: true });
  };
  return (
    <header className="app-header">
      {back && (
        <button type="button" className="icon-button" aria-label="Quay lại" onClick={goBack}>
          <BackIcon />
        </button>
      )}
      <h1 className="app-header__title">{title}</h1>
      {children}
    </header>
  );
}
