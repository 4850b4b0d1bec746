import { expect, test } from "@playwright/test";
import { seriousA11yViolations } from "./a11y";
import { APP } from "./helpers";

test("a resident opens a unit's public figures from its page, then the province's", async ({ page }) => {
  await page.goto("/u/phuong-an-hoa");
  await page.getByRole("link", { name: "Kết quả giải quyết hồ sơ của đơn vị" }).click();
  await expect(page).toHaveURL(`${APP}/u/phuong-an-hoa/so-lieu`);
  await expect(page).toHaveTitle(/Kết quả giải quyết hồ sơ/);
  const figures = page.getByRole("definition");
  const unit = page.getByLabel("Kết quả của Phường An Hòa");
  await expect(unit).toContainText("Hồ sơ giải quyết đúng hạn");
  await expect(unit).toContainText("Hồ sơ nộp trực tuyến");
  await expect(unit).toContainText("Thời gian giải quyết trung bình");
  await expect(unit).toContainText(/Mức độ hài lòng của người dân\s*Chưa có số liệu/);
  // Rates are written the Vietnamese way, with a comma decimal.
  await expect(figures.first()).toHaveText(/^(\d+(,\d)?%|Chưa có số liệu)$/);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole("link", { name: "Kết quả của toàn tỉnh" }).click();
  await expect(page).toHaveURL(`${APP}/so-lieu`);
  // Anchored: the unit page being left still links "Thông tin và thủ tục của Phường An Hòa".
  await expect(page.getByRole("link", { name: /^Phường An Hòa/ })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test("the province's figures are linked from the list of units", async ({ page }) => {
  await page.goto("/units");
  await page.getByRole("link", { name: "Kết quả giải quyết hồ sơ của tỉnh" }).click();
  await expect(page).toHaveURL(`${APP}/so-lieu`);
  await expect(page.getByRole("heading", { name: /tháng \d{2}\/\d{4}/ }).first()).toBeVisible();
});
