import { devices, expect, test } from "@playwright/test";
import { seriousA11yViolations } from "./a11y";
import { API, APP, apiSession, bearer, pickPersona } from "./helpers";

test.use({ ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } });

test("an admin adds a commune, edits it with two priority days, and merges it into another with a reason", async ({
  page,
  request,
}) => {
  // Unique per run: the API may be one a previous run left behind.
  const n = String(Date.now() % 1_000_000).padStart(6, "0");
  const name = `Xã Thử Nghiệm ${n}`;
  const admin = await apiSession(request, "quan-tri-tinh");

  await page.goto("/quan-tri/don-vi");
  await pickPersona(page, /Quản trị tỉnh/);
  await expect(page).toHaveURL(`${APP}/quan-tri/don-vi`);
  const tree = page.getByRole("list", { name: "Các đơn vị của tỉnh" });
  await expect(tree).toContainText("Phường An Hòa");
  expect(await seriousA11yViolations(page)).toEqual([]);

  // Create, with the keyboard where a counter clerk would use it.
  await page.getByRole("button", { name: "Thêm đơn vị" }).click();
  const add = page.getByRole("dialog", { name: "Thêm đơn vị" });
  await add.getByLabel("Mã đơn vị (dùng trong đường dẫn)").fill(`xa-thu-${n}`);
  await add.getByLabel("Tên đơn vị").fill(name);
  await add.getByLabel("Mã định danh điện tử").fill(`e${n}.00.00.h99`);
  await add.getByLabel("Lý do (ghi vào nhật ký thay đổi)").fill("Thành lập theo nghị quyết");
  await add.getByLabel("Lý do (ghi vào nhật ký thay đổi)").press("Tab");
  await add.getByRole("button", { name: "Lưu" }).press("Enter");
  await expect(add).toBeHidden();
  await expect(tree).toContainText(name);
  await expect(tree).toContainText(`E${n}.00.00.H99`);

  // Edit: two priority days at most; the third box is disabled once two are checked.
  await page.getByRole("button", { name: `Sửa ${name}` }).click();
  const edit = page.getByRole("dialog", { name: `Sửa ${name}` });
  await edit.getByLabel("Đường dây nóng").fill("1900 9999");
  await edit.getByLabel("Thứ Ba").check();
  await edit.getByLabel("Thứ Năm").check();
  await expect(edit.getByLabel("Thứ Sáu")).toBeDisabled();
  await edit.getByLabel("Lý do (ghi vào nhật ký thay đổi)").fill("Bổ sung đường dây nóng");
  expect(await seriousA11yViolations(page)).toEqual([]);
  await edit.getByRole("button", { name: "Lưu" }).click();
  await expect(edit).toBeHidden();
  const stored = (await (await request.get(`${API}/api/admin/units`, { headers: bearer(admin) })).json()) as {
    items: { id: string; hotline: string; priorityWeekdays: number[] }[];
  };
  expect(stored.items.find((u) => u.id === `xa-thu-${n}`)).toMatchObject({ hotline: "1900 9999", priorityWeekdays: [2, 4] });

  // Merge without a reason is refused on the page; with one it names the successor in the tree.
  await page.getByRole("button", { name: `Sáp nhập ${name}` }).click();
  const merge = page.getByRole("dialog", { name: `Sáp nhập ${name}` });
  await merge.getByLabel("Sáp nhập vào").selectOption({ label: "Phường An Hòa" });
  await merge.getByRole("button", { name: "Sáp nhập" }).click();
  await expect(merge.getByRole("alert")).toContainText("Nhập lý do");
  await merge.getByLabel("Lý do (ghi vào nhật ký thay đổi)").fill("Sắp xếp đơn vị hành chính");
  await merge.getByRole("button", { name: "Sáp nhập" }).click();
  await expect(merge).toBeHidden();
  await expect(tree).toContainText("Đã sáp nhập vào Phường An Hòa");
  await expect(page.getByRole("button", { name: `Sửa ${name}` })).toHaveCount(0);

  // Residents: the unit is gone from the list, its page (an old link or QR) names the successor.
  const unit = (await (await request.get(`${API}/api/units/xa-thu-${n}`)).json()) as { mergedInto: { name: string } };
  expect(unit.mergedInto.name).toBe("Phường An Hòa");
  await page.goto(`/u/xa-thu-${n}`);
  await expect(page.getByRole("main")).toContainText("Đơn vị đã sáp nhập vào Phường An Hòa");
  await page.getByRole("link", { name: "Phường An Hòa" }).click();
  await expect(page).toHaveURL(`${APP}/u/phuong-an-hoa`);
});
