import { expect, type Page, test } from "@playwright/test";
import { E2E_PAYMENT_PORT } from "../../scripts/e2e-ports.mjs";
import { FEE_DUE_MESSAGE } from "../../shared/src/dossier/lifecycle";
import {
  APP,
  apiSession,
  COMMUNE_STAFF,
  otherPhone,
  RESIDENT,
  signInAs,
  staffAction,
  submitTamTruByApi,
  uploadPdf,
} from "./helpers";

// With E2E_PAYMENT_PROVIDER=zalo_checkout the e2e API takes fees through Checkout (tests/e2e/pay-checkout.spec.ts).
test.skip(process.env.E2E_PAYMENT_PROVIDER === "zalo_checkout", "the e2e API takes fees through Zalo Checkout");

const actions = (page: Page) => page.getByRole("region", { name: "Thao tác" });
const staffFee = (page: Page) => page.getByRole("region", { name: "Phí, lệ phí" });

test("a resident pays the fee in the gateway sandbox and sees the receipt; the officer hands over only after payment", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  // "Đăng ký tạm trú" filed online: 7.000 đ (15.000 đ at the counter); accepted and finished by the commune.
  const resident = await apiSession(request);
  const { code } = await submitTamTruByApi(request, resident);
  const officer = await apiSession(request, "can-bo-phuong");
  await staffAction(request, officer, code, { action: "accept" });
  await staffAction(request, officer, code, { action: "start_processing" });
  const result = await uploadPdf(request, officer, "ket-qua.pdf");
  await staffAction(request, officer, code, { action: "finish", resultFileIds: [result] });

  // The officer cannot hand the result over while the fee is due, and is told why.
  const staff = await otherPhone(browser);
  try {
    await staff.goto(`/can-bo/ho-so/${code}`);
    await signInAs(staff, COMMUNE_STAFF);
    await expect(staffFee(staff).getByRole("alert")).toHaveText(FEE_DUE_MESSAGE, { timeout: 15_000 });
    await expect(staffFee(staff).getByTestId("fee-status")).toHaveText("Chưa nộp");
    await expect(actions(staff).getByRole("button", { name: "Xác nhận đã thu phí", exact: true })).toBeVisible();
    await expect(actions(staff).getByRole("button", { name: "Miễn phí, lệ phí", exact: true })).toBeVisible();
    await expect(actions(staff).getByRole("button", { name: "Trả kết quả", exact: true })).toHaveCount(0);

    // The resident sees the fee with its online saving, and pays it at the gateway.
    await page.goto(`/ho-so/${code}`);
    await signInAs(page, RESIDENT);
    const fee = page.getByRole("region", { name: "Phí, lệ phí" });
    await expect(fee).toContainText("7.000\u00a0đ");
    await expect(fee).toContainText("Nộp trực tuyến tiết kiệm 8.000\u00a0đ so với nộp trực tiếp (15.000\u00a0đ)");
    await fee.getByRole("button", { name: "Thanh toán", exact: true }).click();

    await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${E2E_PAYMENT_PORT}/paymentv2/vpcpay\\.html`));
    await expect(page.getByRole("heading", { name: "Cổng thanh toán (thử nghiệm)" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("7.000 đ");
    await page.getByRole("button", { name: "Thanh toán", exact: true }).click();

    // Back in the app, on the dossier: the gateway's notification settled it, and the receipt is there.
    await expect(page).toHaveURL(`${APP}/ho-so/${code}?thanh-toan=ok`);
    const paidFee = page
      .getByRole("main")
      .filter({ has: page.getByRole("heading", { name: "Chi tiết hồ sơ" }) })
      .getByRole("region", { name: "Phí, lệ phí" });
    await expect(paidFee.getByTestId("fee-status")).toHaveText("Đã nộp");
    const receipt = paidFee.getByRole("article", { name: /^Biên lai điện tử BL-\d{4}-\d{6}$/ });
    await expect(receipt).toBeVisible();
    await expect(receipt).toContainText("7.000\u00a0đ");
    await expect(receipt).toContainText(/Ngày nộp\s*\d{2}\/\d{2}\/\d{4}/);
    await expect(receipt).toContainText("Kho bạc Nhà nước tỉnh An Hòa");
    await expect(paidFee.getByRole("button", { name: "Thanh toán", exact: true })).toHaveCount(0);

    // Now the officer hands the result over.
    await staff.reload();
    await expect(staffFee(staff).getByTestId("fee-status")).toHaveText("Đã nộp");
    await expect(staffFee(staff).getByRole("alert")).toHaveCount(0);
    await actions(staff).getByRole("button", { name: "Trả kết quả", exact: true }).click();
    const dialog = staff.getByRole("dialog", { name: "Trả kết quả" });
    await dialog.getByRole("button", { name: "Trả kết quả", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(staff.getByRole("region", { name: "Đăng ký tạm trú" })).toContainText("Đã trả kết quả");
  } finally {
    await staff.context().close();
  }
});
