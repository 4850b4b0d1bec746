import { readFileSync } from "node:fs";
import { devices, expect, type Page, test } from "@playwright/test";
import { seriousA11yViolations } from "./a11y";
import { APP, apiSession, pageSettled, pickPersona, staffAction, submitTamTruByApi } from "./helpers";

test.use({ ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } });
// Journeys across several pages, each reading a month of figures.
test.describe.configure({ timeout: 90_000 });

const COMMUNE = "Phường An Hòa";

/** YYYY-MM of now in Vietnam, moved by `delta` months. */
function vietnamMonth(delta = 0): string {
  const local = new Date(Date.now() + 7 * 3_600_000);
  const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + delta, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

const unitRow = (page: Page, name: string | RegExp) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });

test("an admin sets online-rate targets from the suggestion, and the dashboard shows them", async ({ page }) => {
  // Unique per run: the API may be one a previous run left behind.
  const decision = `${String(Date.now() % 100_000)}/QĐ-UBND`;
  await page.goto("/quan-tri/chi-tieu");
  await pickPersona(page, /Quản trị tỉnh/);
  await expect(page).toHaveTitle(/Chỉ tiêu/);
  await page.getByLabel("Chỉ số", { exact: true }).selectOption({ label: "Tỷ lệ hồ sơ trực tuyến" });
  await page.getByLabel("Mục tiêu của tỉnh (%)").fill("60");
  await page.getByRole("button", { name: "Xem đề xuất" }).click();

  const table = page.getByRole("table", { name: "Chỉ tiêu từng đơn vị" });
  await expect(table).toBeVisible();
  await page.getByRole("button", { name: "Áp dụng đề xuất" }).click();
  const commune = table.getByLabel(`Chỉ tiêu mới của ${COMMUNE} (%)`);
  await expect(commune).not.toHaveValue("");
  expect(await seriousA11yViolations(page)).toEqual([]);

  // A value other than the suggestion needs a reason; the decision needs its number and date.
  await commune.fill("97,5");
  await page.getByRole("button", { name: "Lưu chỉ tiêu" }).click();
  await expect(page.getByText("Nhập số quyết định giao chỉ tiêu")).toBeVisible();
  await page.getByLabel("Số quyết định giao chỉ tiêu").fill(decision);
  await page.getByLabel("Ngày ký quyết định").fill(`${vietnamMonth().slice(0, 4)}-01-15`);
  await page.getByRole("button", { name: "Lưu chỉ tiêu" }).click();
  await expect(page.getByText("Ghi lý do khi chỉ tiêu khác đề xuất (ít nhất 3 ký tự)")).toBeVisible();
  await table.getByLabel(`Lý do chỉ tiêu của ${COMMUNE} khác đề xuất`).fill("Phường trung tâm, đã số hóa nhiều");
  await page.getByRole("button", { name: "Lưu chỉ tiêu" }).click();
  await expect(page.getByText(/Đã lưu chỉ tiêu của \d+ đơn vị/)).toBeVisible();

  // The table now names the decision as the current target, and the unit's history lists it.
  await expect(unitRow(page, new RegExp(COMMUNE))).toContainText(`QĐ ${decision}`);
  await page.getByRole("button", { name: `Lịch sử chỉ tiêu của ${COMMUNE}` }).click();
  const history = page.getByRole("dialog", { name: `Lịch sử chỉ tiêu: ${COMMUNE}` });
  await expect(history).toContainText(`Quyết định số ${decision}`);
  await expect(history).toContainText("97,5%");
  await history.getByRole("button", { name: "Đóng" }).click();

  // The dashboard: the first section of the back office, the unit against its new target.
  await page.getByRole("navigation", { name: "Quản trị" }).getByRole("link", { name: "Bảng điều khiển" }).click();
  await expect(page).toHaveURL(`${APP}/quan-tri/bang-dieu-khien`);
  await expect(page).toHaveTitle(/Bảng điều khiển/);
  await pageSettled(page);
  const row = unitRow(page, COMMUNE);
  await expect(row).toContainText("/ 97,5%");
  // Where it stands, in words as well as colour.
  await expect(row).toContainText(/Đạt|Gần đạt|Chưa đạt|Chưa có hồ sơ/);
  await expect(page.getByRole("heading", { name: /Quyết định 766/ })).toContainText("Ước tính");
  // Online payment is not measured yet, and said so; satisfaction is measured from the ratings.
  const overview = page.getByRole("region", { name: /^Toàn tỉnh tháng/ });
  await expect(overview.getByRole("definition").filter({ hasText: "Chưa đo" })).toHaveCount(1);
  await expect(overview).toContainText(/Đánh giá: \d+ rất hài lòng, \d+ hài lòng, \d+ không hài lòng/);
  await expect(page.getByRole("figure", { name: "Tỷ lệ hồ sơ trực tuyến theo tháng" })).toBeVisible();
  // The online rate says whether postal dossiers are in its denominator, as the setting below does.
  const postal = page.getByLabel("Tính hồ sơ nộp qua bưu chính vào mẫu số");
  await expect(overview).toContainText(
    (await postal.isChecked()) ? "Mẫu số gồm hồ sơ trực tuyến, trực tiếp và qua bưu chính." : "không tính hồ sơ qua bưu chính",
  );
  await postal.setChecked(!(await postal.isChecked()));
  await expect(page.getByLabel("Lý do (ghi vào nhật ký thay đổi)")).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test("an admin drills down from a unit to the dossiers behind a figure and opens one in the workspace", async ({
  page,
  request,
}) => {
  // A dossier accepted this month at the commune: behind its "received" figure.
  const resident = await apiSession(request, "cu-dan-an");
  const { code } = await submitTamTruByApi(request, resident);
  await staffAction(request, await apiSession(request, "can-bo-phuong"), code, { action: "accept" });

  await page.goto("/quan-tri/bang-dieu-khien");
  await pickPersona(page, /Quản trị tỉnh/);
  await unitRow(page, COMMUNE).getByRole("link", { name: COMMUNE }).click();
  await expect(page).toHaveURL(new RegExp(`${APP}/quan-tri/bang-dieu-khien/phuong-an-hoa`));
  await expect(page.getByRole("heading", { name: new RegExp(`${COMMUNE} tháng`) })).toBeVisible();
  await expect(page.getByRole("table", { name: "Kết quả theo thủ tục" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Kết quả của từng cán bộ" })).toBeVisible();
  // The overdue dossiers come first: the figure a leader acts on.
  const figure = page.getByLabel("Chỉ số", { exact: true });
  await expect(figure).toHaveValue("overdue");
  await expect(
    page.getByRole("table", { name: "Hồ sơ: Quá hạn đang xử lý" }).or(page.getByText("Không có hồ sơ nào.")),
  ).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await figure.selectOption({ label: "Tiếp nhận trong tháng" });
  const list = page.getByRole("table", { name: "Hồ sơ: Tiếp nhận trong tháng" });
  const link = list.getByRole("link", { name: code });
  // Paged by 50: a long-lived test API may hold more this month.
  for (let i = 0; i < 10 && !(await link.isVisible()); i++) {
    const more = page.getByRole("button", { name: "Xem thêm" });
    if (!(await more.isVisible())) break;
    await more.click();
    await expect(more.or(link)).toBeVisible();
  }
  await link.click();
  await expect(page).toHaveURL(`${APP}/can-bo/ho-so/${encodeURIComponent(code)}`);
  // The drill-down's page may still be leaving while the workspace loads the dossier.
  const desk = page.getByRole("main").filter({ has: page.getByRole("heading", { name: "Xử lý hồ sơ" }) });
  await expect(desk).toContainText(code, { timeout: 15_000 });
});

test("an admin prepares the monthly report, downloads it as CSV and opens its printable page", async ({ page }) => {
  const month = vietnamMonth(-1);
  const [mm, yyyy] = [month.slice(5), month.slice(0, 4)];
  await page.goto("/quan-tri/bao-cao");
  await pickPersona(page, /Quản trị tỉnh/);
  await expect(page).toHaveTitle(/Báo cáo tháng/);
  // The nightly job prepares it on the 1st; an admin can do it at once, with a reason.
  const prepare = page.getByRole("form", { name: "Lập báo cáo tháng" });
  await expect(prepare.getByLabel("Tháng")).toHaveValue(month);
  await prepare.getByRole("button", { name: "Lập báo cáo" }).click();
  await expect(prepare.getByText("Nhập lý do (ít nhất 3 ký tự)")).toBeVisible();
  await prepare.getByLabel("Lý do (ghi vào nhật ký thay đổi)").fill("Lập sớm để họp giao ban");
  await prepare.getByRole("button", { name: "Lập báo cáo" }).click();
  await expect(page).toHaveURL(`${APP}/quan-tri/bao-cao/${month}`);
  const report = page.getByRole("article", { name: `BÁO CÁO KẾT QUẢ THÁNG ${mm}/${yyyy}` });
  await expect(report).toContainText("ỦY BAN NHÂN DÂN");
  await expect(report).toContainText(/An Hòa, ngày \d{2} tháng \d{2} năm \d{4}/);
  await expect(report.getByRole("heading", { name: "II. Đơn vị được biểu dương" })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Tải CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`bao-cao-thang-${month}.csv`);
  const bytes = readFileSync((await file.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8").slice(1, 200)).toMatch(/Đơn vị/);

  // Printing shows the A4 document alone: navigation and buttons are not on paper.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Quản trị" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Tải CSV" })).toBeHidden();
  await expect(report).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  await page.getByLabel("Ý kiến rà soát").fill("Đã đối chiếu với số liệu của các đơn vị");
  await page.getByRole("button", { name: "Đánh dấu đã rà soát" }).click();
  await expect(page.getByText("Đã rà soát", { exact: true })).toBeVisible();

  // The list names the month as reviewed.
  await page.getByRole("link", { name: "Tất cả báo cáo" }).click();
  await expect(page.getByRole("row").filter({ has: page.getByRole("link", { name: `Tháng ${mm}/${yyyy}` }) })).toContainText(
    "Đã rà soát",
  );
});

test("a unit leader sees only their unit, from a link in the workspace", async ({ page }) => {
  await page.goto("/can-bo");
  await pickPersona(page, /Lãnh đạo đơn vị: Phường An Hòa/);
  await page.getByRole("link", { name: "Số liệu và chỉ tiêu của đơn vị" }).click();
  await expect(page).toHaveURL(`${APP}/quan-tri/bang-dieu-khien`);
  await expect(page.getByRole("heading", { name: /Đơn vị của bạn tháng/ })).toBeVisible();
  const units = page.getByRole("table", { name: /kết quả tháng/ }).getByRole("rowheader");
  await expect(units).toHaveText([COMMUNE]);
  await expect(page.getByRole("navigation", { name: "Quản trị" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /Quyết định 766/ })).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await units.getByRole("link", { name: COMMUNE }).click();
  await expect(page.getByRole("heading", { name: "Kết quả của từng cán bộ" })).toBeVisible();
});
