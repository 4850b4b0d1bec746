import { readFileSync } from "node:fs";
import { type Browser, devices, expect, type Page, test } from "@playwright/test";
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
  linkedBinh,
  PDF,
  pickPersona,
  RESIDENT,
  receiptCode,
  submitButton,
  submitTamTruByApi,
  TAM_TRU,
} from "./helpers";

const RESULT_PDF = Buffer.from(
  "%PDF-1.4\n%ket-qua-dang-ky-tam-tru\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);
const STALE = "Hồ sơ vừa được người khác cập nhật, đã tải lại.";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A second browser (the officer's phone, or a desktop at the counter), apart from the resident's. */
async function officerPage(browser: Browser, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({
    ...devices["Pixel 7"],
    ...(viewport ? { viewport, isMobile: false, hasTouch: false } : {}),
    baseURL: APP,
  });
  return context.newPage();
}

const inbox = (page: Page) => page.getByRole("list", { name: "Danh sách hồ sơ" });
const inboxRow = (page: Page, code: string) => inbox(page).getByRole("link", { name: new RegExp(escapeRegExp(code)) });
const actions = (page: Page) => page.getByRole("region", { name: "Thao tác" });
const timeline = (page: Page) => page.getByRole("region", { name: "Quá trình xử lý" });

async function searchInbox(page: Page, text: string) {
  const box = page.getByRole("searchbox", { name: "Tìm theo tên, mã hồ sơ hoặc số điện thoại" });
  await box.fill(text);
  await box.press("Enter");
}

/** Opens an action's dialog from the action bar and returns it. */
async function openAction(page: Page, label: string) {
  await actions(page).getByRole("button", { name: label, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: label });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Sends the open action (its submit button repeats the action's name) and waits for the dialog to close. */
async function confirmAction(page: Page, label: string) {
  const dialog = page.getByRole("dialog", { name: label });
  await dialog.getByRole("button", { name: label, exact: true }).click();
  await expect(dialog).toBeHidden();
}

const staffHead = (page: Page) => page.getByRole("region", { name: "Đăng ký tạm trú" });

test("a dossier goes from the resident to the commune's officer and back: accept, supplement, finish, hand over, download", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const session = await apiSession(request);
  await deleteDraft(request, session, TAM_TRU);

  // The resident files online at Phường An Hòa.
  await page.goto(`/p/${TAM_TRU}/nop`);
  await pickPersona(page);
  await fillTamTru(page, "Phường An Hòa");
  await consent(page).check();
  await submitButton(page).click();
  const code = await receiptCode(page);

  const staff = await officerPage(browser);
  try {
    // The commune's officer finds it under "Mới".
    await staff.goto("/can-bo");
    await pickPersona(staff, COMMUNE_STAFF);
    await expect(staff.getByRole("tab", { name: /^Mới/ })).toHaveAttribute("aria-selected", "true");
    await expect(inbox(staff)).toBeVisible();
    await searchInbox(staff, code);
    const row = inboxRow(staff, code);
    await expect(row).toContainText("Đăng ký tạm trú");
    await expect(row).toContainText("Nguyễn Văn An");
    await expect(row).toContainText("Mới đăng ký");
    await expect(row).toContainText("Trực tuyến");
    await row.click();
    await expect(staff).toHaveURL(`${APP}/can-bo/ho-so/${code}`);
    await expect(staffHead(staff)).toContainText("Mới đăng ký");
    // Only what the lifecycle allows now: no finishing a dossier nobody accepted.
    await expect(actions(staff).getByRole("button", { name: "Tiếp nhận", exact: true })).toBeVisible();
    await expect(actions(staff).getByRole("button", { name: "Hoàn thành, có kết quả" })).toHaveCount(0);

    await openAction(staff, "Tiếp nhận");
    await confirmAction(staff, "Tiếp nhận");
    await expect(staffHead(staff)).toContainText("Được tiếp nhận");
    await expect(staffHead(staff)).toContainText(/Hạn trả kết quả\s*\d{2}\/\d{2}\/\d{4}/);

    // One supplement notice lists everything missing.
    const supplement = await openAction(staff, "Yêu cầu bổ sung");
    await supplement.getByRole("button", { name: "Yêu cầu bổ sung", exact: true }).click();
    await expect(supplement.getByRole("alert")).toContainText("Liệt kê đầy đủ giấy tờ cần bổ sung");
    await supplement.getByLabel("Giấy tờ cần bổ sung 1").fill("Hợp đồng thuê nhà có công chứng");
    await supplement.getByRole("button", { name: "Thêm mục" }).click();
    await supplement.getByLabel("Giấy tờ cần bổ sung 2").fill("Văn bản đồng ý của chủ hộ");
    await confirmAction(staff, "Yêu cầu bổ sung");
    await expect(staffHead(staff)).toContainText("Yêu cầu bổ sung giấy tờ");
    const waiting = staff.getByRole("region", { name: "Đang chờ công dân bổ sung" });
    await expect(waiting).toContainText("Hợp đồng thuê nhà có công chứng");
    await expect(waiting).toContainText("Văn bản đồng ý của chủ hộ");

    // The resident reads what is missing and answers with a PDF.
    await page.goto(`/ho-so/${code}`);
    const request5 = page.getByRole("region", { name: "Cần bổ sung hồ sơ" });
    await expect(request5).toBeVisible();
    const items = request5.getByRole("list", { name: "Giấy tờ cần bổ sung" }).getByRole("listitem");
    await expect(items).toHaveText(["Hợp đồng thuê nhà có công chứng", "Văn bản đồng ý của chủ hộ"]);
    // One slot per item: a file for the first, a few words for the second.
    await request5
      .getByLabel("Tải lên: Hợp đồng thuê nhà có công chứng")
      .setInputFiles({ name: "hop-dong-cong-chung.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(request5.getByRole("list", { name: "Tệp đã đính kèm: Hợp đồng thuê nhà có công chứng" })).toContainText(
      "hop-dong-cong-chung.pdf",
    );
    await request5.getByLabel("Trả lời: Văn bản đồng ý của chủ hộ").fill("Chủ hộ là mẹ tôi, đã ký trong tờ khai");
    await request5.getByRole("button", { name: "Gửi bổ sung" }).click();
    await expect(request5).toBeHidden();
    await expect(page.getByText("Đang giải quyết", { exact: true })).toBeVisible();

    // Back with the officer: the dossier is processing again.
    await staff.goto("/can-bo");
    await staff.getByRole("tab", { name: /^Đang xử lý/ }).click();
    await expect(staff.getByRole("tab", { name: /^Đang xử lý/ })).toHaveAttribute("aria-selected", "true");
    const processing = inboxRow(staff, code);
    await expect(processing).toContainText("Đang xử lý");
    await processing.click();
    await expect(timeline(staff)).toContainText("Đã nộp bổ sung hồ sơ");
    const answers = timeline(staff).getByRole("list", { name: "Trả lời từng mục: Đã nộp bổ sung hồ sơ" });
    await expect(answers.getByRole("listitem").first()).toContainText("hop-dong-cong-chung.pdf");
    await expect(answers).toContainText("Chủ hộ là mẹ tôi, đã ký trong tờ khai");

    const finish = await openAction(staff, "Hoàn thành, có kết quả");
    await finish
      .getByLabel("Tải lên: Kết quả giải quyết")
      .setInputFiles({ name: "ket-qua-tam-tru.pdf", mimeType: "application/pdf", buffer: RESULT_PDF });
    await expect(finish.getByRole("list", { name: "Tệp đã đính kèm: Kết quả giải quyết" })).toContainText("ket-qua-tam-tru.pdf");
    await confirmAction(staff, "Hoàn thành, có kết quả");
    await expect(staffHead(staff)).toContainText("Đã xử lý xong");

    // The fee was collected at the desk (tests/e2e/pay-fee.spec.ts pays it online).
    await openAction(staff, "Xác nhận đã thu phí");
    await confirmAction(staff, "Xác nhận đã thu phí");
    const handOver = await openAction(staff, "Trả kết quả");
    await expect(handOver.getByLabel("Trực tuyến (bản điện tử)")).toBeChecked();
    await confirmAction(staff, "Trả kết quả");
    await expect(staffHead(staff)).toContainText("Đã trả kết quả");
  } finally {
    await staff.context().close();
  }

  // The resident follows every step and downloads the result.
  await page.reload();
  for (const step of [
    "Cán bộ đã tiếp nhận hồ sơ",
    "Yêu cầu bổ sung hồ sơ",
    "Đã nộp bổ sung hồ sơ",
    "Đã có kết quả",
    "Đã trả kết quả",
  ]) {
    await expect(timeline(page)).toContainText(step);
  }
  await expect(page.getByText("Đã nhận kết quả", { exact: true })).toBeVisible();
  const results = page.getByRole("region", { name: "Kết quả giải quyết" });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    results.getByRole("button", { name: "Tải về ket-qua-tam-tru.pdf" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("ket-qua-tam-tru.pdf");
  expect(readFileSync((await download.path())!)).toEqual(RESULT_PDF);
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test("an officer acting on an outdated view is told the dossier changed and sees it reloaded; inbox and detail pass axe", async ({
  browser,
  request,
}) => {
  // The resident links VNeID at the provider first: more than the default on a loaded machine.
  test.setTimeout(60_000);
  const resident = await linkedBinh(request);
  const { code } = await submitTamTruByApi(request, resident);

  const staff = await officerPage(browser);
  try {
    await staff.goto("/can-bo");
    await pickPersona(staff, COMMUNE_STAFF);
    await expect(inbox(staff)).toBeVisible();
    await expect(staff.getByRole("tab", { name: /^Quá hạn/ })).toBeVisible();
    expect(await seriousA11yViolations(staff)).toEqual([]);

    await staff.goto(`/can-bo/ho-so/${code}`);
    await expect(staffHead(staff)).toContainText("Mới đăng ký");
    expect(await seriousA11yViolations(staff)).toEqual([]);

    // Meanwhile a colleague writes an internal note on the same dossier.
    const colleague = await apiSession(request, "can-bo-phuong");
    const opened = await request.get(`${API}/api/staff/dossiers/${code}`, { headers: bearer(colleague) });
    expect(opened.status()).toBe(200);
    const etag = opened.headers().etag!;
    expect(etag).toBe(`"${(await opened.json()).version}"`);
    const noted = await request.post(`${API}/api/staff/dossiers/${code}/actions`, {
      headers: { ...bearer(colleague), "If-Match": etag },
      data: { action: "note", note: "Đã gọi điện xác minh chỗ ở" },
    });
    expect(noted.status()).toBe(200);

    const accept = await openAction(staff, "Tiếp nhận");
    expect(await seriousA11yViolations(staff)).toEqual([]);
    await accept.getByRole("button", { name: "Tiếp nhận", exact: true }).click();
    await expect(accept).toBeHidden();
    await expect(staff.getByRole("alert").filter({ hasText: STALE })).toBeVisible();
    // The reloaded view shows the colleague's note, marked internal.
    const note = timeline(staff).getByRole("listitem").filter({ hasText: "Đã gọi điện xác minh chỗ ở" });
    await expect(note).toContainText("Ghi chú nội bộ");
    await expect(note).toContainText("Nội bộ");

    // Against the fresh version the same step goes through.
    await openAction(staff, "Tiếp nhận");
    await confirmAction(staff, "Tiếp nhận");
    await expect(staffHead(staff)).toContainText("Được tiếp nhận");
    await expect(staff.getByRole("alert").filter({ hasText: STALE })).toHaveCount(0);
  } finally {
    await staff.context().close();
  }

  // The resident never sees the internal note.
  const residentView = await request.get(`${API}/api/dossiers/${code}`, { headers: bearer(resident) });
  expect(JSON.stringify(await residentView.json())).not.toContain("Đã gọi điện xác minh chỗ ở");
});

test("at a desktop counter the inbox and the open dossier sit side by side", async ({ browser, request }) => {
  const resident = await linkedBinh(request);
  const { code } = await submitTamTruByApi(request, resident);
  const staff = await officerPage(browser, { width: 1280, height: 800 });
  try {
    await staff.goto("/can-bo");
    await pickPersona(staff, COMMUNE_STAFF);
    await expect(staff.getByText("Chọn một hồ sơ trong danh sách để xem và xử lý.")).toBeVisible();
    await searchInbox(staff, code);
    await inboxRow(staff, code).click();
    await expect(staff).toHaveURL(`${APP}/can-bo/ho-so/${code}`);
    await expect(staffHead(staff)).toBeVisible();
    // The list stays beside the dossier (once the previous screen has left), with the open row marked.
    await expect(inbox(staff)).toHaveCount(1);
    await expect(inboxRow(staff, code)).toHaveAttribute("aria-current", "page");
    const list = await inbox(staff).boundingBox();
    const detail = await staffHead(staff).boundingBox();
    expect(list && detail && list.x + list.width <= detail.x).toBe(true);
    expect(await seriousA11yViolations(staff)).toEqual([]);
  } finally {
    await staff.context().close();
  }
});

test('the inbox loads further pages by cursor with "Xem thêm"', async ({ browser, request }) => {
  const resident = await linkedBinh(request);
  await submitTamTruByApi(request, resident);
  await submitTamTruByApi(request, resident);
  const staff = await officerPage(browser);
  try {
    // Pages of one row, so that two new dossiers need a second page.
    await staff.route(`${API}/api/staff/dossiers?*`, (route) =>
      route.continue({
        url: route
          .request()
          .url()
          .replace(/([?&])limit=\d+/, "$1limit=1"),
      }),
    );
    await staff.goto("/can-bo");
    await pickPersona(staff, COMMUNE_STAFF);
    await expect(inbox(staff).getByRole("listitem")).toHaveCount(1);
    const total = Number((await staff.getByRole("tab", { name: /^Mới/ }).locator(".inbox-tab__count").textContent())!.trim());
    expect(total).toBeGreaterThanOrEqual(2);
    await staff.getByRole("button", { name: "Xem thêm" }).click();
    await expect(inbox(staff).getByRole("listitem")).toHaveCount(2);
    const codes = await inbox(staff)
      .getByRole("link")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(new Set(codes).size).toBe(2);
  } finally {
    await staff.context().close();
  }
});

test("an officer registers a dossier handed in at the counter", async ({ browser }) => {
  const staff = await officerPage(browser);
  try {
    await staff.goto("/can-bo/tiep-nhan");
    await pickPersona(staff, COMMUNE_STAFF);
    await expect(staff.getByLabel("Đơn vị tiếp nhận")).toHaveValue("phuong-an-hoa");
    await staff.getByLabel("Thủ tục").selectOption(TAM_TRU);
    await expect(staff.getByLabel("Trực tiếp tại bộ phận một cửa")).toBeChecked();
    await staff.getByRole("button", { name: "Tiếp nhận hồ sơ" }).click();
    await expect(staff.getByRole("alert").filter({ hasText: /Hồ sơ còn thiếu \d+ mục/ })).toBeVisible();

    await staff.getByLabel("Họ và tên người nộp").fill("Đỗ Thị Hoa");
    await staff.getByLabel("Số điện thoại người nộp").fill("0901234567");
    await staff.getByLabel("Họ, chữ đệm và tên người đăng ký").fill("Đỗ Thị Hoa");
    await staff.getByLabel("Số định danh cá nhân (số thẻ căn cước)").fill("001190001234");
    await staff.getByLabel("Địa chỉ nơi tạm trú").fill("Số 8 đường An Hòa");
    await staff.getByLabel("Ngày bắt đầu tạm trú").fill("2025-10-01");
    await staff.getByLabel("Thời hạn tạm trú (tháng)").fill("6");
    await staff.getByLabel("Số điện thoại liên hệ").fill("0901234567");
    // The declaration is generated from the eForm: nothing to tick or scan for it.
    await expect(staff.getByLabel("Đã nhận bản giấy: Tờ khai thay đổi thông tin cư trú")).toHaveCount(0);
    await staff
      .getByLabel("Tải lên: Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp")
      .setInputFiles({ name: "ban-quet-hop-dong.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(staff.getByText("Hồ sơ đã đủ thông tin và giấy tờ bắt buộc.")).toBeVisible();
    expect(await seriousA11yViolations(staff)).toEqual([]);
    await staff.getByRole("button", { name: "Tiếp nhận hồ sơ" }).click();

    await expect(staff).toHaveURL(/\/can-bo\/ho-so\/[0-9.A-Z]+-\d{6}-\d{4}$/);
    await expect(staffHead(staff)).toContainText("Được tiếp nhận");
    await expect(staffHead(staff)).toContainText("Đỗ Thị Hoa");
    await expect(staffHead(staff)).toContainText("Tại quầy");
    await expect(staff.getByRole("region", { name: "Giấy tờ đã nộp" })).toContainText("ban-quet-hop-dong.pdf");
  } finally {
    await staff.context().close();
  }
});

test("a resident cannot open the staff workspace: a refusal and no data", async ({ page, request }) => {
  const staffCalls: string[] = [];
  page.on("request", (r) => {
    if (r.url().startsWith(`${API}/api/staff`)) staffCalls.push(r.url());
  });
  await page.goto("/ho-so");
  await pickPersona(page, RESIDENT);
  await expect(page.getByRole("button", { name: "Đổi người dùng" })).toBeVisible();

  await page.goto("/can-bo");
  await expect(page.getByRole("alert")).toContainText("Trang này chỉ dành cho cán bộ tiếp nhận và giải quyết hồ sơ.");
  await expect(page.getByRole("tablist")).toHaveCount(0);
  await expect(inbox(page)).toHaveCount(0);
  await page.goto("/can-bo/ho-so/000.00.03.H99-250101-0001");
  await expect(page.getByRole("alert")).toContainText("Trang này chỉ dành cho cán bộ");
  await expect(actions(page)).toHaveCount(0);
  expect(staffCalls).toEqual([]);
  expect(await seriousA11yViolations(page)).toEqual([]);

  // And the API refuses too.
  const session = await apiSession(request);
  expect((await request.get(`${API}/api/staff/dossiers`, { headers: bearer(session) })).status()).toBe(403);
});
