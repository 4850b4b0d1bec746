import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { seriousA11yViolations } from "./a11y";
import { API, APP, apiSession, bearer, linkedBinh, pickPersona, type Session, staffAction, submitTamTruByApi } from "./helpers";

const MESSAGE = "Vui lòng mang bản chính căn cước khi đến nhận kết quả.";
const NOTE = "Đã gọi điện cho chủ nhà xác minh";
const DATE_TIME = /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/;

type Notification = { id: number; code: string; title: string; body: string; createdAt: string; readAt: string | null };

async function notificationsOf(request: APIRequestContext, session: Session): Promise<Notification[]> {
  const res = await request.get(`${API}/api/me/notifications?limit=50`, { headers: bearer(session) });
  expect(res.status()).toBe(200);
  return (await res.json()).items;
}

async function markAllRead(request: APIRequestContext, session: Session) {
  const [newest] = await notificationsOf(request, session);
  if (newest)
    expect(
      (await request.post(`${API}/api/me/notifications/read`, { headers: bearer(session), data: { upTo: newest.id } })).status(),
    ).toBe(204);
}

/** The list's requests (not "mark read"). */
const isList = (url: URL) => url.origin === API && url.pathname === "/api/me/notifications";
// The page header sits inside the page's one <main>, so it is no banner landmark of its own.
const bell = (page: Page) => page.getByRole("main").getByRole("link", { name: /^Thông báo/ });
const noticeList = (page: Page) => page.getByRole("list", { name: "Danh sách thông báo" });

test("a resident is told what staff did on their dossier: unread count, the list, read on opening; internal notes and other residents' news stay out", async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const resident = await apiSession(request, "cu-dan-an");
  // Earlier journeys left news for this resident: start with nothing unread.
  await markAllRead(request, resident);
  const { code } = await submitTamTruByApi(request, resident);

  // The commune's officer accepts it, replies, and writes an internal note.
  const staff = await apiSession(request, "can-bo-phuong");
  await staffAction(request, staff, code, { action: "accept" });
  await staffAction(request, staff, code, { action: "reply", message: MESSAGE, fileIds: [] });
  await staffAction(request, staff, code, { action: "note", note: NOTE });
  const mine = (await notificationsOf(request, resident)).filter((n) => n.code === code);
  expect(mine.map((n) => n.title)).toEqual(["Tin nhắn từ cán bộ", "Cán bộ đã tiếp nhận hồ sơ"]);
  expect(JSON.stringify(mine)).not.toContain(NOTE);

  // "Hồ sơ của tôi" carries a bell with the count.
  await page.goto("/ho-so");
  await pickPersona(page);
  await expect(bell(page)).toHaveAccessibleName("Thông báo, 2 chưa đọc");
  await expect(bell(page)).toHaveText("2");

  // So does the home page's way there, once the first screen is up.
  await page.goto("/");
  const myDossiers = page.getByRole("link", { name: /^Hồ sơ của tôi/ });
  await expect(myDossiers).toHaveAccessibleName(/^Hồ sơ của tôi\s*, 2 thông báo chưa đọc$/);
  await myDossiers.click();
  await expect(page).toHaveURL(`${APP}/ho-so`);

  // Opening "Thông báo" shows both, newest first and marked unread, then reads them.
  const read = page.waitForResponse((r) => r.url() === `${API}/api/me/notifications/read` && r.request().method() === "POST");
  await bell(page).click();
  await expect(page).toHaveURL(`${APP}/thong-bao`);
  await expect(page.getByRole("heading", { level: 1, name: "Thông báo" })).toBeVisible();
  expect((await read).status()).toBe(204);
  // Read news from earlier journeys stays listed below; this dossier's two come first.
  const items = noticeList(page).getByRole("listitem");
  await expect(items.filter({ hasText: code })).toHaveCount(2);
  const [reply, accepted] = [items.nth(0), items.nth(1)];
  await expect(reply.getByRole("heading", { level: 2 })).toHaveText("Mới Tin nhắn từ cán bộ");
  await expect(reply).toContainText(`Cán bộ nhắn về hồ sơ ${code}: ${MESSAGE}`);
  await expect(reply.locator("time")).toHaveText(DATE_TIME);
  await expect(accepted.getByRole("heading", { level: 2 })).toHaveText("Mới Cán bộ đã tiếp nhận hồ sơ");
  await expect(accepted).toContainText(
    new RegExp(`Hồ sơ ${code.replace(/\./g, "\\.")} đã được tiếp nhận\\. Ngày hẹn trả kết quả: \\d{2}/\\d{2}/\\d{4}\\.`),
  );
  await expect(accepted.getByRole("link", { name: `Hồ sơ ${code}` })).toHaveAttribute("href", `/ho-so/${code}`);
  await expect(page.getByText(NOTE)).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect((await notificationsOf(request, resident)).filter((n) => n.readAt === null)).toEqual([]);

  // Back on "Hồ sơ của tôi" and at home the count is gone.
  await page.goBack();
  await expect(page).toHaveURL(`${APP}/ho-so`);
  await expect(bell(page)).toHaveAccessibleName("Thông báo");
  await expect(bell(page)).toHaveText("");
  await page.goto("/");
  await expect(page.getByRole("link", { name: /^Hồ sơ của tôi/ })).toHaveAccessibleName("Hồ sơ của tôi");

  // A notification leads to its dossier.
  await page.goto("/thong-bao");
  await expect(items.filter({ hasText: code })).toHaveCount(2);
  await expect(noticeList(page).getByText("Mới", { exact: true })).toHaveCount(0);
  await items
    .nth(0)
    .getByRole("link", { name: `Hồ sơ ${code}` })
    .click();
  await expect(page).toHaveURL(`${APP}/ho-so/${code}`);

  // Another resident sees none of it.
  const other = await apiSession(request, "cu-dan-binh");
  expect((await notificationsOf(request, other)).filter((n) => n.code === code)).toEqual([]);
  await page.goto("/thong-bao");
  await page.getByRole("button", { name: "Đổi người dùng" }).click();
  await pickPersona(page, /Trần Thị Bình/);
  await expect(page.getByText("Đang đăng nhập: Trần Thị Bình")).toBeVisible();
  await expect(page.getByText("Chưa có thông báo nào.").or(noticeList(page))).toBeVisible();
  await expect(page.getByText(code)).toHaveCount(0);
});

test('"Thông báo" loads further pages by cursor with "Xem thêm", and says when there is nothing', async ({ page, request }) => {
  const resident = await linkedBinh(request);
  const { code } = await submitTamTruByApi(request, resident);
  const staff = await apiSession(request, "can-bo-phuong");
  await staffAction(request, staff, code, { action: "accept" });
  await staffAction(request, staff, code, { action: "reply", message: MESSAGE, fileIds: [] });

  // Pages of one notification, so that these two need a second page.
  await page.route(isList, (route) => {
    const url = new URL(route.request().url());
    if (url.searchParams.has("limit")) return route.continue();
    url.searchParams.set("limit", "1");
    return route.continue({ url: url.toString() });
  });
  await page.goto("/thong-bao");
  await pickPersona(page, /Trần Thị Bình/);
  const items = noticeList(page).getByRole("listitem");
  await expect(items).toHaveCount(1);
  await expect(items.nth(0)).toContainText(MESSAGE);
  const more = page.getByRole("button", { name: "Xem thêm" });
  await more.click();
  await expect(items).toHaveCount(2);
  await expect(items.nth(1)).toContainText("Cán bộ đã tiếp nhận hồ sơ");
  await expect(items.nth(1)).toContainText(code);
  expect(await seriousA11yViolations(page)).toEqual([]);

  // Nothing yet: the page says so.
  await page.unroute(isList);
  await page.route(isList, async (route) =>
    route.fulfill({ response: await route.fetch(), json: { items: [], nextCursor: null } }),
  );
  await page.reload();
  await expect(page.getByText("Chưa có thông báo nào.")).toBeVisible();
  await expect(noticeList(page)).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
});
