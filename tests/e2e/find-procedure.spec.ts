import { expect, type Page, test } from "@playwright/test";
import { seriousA11yViolations } from "./a11y";
import { API, APP } from "./helpers";

const searchBox = (page: Page) => page.getByRole("searchbox", { name: "Tìm thủ tục hành chính" });

test("a resident types without accents, picks an instant result and reads the procedure", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: /^Dịch vụ công/ })).toBeVisible();
  await searchBox(page).fill("dang ky khai sinh");
  const suggestions = page.getByRole("region", { name: "Kết quả gợi ý" });
  await suggestions
    .getByRole("link", { name: /^Đăng ký khai sinh/ })
    .first()
    .click();

  await expect(page).toHaveURL(/\/p\/[0-9.]+$/);
  await expect(page.getByRole("heading", { level: 2, name: "Đăng ký khai sinh" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Giấy tờ cần chuẩn bị" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Phí, lệ phí" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Thời hạn giải quyết" })).toBeVisible();
});

for (const [query, expected] of [
  ["so do", /Giấy chứng nhận quyền sử dụng đất/i],
  ["bang lai", /giấy phép lái xe/i],
  ["làm CCCD", /căn cước/i],
] as const) {
  test(`searching "${query}" opens the right procedure`, async ({ page }) => {
    await page.goto("/");
    await searchBox(page).fill(query);
    await searchBox(page).press("Enter");
    await expect(page).toHaveURL(/\/search\?q=/);
    const results = page.getByRole("list", { name: "Kết quả tìm kiếm" });
    const first = results.getByRole("link").first();
    await expect(first).toContainText(expected);
    await first.click();
    await expect(page.getByRole("heading", { level: 2, name: expected })).toBeVisible();
  });
}

test("filters narrow the results and live in the URL", async ({ page }) => {
  await page.goto("/search?q=dang%20ky");
  const results = page.getByRole("list", { name: "Kết quả tìm kiếm" });
  await expect(results.getByRole("link").first()).toBeVisible();
  await page.getByLabel("Mức độ trực tuyến").selectOption("toan_trinh");
  await expect(page).toHaveURL(/level=toan_trinh/);
  await expect(results.getByText("Trực tuyến một phần")).toHaveCount(0);
  await expect(results.getByText("Trực tuyến toàn trình").first()).toBeVisible();
});

test("a /p/<code> deep link opens the procedure directly, and back leads home", async ({ page, request }) => {
  const list = await (await request.get(`${API}/api/procedures?q=ly%20lich%20tu%20phap&limit=1`)).json();
  const { code, name } = list.items[0];
  await page.goto(`/p/${code}`);
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  await expect(page.getByText(`Mã thủ tục ${code}`)).toBeVisible();
  await page.getByRole("button", { name: "Quay lại" }).click();
  await expect(page).toHaveURL(new RegExp(`^${APP}/$`));
  await expect(page.getByRole("heading", { level: 1, name: /^Dịch vụ công/ })).toBeVisible();
});

test("a /u/<unit> deep link opens the unit with its priority days and procedures", async ({ page, request }) => {
  const units = (await (await request.get(`${API}/api/units`)).json()).items as {
    id: string;
    name: string;
    kind: string;
    priorityWeekdays: number[];
  }[];
  const unit = units.find((u) => u.kind === "commune" && u.priorityWeekdays.length === 2)!;
  await page.goto(`/u/${unit.id}`);
  await expect(page.getByRole("heading", { level: 1, name: unit.name })).toBeVisible();
  await expect(page.getByText("Ngày ưu tiên hồ sơ trực tuyến")).toBeVisible();
  await expect(
    page
      .getByRole("list", { name: `Thủ tục của ${unit.name}` })
      .getByRole("link")
      .first(),
  ).toBeVisible();
});

test("a department shows how many procedures it handles, in the list and on its page, as many as it lists", async ({
  page,
  request,
}) => {
  const listed = (await (await request.get(`${API}/api/procedures?unit=so-tu-phap&limit=50`)).json()).items as unknown[];
  expect(listed.length).toBeGreaterThan(0);
  await page.goto("/units");
  const department = page.getByRole("region", { name: "Sở, ban, ngành cấp tỉnh" }).getByRole("link", { name: /^Sở Tư pháp/ });
  await expect(department).toContainText(`${listed.length} thủ tục`);
  await department.click();
  await expect(page.getByRole("heading", { level: 1, name: "Sở Tư pháp" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: `${listed.length} thủ tục` })).toBeVisible();
  await expect(page.getByRole("list", { name: "Thủ tục của Sở Tư pháp" }).getByRole("link")).toHaveCount(listed.length);
});

test("unknown procedure codes and units say so in Vietnamese", async ({ page }) => {
  await page.goto("/p/9.999999");
  await expect(page.getByRole("alert")).toContainText("Không tìm thấy thủ tục này.");
  await page.goto("/u/khong-ton-tai");
  await expect(page.getByRole("alert")).toContainText("Không tìm thấy đơn vị này.");
});

test("the home and procedure screens have no serious or critical accessibility violations", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("list", { name: "Dịch vụ thiết yếu" }).getByRole("link").first()).toBeVisible();
  await expect(page.getByRole("list", { name: "Lĩnh vực" }).getByRole("link").first()).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole("list", { name: "Dịch vụ thiết yếu" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Giấy tờ cần chuẩn bị" })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test("when the network fails the resident is told why and can retry", async ({ page }) => {
  await page.route(`${API}/api/**`, (route) => route.abort("internetdisconnected"));
  await page.goto("/");
  const essential = page.getByRole("region", { name: "Dịch vụ thiết yếu" });
  await expect(essential.getByRole("alert")).toContainText("Không kết nối được máy chủ");
  await page.unroute(`${API}/api/**`);
  await essential.getByRole("button", { name: "Thử lại" }).click();
  await expect(page.getByRole("list", { name: "Dịch vụ thiết yếu" }).getByRole("link").first()).toBeVisible();
});

test("the QR scanner explains that it needs Zalo when opened in a browser", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Quét mã QR" }).click();
  await expect(page.getByText("Quét mã QR dùng được khi mở ứng dụng trong Zalo.")).toBeVisible();
});

test("a misspelled query still leads to the procedure, and the app offers the corrected spelling", async ({ page }) => {
  await page.goto("/search");
  await searchBox(page).fill("dang kí khai sinhh");
  const results = page.getByRole("list", { name: "Kết quả tìm kiếm" });
  await expect(results.getByRole("link").first()).toContainText("Đăng ký khai sinh");
  const suggestion = page.getByRole("button", { name: "đăng ký khai sinh" });
  await expect(page.getByText("Có phải bạn muốn tìm:")).toBeVisible();

  // Tapping the suggestion searches for it: the box and the URL carry the corrected query.
  await suggestion.click();
  await expect(page).toHaveURL(/q=%C4%91%C4%83ng\+k%C3%BD\+khai\+sinh|q=%C4%91%C4%83ng%20k%C3%BD%20khai%20sinh/);
  await expect(searchBox(page)).toHaveValue("đăng ký khai sinh");
  await expect(page.getByText("Có phải bạn muốn tìm:")).toHaveCount(0);

  await results
    .getByRole("link", { name: /^Đăng ký khai sinh/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 2, name: "Đăng ký khai sinh" })).toBeVisible();
});

test("Telex leftovers and words typed together find the procedure too", async ({ page }) => {
  await page.goto("/search");
  await searchBox(page).fill("ddawng kys thuowng truus");
  const results = page.getByRole("list", { name: "Kết quả tìm kiếm" });
  await expect(results.getByRole("link").first()).toContainText("Đăng ký thường trú");
  await searchBox(page).fill("giaykhaisinh");
  await expect(results.getByRole("link").first()).toContainText("khai sinh");
});
