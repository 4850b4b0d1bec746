import { devices, expect, test } from "@playwright/test";
import { seriousA11yViolations } from "./a11y";
import { APP, apiSession, pickPersona, submitTamTruByApi } from "./helpers";

test.use({ ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } });

test("an admin invites an officer, who accepts in the app and works; once disabled, the officer is signed out", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  // A dossier waiting at Phường An Hòa, for the new officer's inbox.
  const { code } = await submitTamTruByApi(request, await apiSession(request, "cu-dan-an"));

  // The admin invites an officer for Phường An Hòa.
  await page.goto("/quan-tri/can-bo");
  await pickPersona(page, /Quản trị tỉnh/);
  await expect(page.getByRole("heading", { name: "Cán bộ, quản trị viên" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Danh sách cán bộ" })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "Mời cán bộ" }).click();
  await expect(page).toHaveURL(`${APP}/quan-tri/can-bo/moi`);
  // The list's search form can still be leaving the page, so the form is found by its region.
  const invite = page.getByRole("region", { name: "Mời một người làm cán bộ" });
  await invite.getByLabel("Họ và tên người được mời").fill("Đặng Thu Hà");
  await invite.getByLabel("Vai trò").selectOption({ label: "Cán bộ một cửa" });
  await invite.getByRole("button", { name: "Tạo lời mời" }).click();
  await expect(page.getByRole("alert")).toContainText("Chọn đơn vị công tác");
  await invite.getByLabel("Đơn vị công tác").selectOption({ label: "Phường An Hòa" });
  await invite.getByLabel("Lý do (ghi vào nhật ký thay đổi)").fill("Bổ sung cán bộ một cửa cho phường");
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Tạo lời mời" }).click();

  await expect(page.getByRole("heading", { name: "Lời mời cho Đặng Thu Hà" })).toBeVisible();
  const qr = page.getByRole("img", { name: "Mã QR lời mời cho Đặng Thu Hà" });
  await expect(qr).toBeVisible();
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
  await expect(page.getByRole("button", { name: "In mã QR" })).toBeVisible();
  const link = (await page.locator(".invitation-card__link a").getAttribute("href"))!;
  expect(link).toMatch(/^https:\/\/zalo\.me\/s\/\d+\/moi\/[A-Za-z0-9_-]{43}$/);
  expect(await seriousA11yViolations(page)).toEqual([]);

  // The invited person opens the link on a phone (the in-app path the zalo.me link opens), signs in and accepts.
  const phone = await browser.newContext({ ...devices["Pixel 7"] });
  const officer = await phone.newPage();
  await officer.goto(new URL(link).pathname.replace(/^\/s\/\d+/, ""));
  await expect(officer.getByRole("heading", { name: "Lời mời làm cán bộ", level: 2 })).toBeVisible();
  await expect(officer.getByRole("main")).toContainText(
    "Hoàng Quốc Em (quản trị của tỉnh) mời Đặng Thu Hà làm Cán bộ một cửa tại Phường An Hòa",
  );
  await pickPersona(officer, /Đặng Thu Hà/);
  await expect(officer.getByRole("button", { name: "Nhận lời mời" })).toBeVisible();
  expect(await seriousA11yViolations(officer)).toEqual([]);
  await officer.getByRole("button", { name: "Nhận lời mời" }).click();

  await expect(officer).toHaveURL(`${APP}/can-bo`);
  await expect(officer.getByRole("heading", { name: "Hồ sơ cần xử lý", level: 2 })).toBeVisible();
  await expect(officer.getByRole("list", { name: "Danh sách hồ sơ" })).toContainText(code);

  // The same link does not work twice.
  const reused = await phone.newPage();
  await reused.goto(new URL(link).pathname.replace(/^\/s\/\d+/, ""));
  await expect(reused.getByRole("main")).toContainText("Lời mời này đã được sử dụng");
  await reused.close();

  // The admin finds the new officer and disables the account.
  await page.getByRole("navigation", { name: "Quản trị" }).getByRole("link", { name: "Cán bộ" }).click();
  await page.getByLabel("Họ tên").fill("Đặng Thu Hà");
  await page.getByRole("button", { name: "Lọc" }).click();
  await page.getByRole("list", { name: "Danh sách cán bộ" }).getByRole("link", { name: "Đặng Thu Hà" }).click();
  const personPage = page.getByRole("main").filter({ has: page.getByRole("heading", { name: "Đặng Thu Hà" }) });
  await expect(personPage).toContainText("Phường An Hòa");
  expect(await seriousA11yViolations(page)).toEqual([]);
  const disabling = page.getByRole("region", { name: "Khóa tài khoản" });
  await disabling.getByLabel("Lý do (ghi vào nhật ký thay đổi)").fill("Chuyển công tác khỏi phường");
  await disabling.getByRole("button", { name: "Khóa tài khoản" }).click();
  await expect(page.getByRole("heading", { name: "Mở khóa tài khoản" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Thay đổi của Đặng Thu Hà" })).toContainText("Chuyển công tác khỏi phường");

  // The officer's next request is refused: the app asks to sign in again.
  await officer.getByRole("button", { name: "Làm mới" }).click();
  await expect(officer.getByRole("heading", { name: "Chọn người dùng thử (chỉ dùng khi phát triển)" })).toBeVisible();
  await phone.close();

  // The record of changes names who did what and why.
  await page.getByRole("navigation", { name: "Quản trị" }).getByRole("link", { name: "Nhật ký thay đổi" }).click();
  const log = page.getByRole("list", { name: "Nhật ký thay đổi" });
  await expect(log.getByRole("listitem").first()).toContainText("Khóa");
  await expect(log.getByRole("listitem").first()).toContainText("Hoàng Quốc Em");
  await expect(log).toContainText("Bổ sung cán bộ một cửa cho phường");
  expect(await seriousA11yViolations(page)).toEqual([]);
});
