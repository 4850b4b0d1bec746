import { expect, type Page, type Request, test } from "@playwright/test";
import { FIRST_SCREEN_REQUESTS } from "../../mini-app/src/services/first-screen";
import { API } from "./helpers";

/** What the home screen's first requests look like: the full URLs index.html starts. */
const FIRST_SCREEN_URLS = FIRST_SCREEN_REQUESTS.map((p) => `${API}${p}`);

/** Every request the page makes, in the order they start. */
function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on("request", (r) => requests.push(r));
  return requests;
}

async function homeShowsItsData(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: /^Dịch vụ công/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "Dịch vụ thiết yếu" }).getByRole("link").first()).toBeVisible();
  await expect(page.getByRole("list", { name: "Lĩnh vực" }).getByRole("link").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
}

test("the home screen's data starts with the HTML, arrives once, and zmp-sdk stays off the first screen", async ({ page }) => {
  const requests = recordRequests(page);
  await page.goto("/");
  await homeShowsItsData(page);
  const urls = requests.map((r) => r.url());

  for (const url of FIRST_SCREEN_URLS)
    expect(
      urls.filter((u) => u === url),
      url,
    ).toHaveLength(1);
  // Started by index.html's inline script: before the browser even asked for the app's root component.
  const app = urls.findIndex((u) => /\/src\/app\.tsx/.test(u));
  expect(app).toBeGreaterThan(-1);
  for (const url of FIRST_SCREEN_URLS) expect(urls.indexOf(url)).toBeLessThan(app);
  // Nothing on the home screen needs the SDK: no module of zmp-sdk is fetched.
  expect(urls.filter((u) => u.includes("zmp-sdk"))).toEqual([]);

  // Coming back home later works on ordinary requests (each started answer was taken once, and only once).
  await page.getByRole("link", { name: "Cơ quan giải quyết thủ tục" }).click();
  await page.getByRole("button", { name: "Quay lại" }).click();
  await expect(page.getByRole("list", { name: "Dịch vụ thiết yếu" }).getByRole("link").first()).toBeVisible();
});

test("a started request still under way when the app renders is awaited, not sent again", async ({ page }) => {
  // index.html's requests answer only after the app has rendered its empty lists (held back, not timed).
  const release: (() => void)[] = [];
  await page.route(
    (url) => FIRST_SCREEN_URLS.includes(url.href),
    async (route) => {
      await new Promise<void>((resolve) => release.push(resolve));
      await route.continue();
    },
  );
  const requests = recordRequests(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: /^Dịch vụ công/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "Dịch vụ thiết yếu" }).getByRole("link")).toHaveCount(0);
  for (const go of release.splice(0)) go();
  await page.unroute((url) => FIRST_SCREEN_URLS.includes(url.href));
  await homeShowsItsData(page);
  for (const url of FIRST_SCREEN_URLS)
    expect(
      requests.filter((r) => r.url() === url),
      url,
    ).toHaveLength(1);
});

test("when the started requests fail, the home screen fetches its data itself", async ({ page }) => {
  const refused = new Set<string>();
  // The first request for each URL (index.html's) fails as on a dropped connection; the app's own goes through.
  await page.route(
    (url) => FIRST_SCREEN_URLS.includes(url.href),
    (route) => {
      const url = route.request().url();
      if (refused.has(url)) return route.continue();
      refused.add(url);
      return route.abort("connectionreset");
    },
  );
  const requests = recordRequests(page);
  await page.goto("/");
  await homeShowsItsData(page);

  expect([...refused].sort()).toEqual([...FIRST_SCREEN_URLS].sort());
  for (const url of FIRST_SCREEN_URLS)
    expect(
      requests.filter((r) => r.url() === url),
      url,
    ).toHaveLength(2);
  await expect(page.getByText("Chưa tải được danh sách lĩnh vực.")).toHaveCount(0);
});

test("a deep link to another screen does not fetch the home screen's data", async ({ page }) => {
  const requests = recordRequests(page);
  await page.goto("/tra-cuu");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(requests.map((r) => r.url()).filter((u) => FIRST_SCREEN_URLS.includes(u))).toEqual([]);
});
