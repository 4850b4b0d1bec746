import { expect, test } from "@playwright/test";
import { seriousA11yViolations } from "./a11y";
import { API, APP, apiSession, bearer, pickPersona } from "./helpers";

/** A real 1×1 PNG: the API sniffs the type from the bytes. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
const LEADER = /Lãnh đạo đơn vị: Phường An Hòa/;

test("a resident sends feedback with a photo, the unit's leader assigns and answers, the resident reads the reply", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const content = `Quầy số 3 đóng cửa trước giờ niêm yết (${Date.now()}).`;
  const reply = "Đơn vị đã nhắc nhở cán bộ và niêm yết lại giờ làm việc. Cảm ơn anh/chị.";

  // From the unit's page, the resident writes to it.
  await page.goto("/u/phuong-an-hoa");
  const unitPage = page.getByRole("main").filter({ has: page.getByRole("heading", { name: "Trả lời phản ánh, kiến nghị" }) });
  await expect(unitPage.getByRole("link", { name: /Gọi đường dây nóng/ })).toHaveAttribute("href", /^tel:\d+$/);
  await unitPage.getByRole("link", { name: "Gửi phản ánh, kiến nghị đến đơn vị" }).click();
  await expect(page).toHaveURL(`${APP}/phan-anh/moi?don-vi=phuong-an-hoa`);
  await pickPersona(page);
  const form = page.getByRole("main").filter({ has: page.getByRole("heading", { name: "Gửi phản ánh, kiến nghị" }) });
  await expect(form.getByLabel("Cơ quan nhận phản ánh")).toHaveValue("phuong-an-hoa");
  await form.getByLabel("Nội dung", { exact: true }).fill(content);
  await form.getByLabel("Thêm ảnh đính kèm").setInputFiles({ name: "quay-so-3.png", mimeType: "image/png", buffer: PNG });
  await expect(form.getByRole("list", { name: "Ảnh đã đính kèm" })).toContainText("quay-so-3.png");
  await form.getByLabel(/Cho phép công khai/).check();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await form.getByRole("button", { name: "Gửi phản ánh" }).click();

  await expect(page).toHaveURL(/\/phan-anh\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").at(-1)!;
  const sent = page.getByRole("main").filter({ has: page.getByRole("heading", { name: "Trả lời của cơ quan" }) });
  await expect(sent.getByText("Chờ phân công")).toBeVisible();
  await expect(sent.getByText(content)).toBeVisible();
  await expect(sent.getByRole("img", { name: "Ảnh đính kèm: quay-so-3.png" })).toBeVisible();
  await expect(sent.getByText("Cơ quan chưa trả lời.", { exact: false })).toBeVisible();

  // The commune's leader, on another device, sees it, assigns it and answers.
  const staffContext = await browser.newContext();
  const desk = await staffContext.newPage();
  await desk.goto("/can-bo/phan-anh");
  await pickPersona(desk, LEADER);
  const list = desk.getByRole("list", { name: "Danh sách phản ánh, kiến nghị" });
  await expect(list.getByRole("link").first()).toBeVisible();
  await desk.goto(`/can-bo/phan-anh/${id}`);
  const item = desk.getByRole("main").filter({ has: desk.getByRole("heading", { name: /^Phản ánh của Nguyễn Văn An/ }) });
  await expect(item.getByText(content)).toBeVisible();
  await expect(item.getByRole("img", { name: "Ảnh đính kèm: quay-so-3.png" })).toBeVisible();
  await item.getByLabel("Phân công cán bộ xử lý").selectOption({ label: "Lê Minh Cường" });
  await item.getByRole("button", { name: "Phân công" }).click();
  await expect(item.getByText("Cán bộ xử lý: Lê Minh Cường")).toBeVisible();
  await item.getByLabel("Trả lời người dân").fill(reply);
  await item.getByRole("button", { name: "Gửi trả lời" }).click();
  await expect(item.getByText("Đã trả lời", { exact: true }).first()).toBeVisible();
  await staffContext.close();

  // The resident is told, and the notice opens the item with the reply.
  await page.goto("/thong-bao");
  const notice = page
    .getByRole("list", { name: "Danh sách thông báo" })
    .getByRole("listitem")
    .filter({ hasText: "Đã có trả lời phản ánh, kiến nghị" })
    .first();
  await expect(notice.getByRole("link", { name: "Xem phản ánh" })).toHaveAttribute("href", `/phan-anh/${id}`);
  await notice.getByRole("link", { name: "Xem phản ánh" }).click();
  await expect(page).toHaveURL(`${APP}/phan-anh/${id}`);
  const answered = page.getByRole("main").filter({ has: page.getByRole("heading", { name: "Trả lời của cơ quan" }) });
  await expect(answered.getByText(reply)).toBeVisible();
  await expect(answered.getByText("Đã trả lời", { exact: true })).toBeVisible();

  // Allowed to be public, it is listed on the unit's page without the resident's name.
  const listed = await request.get(`${API}/api/units/phuong-an-hoa/feedback`);
  const publicText = await listed.text();
  expect(publicText).toContain(reply);
  expect(publicText).not.toContain("Nguyễn Văn An");
  // Another resident cannot read it.
  const other = await apiSession(request, "cu-dan-binh");
  expect((await request.get(`${API}/api/feedback/${id}`, { headers: bearer(other) })).status()).toBe(404);
});
