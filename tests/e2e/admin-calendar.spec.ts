import { devices, expect, test } from "@playwright/test";
import { seriousA11yViolations } from "./a11y";
import { API, APP, apiSession, bearer, pickPersona } from "./helpers";

/** This year in Vietnam (UTC+7), as the API and the page count it. */
const thisYear = Number(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4));
const years = Array.from({ length: 6 }, (_, i) => thisYear - 2 + i);
/** Three years ahead: beyond the sample calendar (2025–2027) whatever the year the tests run in. */
const ahead = thisYear + 3;

test.use({ ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } });

test("an admin manages this year, two back and three ahead; an empty year says how due dates are counted", async ({
  page,
  request,
}) => {
  // Starts from an empty year even against an API a previous run left behind.
  const admin = await apiSession(request, "quan-tri-tinh");
  const date = `${ahead}-01-01`;
  await request.delete(`${API}/api/admin/calendar/${date}`, { headers: bearer(admin) });

  await page.goto("/can-bo");
  await pickPersona(page, /Quản trị tỉnh/);
  await page.getByRole("link", { name: "Quản trị tỉnh" }).click();
  await page.getByRole("navigation", { name: "Quản trị" }).getByRole("link", { name: "Lịch làm việc" }).click();
  await expect(page).toHaveURL(`${APP}/quan-tri/lich`);

  const tabs = page.getByRole("tablist", { name: "Năm" }).getByRole("tab");
  await expect(tabs).toHaveText(years.map(String));
  await expect(page.getByRole("tab", { name: String(thisYear) })).toHaveAttribute("aria-selected", "true");

  await page.getByRole("tab", { name: String(ahead) }).click();
  const panel = page.getByRole("tabpanel");
  await expect(panel).toContainText(`Chưa có ngày nghỉ lễ, làm bù nào trong năm ${ahead}.`);
  await expect(panel).toContainText("chỉ trừ thứ Bảy, Chủ Nhật và ghi rõ là chưa tính ngày nghỉ lễ");
  expect(await seriousA11yViolations(page)).toEqual([]);

  // A year beyond the range is refused on the page, as the API refuses it.
  await page.getByRole("button", { name: "Thêm ngày" }).click();
  const add = page.getByRole("dialog", { name: "Thêm ngày vào lịch" });
  await add.getByLabel("Ngày", { exact: true }).fill(`${ahead + 1}-01-03`);
  await add.getByLabel("Tên ngày").fill("Tết Dương lịch");
  await add.getByLabel("Căn cứ (văn bản công bố)").fill("Bộ luật Lao động 2019, Điều 112");
  await add.getByRole("button", { name: "Lưu" }).click();
  await expect(add.getByRole("alert")).toContainText(`Chọn một ngày trong các năm ${years[0]}–${ahead}`);

  // Tết Dương lịch three years ahead: saved and listed under its year.
  await add.getByLabel("Ngày", { exact: true }).fill(date);
  await add.getByRole("button", { name: "Lưu" }).click();
  await expect(add).toBeHidden();
  const listed = page.getByRole("list", { name: `Ngày nghỉ lễ, làm bù năm ${ahead}` });
  await expect(listed.getByRole("listitem")).toHaveCount(1);
  await expect(listed.getByRole("listitem")).toContainText(`01/01/${ahead}`);
  await expect(listed.getByRole("listitem")).toContainText("Chưa xác minh");

  const stored = await (await request.get(`${API}/api/admin/calendar?year=${ahead}`, { headers: bearer(admin) })).json();
  expect(stored.items.map((d: { date: string }) => d.date)).toEqual([date]);
  const beyond = await request.put(`${API}/api/admin/calendar/${ahead + 1}-01-03`, {
    headers: bearer(admin),
    data: { kind: "holiday", name: "Tết Dương lịch", source: "Bộ luật Lao động 2019" },
  });
  expect(beyond.status()).toBe(400);
  expect((await request.delete(`${API}/api/admin/calendar/${date}`, { headers: bearer(admin) })).status()).toBe(204);
});
