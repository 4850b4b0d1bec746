import { chromium } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "../../playwright.config";
import { APP } from "./helpers";

/**
 * Opens the app once before the journeys: Vite's dev server optimises the dependencies it meets on
 * the first visit and reloads the page, which aborted the first journey's requests on a cold CI machine.
 */
export default async function warmUp() {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    await page.goto(APP, { waitUntil: "networkidle", timeout: 120_000 });
    for (const path of ["/can-bo", "/quan-tri"]) {
      await page.goto(`${APP}${path}`);
      await page.getByRole("button", { name: /Quản trị tỉnh/ }).waitFor({ timeout: 120_000 });
    }
  } finally {
    await browser.close();
  }
}
