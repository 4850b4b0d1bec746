import { devices, expect, type Page, test } from "@playwright/test";
import { seriousA11yViolations } from "./a11y";
import {
  API,
  APP,
  apiSession,
  bearer,
  COMMUNE_STAFF,
  linkedBinh,
  PDF,
  pickPersona,
  staffAction,
  submitTamTruByApi,
} from "./helpers";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const inboxRow = (page: Page, code: string) =>
  page.getByRole("list", { name: "Danh sách hồ sơ" }).getByRole("link", { name: new RegExp(escapeRegExp(code)) });
const NEWS = "Mới: Người dân đã bổ sung hồ sơ";

test("an officer's inbox refreshes by itself and flags a resident's supplement answer until the officer opens it", async ({
  browser,
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const resident = await linkedBinh(request);
  const { code } = await submitTamTruByApi(request, resident);
  const officer = await apiSession(request, "can-bo-phuong");
  await staffAction(request, officer, code, { action: "accept" });
  await staffAction(request, officer, code, { action: "request_supplement", items: ["Hợp đồng thuê nhà có công chứng"] });

  // The officer's phone, with a clock the test can move on to the next refresh.
  const context = await browser.newContext({ ...devices["Pixel 7"], baseURL: APP });
  const staff = await context.newPage();
  try {
    await staff.clock.install();
    await staff.goto("/can-bo");
    await pickPersona(staff, COMMUNE_STAFF);
    const changedTab = staff.getByRole("tab", { name: /^Có cập nhật mới/ });
    await changedTab.click();
    await expect(changedTab).toHaveAttribute("aria-selected", "true");
    await expect(staff.getByRole("tabpanel")).toHaveAttribute("aria-busy", "false");
    await expect(inboxRow(staff, code)).toHaveCount(0);
    const before = Number(await changedTab.locator(".inbox-tab__count").textContent());

    // Meanwhile, on the resident's own phone, the supplement is answered.
    await page.goto(`/ho-so/${code}`);
    await pickPersona(page, /Trần Thị Bình/);
    const request5 = page.getByRole("region", { name: "Cần bổ sung hồ sơ" });
    await request5
      .getByLabel("Tải lên: Hợp đồng thuê nhà có công chứng")
      .setInputFiles({ name: "hop-dong-cong-chung.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(request5.getByRole("list", { name: "Tệp đã đính kèm: Hợp đồng thuê nhà có công chứng" })).toContainText(
      "hop-dong-cong-chung.pdf",
    );
    await request5.getByRole("button", { name: "Gửi bổ sung" }).click();
    await expect(request5).toBeHidden();

    // Nobody touches the officer's page: its next refresh brings the answer, flagged.
    await expect(inboxRow(staff, code)).toHaveCount(0);
    await staff.clock.fastForward(30_000);
    const row = inboxRow(staff, code);
    await expect(row).toContainText(NEWS);
    await expect(changedTab).toContainText(String(before + 1));
    expect(await seriousA11yViolations(staff)).toEqual([]);

    // Opening it is looking at it: back in the inbox, it is no longer new to this officer.
    await row.click();
    await expect(staff).toHaveURL(`${APP}/can-bo/ho-so/${code}`);
    await expect(staff.getByRole("region", { name: "Quá trình xử lý" })).toContainText("Đã nộp bổ sung hồ sơ");
    await staff.goBack();
    await expect(staff).toHaveURL(`${APP}/can-bo`);
    await expect(changedTab).toContainText(String(before));
    await expect(inboxRow(staff, code)).toHaveCount(0);
    await staff.getByRole("tab", { name: /^Đang xử lý/ }).click();
    await expect(inboxRow(staff, code)).toBeVisible();
    await expect(inboxRow(staff, code)).not.toContainText(NEWS);

    // The leader, who has not opened it, still finds it new.
    const leader = await apiSession(request, "lanh-dao-phuong");
    const leaders = await request.get(`${API}/api/staff/dossiers?changed=1&limit=100`, { headers: bearer(leader) });
    expect((await leaders.json()).items.map((i: { code: string }) => i.code)).toContain(code);
  } finally {
    await context.close();
  }
});
