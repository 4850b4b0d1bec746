import { expect, test } from "@playwright/test";
import { seriousA11yViolations } from "./a11y";
import { API, APP, apiSession, bearer, pickPersona, staffAction, submitTamTruByApi, uploadPdf } from "./helpers";

/** What a new user meets on a bad network or an odd link: the app explains itself and never goes blank. */

test("a page that cannot load offline says so in Vietnamese, and Thử lại opens it once back online", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("list", { name: "Dịch vụ thiết yếu" }).getByRole("link").first()).toBeVisible();
  // The units page's code is fetched only when it is first opened: here the network is gone.
  const unitsChunk = /\/src\/pages\/units\//;
  await page.route(unitsChunk, (route) => route.abort("internetdisconnected"));
  await page.getByRole("link", { name: "Cơ quan giải quyết thủ tục" }).click();

  await expect(page).toHaveURL(`${APP}/units`);
  const main = page.getByRole("main");
  await expect(page.getByRole("heading", { level: 1, name: "Không mở được trang" })).toBeVisible();
  await expect(main.getByRole("alert")).toContainText("Chưa mở được trang này. Vui lòng kiểm tra kết nối mạng rồi thử lại.");
  await expect(main.getByRole("link", { name: "Về trang chủ" })).toBeVisible();

  await page.unroute(unitsChunk);
  await main.getByRole("button", { name: "Thử lại" }).click();
  // The browser keeps the failed module, so the retry reloads the document: the whole app loads again.
  await expect(page.getByRole("heading", { level: 1, name: "Cơ quan giải quyết" })).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(`${APP}/units`);
  await expect(page.getByRole("heading", { level: 1, name: "Không mở được trang" })).toHaveCount(0);
});

test("nothing is drawn with Zalo's icon font: snackbars show their own icons, and Zalo's CDN is never asked", async ({
  page,
  request,
}) => {
  const zaloCdn: string[] = [];
  await page.route(/^https?:\/\/([^/]+\.)?(zadn\.vn|zdn\.vn|zalo\.me|zaloapp\.com)\//, (route) => {
    zaloCdn.push(route.request().url());
    return route.abort("internetdisconnected");
  });
  const iconLigatures = async () => ((await page.locator("body").textContent()) ?? "").match(/\bzi[_-][a-z_-]+/g) ?? [];

  await page.goto("/");
  await page.getByRole("button", { name: "Quét mã QR" }).click();
  const info = page.locator(".snackbar").filter({ hasText: "Quét mã QR dùng được khi mở ứng dụng trong Zalo." });
  await expect(info).toBeVisible();
  await expect(info.locator("svg")).toHaveCount(1);
  expect(await iconLigatures()).toEqual([]);

  const { items } = await (await request.get(`${API}/api/procedures?essential=true&limit=1`)).json();
  await page.goto(`/p/${items[0].code}`);
  await page.getByRole("button", { name: "Chia sẻ qua Zalo" }).click();
  const error = page.locator(".snackbar").filter({ hasText: "Chưa chia sẻ được, vui lòng thử lại trong Zalo." });
  await expect(error).toBeVisible();
  await expect(error.locator("svg")).toHaveCount(1);
  expect(await iconLigatures()).toEqual([]);

  // No element uses zmp-ui's icon font, so the browser never even tries to fetch it.
  const usedFonts = await page.evaluate(() => {
    const families: string[] = [];
    document.fonts.forEach((f) => {
      if (f.status !== "unloaded") families.push(f.family);
    });
    return families;
  });
  expect(usedFonts.filter((f) => /zaui/i.test(f))).toEqual([]);
  expect(zaloCdn).toEqual([]);
});

test("every page names itself in the title and has one main landmark", async ({ page, request }) => {
  const { items } = await (await request.get(`${API}/api/procedures?q=dang%20ky%20khai%20sinh&limit=1`)).json();
  const procedure = items[0] as { code: string; name: string };

  await page.goto("/");
  await expect(page).toHaveTitle("Dịch vụ công tỉnh An Hòa · Một Cửa Zalo");
  await expect(page.getByRole("main")).toHaveCount(1);

  await page.goto(`/p/${procedure.code}`);
  await expect(page.getByRole("heading", { level: 2, name: procedure.name })).toBeVisible();
  await expect(page).toHaveTitle(`${procedure.name} · Một Cửa Zalo`);
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("main").getByRole("heading", { level: 2, name: procedure.name })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole("link", { name: "Nộp hồ sơ trực tuyến" }).click();
  await expect(page).toHaveTitle(`Nộp hồ sơ: ${procedure.name} · Một Cửa Zalo`);

  await page.goto("/units");
  await expect(page).toHaveTitle("Cơ quan giải quyết · Một Cửa Zalo");
  await expect(page.getByRole("main")).toHaveCount(1);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.goto("/ho-so");
  await expect(page).toHaveTitle("Hồ sơ của tôi · Một Cửa Zalo");
  await expect(page.getByRole("main")).toHaveCount(1);
});

test("an unknown page or procedure offers the way home, not a pointless retry", async ({ page }) => {
  await page.goto("/trang-khong-ton-tai");
  await expect(page.getByRole("heading", { level: 1, name: "Không tìm thấy trang" })).toBeVisible();
  await expect(page).toHaveTitle("Không tìm thấy trang · Một Cửa Zalo");
  await expect(page.getByRole("button", { name: "Thử lại" })).toHaveCount(0);
  await page.getByRole("link", { name: "Về trang chủ" }).click();
  await expect(page).toHaveURL(`${APP}/`);
  await expect(page.getByRole("heading", { level: 1, name: /^Dịch vụ công/ })).toBeVisible();

  await page.goto("/p/9.999999");
  await expect(page.getByRole("alert")).toContainText("Không tìm thấy thủ tục này.");
  await expect(page.getByRole("button", { name: "Thử lại" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Về trang chủ" })).toBeVisible();

  await page.goto("/t/000.00.01.H99-250101-0001?k=khong-dung-ma-tra-cuu-0000");
  await expect(page.getByRole("heading", { name: "Không tìm thấy hồ sơ" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Về trang chủ" })).toBeVisible();
});

test("while a supplement is awaited the clock reads as paused; a finished dossier shows its result date and whether on time", async ({
  page,
  request,
}) => {
  const resident = await apiSession(request);
  const staff = await apiSession(request, "can-bo-phuong");
  const { code, trackingUrl } = await submitTamTruByApi(request, resident);
  const trackPath = `/t/${code}${new URL(trackingUrl).search}`;
  await staffAction(request, staff, code, { action: "accept" });
  await staffAction(request, staff, code, {
    action: "request_supplement",
    checks: [{ docIndex: 1, passed: false, note: "Bản sao hợp đồng thuê nhà chưa rõ nét" }],
  });
  const today = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());

  await page.goto(trackPath);
  await expect(page.getByText(`Tạm dừng tính thời hạn từ ${today}`)).toBeVisible();
  await page.goto(`/ho-so/${code}`);
  await pickPersona(page);
  await expect(page.getByText(`Tạm dừng tính thời hạn từ ${today}`)).toBeVisible();

  const answered = await request.post(`${API}/api/dossiers/${code}/supplement`, {
    headers: bearer(resident),
    data: { answers: [{ askId: "doc-1", fileIds: [await uploadPdf(request, resident, "bo-sung.pdf")] }], note: "Đã bổ sung" },
  });
  expect(answered.status()).toBe(200);
  const result = await uploadPdf(request, staff, "ket-qua.pdf");
  await staffAction(request, staff, code, { action: "finish", resultFileIds: [result] });

  await page.goto(trackPath);
  const facts = page.getByRole("region", { name: "Đăng ký tạm trú" });
  await expect(facts).toContainText(/Ngày hẹn trả kết quả\s*\d{2}\/\d{2}\/\d{4}/);
  await expect(facts).toContainText(`Ngày có kết quả${today}`);
  // Finished today, days before its due date.
  await expect(facts).toContainText("Đúng hạn");
  await expect(facts).not.toContainText("Chưa có");
  await expect(page.getByText(/Tạm dừng tính thời hạn/)).toHaveCount(0);
});
