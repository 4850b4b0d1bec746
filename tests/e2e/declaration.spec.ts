import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { EFORM_DECLARATION_NOTE } from "../../shared/src/dossier/completeness";
import { pagesText } from "../support/pdf-text";
import { seriousA11yViolations } from "./a11y";
import { apiSession, consent, deleteDraft, missingList, PDF, pickPersona, receiptCode, submitButton } from "./helpers";

/** Đăng ký thường trú: the CT01 declaration is generated from the eForm; the proof of residence is uploaded. */
const THUONG_TRU = "1.004222";
const DECLARATION = "Tờ khai thay đổi thông tin cư trú";

test("a resident files without uploading the declaration and finds the one generated from the eForm in the dossier", async ({
  page,
  request,
}) => {
  await deleteDraft(request, await apiSession(request), THUONG_TRU);

  await page.goto(`/p/${THUONG_TRU}`);
  const documents = page.getByRole("region", { name: "Giấy tờ cần chuẩn bị" });
  await expect(documents.getByRole("listitem").filter({ hasText: DECLARATION })).toContainText(EFORM_DECLARATION_NOTE);
  await expect(documents.getByText(EFORM_DECLARATION_NOTE)).toHaveCount(1);
  await page.getByRole("link", { name: "Nộp hồ sơ trực tuyến" }).click();
  await pickPersona(page);

  // Nothing to upload for the declaration; the other documents are asked for as before.
  const attachments = page.getByRole("region", { name: "Giấy tờ đính kèm" });
  await expect(attachments.getByRole("listitem").filter({ hasText: DECLARATION })).toContainText(EFORM_DECLARATION_NOTE);
  await expect(page.getByLabel(`Tải lên: ${DECLARATION}`)).toHaveCount(0);
  await page.getByLabel("Xã, phường tiếp nhận và giải quyết").selectOption({ label: "Phường Tân An" });
  // Nguyễn Văn An's identity comes from VNeID.
  await expect(page.getByLabel("Họ, chữ đệm và tên người đăng ký")).toHaveValue("Nguyễn Văn An");
  await expect(page.getByLabel("Số định danh cá nhân (số thẻ căn cước)")).toHaveValue("001203004567");
  await page.getByLabel("Địa chỉ nơi đăng ký thường trú").fill("Số 12 đường Rạch Mía, phường Tân An");
  await page.getByLabel("Họ, chữ đệm và tên chủ hộ").fill("Lê Thị Bưởi");
  await page.getByLabel("Quan hệ với chủ hộ").fill("Cháu ruột");
  await page.getByLabel("Số điện thoại liên hệ").fill("0912345678");
  await expect(missingList(page).getByRole("listitem")).toHaveText([
    "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp: Chưa đính kèm giấy tờ này",
  ]);
  await page
    .getByLabel("Tải lên: Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp")
    .setInputFiles({ name: "so-do.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(missingList(page)).toHaveCount(0);
  await consent(page).check();
  await submitButton(page).click();
  const code = await receiptCode(page);

  await page.goto(`/ho-so/${code}`);
  const submitted = page.getByRole("region", { name: "Giấy tờ đã nộp" });
  const declaration = submitted.getByRole("listitem").filter({ has: page.getByText(DECLARATION, { exact: true }) });
  await expect(declaration).toContainText(`${DECLARATION}.pdf`);
  await expect(declaration).toContainText("Lập tự động từ biểu mẫu điện tử");
  await expect(submitted).toContainText("so-do.pdf");
  expect(await seriousA11yViolations(page)).toEqual([]);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    declaration.getByRole("button", { name: `Tải về ${DECLARATION}.pdf` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${DECLARATION}.pdf`);
  const [lines] = await pagesText(new Uint8Array(readFileSync((await download.path())!)));
  expect(lines).toEqual(
    expect.arrayContaining([
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      DECLARATION.toLocaleUpperCase("vi"),
      "(Mẫu CT01)",
      "Kính gửi: Phường Tân An",
      "Họ, chữ đệm và tên người đăng ký: Nguyễn Văn An",
      "Địa chỉ nơi đăng ký thường trú: Số 12 đường Rạch Mía, phường Tân An",
      "Họ, chữ đệm và tên chủ hộ: Lê Thị Bưởi",
      "Quan hệ với chủ hộ: Cháu ruột",
      "NGƯỜI KHAI",
      "(Đã khai và nộp trực tuyến)",
      "Nguyễn Văn An",
    ]),
  );
});
