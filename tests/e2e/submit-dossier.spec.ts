import { type APIRequestContext, devices, expect, test } from "@playwright/test";
import { seriousA11yViolations } from "./a11y";
import {
  API,
  APP,
  apiSession,
  bearer,
  COMMUNE_STAFF,
  consent,
  deleteDraft,
  fillTamTru,
  missingList,
  pickPersona,
  receiptCode,
  SESSION_KEY,
  type Session,
  submitButton,
  submitTamTruByApi,
  TAM_TRU,
} from "./helpers";

/** Commune-level, no VNeID needed: used for drafts. */
const THUONG_TRU = "1.004222";
/** Commune-level, no VNeID needed: used for the incomplete submission. */
const GIA_HAN = "1.010040";

async function dossierCodes(request: APIRequestContext, session: Session): Promise<string[]> {
  const res = await request.get(`${API}/api/dossiers?limit=50`, { headers: bearer(session) });
  expect(res.status()).toBe(200);
  return ((await res.json()).items as { code: string }[]).map((d) => d.code);
}

test("a resident submits a dossier, gets a receipt with a QR code, and anyone with the link can track it", async ({
  page,
  browser,
  request,
}) => {
  // Two browsers and a whole filing: more than the default on a loaded machine.
  test.setTimeout(60_000);
  const session = await apiSession(request);
  await deleteDraft(request, session, TAM_TRU);

  await page.goto("/");
  await page.getByRole("searchbox", { name: "Tìm thủ tục hành chính" }).fill("dang ky tam tru");
  await page
    .getByRole("region", { name: "Kết quả gợi ý" })
    .getByRole("link", { name: /^Đăng ký tạm trú/ })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/p/${TAM_TRU.replace(".", "\\.")}$`));
  await page.getByRole("link", { name: "Nộp hồ sơ trực tuyến" }).click();
  await expect(page).toHaveURL(/\/p\/1\.004194\/nop$/);

  await pickPersona(page);
  // The identity comes from VNeID and earlier answers are offered, so what surely is missing at
  // first is what only this filing knows: the receiving unit, the start date and the proof of
  // residence (the declaration is generated from the eForm).
  const missing = missingList(page);
  await expect(missing).toContainText("Nơi tiếp nhận hồ sơ");
  await expect(missing).toContainText("Ngày bắt đầu tạm trú");
  await expect(missing).toContainText("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp");
  await expect(missing).not.toContainText("Tờ khai thay đổi thông tin cư trú");
  await expect(missing).not.toContainText("Họ, chữ đệm và tên người đăng ký");
  await expect(missing).not.toContainText("Số định danh cá nhân");
  await expect(page.getByRole("heading", { name: "Còn thiếu" })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await fillTamTru(page);
  await expect(page.getByRole("heading", { name: "Phí, lệ phí" })).toBeVisible();
  await expect(page.getByText("Căn cứ: Thông tư 75/2022/TT-BTC")).toBeVisible();
  await consent(page).check();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await submitButton(page).click();

  const code = await receiptCode(page);
  // The code names the receiving commune (Phường Bình Minh, 000.00.02.H99).
  expect(code.startsWith("000.00.02.H99-")).toBe(true);
  await expect(page).toHaveURL(`${APP}/h/${code}`);
  const receipt = page.getByRole("region", { name: "Thông tin hồ sơ" });
  await expect(receipt).toContainText("Đăng ký tạm trú");
  await expect(receipt).toContainText("Đã nộp, chờ tiếp nhận");
  await expect(receipt).toContainText("Phường Bình Minh");
  await expect(receipt).toContainText(/Ngày hẹn trả kết quả \(dự kiến\)\s*\d{2}\/\d{2}\/\d{4}/);
  await expect(receipt).toContainText("7.000 đ");

  const qr = page.getByRole("img", { name: "Mã QR tra cứu hồ sơ" });
  await expect(qr).toBeVisible();
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
  // Outside Zalo "Lưu mã QR" downloads a PNG drawn from the API's SVG.
  await expect(page.getByRole("link", { name: "Lưu mã QR" })).toHaveAttribute("href", /^data:image\/png;base64,/);
  expect(await seriousA11yViolations(page)).toEqual([]);

  const trackHref = await page.getByRole("link", { name: "Mở trang tra cứu công khai" }).getAttribute("href");
  expect(trackHref).toMatch(new RegExp(`^/t/${code.replaceAll(".", "\\.")}\\?k=[A-Za-z0-9_-]{16,64}$`));
  const qrSrc = await qr.getAttribute("src");
  expect(qrSrc).toBe(`${API}/api/qr?path=${encodeURIComponent(trackHref!)}`);

  // A fresh browser with no session: the public tracking page.
  const stranger = await browser.newContext({ ...devices["Pixel 7"], baseURL: APP });
  try {
    const other = await stranger.newPage();
    await other.goto(trackHref!);
    await expect(other.getByRole("heading", { level: 2, name: "Đăng ký tạm trú" })).toBeVisible();
    await expect(other.getByText("Đã nộp, chờ tiếp nhận")).toBeVisible();
    await expect(other.getByText(code)).toBeVisible();
    await expect(other.getByRole("heading", { name: /Chọn người dùng thử/ })).toHaveCount(0);
    expect(await other.evaluate((key) => localStorage.getItem(key), SESSION_KEY)).toBeNull();
    expect(await seriousA11yViolations(other)).toEqual([]);
  } finally {
    await stranger.close();
  }

  // Back as the resident: the dossier is in "Hồ sơ của tôi", and the draft is gone.
  await page.goto("/");
  await page.getByRole("link", { name: "Hồ sơ của tôi" }).click();
  const mine = page.getByRole("list", { name: "Danh sách hồ sơ" });
  const item = mine.getByRole("link", { name: new RegExp(code.replaceAll(".", "\\.")) });
  await expect(item).toBeVisible();
  await expect(item).toContainText("Đã nộp, chờ tiếp nhận");
  await expect(item).toContainText("Đăng ký tạm trú");
  const draft = await request.get(`${API}/api/drafts/${TAM_TRU}`, { headers: bearer(session) });
  expect((await draft.json()).draft).toBeNull();
});

test("a draft is autosaved and restored after a reload", async ({ page, request }) => {
  const session = await apiSession(request);
  await deleteDraft(request, session, THUONG_TRU);

  await page.goto(`/p/${THUONG_TRU}/nop`);
  await pickPersona(page);
  const address = page.getByLabel("Địa chỉ nơi đăng ký thường trú");
  // No draft yet: the field is empty, or offers an earlier dossier's answer (another journey may have filed one).
  await expect(page.getByRole("heading", { name: "Còn thiếu" })).toBeVisible();
  await expect(address).not.toHaveValue("Số 10 đường Rạch Mía");
  await expect(page.getByText(/^Đã lưu nháp lúc/)).toHaveCount(0);
  await page.getByLabel("Xã, phường tiếp nhận và giải quyết").selectOption({ label: "Phường Tân An" });
  await address.fill("Số 10 đường Rạch Mía");
  await expect(page.getByText(/^Đã lưu nháp lúc \d{2}:\d{2}$/)).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Địa chỉ nơi đăng ký thường trú")).toHaveValue("Số 10 đường Rạch Mía");
  await expect(page.getByLabel("Xã, phường tiếp nhận và giải quyết")).toHaveValue("phuong-tan-an");
  await expect(page.getByText(/^Đã lưu nháp lúc \d{2}:\d{2}$/)).toBeVisible();
  // The session survived the reload too: no sign-in was asked for.
  await expect(page.getByRole("heading", { name: /Chọn người dùng thử/ })).toHaveCount(0);

  await deleteDraft(request, session, THUONG_TRU);
});

test("a draft the server cannot take says so as a warning, survives a reload and is saved once back online", async ({
  page,
  request,
}) => {
  const session = await apiSession(request);
  await deleteDraft(request, session, THUONG_TRU);
  const drafts = `${API}/api/drafts/${THUONG_TRU}`;
  await page.route(drafts, (route) =>
    route.request().method() === "PUT" ? route.abort("internetdisconnected") : route.continue(),
  );

  await page.goto(`/p/${THUONG_TRU}/nop`);
  await pickPersona(page);
  const address = page.getByLabel("Địa chỉ nơi đăng ký thường trú");
  await address.fill("Số 7 đường Bến Nghé");
  const unsaved = page.getByRole("alert").filter({ hasText: /^Chưa lưu được bản nháp lên máy chủ/ });
  await expect(unsaved).toContainText("Không kết nối được máy chủ");
  await expect(unsaved).toContainText("vẫn được giữ trên máy này");
  // A warning, never the green of "Đã lưu nháp".
  await expect(unsaved).toHaveClass(/draft-status--unsaved/);
  await expect(unsaved).not.toHaveCSS("color", "rgb(22, 101, 52)");
  await expect(page.getByText(/^Đã lưu nháp lúc/)).toHaveCount(0);

  // Reopened while the server still cannot be reached: what was typed comes back from the device.
  await page.reload();
  await expect(address).toHaveValue("Số 7 đường Bến Nghé");
  await expect(unsaved).toBeVisible();
  expect((await (await request.get(drafts, { headers: bearer(session) })).json()).draft).toBeNull();

  // The connection is back: the draft reaches the server and leaves the device.
  await page.unroute(drafts);
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(page.getByText(/^Đã lưu nháp lúc \d{2}:\d{2}$/)).toBeVisible();
  await expect(unsaved).toHaveCount(0);
  const saved = (await (await request.get(drafts, { headers: bearer(session) })).json()).draft;
  expect(Object.values(saved.form)).toContain("Số 7 đường Bến Nghé");
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("mot-cua.draft."))))
    .toEqual([]);

  await deleteDraft(request, session, THUONG_TRU);
});

test("submitting with something missing lists what is missing and creates no dossier", async ({ page, request }) => {
  const session = await apiSession(request);
  await deleteDraft(request, session, GIA_HAN);
  const before = await dossierCodes(request, session);
  let posted = 0;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url() === `${API}/api/dossiers`) posted++;
  });

  await page.goto(`/p/${GIA_HAN}/nop`);
  await pickPersona(page);
  // The identity comes from VNeID and cannot be typed over; the other answers can.
  await expect(page.getByLabel("Số định danh cá nhân (số thẻ căn cước)")).not.toBeEditable();
  const phone = page.getByLabel("Số điện thoại liên hệ");
  await phone.fill("12345");
  await phone.blur();
  await expect(page.getByText("Số điện thoại không hợp lệ", { exact: true })).toBeVisible();
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  // A value an earlier dossier may have offered, cleared.
  const months = page.getByLabel("Thời hạn xin gia hạn (tháng)");
  await months.fill("");

  await consent(page).check();
  await submitButton(page).click();
  await expect(page.getByRole("alert").filter({ hasText: /Hồ sơ còn thiếu \d+ mục/ })).toBeVisible();
  await expect(missingList(page)).toContainText("Nơi tiếp nhận hồ sơ: Vui lòng chọn nơi tiếp nhận hồ sơ");
  // The declaration is generated from the eForm, so it is never missing.
  await expect(missingList(page)).not.toContainText("Tờ khai thay đổi thông tin cư trú");
  // After a submit attempt every field shows its own problem.
  await expect(months).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(new RegExp(`/p/${GIA_HAN.replace(".", "\\.")}/nop$`));

  expect(posted).toBe(0);
  expect(await dossierCodes(request, session)).toEqual(before);
  await deleteDraft(request, session, GIA_HAN);
});

test("a failed submission is retried with the same idempotency key and creates one dossier", async ({ page, request }) => {
  const session = await apiSession(request);
  await deleteDraft(request, session, TAM_TRU);
  const before = await dossierCodes(request, session);

  await page.goto(`/p/${TAM_TRU}/nop`);
  await pickPersona(page);
  await fillTamTru(page);
  await consent(page).check();

  const keys: string[] = [];
  // The first attempt's response is lost on the way back: the dossier exists but the app does not know.
  await page.route(`${API}/api/dossiers`, async (route) => {
    keys.push((await route.request().headerValue("idempotency-key")) ?? "");
    if (keys.length === 1) {
      await route.fetch();
      await route.abort("connectionreset");
    } else {
      await route.continue();
    }
  });
  await submitButton(page).click();
  await expect(page.getByRole("alert").filter({ hasText: "Không kết nối được máy chủ" })).toBeVisible();
  await submitButton(page).click();
  const code = await receiptCode(page);

  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  expect(keys[1]).toBe(keys[0]);
  const after = await dossierCodes(request, session);
  expect(after.filter((c) => !before.includes(c))).toEqual([code]);
});

test("the resident reads a dossier's timeline and withdraws it with a reason", async ({ page, request }) => {
  const session = await apiSession(request);
  // A dossier filed through the API, as another device would.
  const { code, trackingUrl } = await submitTamTruByApi(request, session);

  await page.goto(`/ho-so/${code}`);
  await pickPersona(page);
  await expect(page.getByRole("heading", { level: 2, name: "Đăng ký tạm trú" })).toBeVisible();
  const timeline = page.getByRole("region", { name: "Quá trình xử lý" });
  await expect(timeline).toContainText("Nộp hồ sơ trực tuyến");
  await expect(timeline).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await expect(timeline).toContainText("Người nộp hồ sơ");
  await expect(page.getByRole("region", { name: "Giấy tờ đã nộp" })).toContainText("hop-dong-thue-nha.pdf");
  await expect(page.getByRole("region", { name: "Giấy tờ đã nộp" })).toContainText("Tờ khai thay đổi thông tin cư trú.pdf");
  await expect(page.getByRole("region", { name: "Thông tin đã khai" })).toContainText("01/10/2025");
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "Rút hồ sơ" }).click();
  const dialog = page.getByRole("dialog", { name: "Rút hồ sơ" });
  await dialog.getByRole("button", { name: "Xác nhận rút hồ sơ" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Vui lòng cho biết lý do rút hồ sơ");
  await dialog.getByLabel("Lý do rút hồ sơ").fill("Tôi đã chuyển đến nơi ở khác");
  await dialog.getByRole("button", { name: "Xác nhận rút hồ sơ" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Đã rút hồ sơ", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Rút hồ sơ" })).toHaveCount(0);
  await expect(timeline).toContainText("Tôi đã chuyển đến nơi ở khác");

  // The public page follows, and a wrong token finds nothing.
  const trackPath = new URL(trackingUrl).pathname.replace(/^\/s\/[^/]+/, "") + new URL(trackingUrl).search;
  // Zalo adds its own parameters to opened links; they are ignored.
  await page.goto(`${trackPath}&zshareId=123&utm_source=qr`);
  await expect(page.getByText("Đã rút hồ sơ", { exact: true })).toBeVisible();
  await page.goto(`/t/${code}?k=khong-dung-ma-tra-cuu-0000`);
  await expect(page.getByRole("heading", { name: "Không tìm thấy hồ sơ" })).toBeVisible();
});

test("an expired access token is renewed once; a dead session asks to sign in again", async ({ page, request }) => {
  const session = await apiSession(request);
  const expired = { ...session, accessToken: `${session.accessToken.slice(0, -6)}AAAAAA` };
  await page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem("seeded")) {
        localStorage.setItem(key, value);
        sessionStorage.setItem("seeded", "1");
      }
    },
    [SESSION_KEY, JSON.stringify(expired)] as const,
  );
  await page.goto("/ho-so");
  await expect(page.getByRole("heading", { level: 1, name: "Hồ sơ của tôi" })).toBeVisible();
  await expect(
    page.getByRole("list", { name: "Danh sách hồ sơ" }).or(page.getByText("Bạn chưa nộp hồ sơ trực tuyến nào.")),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: /Chọn người dùng thử/ })).toHaveCount(0);
  // Refresh tokens rotate: the stored one is the new one.
  const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY))!) as Session;
  expect(stored.refreshToken).not.toBe(session.refreshToken);
  expect(stored.accessToken).not.toBe(expired.accessToken);

  // The old refresh token was already used once: presenting it again ends the session.
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [SESSION_KEY, JSON.stringify(expired)] as const);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Chọn người dùng thử (chỉ dùng khi phát triển)" })).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY)).toBeNull();
});

test("only residents can submit: a staff account is told so and can switch user", async ({ page }) => {
  await page.goto(`/p/${THUONG_TRU}/nop`);
  await pickPersona(page, COMMUNE_STAFF);
  await expect(page.getByRole("alert")).toContainText("Chỉ tài khoản công dân mới nộp được hồ sơ trực tuyến.");
  await expect(page.getByRole("region", { name: "Tờ khai" })).toHaveCount(0);
  await page.getByRole("button", { name: "Đổi người dùng" }).click();
  await pickPersona(page);
  await expect(page.getByRole("region", { name: "Tờ khai" })).toBeVisible();
  await expect(page.getByLabel("Địa chỉ nơi đăng ký thường trú")).toBeVisible();
});
