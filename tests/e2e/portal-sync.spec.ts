import { expect, test } from "@playwright/test";
import { E2E_PORTAL_PORT } from "../../scripts/e2e-ports.mjs";
import { APP, apiSession, linkedBinh, pickPersona, staffAction, submitTamTruByApi } from "./helpers";

const PORTAL = `http://127.0.0.1:${E2E_PORTAL_PORT}`;

// Each test waits for the local queue to deliver to the stand-in before it looks.
test.describe.configure({ timeout: 60_000 });

type Held = { creates: number; updates: number; latest: { TrangThaiHoSo: string } };

/** What the national portal's stand-in holds for a dossier. */
async function held(code: string): Promise<Held | null> {
  const res = await fetch(`${PORTAL}/api/standin/received?MaHoSo=${encodeURIComponent(code)}`);
  return ((await res.json()) as { dossiers: Record<string, Held> }).dossiers[code] ?? null;
}

test("a dossier and its acceptance reach the national portal through the queue, and the officer sees it synced", async ({
  page,
  request,
}) => {
  const resident = await linkedBinh(request);
  const { code } = await submitTamTruByApi(request, resident);
  const officer = await apiSession(request, "can-bo-phuong");
  await staffAction(request, officer, code, { action: "accept" });

  await expect.poll(async () => (await held(code))?.latest.TrangThaiHoSo, { timeout: 30_000 }).toBe("2");
  expect(await held(code)).toMatchObject({ creates: 1, updates: 1 });

  await page.goto(`/can-bo/ho-so/${code}`);
  await pickPersona(page, /Cán bộ một cửa: Phường An Hòa/);
  const sync = page.getByRole("region", { name: "Đồng bộ Cổng Dịch vụ công quốc gia" });
  await expect(sync.getByRole("status")).toHaveText("Đã đồng bộ Cổng DVC quốc gia");
  await expect(sync.getByRole("button", { name: "Gửi lại Cổng DVC quốc gia" })).toHaveCount(0);
});

test("the admin's dashboard shows each unit's sync coverage and lag", async ({ page, request }) => {
  const resident = await linkedBinh(request);
  const { code } = await submitTamTruByApi(request, resident);
  await staffAction(request, await apiSession(request, "can-bo-phuong"), code, { action: "accept" });
  await expect.poll(async () => (await held(code))?.latest.TrangThaiHoSo, { timeout: 30_000 }).toBe("2");

  await page.goto("/quan-tri/bang-dieu-khien");
  await pickPersona(page, /Quản trị tỉnh/);
  await expect(page).toHaveURL(`${APP}/quan-tri/bang-dieu-khien`);
  const section = page.getByRole("region", { name: "Đồng bộ Cổng Dịch vụ công quốc gia" });
  await expect(section).toContainText(/Toàn tỉnh: \d+\/\d+ hồ sơ tiếp nhận tháng \d{2}\/\d{4} đã đồng bộ/);
  const row = section.getByRole("row", { name: /Phường An Hòa/ });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell").nth(1)).not.toHaveText("0");
});
