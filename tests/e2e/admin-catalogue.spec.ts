import { readFile } from "node:fs/promises";
import { type APIRequestContext, type Browser, devices, expect, type Page, test } from "@playwright/test";
import { seriousA11yViolations } from "./a11y";
import {
  API,
  APP,
  apiSession,
  bearer,
  idempotencyKey,
  pageSettled,
  pickPersona,
  RESIDENT,
  type Session,
  uploadPdf,
} from "./helpers";

/** "Cấp bản sao Trích lục hộ tịch": commune-level, one document, no other journey edits or files it. */
const CODE = "2.000635";
const NAME = "Cấp bản sao Trích lục hộ tịch";
const ADMIN = /Quản trị tỉnh/;
/** Each run adds its own field: a run against an API an earlier run left behind finds that one already published. */
const RUN = Date.now().toString(36);
const NEW_FIELD = `Nơi đã đăng ký hộ tịch trước đây (${RUN})`;
const NEW_KEY = `noiDangKy${RUN}`;

test.use({ ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } });

type AdminView = { versions: { version: number; status: string }[]; draft: { version: number; revision: number } | null };

async function adminView(request: APIRequestContext, admin: Session): Promise<AdminView> {
  const res = await request.get(`${API}/api/admin/procedures/${CODE}`, { headers: bearer(admin) });
  expect(res.status()).toBe(200);
  return res.json();
}

/** Starts from no open draft, whatever an earlier run left behind. */
async function archiveOpenDraft(request: APIRequestContext, admin: Session) {
  const { draft } = await adminView(request, admin);
  if (!draft) return;
  const res = await request.post(`${API}/api/admin/procedures/${CODE}/versions/${draft.version}/archive`, {
    headers: { ...bearer(admin), "If-Match": `"${draft.revision}"` },
    data: { reason: "Dọn bản nháp của lần chạy thử trước" },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** A dossier filed through the API before the admin changes anything. */
async function fileDossier(request: APIRequestContext, resident: Session, version: number): Promise<string> {
  const fileId = await uploadPdf(request, resident, "to-khai-trich-luc.pdf");
  const res = await request.post(`${API}/api/dossiers`, {
    headers: { ...bearer(resident), "Idempotency-Key": idempotencyKey("catalogue") },
    data: {
      procedureCode: CODE,
      procedureVersion: version,
      receivingUnitId: "phuong-an-hoa",
      form: { fullName: "Nguyễn Văn An", citizenId: "001203004567", documentType: "khai-sinh", copies: 1, phone: "0912345678" },
      documents: [{ docIndex: 0, fileIds: [fileId] }],
      consent: true,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).code;
}

async function openProcedureAsAdmin(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    ...devices["Desktop Chrome"],
    viewport: { width: 1280, height: 900 },
    baseURL: APP,
  });
  const page = await context.newPage();
  await page.goto("/can-bo");
  await pickPersona(page, ADMIN);
  await page.getByRole("link", { name: "Quản trị tỉnh" }).click();
  // The back office opens on its dashboard; the catalogue is a section of its navigation.
  await expect(page).toHaveURL(`${APP}/quan-tri/bang-dieu-khien`);
  await page.getByRole("navigation", { name: "Quản trị" }).getByRole("link", { name: "Thủ tục" }).click();
  await expect(page).toHaveURL(`${APP}/quan-tri/thu-tuc`);
  // The previous section's page lingers while the next one slides in: look for the link marked current.
  const current = page.locator("[aria-current=page]");
  await expect(
    page.getByRole("navigation", { name: "Quản trị" }).getByRole("link", { name: "Thủ tục" }).and(current),
  ).toBeVisible();
  return page;
}

test("an admin lowers a fee and adds an eForm field; residents see the new version at once, an earlier dossier keeps its own", async ({
  browser,
  page: residentPage,
  request,
}) => {
  test.setTimeout(120_000);
  const admin = await apiSession(request, "quan-tri-tinh");
  await archiveOpenDraft(request, admin);
  const resident = await apiSession(request, "cu-dan-an");
  const before = (await (await request.get(`${API}/api/procedures/${CODE}`)).json()).version as number;
  const earlier = await fileDossier(request, resident, before);

  let published = 0;
  let shown = "";
  const page = await openProcedureAsAdmin(browser);
  try {
    // The list: filter by field, search by name; every admin page passes axe.
    await page.getByLabel("Lĩnh vực").selectOption({ label: "Hộ tịch" });
    await expect(page.getByRole("row").filter({ hasText: "Đăng ký khai sinh" }).first()).toBeVisible();
    await page.getByLabel("Mã hoặc tên thủ tục").fill("trích lục hộ tịch");
    await page.getByRole("button", { name: "Tìm" }).click();
    await expect(page.getByRole("row").filter({ hasText: "Đăng ký khai sinh" })).toHaveCount(0);
    const row = page.getByRole("row").filter({ hasText: CODE });
    await expect(row.getByRole("cell").nth(4)).toHaveText(String(before));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await row.getByRole("link", { name: NAME }).click();
    await expect(page).toHaveURL(`${APP}/quan-tri/thu-tuc/${CODE}`);

    const draft = (await adminView(request, admin)).versions[0]!.version + 1;
    await page.getByRole("button", { name: `Sửa: tạo bản nháp từ phiên bản ${before}` }).click();
    await expect(page.getByRole("heading", { name: `Bản nháp phiên bản ${draft}` })).toBeVisible();
    // The request form (tờ khai) of the only case is generated from the eForm, the catalogue says.
    const generated = page.getByLabel("Là tờ khai, đơn lập tự động từ biểu mẫu điện tử (người dân không phải tải lên)");
    await expect(generated).toHaveCount(1);
    await expect(generated).toBeChecked();

    // The online fee of the only case: 8.000 đ in the sample, lowered (another amount when a run already lowered it).
    const onlineFee = page.getByLabel("Trực tuyến: phí, lệ phí (đồng)");
    const fee = (await onlineFee.inputValue()) === "6000" ? 7000 : 6000;
    shown = `${fee / 1000}.000`;
    await onlineFee.fill(String(fee));
    await expect(page.getByText(`${shown} đ`, { exact: true })).toBeVisible();

    // A new eForm field, typed, moved up with the keyboard, shown in the resident's renderer as it is typed.
    const fields = page
      .getByRole("list", { name: "Các trường của tờ khai" })
      .getByRole("listitem")
      .filter({ has: page.locator("fieldset") });
    const count = await fields.count();
    await page.getByRole("button", { name: "Thêm trường", exact: true }).click();
    await expect(fields).toHaveCount(count + 1);
    const added = fields.nth(count);
    await expect(added.getByLabel("Nhãn")).toBeFocused();
    await expect(page.getByText("Tờ khai còn 1 lỗi")).toBeVisible();
    await added.getByLabel("Nhãn").fill(NEW_FIELD);
    await added.getByLabel("Mã trường").fill(NEW_KEY);
    await added.getByLabel("Loại").selectOption({ label: "Đoạn văn, nhiều dòng" });
    await added.getByLabel("Độ dài tối đa (ký tự)").fill("300");
    await added.getByLabel("Hướng dẫn").fill(`Ghi rõ xã, phường nơi đã đăng ký (${RUN})`);
    await expect(page.getByText("Định nghĩa tờ khai hợp lệ.")).toBeVisible();
    const preview = page.getByRole("region", { name: "Xem trước tờ khai" });
    await expect(preview.getByLabel(NEW_FIELD)).toBeVisible();
    await expect(preview.getByText(`Ghi rõ xã, phường nơi đã đăng ký (${RUN})`)).toBeVisible();

    await page.getByRole("button", { name: `Lên: chuyển “${NEW_FIELD}” lên trên` }).focus();
    await page.keyboard.press("Enter");
    await expect(fields.nth(count - 1)).toContainText(`Trường ${count}: ${NEW_FIELD}`);
    await expect(page.getByRole("button", { name: `Lên: chuyển “${NEW_FIELD}” lên trên` })).toBeFocused();
    await page.getByRole("button", { name: `Xuống: chuyển “${NEW_FIELD}” xuống dưới` }).press("Enter");
    await expect(fields.nth(count)).toContainText(`Trường ${count + 1}: ${NEW_FIELD}`);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The decision that publishes the change, after those the version already cites.
    await page.getByRole("button", { name: "Thêm văn bản" }).click();
    await page
      .getByLabel(/^Văn bản \d+: số, ký hiệu$/)
      .last()
      .fill(`15/QĐ-UBND-${RUN}`);
    await page.getByLabel("Ngày ban hành").last().fill("2026-11-20");
    await expect(page.getByText("20/11/2026", { exact: true }).last()).toBeVisible();
    await page.getByLabel("Trích yếu").last().fill("Công bố thủ tục hành chính được sửa đổi lĩnh vực hộ tịch");

    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(page.getByText(`Đã lưu bản nháp phiên bản ${draft}.`)).toBeVisible();
    await expect(page.getByText("Mọi thay đổi đã được lưu.")).toBeVisible();

    // Published now, with a reason.
    await page.getByLabel("Lý do công bố").fill("Giảm lệ phí nộp trực tuyến; hỏi thêm nơi đã đăng ký");
    await page.getByRole("button", { name: "Công bố ngay" }).click();
    await expect(page.getByText(`Đã công bố phiên bản ${draft}.`)).toBeVisible();
    published = draft;
    const versions = page.getByRole("table", { name: "Các phiên bản" });
    await expect(versions.getByRole("row").filter({ hasText: "Đang công bố" })).toContainText(String(draft));

    // The diff between the two versions names both changes.
    await page.getByLabel("Từ").selectOption(String(before));
    await page.getByLabel("Đến").selectOption(String(draft));
    await page.getByRole("button", { name: "So sánh" }).click();
    const changes = page.getByRole("list", { name: `Thay đổi từ phiên bản ${before} đến ${draft}` });
    await expect(changes).toContainText(NEW_FIELD);
    await expect(changes).toContainText(shown);
    expect(await seriousA11yViolations(page)).toEqual([]);
  } finally {
    await page.context().close();
  }

  // A resident searching finds the new version at once: the new fee, and the new field on the form.
  await residentPage.goto("/search?q=tr%C3%ADch%20l%E1%BB%A5c%20h%E1%BB%99%20t%E1%BB%8Bch");
  await residentPage
    .getByRole("link", { name: new RegExp(NAME) })
    .first()
    .click();
  await expect(residentPage).toHaveURL(`${APP}/p/${CODE}`);
  await expect(residentPage.getByText(shown).first()).toBeVisible();
  await residentPage.goto(`/p/${CODE}/nop`);
  await pickPersona(residentPage, RESIDENT);
  await expect(residentPage.getByText(`phiên bản ${published}`)).toBeVisible();
  await expect(residentPage.getByLabel(NEW_FIELD)).toBeVisible();

  // The dossier filed before keeps the version it was filed under.
  const filed = await (await request.get(`${API}/api/dossiers/${earlier}`, { headers: bearer(resident) })).json();
  expect(filed.procedureVersion.version).toBe(before);
  expect(Object.keys(filed.form)).not.toContain(NEW_KEY);
});

test("a save over another admin's newer draft is refused and offers a reload; a refused publish lists every problem", async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const admin = await apiSession(request, "quan-tri-tinh");
  await archiveOpenDraft(request, admin);
  const opened = await request.post(`${API}/api/admin/procedures/${CODE}/drafts`, { headers: bearer(admin) });
  expect(opened.status()).toBe(201);
  const draft = await opened.json();

  const page = await openProcedureAsAdmin(browser);
  try {
    await page.goto(`/quan-tri/thu-tuc/${CODE}`);
    await expect(page.getByRole("heading", { name: `Bản nháp phiên bản ${draft.version}` })).toBeVisible();

    // Another admin saves first.
    const { code, version, status, effectiveFrom, publishOn, publishedAt, revision, updatedAt, updatedBy, ...body } = draft;
    const other = await request.put(`${API}/api/admin/procedures/${CODE}/drafts/${version}`, {
      headers: { ...bearer(admin), "If-Match": `"${revision}"` },
      data: { ...body, result: "Bản sao trích lục hộ tịch (sửa bởi quản trị viên khác)" },
    });
    expect(other.status(), await other.text()).toBe(200);

    await page.getByLabel("Kết quả thực hiện").fill("Bản sao trích lục của tôi");
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    const conflict = page.getByRole("dialog", { name: "Bản nháp vừa được người khác thay đổi" });
    await expect(conflict).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await conflict.getByRole("button", { name: "Tải lại bản nháp" }).click();
    await expect(page.getByLabel("Kết quả thực hiện")).toHaveValue("Bản sao trích lục hộ tịch (sửa bởi quản trị viên khác)");

    // Server-side validation is shown by path, in Vietnamese.
    await page.getByLabel("Tên thủ tục").fill("ab");
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    const refused = page.getByRole("alert").filter({ hasText: "Chưa lưu được" });
    await expect(refused).toContainText("Tên");
    await expect(page.getByLabel("Tên thủ tục")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Tên thủ tục").fill("Cấp bản sao Trích lục hộ tịch");

    // A case without any channel and an empty fee basis cannot be published: every problem is listed.
    await page.getByLabel("Căn cứ thu phí, lệ phí").fill("");
    for (const channel of ["Trực tiếp", "Trực tuyến"]) await page.getByLabel(channel, { exact: true }).first().uncheck();
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(page.getByText("Mọi thay đổi đã được lưu.")).toBeVisible();
    await page.getByLabel("Lý do công bố").fill("Thử công bố bản chưa đủ");
    await page.getByRole("button", { name: "Công bố ngay" }).click();
    const problems = page.getByRole("alert").filter({ hasText: "Chưa công bố được" });
    await expect(problems.getByRole("listitem")).not.toHaveCount(0);
    expect(await problems.getByRole("listitem").count()).toBeGreaterThanOrEqual(2);
    expect(await seriousA11yViolations(page)).toEqual([]);
  } finally {
    await page.context().close();
    await archiveOpenDraft(request, admin);
  }
});

test("a new procedure: what the API refuses is shown beside each input in Vietnamese, then its first draft is created", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const code = `9.${Date.now().toString(36)}`;
  const page = await openProcedureAsAdmin(browser);
  try {
    await page.getByRole("link", { name: "Thêm thủ tục" }).click();
    await expect(page).toHaveURL(`${APP}/quan-tri/thu-tuc/moi`);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Tạo bản nháp" }).click();
    const refused = page.getByRole("alert").filter({ hasText: "Chưa lưu được" });
    await expect(refused).toContainText("Mã thủ tục");
    await expect(refused).toContainText("Lĩnh vực");
    await expect(page.getByLabel("Mã thủ tục")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Tên thủ tục")).toHaveAttribute("aria-invalid", "true");
    await refused.getByRole("button", { name: "Tên" }).click();
    await expect(page.getByLabel("Tên thủ tục")).toBeFocused();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel("Mã thủ tục").fill(code);
    await page.getByLabel("Tên thủ tục").fill("Thủ tục thử nghiệm của quản trị");
    await page.getByLabel("Lĩnh vực").selectOption({ label: "Hộ tịch" });
    await page.getByLabel("Cơ quan thực hiện (như công dân đọc)").fill("Ủy ban nhân dân cấp xã");
    await page.getByRole("button", { name: "Tạo bản nháp" }).click();
    await expect(page).toHaveURL(`${APP}/quan-tri/thu-tuc/${code}`);
    await expect(page.getByRole("heading", { name: "Bản nháp phiên bản 1" })).toBeVisible();
    await expect(page.getByLabel("Tên thủ tục")).toHaveValue("Thủ tục thử nghiệm của quản trị");
  } finally {
    await page.context().close();
  }
});

test("the catalogue exports as a JSON file; a file that cannot be mapped is refused whole, with a report per procedure", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const page = await openProcedureAsAdmin(browser);
  try {
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Xuất danh mục (JSON)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^danh-muc-thu-tuc-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile(await file.path(), "utf8"));
    expect(exported.format).toBe("DVCQG");
    expect(exported.procedures.length).toBeGreaterThan(50);

    await page.getByRole("button", { name: "Nhập danh mục" }).click();
    const dialog = page.getByRole("dialog", { name: "Nhập danh mục thủ tục" });
    await dialog.getByLabel(/Tệp danh mục/).setInputFiles({
      name: "danh-muc-loi.json",
      mimeType: "application/json",
      buffer: Buffer.from(
        JSON.stringify({ format: "DVCQG", procedures: [exported.procedures[0], { MATTHC: "1.999999", LAMGI: 1 }] }),
      ),
    });
    await dialog.getByLabel("Lý do nhập").fill("Thử nhập tệp có thủ tục không chuyển được");
    await dialog.getByRole("button", { name: "Nhập" }).click();
    const refused = dialog.getByRole("alert");
    await expect(refused).toContainText("Không có thay đổi nào được lưu.");
    await expect(refused.getByRole("list", { name: "Báo cáo những gì chưa chuyển được" })).toContainText("1.999999");
    expect(await seriousA11yViolations(page)).toEqual([]);
  } finally {
    await page.context().close();
  }
});
