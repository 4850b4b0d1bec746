import { readFileSync } from "node:fs";
import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import zaloMiniApp from "zmp-vite-plugin";

// The Zalo app config lives at the repository root; the plugin would otherwise look in the working directory.
const appConfig = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../app-config.json"), "utf8"));

export default defineConfig({
  root: import.meta.dirname,
  plugins: [zaloMiniApp(appConfig), react()],
  define: { __APP_CONFIG__: JSON.stringify(appConfig.template) },
  build: { outDir: "www", emptyOutDir: true, assetsInlineLimit: 0 },
  server: { fs: { allow: [".."] } },
  // Scan every page up front: a dependency discovered later makes Vite reload the page mid-request.
  optimizeDeps: { entries: ["src/**/*.tsx"] },
});
