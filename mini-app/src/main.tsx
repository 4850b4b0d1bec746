import { createRoot } from "react-dom/client";
import "zmp-ui/zaui.css";
import "./styles/app.css";
import { App } from "./app";
import { getConfig } from "./utils/config";

// Zalo sets APP_ID inside its web view; elsewhere (a local production build) fall back to ours.
window.APP_ID ||= getConfig((c) => c.miniAppId);

createRoot(document.getElementById("app") as HTMLElement).render(<App />);
