import { expect, type Page, test } from "@playwright/test";
import { apiSession, otherPhone, RESIDENT, signInAs, staffAction, submitTamTruByApi, uploadPdf } from "./helpers";

const LEADER = /Lãnh đạo đơn vị: Phường An Hòa/;
const REPLY = "Đơn vị xin lỗi anh vì phải chờ lâu; chúng tôi đã nhắc nhở cán bộ và rút ngắn thời gian trả kết quả.";

const ratingSection = (page: Page) => page.getByRole("region", { name: "Đánh giá mức độ hài lòng" });

test("a resident rates Không hài lòng in one tap, the unit's leader replies, and the resident rates again", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  // A dossier of Phường An Hòa handed over to the resident: the moment a rating is asked for.
  const resident = await apiSession(request);
  const { code } = await submitTamTruByApi(request, resident);
  const officer = await apiSession(request, "can-bo-phuong");
  await staffAction(request, officer, code, { action: "accept" });
  await staffAction(request, officer, code, { action: "start_processing" });
  await staffAction(request, officer, code, {
    action: "finish",
    resultFileIds: [await uploadPdf(request, officer, "ket-qua.pdf")],
  });
  await staffAction(request, officer, code, { action: "confirm_payment" });
  await staffAction(request, officer, code, { action: "hand_over", returnChannel: "online" });

  await page.goto(`/ho-so/${code}`);
  await signInAs(page, RESIDENT);
  const rating = ratingSection(page);
  await rating.getByRole("group", { name: "Mức độ hài lòng" }).getByRole("button", { name: "Không hài lòng" }).click();
  await expect(rating).toContainText("Bạn đã đánh giá: Không hài lòng");
  const progress = rating.getByRole("group", { name: "Ý kiến không hài lòng của bạn" });
  await expect(progress).toContainText("Đang xem xét");
  await expect(progress).toContainText("Vũ Thị Giang, lãnh đạo Phường An Hòa");
  await expect(progress).toContainText(/Hạn trả lời\d{2}\/\d{2}\/\d{4}/);
  await expect(rating.getByRole("group", { name: "Đánh giá lại" })).toHaveCount(0);

  const leader = await otherPhone(browser);
  try {
    await leader.goto("/can-bo/danh-gia");
    await signInAs(leader, LEADER);
    const card = leader.getByRole("listitem", { name: `Phiếu của hồ sơ ${code}` });
    await expect(card).toContainText("Không hài lòng", { timeout: 15_000 });
    await expect(card).toContainText("Đang xem xét");
    await card.getByLabel("Trả lời người dân").fill(REPLY);
    await card.getByRole("button", { name: "Gửi trả lời" }).click();
    await expect(card).toContainText("Đã trả lời");
    await expect(card.getByRole("button", { name: "Gửi trả lời" })).toHaveCount(0);
  } finally {
    await leader.context().close();
  }

  // The resident reads the reply on the dossier page and rates again; the first rating stays.
  await page.reload();
  await expect(progress).toContainText("Đã trả lời", { timeout: 15_000 });
  await expect(progress.getByRole("blockquote").or(progress.getByLabel("Trả lời của đơn vị"))).toContainText(REPLY);
  await progress.getByRole("group", { name: "Đánh giá lại" }).getByRole("button", { name: "Hài lòng", exact: true }).click();
  await expect(progress).toContainText("Bạn đã đánh giá lại: Hài lòng.");
  await expect(progress).toContainText("Đã đóng");
  await expect(rating).toContainText("Bạn đã đánh giá: Không hài lòng");
});
