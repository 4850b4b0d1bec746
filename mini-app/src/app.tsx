import { useEffect } from "react";
import { useNavigate, App as ZaloApp, ZMPRouter } from "zmp-ui";
import { inAppPath } from "../../shared/src/links/deep-link";
import { SnackbarProvider } from "./components/snackbar";
import { AppRoutes } from "./router";
import { onOpenApp } from "./services/zalo";

/** Follows deep links that arrive while the app is already open (a QR scanned in Zalo). */
function DeepLinks() {
  const navigate = useNavigate();
  useEffect(
    () =>
      onOpenApp((path) => {
        const target = inAppPath(path);
        if (target) navigate(target);
      }),
    [navigate],
  );
  return null;
}

export function App() {
  return (
    <ZaloApp>
      <SnackbarProvider>
        <ZMPRouter>
          <DeepLinks />
          <AppRoutes />
        </ZMPRouter>
      </SnackbarProvider>
    </ZaloApp>
  );
}
