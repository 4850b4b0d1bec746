import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { LOCAL_SSO_PASSWORD } from "../../scripts/local-sso.mjs";
import { seriousA11yViolations } from "./a11y";
import { API, APP, apiSession, bearer, submitTamTruByApi } from "./helpers";

/**
 * Staff on a desktop sign in with the province's SSO: here the local stand-in that the browser
 * tests' API server starts (scripts/local-sso.mjs), with its sample accounts and sign-in form.
 */

const SIGN_IN_BUTTON = "Đăng nhập bằng tài khoản một cửa của tỉnh";
/** Coming back from the provider reloads the whole app, which the development server serves module by module. */
const RELOAD = { timeout: 20_000 };

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

/** A desktop browser of its own (closed after the test): no session, no cookies at the provider. */
async function desktop(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: APP });
  contexts.push(context);
  return context.newPage();
}

/** Fills the provider's own sign-in form, wherever the button took the browser. */
async function signInAtProvider(page: Page, username: string, password = LOCAL_SSO_PASSWORD) {
  await expect(page.getByRole("heading", { name: "Đăng nhập một cửa – Tỉnh An Hòa" })).toBeVisible();
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
}

test("an officer signs in on a desktop with the province's SSO and sees the unit's inbox", async ({ browser, request }) => {
  test.setTimeout(60_000);
  const filed = await submitTamTruByApi(request, await apiSession(request));
  const page = await desktop(browser);
  await page.goto("/dang-nhap");
  await expect(page.getByRole("heading", { name: "Đăng nhập trên máy tính" })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole("button", { name: SIGN_IN_BUTTON }).click();
  await signInAtProvider(page, "can-bo-phuong", "sai-mat-khau");
  await expect(page.getByRole("alert")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
  await signInAtProvider(page, "can-bo-phuong");

  await expect(page).toHaveURL(`${APP}/can-bo`, RELOAD);
  await expect(page.getByText("Đang đăng nhập:")).toContainText("Lê Minh Cường", RELOAD);
  const inbox = page.getByRole("list", { name: "Danh sách hồ sơ" });
  await expect(inbox.getByRole("link", { name: new RegExp(filed.code.replaceAll(".", "\\.")) })).toBeVisible();
  // The one-time code left no trace in the address bar.
  expect(page.url()).not.toContain("code=");
});

test("a staff page outside Zalo offers the SSO and returns to it; a citizen's account is refused", async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await desktop(browser);
  await page.goto("/can-bo");
  await page.getByRole("button", { name: SIGN_IN_BUTTON }).click();
  await signInAtProvider(page, "001190000001");
  await expect(page.getByRole("alert")).toContainText("Tài khoản một cửa này chưa được gắn với tài khoản cán bộ nào.", RELOAD);
  await expect(page).toHaveURL(`${APP}/dang-nhap`);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole("button", { name: SIGN_IN_BUTTON }).click();
  await signInAtProvider(page, "quan-tri-tinh");
  await expect(page).toHaveURL(`${APP}/can-bo`, RELOAD);
  await expect(page.getByText("Đang đăng nhập:")).toContainText("Hoàng Quốc Em", RELOAD);
});

test("an invited person accepts on a desktop with the province's SSO account", async ({ browser, request }) => {
  test.setTimeout(60_000);
  const admin = await apiSession(request, "quan-tri-tinh");
  const created = await request.post(`${API}/api/admin/invitations`, {
    headers: bearer(admin),
    data: { displayName: "Bùi Văn Lâm", role: "officer", unitId: "phuong-an-hoa", grantUnitIds: [], reason: "Cán bộ mới" },
  });
  expect(created.status()).toBe(201);
  const { token } = (await created.json()) as { token: string };

  const page = await desktop(browser);
  await page.goto(`/moi/${token}`);
  const desktopAccept = page.getByRole("region", { name: "Nhận lời mời trên máy tính" });
  await expect(desktopAccept).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await desktopAccept.getByRole("button", { name: SIGN_IN_BUTTON }).click();
  // A citizen's SSO account that no staff account holds yet.
  await signInAtProvider(page, "001302000003");

  await expect(page).toHaveURL(`${APP}/can-bo`, RELOAD);
  await expect(page.getByText("Đang đăng nhập:")).toContainText("Bùi Văn Lâm", RELOAD);
  await expect(page.getByRole("list", { name: "Danh sách hồ sơ" })).toBeVisible();
});
