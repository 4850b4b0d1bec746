import { type APIRequestContext, type Browser, devices, expect, type Page, test } from "@playwright/test";
import { seriousA11yViolations } from "./a11y";
import {
  API,
  APP,
  apiSession,
  bearer,
  COMMUNE_STAFF,
  idempotencyKey,
  pickPersona,
  SESSION_KEY,
  type Session,
  staffAction,
  submitTamTruByApi,
  TAM_TRU,
  tamTruVersion,
  uploadPdf,
} from "./helpers";

const ADMIN = /Quản trị tỉnh/;
const NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const MOTTO = "Độc lập - Tự do - Hạnh phúc";
const TITLE_01 = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả";
const TITLE_02 = "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ";
const TITLE_03 = "Phiếu từ chối tiếp nhận giải quyết hồ sơ";
const TITLE_04 = "Phiếu xin lỗi và hẹn lại ngày trả kết quả";

/** yyyy-MM-dd → dd/MM/yyyy, as the forms print dates. */
const ddmmyyyy = (date: string) => date.split("-").reverse().join("/");

/** The desk's desktop, where forms are printed. */
async function counterPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    ...devices["Desktop Chrome"],
    viewport: { width: 1280, height: 900 },
    baseURL: APP,
  });
  return context.newPage();
}

/** "Đăng ký tạm trú" taken at Phường An Hòa's counter: the declaration generated from the eForm, the lease scanned. */
async function counterIntake(request: APIRequestContext, officer: Session): Promise<{ code: string; dueDate: string }> {
  const scanId = await uploadPdf(request, officer, "ban-quet-hop-dong.pdf");
  const res = await request.post(`${API}/api/staff/dossiers`, {
    headers: { ...bearer(officer), "Idempotency-Key": idempotencyKey("e2e-forms") },
    data: {
      procedureCode: TAM_TRU,
      procedureVersion: await tamTruVersion(request),
      receivingUnitId: "phuong-an-hoa",
      channel: "counter",
      applicant: { fullName: "Đỗ Thị Hoa", phone: "0901234567" },
      form: {
        fullName: "Đỗ Thị Hoa",
        citizenId: "001190001234",
        tempAddress: "Số 8 đường An Hòa",
        fromDate: "2025-10-01",
        durationMonths: 6,
        phone: "0901234567",
      },
      documents: [{ docIndex: 1, fileIds: [scanId] }],
      paperDocuments: [],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

const printLinks = (page: Page) => page.getByRole("region", { name: "In phiếu" });
const sheet = (page: Page, title: string) => page.getByRole("article", { name: title });

test("a counter intake prints Mẫu 01 with the code, applicant, due date, documents and a loaded tracking QR", async ({
  browser,
  request,
}) => {
  const officer = await apiSession(request, "can-bo-phuong");
  const { code, dueDate } = await counterIntake(request, officer);
  const staff = await counterPage(browser);
  try {
    await staff.goto(`/can-bo/ho-so/${code}`);
    await pickPersona(staff, COMMUNE_STAFF);
    // Only the form that applies: the dossier was received, nothing else happened yet.
    const links = printLinks(staff).getByRole("link");
    await expect(links).toHaveText([`In phiếu Mẫu 01: ${TITLE_01}`]);
    await links.first().click();
    await expect(staff).toHaveURL(`${APP}/can-bo/ho-so/${code}/in/01`);

    const form = sheet(staff, TITLE_01);
    await expect(form).toBeVisible();
    for (const text of [
      NATION,
      MOTTO,
      "Phường An Hòa",
      code,
      "Đỗ Thị Hoa",
      "0901234567",
      "Đăng ký tạm trú",
      `mã thủ tục ${TAM_TRU}`,
      "Người nộp hồ sơ",
      "Người tiếp nhận hồ sơ",
    ]) {
      await expect(form).toContainText(text);
    }
    await expect(form).toContainText(`Thời gian trả kết quả giải quyết hồ sơ: ngày ${ddmmyyyy(dueDate)}`);
    await expect(form).toContainText(/Thời gian nhận hồ sơ: \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
    await expect(form).toContainText(/Thời gian giải quyết hồ sơ theo quy định: \d+ ngày làm việc/);
    await expect(form).toContainText(/Phí, lệ phí: [\d.]+\u00a0đ.*\(nộp trực tiếp\)/);
    // The declaration generated from the eForm, the lease scanned.
    const rows = form.getByRole("table", { name: "Thành phần hồ sơ đã nhận" }).getByRole("row");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText("Tờ khai thay đổi thông tin cư trú");
    await expect(rows.nth(1)).toContainText("Bản điện tử lập từ biểu mẫu điện tử");
    await expect(rows.nth(2)).toContainText("Bản điện tử");
    await expect(rows.nth(2)).toContainText("1 tệp");
    // The officer who registered the intake (the dev persona can-bo-phuong) signs as the one who received it.
    await expect(form.locator(".form-signature").filter({ hasText: "Người tiếp nhận hồ sơ" })).toContainText("Lê Minh Cường");

    const qr = form.getByRole("img", { name: "Mã QR tra cứu tình trạng hồ sơ" });
    await expect(qr).toBeVisible();
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
    await expect(form).toContainText("Quét mã để tra cứu tình trạng hồ sơ");
    expect(await seriousA11yViolations(staff)).toEqual([]);

    // "In phiếu" opens the browser's print dialog.
    await staff.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await staff.getByRole("button", { name: "In phiếu" }).click();
    expect(await staff.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // On paper only the form: no app header, no buttons.
    await staff.emulateMedia({ media: "print" });
    await expect(staff.locator(".app-header")).toBeHidden();
    await expect(staff.getByRole("button", { name: "In phiếu" })).toBeHidden();
    await expect(staff.getByRole("link", { name: "Quay lại hồ sơ" })).toBeHidden();
    await expect(form).toBeVisible();
    expect(await staff.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(255, 255, 255)");
    // Nothing around the form clips it to the screen: the whole of it reaches the paper.
    const clipped = await form.evaluate((sheetEl) => {
      const height = sheetEl.getBoundingClientRect().height;
      const clips: string[] = [];
      for (let el = sheetEl.parentElement; el; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (style.overflowY !== "visible" && el.getBoundingClientRect().height < height)
          clips.push(`${el.tagName}.${el.className}`);
      }
      return clips;
    });
    expect(clipped).toEqual([]);
    await staff.emulateMedia({ media: "screen" });
  } finally {
    await staff.context().close();
  }
});

test("a refused dossier prints Mẫu 03 with the reason, and no Mẫu 01", async ({ browser, request }) => {
  const resident = await apiSession(request);
  const { code } = await submitTamTruByApi(request, resident);
  const officer = await apiSession(request, "can-bo-phuong");
  const reason = "Giấy tờ chứng minh chỗ ở không đúng địa chỉ đăng ký tạm trú";
  await staffAction(request, officer, code, { action: "refuse", reason });

  const staff = await counterPage(browser);
  try {
    await staff.goto(`/can-bo/ho-so/${code}`);
    await pickPersona(staff, COMMUNE_STAFF);
    const links = printLinks(staff).getByRole("link");
    await expect(links).toHaveText([`In phiếu Mẫu 03: ${TITLE_03}`]);
    await links.first().click();
    await expect(staff).toHaveURL(`${APP}/can-bo/ho-so/${code}/in/03`);
    const form = sheet(staff, TITLE_03);
    for (const text of [NATION, MOTTO, code, "Nguyễn Văn An", "Đăng ký tạm trú", reason, "Người tiếp nhận hồ sơ"]) {
      await expect(form).toContainText(text);
    }
    await expect(staff.getByRole("button", { name: "In phiếu" })).toBeEnabled();
    expect(await seriousA11yViolations(staff)).toEqual([]);

    // A form that does not apply is refused, not printed empty.
    await staff.goto(`/can-bo/ho-so/${code}/in/01`);
    await expect(staff.getByRole("alert")).toContainText(`Hồ sơ ${code} không có Mẫu 01`);
    await expect(staff.getByRole("article")).toHaveCount(0);
  } finally {
    await staff.context().close();
  }
});

test("a supplement request and an apology print Mẫu 02 and Mẫu 04 from their latest events", async ({ browser, request }) => {
  const resident = await apiSession(request);
  const { code } = await submitTamTruByApi(request, resident);
  const officer = await apiSession(request, "can-bo-phuong");
  const accepted = await staffAction(request, officer, code, { action: "accept" });
  const newDate = `${Number(accepted.dueDate.slice(0, 4)) + 1}${accepted.dueDate.slice(4)}`;
  await staffAction(request, officer, code, {
    action: "apologise",
    reason: "Cần xác minh thêm với công an nơi cư trú cũ",
    newDate,
  });
  await staffAction(request, officer, code, {
    action: "request_supplement",
    items: ["Hợp đồng thuê nhà có công chứng", "Văn bản đồng ý của chủ hộ"],
    note: "Bản sao có chứng thực hoặc bản chính để đối chiếu",
    replyBy: newDate,
  });

  const staff = await counterPage(browser);
  try {
    await staff.goto(`/can-bo/ho-so/${code}`);
    await pickPersona(staff, COMMUNE_STAFF);
    await expect(printLinks(staff).getByRole("link")).toHaveText([
      `In phiếu Mẫu 01: ${TITLE_01}`,
      `In phiếu Mẫu 02: ${TITLE_02}`,
      `In phiếu Mẫu 04: ${TITLE_04}`,
    ]);

    await printLinks(staff)
      .getByRole("link", { name: /Mẫu 02/ })
      .click();
    const notice = sheet(staff, TITLE_02);
    await expect(notice.getByRole("listitem")).toHaveText(["Hợp đồng thuê nhà có công chứng", "Văn bản đồng ý của chủ hộ"]);
    await expect(notice).toContainText("Bản sao có chứng thực hoặc bản chính để đối chiếu");
    await expect(notice).toContainText(`Thời hạn bổ sung: trước ngày ${ddmmyyyy(newDate)}`);
    // Filed online by a resident with no registered number: the phone declared in the form.
    await expect(notice).toContainText("Số điện thoại: 0987654321");

    await staff.goto(`/can-bo/ho-so/${code}/in/04`);
    const apology = sheet(staff, TITLE_04);
    await expect(apology).toContainText("Cần xác minh thêm với công an nơi cư trú cũ");
    await expect(apology).toContainText(`hẹn trả kết quả giải quyết hồ sơ vào ngày ${ddmmyyyy(newDate)}`);
    await expect(apology).toContainText(`ngày ${ddmmyyyy(accepted.dueDate)}`);
    await expect(apology).toContainText("Thủ trưởng cơ quan, đơn vị");
    expect(await seriousA11yViolations(staff)).toEqual([]);
  } finally {
    await staff.context().close();
  }
});

test("an admin adds a holiday (unverified), verifies and renames it, then deletes it; the page passes axe", async ({
  browser,
  request,
}) => {
  const date = "2027-11-19";
  const admin = await counterPage(browser);
  const listed = (year: number) => admin.getByRole("list", { name: `Ngày nghỉ lễ, làm bù năm ${year}` });
  const day = () => listed(2027).getByRole("listitem").filter({ hasText: "19/11/2027" });
  try {
    // The way in is on the staff workspace, for admins.
    await admin.goto("/can-bo");
    await pickPersona(admin, ADMIN);
    await admin.getByRole("link", { name: "Quản trị tỉnh" }).click();
    await admin.getByRole("navigation", { name: "Quản trị" }).getByRole("link", { name: "Lịch làm việc" }).click();
    await expect(admin).toHaveURL(`${APP}/quan-tri/lich`);
    await expect(
      admin.getByText("hạn trả kết quả đã tính cho các hồ sơ đã tiếp nhận không được tính lại", { exact: false }),
    ).toBeVisible();

    await admin.getByRole("tab", { name: "2027" }).click();
    await expect(admin.getByRole("tab", { name: "2027" })).toHaveAttribute("aria-selected", "true");
    await expect(listed(2027).getByRole("listitem").filter({ hasText: "01/01/2027" })).toContainText("Tết Dương lịch");
    expect(await seriousA11yViolations(admin)).toEqual([]);

    // Added without ticking "verified": listed as "Chưa xác minh".
    await admin.getByRole("button", { name: "Thêm ngày" }).click();
    const add = admin.getByRole("dialog", { name: "Thêm ngày vào lịch" });
    await add.getByRole("button", { name: "Lưu" }).click();
    await expect(add.getByRole("alert")).toContainText("Chọn ngày");
    await add.getByLabel("Ngày", { exact: true }).fill(date);
    await expect(add.getByLabel(/Nghỉ lễ/)).toBeChecked();
    await add.getByLabel("Tên ngày").fill("Kỷ niệm ngày thành lập tỉnh (thử)");
    await add.getByLabel("Căn cứ (văn bản công bố)").fill("Dự thảo quyết định của UBND tỉnh");
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await add.getByRole("button", { name: "Lưu" }).click();
    await expect(add).toBeHidden();
    await expect(day()).toContainText("Thứ Sáu");
    await expect(day()).toContainText("Nghỉ lễ");
    await expect(day()).toContainText("Kỷ niệm ngày thành lập tỉnh (thử)");
    await expect(day()).toContainText("Căn cứ: Dự thảo quyết định của UBND tỉnh");
    await expect(day()).toContainText("Chưa xác minh");

    // The same date again is refused: it is edited instead.
    await admin.getByRole("button", { name: "Thêm ngày" }).click();
    await add.getByLabel("Ngày", { exact: true }).fill(date);
    await add.getByLabel("Tên ngày").fill("Trùng ngày");
    await add.getByLabel("Căn cứ (văn bản công bố)").fill("Không có");
    await add.getByRole("button", { name: "Lưu" }).click();
    await expect(add.getByRole("alert")).toContainText("Ngày này đã có trong lịch");
    await add.getByRole("button", { name: "Hủy" }).click();

    // Edited: verified against the official decision and renamed.
    await day().getByRole("button", { name: "Sửa ngày 19/11/2027" }).click();
    const edit = admin.getByRole("dialog", { name: "Sửa ngày 19/11/2027 (Thứ Sáu)" });
    await expect(edit.getByLabel("Ngày", { exact: true })).toHaveValue(date);
    await edit.getByLabel("Tên ngày").fill("Kỷ niệm ngày thành lập tỉnh");
    await edit.getByLabel("Căn cứ (văn bản công bố)").fill("Quyết định 99/QĐ-UBND của UBND tỉnh");
    await edit.getByLabel("Đã đối chiếu với văn bản công bố chính thức").check();
    await edit.getByRole("button", { name: "Lưu" }).click();
    await expect(edit).toBeHidden();
    await expect(day()).toContainText("Kỷ niệm ngày thành lập tỉnh");
    await expect(day()).toContainText("Quyết định 99/QĐ-UBND");
    await expect(day()).not.toContainText("Chưa xác minh");
    const session = JSON.parse((await admin.evaluate((key) => localStorage.getItem(key), SESSION_KEY))!) as Session;
    const stored = await (await request.get(`${API}/api/admin/calendar?year=2027`, { headers: bearer(session) })).json();
    expect(stored.items.find((d: { date: string }) => d.date === date)).toMatchObject({
      kind: "holiday",
      name: "Kỷ niệm ngày thành lập tỉnh",
      verified: true,
    });

    // Deleted after confirming.
    await day().getByRole("button", { name: "Xóa ngày 19/11/2027" }).click();
    const confirm = admin.getByRole("dialog", { name: "Xóa ngày khỏi lịch" });
    await expect(confirm).toContainText("Kỷ niệm ngày thành lập tỉnh");
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await confirm.getByRole("button", { name: "Xóa", exact: true }).click();
    await expect(confirm).toBeHidden();
    await expect(day()).toHaveCount(0);
    const after = await (await request.get(`${API}/api/admin/calendar?year=2027`, { headers: bearer(session) })).json();
    expect(after.items.map((d: { date: string }) => d.date)).not.toContain(date);
  } finally {
    await admin.context().close();
  }
});

test("a staff officer cannot use the calendar page: a refusal and no data", async ({ browser, request }) => {
  const staff = await counterPage(browser);
  const adminCalls: string[] = [];
  staff.on("request", (r) => {
    if (r.url().startsWith(`${API}/api/admin`)) adminCalls.push(r.url());
  });
  try {
    await staff.goto("/can-bo");
    await pickPersona(staff, COMMUNE_STAFF);
    await expect(
      staff.getByRole("list", { name: "Danh sách hồ sơ" }).or(staff.getByText("Không có hồ sơ nào trong mục này.")),
    ).toBeVisible();
    await expect(staff.getByRole("link", { name: "Quản trị tỉnh" })).toHaveCount(0);

    await staff.goto("/quan-tri/lich");
    await expect(staff.getByRole("alert")).toContainText("Trang này chỉ dành cho quản trị viên của tỉnh.");
    await expect(staff.getByRole("tablist", { name: "Năm" })).toHaveCount(0);
    await expect(staff.getByRole("button", { name: "Thêm ngày" })).toHaveCount(0);
    expect(adminCalls).toEqual([]);
    expect(await seriousA11yViolations(staff)).toEqual([]);
  } finally {
    await staff.context().close();
  }
  // And the API refuses too.
  const officer = await apiSession(request, "can-bo-phuong");
  expect((await request.get(`${API}/api/admin/calendar?year=2027`, { headers: bearer(officer) })).status()).toBe(403);
  expect(
    (
      await request.put(`${API}/api/admin/calendar/2027-11-19`, {
        headers: bearer(officer),
        data: { kind: "holiday", name: "Thử", source: "Thử" },
      })
    ).status(),
  ).toBe(403);
});
