import { type APIRequestContext, type Browser, devices, expect, type Page } from "@playwright/test";
import { E2E_API_PORT, E2E_APP_PORT } from "../../scripts/e2e-ports.mjs";
import { LOCAL_SSO_PASSWORD } from "../../scripts/local-sso.mjs";

/** Shared by the browser journeys: the local API and app, test personas, and filing a dossier. */

export const API = `http://127.0.0.1:${E2E_API_PORT}`;
export const APP = `http://localhost:${E2E_APP_PORT}`;
export const SESSION_KEY = "mot-cua.session";
/** Commune-level, no VNeID needed, two required documents and a date field. */
export const TAM_TRU = "1.004194";
export const RESIDENT = /Nguyễn Văn An/;
export const COMMUNE_STAFF = /Cán bộ một cửa: Phường An Hòa/;
const CODE_PATTERN = /^[0-9.A-Z]+-\d{6}-\d{4}$/;
export const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

export type Session = { accessToken: string; refreshToken: string; user: { id: string } };

export async function apiSession(request: APIRequestContext, persona = "cu-dan-an"): Promise<Session> {
  const res = await request.post(`${API}/api/auth/dev`, { data: { persona } });
  expect(res.status()).toBe(200);
  return res.json();
}

export const bearer = (session: Session) => ({ Authorization: `Bearer ${session.accessToken}` });

/** A sample citizen of the local SSO, whose identity the unverified persona Trần Thị Bình links. */
export const BINH_CITIZEN_ID = "001190000001";

/**
 * Links `citizen`'s VNeID identity to the session's account through the real local provider, as
 * the resident's browser would: start, the provider's sign-in form, the callback. It stops at the
 * callback's redirect back into Zalo (`?vneid=ok`). A persona's dev sign-in undoes the link.
 */
export async function linkVneidByApi(request: APIRequestContext, session: Session, citizen = BINH_CITIZEN_ID) {
  const start = await request.post(`${API}/api/auth/vneid/start`, { headers: bearer(session), data: { returnPath: "/" } });
  expect(start.status()).toBe(200);
  const signInForm = await request.get((await start.json()).authorizationUrl);
  let res = await request.post(signInForm.url(), {
    form: { username: citizen, password: LOCAL_SSO_PASSWORD },
    maxRedirects: 0,
  });
  for (let hop = 0; hop < 10; hop++) {
    const next = new URL(res.headers().location ?? "", res.url());
    if (!next.href.startsWith("http://127.0.0.1")) {
      expect(next.search).toBe("?vneid=ok");
      return session;
    }
    res = await request.get(next.href, { maxRedirects: 0 });
  }
  throw new Error("the VNeID link did not come back");
}

/** The persona Trần Thị Bình signed in, with `citizen`'s VNeID identity linked: online filing needs it. */
export async function linkedBinh(request: APIRequestContext): Promise<Session> {
  return linkVneidByApi(request, await apiSession(request, "cu-dan-binh"));
}

export async function deleteDraft(request: APIRequestContext, session: Session, code: string) {
  expect((await request.delete(`${API}/api/drafts/${code}`, { headers: bearer(session) })).status()).toBe(204);
}

/** Signs in on the persona picker that a page needing a session shows in development. */
export async function pickPersona(page: Page, name: RegExp = RESIDENT) {
  await expect(page.getByRole("heading", { name: "Chọn người dùng thử (chỉ dùng khi phát triển)" })).toBeVisible();
  await page.getByRole("button", { name }).click();
}

/** Another person's own phone (an officer's, a leader's) beside the test's page: a fresh context of its own. */
export async function otherPhone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ ...devices["Pixel 7"], baseURL: APP });
  return context.newPage();
}

/** The persona picker, given time for a cold dev server to compile the page's modules on a loaded machine. */
export async function signInAs(page: Page, persona: RegExp) {
  await expect(page.getByRole("heading", { name: "Chọn người dùng thử (chỉ dùng khi phát triển)" })).toBeVisible({
    timeout: 30_000,
  });
  await pickPersona(page, persona);
}

export const missingList = (page: Page) => page.getByRole("list", { name: "Danh sách còn thiếu" });
export const consent = (page: Page) => page.getByLabel(/Tôi đồng ý cho cơ quan giải quyết xử lý dữ liệu cá nhân/);
export const submitButton = (page: Page) => page.getByRole("button", { name: "Nộp hồ sơ", exact: true });

/**
 * Fills the eForm of "Đăng ký tạm trú" for `commune` and attaches the proof of residence; the CT01
 * declaration is generated from the eForm, so it has nothing to upload. Filing as Nguyễn Văn An the
 * identity comes prefilled from VNeID; a team member filing for someone else (`typed`) types it.
 */
export async function fillTamTru(page: Page, commune = "Phường Bình Minh", { typed = false } = {}) {
  await page.getByLabel("Xã, phường tiếp nhận và giải quyết").selectOption({ label: commune });
  const name = page.getByLabel("Họ, chữ đệm và tên người đăng ký");
  const citizenId = page.getByLabel("Số định danh cá nhân (số thẻ căn cước)");
  if (typed) {
    await name.fill("Nguyễn Văn An");
    await citizenId.fill("001203004567");
  } else {
    await expect(name).toHaveValue("Nguyễn Văn An");
    await expect(name).not.toBeEditable();
    await expect(citizenId).toHaveValue("001203004567");
    await expect(citizenId).toHaveAccessibleDescription(/Từ VNeID/);
  }
  await page.getByLabel("Địa chỉ nơi tạm trú").fill("Số 5, ngõ 12, đường Bình Minh");
  await page.getByLabel("Ngày bắt đầu tạm trú").fill("2025-09-01");
  await page.getByLabel("Thời hạn tạm trú (tháng)").fill("12");
  await page.getByLabel("Số điện thoại liên hệ").fill("0912345678");
  await expect(missingList(page).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByLabel("Tải lên: Tờ khai thay đổi thông tin cư trú")).toHaveCount(0);

  await page
    .getByLabel("Tải lên: Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp")
    .setInputFiles({ name: "hop-dong-thue-nha.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByRole("list", { name: "Tệp đã đính kèm: Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp" })).toContainText(
    "hop-dong-thue-nha.pdf",
  );
  await expect(missingList(page)).toHaveCount(0);
  await expect(page.getByText("Hồ sơ đã đủ thông tin và giấy tờ bắt buộc.")).toBeVisible();
  // Nothing is missing any more, so nothing is headed "Còn thiếu".
  await expect(page.getByRole("heading", { name: "Sẵn sàng nộp" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Còn thiếu" })).toHaveCount(0);
}

/** The code shown on the receipt after a successful submission. */
export async function receiptCode(page: Page): Promise<string> {
  await expect(page.getByRole("heading", { name: "Nộp hồ sơ thành công" })).toBeVisible();
  const code = (await page.getByRole("group", { name: "Mã hồ sơ" }).locator(".receipt-code").textContent())!.trim();
  expect(code).toMatch(CODE_PATTERN);
  return code;
}

/** Uploads `PDF` as `name` through the API; the file's id. */
export async function uploadPdf(request: APIRequestContext, session: Session, name: string): Promise<string> {
  const upload = await request.post(`${API}/api/files`, {
    headers: { ...bearer(session), "X-File-Name": encodeURIComponent(name), "Content-Type": "application/octet-stream" },
    data: PDF,
  });
  expect(upload.status()).toBe(201);
  return (await upload.json()).id;
}

/** The current version of "Đăng ký tạm trú", which a filing names. */
export async function tamTruVersion(request: APIRequestContext): Promise<number> {
  return (await (await request.get(`${API}/api/procedures/${TAM_TRU}`)).json()).version;
}

/** A fresh Idempotency-Key for one filing through the API. */
export const idempotencyKey = (prefix = "e2e") => `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;

/** A dossier filed through the API (as another device would): "Đăng ký tạm trú" at `unit`. */
export async function submitTamTruByApi(
  request: APIRequestContext,
  session: Session,
  unit = "phuong-an-hoa",
): Promise<{ code: string; trackingUrl: string }> {
  const fileId = await uploadPdf(request, session, "hop-dong-thue-nha.pdf");
  const submitted = await request.post(`${API}/api/dossiers`, {
    headers: { ...bearer(session), "Idempotency-Key": idempotencyKey() },
    data: {
      procedureCode: TAM_TRU,
      procedureVersion: await tamTruVersion(request),
      receivingUnitId: unit,
      form: {
        fullName: "Nguyễn Văn An",
        citizenId: "001203004567",
        tempAddress: "Số 1 đường Hòa Bình",
        fromDate: "2025-10-01",
        durationMonths: 6,
        phone: "0987654321",
      },
      // The CT01 declaration (document 0) is generated from the eForm.
      documents: [{ docIndex: 1, fileIds: [fileId] }],
      consent: true,
    },
  });
  expect(submitted.status()).toBe(201);
  return submitted.json();
}

/** One staff step through the API, as the workspace sends it: against the version just read, with If-Match. */
export async function staffAction(request: APIRequestContext, staff: Session, code: string, body: Record<string, unknown>) {
  const opened = await request.get(`${API}/api/staff/dossiers/${code}`, { headers: bearer(staff) });
  expect(opened.status()).toBe(200);
  const res = await request.post(`${API}/api/staff/dossiers/${code}/actions`, {
    headers: { ...bearer(staff), "If-Match": opened.headers().etag! },
    data: body,
  });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

/** zmp-ui keeps the previous page while the next one slides in: wait until only the new one is left. */
export async function pageSettled(page: Page) {
  await expect(page.locator(".zaui-page")).toHaveCount(1);
}
