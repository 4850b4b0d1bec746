import { createRoot } from "react-dom/client";
import "zmp-ui/zaui.css";
import "./styles/app.css";
import { App } from "./app";
import { apiBaseUrl } from "./services/api";
import { FIRST_SCREEN_KEY, FIRST_SCREEN_REQUESTS, primeFirstScreen, startFirstScreenRequests } from "./services/first-screen";
import { getConfig } from "./utils/config";

// The home screen's data, if index.html has not started it already (Zalo does not upload index.html).
const startedByHtml = FIRST_SCREEN_KEY in window;
startFirstScreenRequests(apiBaseUrl, FIRST_SCREEN_REQUESTS, FIRST_SCREEN_KEY);

// Zalo sets APP_ID inside its web view; elsewhere (a local production build) fall back to ours.
window.APP_ID ||= getConfig((c) => c.miniAppId);

// When index.html started the data, the first render waits a moment for answers already here, so
// that it paints the home screen whole; anything slower renders as it comes. Requests started just
// now cannot have answered yet: render at once.
const render = () => createRoot(document.getElementById("app") as HTMLElement).render(<App />);
if (startedByHtml) void primeFirstScreen(50).then(render);
else render();
