import { expect, type Page, test } from "@playwright/test";
import { LOCAL_SSO_PASSWORD } from "../../scripts/local-sso.mjs";
import { inAppPath } from "../../shared/src/links/deep-link";
import { seriousA11yViolations } from "./a11y";
import { APP, BINH_CITIZEN_ID, consent, PDF, pickPersona, receiptCode, submitButton, TAM_TRU } from "./helpers";

/**
 * A resident who never linked VNeID starts filing: the app explains why the link is needed, what it
 * shares and that it happens once; they sign in at the local stand-in for the province's SSO and
 * come back to the same form, prefilled from VNeID (read-only) and later from their own dossiers.
 */

const BINH = /Cư dân: Trần Thị Bình/;
/** Coming back from the provider reloads the whole app, which the development server serves module by module. */
const RELOAD = { timeout: 20_000 };
const GIA_HAN_TAM_TRU = "1.010040";

/** The callback sends the browser to Zalo's deep link, which opens the mini app: here, its in-app path. */
async function openDeepLinksInApp(page: Page) {
  await page.route("https://zalo.me/**", (route) =>
    route.fulfill({ status: 302, headers: { Location: `${APP}${inAppPath(route.request().url())}` } }),
  );
}

const formPage = (page: Page) =>
  page.getByRole("main").filter({ has: page.getByRole("heading", { name: "Nộp hồ sơ trực tuyến" }) });

test("a resident without VNeID is told why, links it once and finds the form prefilled with sources", async ({ page }) => {
  test.setTimeout(90_000);
  await openDeepLinksInApp(page);
  await page.goto(`/p/${TAM_TRU}/nop`);
  await pickPersona(page, BINH);

  const explanation = page.getByRole("region", { name: "Liên kết tài khoản định danh điện tử VNeID" });
  await expect(explanation).toBeVisible();
  await expect(explanation).toContainText("Nghị định 69/2024/NĐ-CP");
  await expect(explanation.getByRole("heading", { name: "Những thông tin nào được chia sẻ?" })).toBeVisible();
  await expect(explanation).toContainText("họ và tên, số định danh cá nhân, ngày sinh, giới tính và nơi thường trú");
  await expect(explanation.getByRole("heading", { name: "Chỉ làm một lần" })).toBeVisible();
  // Nothing of the form yet: no field to type into before the link.
  await expect(page.getByLabel("Họ, chữ đệm và tên người đăng ký")).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await explanation.getByRole("button", { name: "Liên kết VNeID" }).click();
  await expect(page.getByRole("heading", { name: "Đăng nhập một cửa – Tỉnh An Hòa" })).toBeVisible();
  await page.getByLabel("Tên đăng nhập").fill(BINH_CITIZEN_ID);
  await page.getByLabel("Mật khẩu").fill(LOCAL_SSO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();

  // Back in the same form, with the identity from VNeID, read-only and naming its source.
  await expect(page).toHaveURL(`${APP}/p/${TAM_TRU}/nop?vneid=ok`, RELOAD);
  const form = formPage(page);
  const name = form.getByLabel("Họ, chữ đệm và tên người đăng ký");
  await expect(name).toHaveValue("Lê Thị Hồng Nhung", RELOAD);
  await expect(name).not.toBeEditable();
  await expect(name).toHaveAccessibleDescription(/Từ VNeID · không sửa được/);
  await expect(form.getByLabel("Số định danh cá nhân (số thẻ căn cước)")).toHaveValue(BINH_CITIZEN_ID);
  await expect(form.getByRole("heading", { name: "Thông tin đã điền sẵn" })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // The resident types the rest once and files.
  await form.getByLabel("Xã, phường tiếp nhận và giải quyết").selectOption({ label: "Phường Bình Minh" });
  await form.getByLabel("Địa chỉ nơi tạm trú").fill("Số 45, đường Trần Hưng Đạo");
  await form.getByLabel("Ngày bắt đầu tạm trú").fill("2026-11-01");
  await form.getByLabel("Thời hạn tạm trú (tháng)").fill("12");
  await form.getByLabel("Số điện thoại liên hệ").fill("0903456789");
  // The CT01 declaration is generated from the eForm; only the proof of residence is uploaded.
  await expect(form.getByLabel("Tải lên: Tờ khai thay đổi thông tin cư trú")).toHaveCount(0);
  const proof = "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp";
  await form.getByLabel(`Tải lên: ${proof}`).setInputFiles({ name: "giay-to.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(form.getByRole("list", { name: `Tệp đã đính kèm: ${proof}` })).toContainText("giay-to.pdf");
  await consent(page).check();
  await submitButton(page).click();
  const code = await receiptCode(page);

  // The next filing needs no link again, and the phone comes from that dossier, with its code and date.
  await page.goto(`/p/${GIA_HAN_TAM_TRU}/nop`);
  const next = formPage(page);
  await expect(next.getByLabel("Họ, chữ đệm và tên người yêu cầu")).toHaveValue("Lê Thị Hồng Nhung");
  const phone = next.getByLabel("Số điện thoại liên hệ");
  await expect(phone).toHaveValue("0903456789");
  await expect(phone).toBeEditable();
  await expect(phone).toHaveAccessibleDescription(
    new RegExp(`Từ hồ sơ ${code.replaceAll(".", "\\.")} ngày \\d{2}/\\d{2}/\\d{4}`),
  );
  await expect(page.getByRole("region", { name: "Liên kết tài khoản định danh điện tử VNeID" })).toHaveCount(0);
});
