import { expect, test } from "@playwright/test";
import { apiSession, pickPersona, RESIDENT, staffAction, submitTamTruByApi } from "./helpers";

// The e2e API takes fees through one provider: this runs when it is Zalo Checkout, as in
// `E2E_PAYMENT_PROVIDER=zalo_checkout npx playwright test tests/e2e/pay-checkout.spec.ts`.
test.skip(process.env.E2E_PAYMENT_PROVIDER !== "zalo_checkout", "runs with E2E_PAYMENT_PROVIDER=zalo_checkout");

test("a resident pays the fee through Zalo Checkout (the sandbox) without leaving the app and sees the receipt", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  // "Đăng ký tạm trú" filed online: 7.000 đ, accepted by the commune.
  const resident = await apiSession(request);
  const { code } = await submitTamTruByApi(request, resident);
  await staffAction(request, await apiSession(request, "can-bo-phuong"), code, { action: "accept" });

  await page.goto(`/ho-so/${code}`);
  await expect(page.getByRole("heading", { name: "Chọn người dùng thử (chỉ dùng khi phát triển)" })).toBeVisible({
    timeout: 30_000,
  });
  await pickPersona(page, RESIDENT);
  const fee = page
    .getByRole("main")
    .filter({ has: page.getByRole("heading", { name: "Chi tiết hồ sơ" }) })
    .getByRole("region", { name: "Phí, lệ phí" });
  await expect(fee.getByTestId("fee-status")).toHaveText("Chưa nộp", { timeout: 15_000 });
  await fee.getByRole("button", { name: "Thanh toán", exact: true }).click();

  // Checkout (outside Zalo: the sandbox) pays and calls the API back; the page stays on the dossier.
  await expect(fee.getByTestId("fee-status")).toHaveText("Đã nộp", { timeout: 15_000 });
  await expect(page).toHaveURL(new RegExp(`/ho-so/${code}$`));
  const receipt = fee.getByRole("article", { name: /^Biên lai điện tử BL-\d{4}-\d{6}$/ });
  await expect(receipt).toContainText("7.000\u00a0đ");
  await expect(receipt).toContainText(/Mã giao dịch\s*\d{12}/);
  await expect(fee.getByRole("button", { name: "Thanh toán", exact: true })).toHaveCount(0);
});
