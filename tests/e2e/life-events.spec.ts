import { expect, type Page, test } from "@playwright/test";
import { seriousA11yViolations } from "./a11y";
import { API, APP, apiSession, bearer, pickPersona } from "./helpers";

const searchBox = (page: Page) => page.getByRole("searchbox", { name: "Tìm thủ tục hành chính" });

test.describe("a resident", () => {
  test("taps a life event on the home screen and reaches the joint procedure first", async ({ page }) => {
    await page.goto("/");
    const events = page.getByRole("list", { name: "Sự kiện cuộc sống" });
    await events.getByRole("link", { name: /Sinh con/ }).click();
    await expect(page).toHaveURL(`${APP}/su-kien/sinh-con`);
    const steps = page.getByRole("list", { name: "Thủ tục khi sinh con" });
    await expect(steps.getByRole("listitem").first()).toContainText("Liên thông thủ tục hành chính về đăng ký khai sinh");
    await expect(steps.getByRole("listitem").first()).toContainText("Làm trước");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await steps.getByRole("link").first().click();
    await expect(page).toHaveURL(`${APP}/p/1.012864`);
    await expect(
      page.getByRole("heading", { level: 2, name: /^Liên thông thủ tục hành chính về đăng ký khai sinh/ }),
    ).toBeVisible();
  });

  test("types “vừa sinh con” and the event leads the results", async ({ page }) => {
    await page.goto("/");
    await searchBox(page).fill("vừa sinh con");
    // The suggestions under the box name the event too.
    await expect(page.getByRole("region", { name: "Kết quả gợi ý" }).getByRole("link", { name: /^Sinh con/ })).toBeVisible();
    await searchBox(page).press("Enter");
    await expect(page).toHaveURL(/\/search\?q=/);
    const lead = page.getByRole("region", { name: "Sự kiện: Sinh con" });
    await expect(lead).toBeVisible();
    // Nothing matches the words themselves, so the event's procedures are what the resident sees.
    await lead.getByRole("link", { name: /^Liên thông thủ tục hành chính về đăng ký khai sinh/ }).click();
    await expect(page).toHaveURL(`${APP}/p/1.012864`);
  });

  test("asks for the household book and is told what replaced it", async ({ page }) => {
    await page.goto("/search?q=s%E1%BB%95%20h%E1%BB%99%20kh%E1%BA%A9u");
    const lead = page.getByRole("region", { name: "Về Sổ hộ khẩu, sổ tạm trú" });
    await expect(lead).toContainText("hết giá trị từ 01/01/2023");
    await lead.getByRole("link", { name: "Xác nhận thông tin về cư trú" }).click();
    await expect(page).toHaveURL(`${APP}/p/1.010037`);
  });
});

test.describe("an admin", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("adds a synonym from what residents did not find, and the query then finds its procedure", async ({ page, request }) => {
    // A word no procedure has, typed by a resident, with a phone number that must not be kept.
    const word = `dạm ngõ ${Date.now().toString(36).replace(/\d/g, "")}`;
    await page.goto(`/search?q=${encodeURIComponent(`lễ ${word} 0912345678`)}`);
    await expect(page.getByText("Thủ tục được dùng nhiều")).toBeVisible();
    await expect(page.getByText("Không tìm thấy điều bạn cần?")).toBeVisible();
    const folded = `le ${word.replace("ạ", "a").replace("õ", "o")}`;

    await page.goto("/can-bo");
    await pickPersona(page, /Quản trị tỉnh/);
    await page.getByRole("link", { name: "Quản trị tỉnh" }).click();
    await page.getByRole("navigation", { name: "Quản trị" }).getByRole("link", { name: "Tìm kiếm, sự kiện" }).click();
    await expect(page).toHaveURL(`${APP}/quan-tri/tim-kiem`);
    const row = page.getByRole("list", { name: "Từ khóa không tìm thấy" }).getByRole("listitem").filter({ hasText: folded });
    await expect(row).toContainText("1 lượt");
    await expect(row).not.toContainText("0912");
    await row.getByRole("button", { name: "Thêm từ đồng nghĩa" }).click();
    await row.getByLabel("Cách gọi trong danh mục").fill("đăng ký kết hôn");
    await row.getByRole("button", { name: "Lưu từ đồng nghĩa" }).click();
    await expect(page.getByRole("list", { name: "Từ đồng nghĩa của tỉnh" })).toContainText(`${folded} → đăng ký kết hôn`);
    await expect(page.getByRole("list", { name: "Từ khóa không tìm thấy" }).getByText(folded)).toHaveCount(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    const answer = await (await request.get(`${API}/api/procedures?q=${encodeURIComponent(`lễ ${word}`)}`)).json();
    expect(answer.items[0].code).toBe("1.000894");

    // Leave no synonym behind for a later run against the same API.
    const admin = await apiSession(request, "quan-tri-tinh");
    const synonyms = await (await request.get(`${API}/api/admin/search-synonyms`, { headers: bearer(admin) })).json();
    for (const s of synonyms.items.filter((s: { keys: string[] }) => s.keys.includes(folded)))
      await request.post(`${API}/api/admin/search-synonyms/${s.id}/delete`, {
        headers: bearer(admin),
        data: { reason: "Dọn dữ liệu kiểm thử" },
      });
  });
});
