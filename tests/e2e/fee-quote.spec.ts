import { expect, type Page, test } from "@playwright/test";
import { pickPersona } from "./helpers";

// Cấp lại giấy phép lái xe: 115.000 đ online until 31/12/2025, 135.000 đ at the counter and afterwards.
const LICENCE = "1.002807";
const LAST_ONLINE_SECOND = new Date("2025-12-31T16:59:59Z"); // 23:59:59 on 31/12/2025 in Vietnam
const AFTER_LOCAL_MIDNIGHT = new Date("2025-12-31T17:30:00Z"); // 00:30 on 01/01/2026 in Vietnam, still 31/12 in UTC
const SEARCH = `/search?q=${encodeURIComponent("cấp lại giấy phép lái xe")}`;

const fees = (page: Page) => page.getByRole("region", { name: "Phí, lệ phí" });
const card = (page: Page) =>
  page.getByRole("list", { name: "Kết quả tìm kiếm" }).getByRole("listitem").filter({ hasText: "Cấp lại giấy phép lái xe" });

test("the procedure page quotes a dated online rate until midnight in Vietnam", async ({ page }) => {
  await page.clock.setFixedTime(LAST_ONLINE_SECOND);
  await page.goto(`/p/${LICENCE}`);
  await expect(fees(page)).toContainText(/Nộp trực tuyến\s*115\.000\sđ/);
  await expect(fees(page)).toContainText("Nộp trực tuyến tiết kiệm 20.000 đ (áp dụng đến 31/12/2025)");

  await page.clock.setFixedTime(AFTER_LOCAL_MIDNIGHT);
  await page.reload();
  await expect(fees(page)).toContainText(/Nộp trực tuyến\s*135\.000\sđ/);
  await expect(fees(page)).not.toContainText("tiết kiệm");
});

test("a search result quotes both rates until midnight in Vietnam, then the counter rate alone", async ({ page }) => {
  await page.clock.setFixedTime(LAST_ONLINE_SECOND);
  await page.goto(SEARCH);
  await expect(card(page)).toContainText("Nộp trực tuyến: 115.000 đ – nộp trực tiếp: 135.000 đ");

  await page.clock.setFixedTime(AFTER_LOCAL_MIDNIGHT);
  await page.reload();
  await expect(card(page)).toContainText("135.000 đ");
  await expect(card(page)).not.toContainText("Nộp trực tuyến");
});

test("the submission page charges the online rate until midnight in Vietnam, then the counter rate", async ({ page }) => {
  await page.clock.setFixedTime(LAST_ONLINE_SECOND);
  await page.goto(`/p/${LICENCE}/nop`);
  await pickPersona(page);
  await expect(fees(page)).toContainText(/Nộp trực tuyến \(hồ sơ này\)\s*115\.000\sđ/);
  await expect(fees(page)).toContainText("Nộp trực tuyến tiết kiệm 20.000 đ (áp dụng đến 31/12/2025).");

  await page.clock.setFixedTime(AFTER_LOCAL_MIDNIGHT);
  await page.reload();
  await expect(fees(page)).toContainText(/Nộp trực tuyến \(hồ sơ này\)\s*135\.000\sđ/);
  await expect(fees(page)).not.toContainText("tiết kiệm");
});
