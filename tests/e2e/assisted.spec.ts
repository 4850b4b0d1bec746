import { devices, expect, test } from "@playwright/test";
import { inAppPath } from "../../shared/src/links/deep-link";
import { seriousA11yViolations } from "./a11y";
import {
  API,
  APP,
  apiSession,
  bearer,
  fillTamTru,
  PDF,
  pickPersona,
  RESIDENT,
  receiptCode,
  TAM_TRU,
  tamTruVersion,
  uploadPdf,
} from "./helpers";

const HELPER = /Tổ công nghệ số cộng đồng: Phường An Hòa/;

test("a team member files for a resident, who consents in their own Zalo and owns the dossier", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  // The team member lands on their page, then fills the usual form in assisted mode.
  await page.goto("/ho-tro");
  await pickPersona(page, HELPER);
  await expect(page.getByRole("heading", { name: "Nộp hồ sơ mới cho người dân" })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.goto(`/p/${TAM_TRU}/nop`);
  await expect(page.getByRole("heading", { name: "Người dân được hỗ trợ" })).toBeVisible();
  await expect(page.getByLabel(/Tôi đồng ý cho cơ quan giải quyết/)).toHaveCount(0);
  await page.getByLabel("Họ và tên người dân").fill("Nguyễn Văn An");
  await fillTamTru(page, undefined, { typed: true });
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Tạo mã để người dân đồng ý" }).click();

  // Nothing is filed yet: a one-time QR and link for the resident.
  await expect(page).toHaveURL(/\/ho-tro$/);
  const card = page.getByRole("region", { name: "Mã xác nhận cho Nguyễn Văn An" });
  await expect(card.getByRole("img", { name: /Mã QR xác nhận hồ sơ/ })).toBeVisible();
  const waiting = page.getByRole("region", { name: "Chờ người dân đồng ý" });
  await expect(waiting).toContainText("Nguyễn Văn An");
  expect(await seriousA11yViolations(page)).toEqual([]);
  const link = (await card.getByRole("link").getAttribute("href"))!;
  const consentPath = inAppPath(link)!;
  expect(consentPath).toMatch(/^\/uy-quyen\/[A-Za-z0-9_-]{43}$/);

  // The resident opens it on their own phone, signed in as themselves.
  const phone = await browser.newContext({ ...devices["Pixel 7"], baseURL: APP });
  const resident = await phone.newPage();
  await resident.goto(consentPath);
  await pickPersona(resident, RESIDENT);
  await expect(resident.getByText(/Đỗ Văn Hải/)).toBeVisible();
  await expect(resident.getByText(/Hồ sơ sẽ thuộc về bạn/)).toBeVisible();
  await expect(resident.getByRole("heading", { name: "Giấy tờ đính kèm" })).toBeVisible();
  expect(await seriousA11yViolations(resident)).toEqual([]);
  await resident.getByRole("button", { name: "Đồng ý và nộp" }).click();
  const code = await receiptCode(resident);

  // It is the resident's: listed under their dossiers, naming who helped.
  await resident.goto(`/ho-so/${code}`);
  await expect(resident.getByText("Nộp trực tuyến với sự hỗ trợ của Tổ công nghệ số cộng đồng: Đỗ Văn Hải")).toBeVisible();
  const session = await apiSession(request, "cu-dan-an");
  const mine = await request.get(`${API}/api/dossiers?limit=50`, { headers: bearer(session) });
  expect(((await mine.json()).items as { code: string }[]).map((d) => d.code)).toContain(code);

  // The link is spent; the team member sees the dossier's summary only.
  await resident.goto(consentPath);
  await expect(resident.getByText(/đã được xác nhận và nộp/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Hồ sơ đã nộp giúp người dân" })).toContainText(code);
  await phone.close();
});

test("for a resident without a smartphone, the team member files with the signed consent and hands over the code", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  // A team member cannot stand in for VNeID: paper consent only where the province relaxed the rule.
  const admin = await apiSession(request, "quan-tri-tinh");
  const relaxation = `${API}/api/admin/vneid-relaxations/${TAM_TRU}`;
  expect(
    (await request.put(relaxation, { headers: bearer(admin), data: { reason: "Thí điểm nộp hộ có giấy đồng ý" } })).status(),
  ).toBe(200);
  const helper = await apiSession(request, "to-cong-nghe");
  const fileId = await uploadPdf(request, helper, "to-khai.pdf");
  const prepared = await request.post(`${API}/api/assisted`, {
    headers: bearer(helper),
    data: {
      applicantName: "Trần Thị Cúc",
      submission: {
        procedureCode: TAM_TRU,
        procedureVersion: await tamTruVersion(request),
        receivingUnitId: "phuong-an-hoa",
        form: {
          fullName: "Trần Thị Cúc",
          citizenId: "001203004568",
          tempAddress: "Số 2 đường Hòa Bình",
          fromDate: "2025-10-01",
          durationMonths: 6,
          phone: "0987654322",
        },
        documents: [
          { docIndex: 0, fileIds: [fileId] },
          { docIndex: 1, fileIds: [fileId] },
        ],
      },
    },
  });
  expect(prepared.status()).toBe(201);

  await page.goto("/ho-tro");
  await pickPersona(page, HELPER);
  const item = page
    .getByRole("region", { name: "Chờ người dân đồng ý" })
    .getByRole("listitem")
    .filter({ hasText: "Trần Thị Cúc" });
  await item.first().getByRole("button", { name: "Người dân không dùng điện thoại thông minh" }).click();
  const form = page.getByRole("form", { name: "Giấy đồng ý của Trần Thị Cúc" }).first();
  await form.getByRole("button", { name: "Nộp hồ sơ với giấy đồng ý" }).click();
  await expect(form.getByText("Vui lòng tải lên ảnh giấy đồng ý có chữ ký")).toBeVisible();
  await form
    .getByLabel("Tải lên: Giấy đồng ý có chữ ký")
    .setInputFiles({ name: "giay-dong-y.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(form.getByRole("list", { name: "Tệp đã đính kèm: Giấy đồng ý có chữ ký" })).toContainText("giay-dong-y.pdf");
  await form.getByLabel("Số điện thoại").fill("0987654322");
  expect(await seriousA11yViolations(page)).toEqual([]);
  await form.getByRole("button", { name: "Nộp hồ sơ với giấy đồng ý" }).click();

  const handOver = page.getByRole("status").filter({ hasText: "cho người dân" });
  await expect(handOver).toContainText(/Đã nộp hồ sơ [0-9.A-Z]+-\d{6}-\d{4}/);
  await expect(handOver.getByRole("img", { name: /Mã QR tra cứu hồ sơ/ })).toBeVisible();
  const code = (await handOver.locator("strong").textContent())!.trim();
  await expect(page.getByRole("region", { name: "Hồ sơ đã nộp giúp người dân" })).toContainText(code);
  const revoked = await request.post(`${relaxation}/revoke`, { headers: bearer(admin), data: { reason: "Kết thúc thí điểm" } });
  expect(revoked.status()).toBe(204);
});
