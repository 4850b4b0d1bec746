import { expect, type Page, test } from "@playwright/test";
import { API, consent, fillTamTru, pickPersona, receiptCode, submitButton, TAM_TRU } from "./helpers";

const optIn = (page: Page) => page.getByRole("region", { name: "Nhận thông báo qua Zalo" });

async function fileTamTru(page: Page) {
  await page.goto(`/p/${TAM_TRU}/nop`);
  await fillTamTru(page);
  await consent(page).check();
  await submitButton(page).click();
  return receiptCode(page);
}

test("a resident is asked to allow Zalo messages after a first submission, with the reason, and not after the second", async ({
  page,
}) => {
  test.setTimeout(90_000);
  // Never at launch: the home screen asks nothing.
  await page.goto("/");
  await expect(page.getByRole("searchbox", { name: "Tìm thủ tục hành chính" })).toBeVisible();
  await expect(optIn(page)).toHaveCount(0);

  await page.goto(`/p/${TAM_TRU}/nop`);
  // A persona sign-in starts its answer over, as a resident who never answered.
  await pickPersona(page);
  await fillTamTru(page);
  await consent(page).check();
  await submitButton(page).click();
  await receiptCode(page);
  const asked = optIn(page);
  await expect(asked).toBeVisible();
  await expect(asked).toContainText("để nhận thông báo khi hồ sơ cần bổ sung hoặc có kết quả");
  const recorded = page.waitForResponse((r) => r.url() === `${API}/api/me/zalo-messages` && r.request().method() === "POST");
  await asked.getByRole("button", { name: "Cho phép nhận tin nhắn" }).click();
  expect((await recorded).status()).toBe(204);
  await expect(optIn(page)).toHaveCount(0);
  await expect(page.getByText("Bạn sẽ nhận thông báo về hồ sơ qua Zalo.")).toBeVisible();

  await fileTamTru(page);
  await expect(page.getByRole("region", { name: "Thông tin hồ sơ" })).toBeVisible();
  await expect(optIn(page)).toHaveCount(0);
});
