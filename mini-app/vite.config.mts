import { readFileSync } from "node:fs";
import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import zaloMiniApp from "zmp-vite-plugin";
import { FIRST_SCREEN_KEY, FIRST_SCREEN_REQUESTS, startFirstScreenRequests } from "./src/services/first-screen";

// The Zalo app config lives at the repository root; the plugin would otherwise look in the working directory.
const appConfig = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../app-config.json"), "utf8"));

/**
 * Starts the home screen's API requests from index.html, before the app's JavaScript is even
 * downloaded (src/services/first-screen.ts). The API base is the one the client uses: VITE_API_URL,
 * else app-config's apiUrl. An inline script in <head>; Zalo does not upload index.html, so there
 * main.tsx starts the same requests as its first act.
 */
function firstScreenData(): Plugin {
  let apiUrl = "";
  return {
    name: "first-screen-data",
    configResolved(config) {
      apiUrl = config.env.VITE_API_URL || appConfig.template.apiUrl;
    },
    // Before the stylesheet: a classic script after it would wait for the CSS to arrive.
    transformIndexHtml: (html) =>
      html.replace(
        /<!-- first-screen-data:.*-->/,
        `<script>(${startFirstScreenRequests})(${JSON.stringify(apiUrl)},${JSON.stringify(FIRST_SCREEN_REQUESTS)},${JSON.stringify(FIRST_SCREEN_KEY)})</script>`,
      ),
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [firstScreenData(), zaloMiniApp(appConfig), react()],
  define: { __APP_CONFIG__: JSON.stringify(appConfig.template) },
  build: { outDir: "www", emptyOutDir: true, assetsInlineLimit: 0 },
  server: { fs: { allow: [".."] } },
  // Scan every page up front: a dependency discovered later makes Vite reload the page mid-request.
  optimizeDeps: { entries: ["src/**/*.tsx"] },
});
