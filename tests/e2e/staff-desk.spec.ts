import { type APIRequestContext, type Browser, devices, expect, type Page, test } from "@playwright/test";
import {
  API,
  APP,
  apiSession,
  bearer,
  COMMUNE_STAFF,
  idempotencyKey,
  PDF,
  pickPersona,
  type Session,
  TAM_TRU,
  tamTruVersion,
} from "./helpers";

/** A 1×1 PNG: a photo of the proof of residence, as a phone would send it. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const PROOF = "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp";
const CONSENT = "Văn bản đồng ý của chủ hộ";

/** "Đăng ký tạm trú" filed through the API with a photo of the proof of residence; the declaration is generated. */
async function fileWithPhoto(request: APIRequestContext, session: Session) {
  const upload = await request.post(`${API}/api/files`, {
    headers: {
      ...bearer(session),
      "X-File-Name": encodeURIComponent("anh-hop-dong.png"),
      "Content-Type": "application/octet-stream",
    },
    data: PNG,
  });
  expect(upload.status()).toBe(201);
  const submitted = await request.post(`${API}/api/dossiers`, {
    headers: { ...bearer(session), "Idempotency-Key": idempotencyKey("desk") },
    data: {
      procedureCode: TAM_TRU,
      procedureVersion: await tamTruVersion(request),
      receivingUnitId: "phuong-an-hoa",
      form: {
        fullName: "Nguyễn Văn An",
        citizenId: "001203004567",
        tempAddress: "Số 1 đường Hòa Bình",
        fromDate: "2025-10-01",
        durationMonths: 6,
        phone: "0987654321",
      },
      documents: [{ docIndex: 1, fileIds: [(await upload.json()).id] }],
      consent: true,
    },
  });
  expect(submitted.status()).toBe(201);
  return (await submitted.json()).code as string;
}

/** The officer at a desktop, apart from the resident's phone. */
async function desk(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    ...devices["Desktop Chrome"],
    viewport: { width: 1280, height: 900 },
    baseURL: APP,
  });
  return context.newPage();
}

const actions = (page: Page) => page.getByRole("region", { name: "Thao tác" });
const timeline = (page: Page) => page.getByRole("region", { name: "Quá trình xử lý" });
const head = (page: Page) => page.getByRole("region", { name: "Đăng ký tạm trú" });

async function openAction(page: Page, label: string) {
  await actions(page).getByRole("button", { name: label, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: label });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function confirmAction(page: Page, label: string) {
  const dialog = page.getByRole("dialog", { name: label });
  await dialog.getByRole("button", { name: label, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test("the officer previews documents in the page, asks item by item, the resident answers each, and the result follows acceptance at once", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const resident = await apiSession(request);
  const code = await fileWithPhoto(request, resident);

  const staff = await desk(browser);
  try {
    await staff.goto(`/can-bo/ho-so/${code}`);
    await pickPersona(staff, COMMUNE_STAFF);
    await expect(head(staff)).toContainText("Mới đăng ký");

    // The photo and the generated declaration open in the page, no download.
    const documents = staff.getByRole("region", { name: "Giấy tờ đã nộp" });
    await documents.getByRole("button", { name: "Xem anh-hop-dong.png" }).click();
    const photo = documents.getByRole("img", { name: "anh-hop-dong.png" });
    await expect(photo).toBeVisible();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    const declaration = documents.getByRole("list", { name: /^Tệp: Tờ khai/ });
    await declaration.getByRole("button", { name: /^Xem .+\.pdf$/ }).click();
    const viewer = declaration.locator("object.file-preview__pdf");
    await expect(viewer).toHaveAttribute("type", "application/pdf");
    await expect(viewer).toHaveAttribute("data", /^blob:/);
    // The object URL holds the declaration's bytes, typed as the API sniffed them.
    const served = await viewer.evaluate(async (el: HTMLObjectElement) => {
      const blob = await (await fetch(el.data)).blob();
      return { type: blob.type, head: new TextDecoder().decode((await blob.arrayBuffer()).slice(0, 5)) };
    });
    expect(served).toEqual({ type: "application/pdf", head: "%PDF-" });

    // Document by document: the photo is not good enough, the declaration is; one more paper is missing.
    const ask = await openAction(staff, "Yêu cầu bổ sung");
    await ask.getByLabel(`Chưa đạt: ${PROOF}`).check();
    await ask.getByRole("button", { name: "Yêu cầu bổ sung", exact: true }).click();
    await expect(ask.getByRole("alert")).toContainText(`Ghi rõ lý do chưa đạt của “${PROOF}”.`);
    await ask.getByLabel(`Lý do chưa đạt: ${PROOF}`).fill("Ảnh chụp quá nhỏ, không đọc được");
    await ask.getByLabel(/^Đạt: Tờ khai/).check();
    await ask.getByLabel("Giấy tờ cần bổ sung 1").fill(CONSENT);
    await confirmAction(staff, "Yêu cầu bổ sung");
    await expect(head(staff)).toContainText("Yêu cầu bổ sung giấy tờ");
    await expect(staff.getByRole("region", { name: "Đang chờ công dân bổ sung" }).getByRole("listitem")).toHaveText([
      `${PROOF}: Ảnh chụp quá nhỏ, không đọc được`,
      CONSENT,
    ]);

    // The resident gets exactly one slot per item, and must answer both.
    await page.goto(`/ho-so/${code}`);
    await pickPersona(page);
    const box = page.getByRole("region", { name: "Cần bổ sung hồ sơ" });
    await expect(box.getByRole("list", { name: "Các mục cần bổ sung" }).getByRole("listitem")).toHaveCount(2);
    await expect(box.getByLabel(/^Tải lên: /)).toHaveCount(2);
    await box
      .getByLabel(`Tải lên: ${PROOF}`)
      .setInputFiles({ name: "hop-dong-ro-net.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(box.getByRole("list", { name: `Tệp đã đính kèm: ${PROOF}` })).toContainText("hop-dong-ro-net.pdf");
    await box.getByRole("button", { name: "Gửi bổ sung" }).click();
    await expect(box.getByRole("alert")).toHaveText(`Chưa trả lời mục: ${CONSENT}.`);
    await box.getByLabel(`Trả lời: ${CONSENT}`).fill("Chủ hộ là mẹ tôi, bà Trần Thị Hoa, đồng ý cho đăng ký");
    await box.getByRole("button", { name: "Gửi bổ sung" }).click();
    await expect(box).toBeHidden();

    // The officer sees which file and which words answer which item, and previews the new file.
    await staff.reload();
    const answers = timeline(staff).getByRole("list", { name: "Trả lời từng mục: Đã nộp bổ sung hồ sơ" });
    const item = (n: number) => answers.locator(":scope > li").nth(n);
    await expect(answers.locator(":scope > li")).toHaveCount(2);
    await expect(item(0)).toContainText(`${PROOF}: Ảnh chụp quá nhỏ, không đọc được`);
    await expect(item(0)).toContainText("hop-dong-ro-net.pdf");
    await expect(item(1)).toContainText("Chủ hộ là mẹ tôi, bà Trần Thị Hoa, đồng ý cho đăng ký");
    await answers.getByRole("button", { name: "Xem hop-dong-ro-net.pdf" }).click();
    await expect(answers.locator("object.file-preview__pdf")).toHaveAttribute("data", /^blob:/);
    await answers.getByRole("button", { name: "Đóng xem trước hop-dong-ro-net.pdf" }).click();
    await expect(answers.locator("object.file-preview__pdf")).toHaveCount(0);

    // Accepted, then finished at once: no separate "Bắt đầu xử lý".
    await openAction(staff, "Tiếp nhận");
    await confirmAction(staff, "Tiếp nhận");
    await expect(head(staff)).toContainText("Được tiếp nhận");
    const finish = await openAction(staff, "Hoàn thành, có kết quả");
    await finish
      .getByLabel("Tải lên: Kết quả giải quyết")
      .setInputFiles({ name: "ket-qua-tam-tru.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(finish.getByRole("list", { name: "Tệp đã đính kèm: Kết quả giải quyết" })).toContainText("ket-qua-tam-tru.pdf");
    await confirmAction(staff, "Hoàn thành, có kết quả");
    await expect(head(staff)).toContainText("Đã xử lý xong");
    const titles = timeline(staff).locator(".timeline__title");
    await expect(titles.nth(0)).toHaveText("Đã có kết quả");
    await expect(titles.nth(1)).toHaveText("Hồ sơ đang được giải quyết");
    await expect(titles.nth(2)).toHaveText("Cán bộ đã tiếp nhận hồ sơ");
  } finally {
    await staff.context().close();
  }
});
