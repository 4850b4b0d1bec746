import { expect, test } from "@playwright/test";
import { seriousA11yViolations } from "./a11y";
import { APP, apiSession, submitTamTruByApi } from "./helpers";

test("a stranger, not signed in, looks a dossier up by its code and the last four digits of the phone", async ({
  page,
  request,
}) => {
  const resident = await apiSession(request, "cu-dan-an");
  const { code } = await submitTamTruByApi(request, resident);

  // From home, without signing in.
  await page.goto("/");
  await page.getByRole("link", { name: "Tra cứu hồ sơ" }).click();
  await expect(page).toHaveURL(`${APP}/tra-cuu`);
  const lookup = page.getByRole("main").filter({ has: page.getByRole("heading", { name: "Tra cứu bằng mã hồ sơ" }) });
  await expect(lookup.getByRole("link", { name: /Gọi đường dây nóng/ })).toHaveAttribute("href", /^tel:\d+$/);

  // Wrong digits: nothing about the dossier, the hotline to call.
  await lookup.getByLabel("Mã hồ sơ", { exact: true }).fill(code);
  await lookup.getByLabel("4 số cuối điện thoại hoặc căn cước").fill("0000");
  await lookup.getByRole("button", { name: "Tra cứu" }).click();
  await expect(lookup.getByRole("heading", { name: "Không tìm thấy hồ sơ" })).toBeVisible();
  await expect(lookup.getByText("Đăng ký tạm trú")).toHaveCount(0);

  // The phone on the form (0987 654 321) ends in 4321.
  await lookup.getByLabel("4 số cuối điện thoại hoặc căn cước").fill("4321");
  await lookup.getByRole("button", { name: "Tra cứu" }).click();
  const found = lookup.getByRole("region", { name: /Đăng ký tạm trú/ });
  await expect(found).toContainText(code);
  await expect(found).toContainText("Phường An Hòa");
  await expect(found).not.toContainText("Nguyễn Văn An");
  expect(await page.evaluate((key) => localStorage.getItem(key), "mot-cua.session")).toBeNull();
  expect(await seriousA11yViolations(page)).toEqual([]);
});
