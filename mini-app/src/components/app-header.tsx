import type { ReactNode } from "react";
import { useNavigate } from "zmp-ui";
import { BackIcon } from "./icons";

/** The app's own header (the native one is hidden): a back button and the page's h1. */
export function AppHeader({ title, back = true, children }: { title: string; back?: boolean; children?: ReactNode }) {
  const navigate = useNavigate();
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
