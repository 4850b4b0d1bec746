import { expect } from "vitest";
import { api, bearer, json, signIn } from "./helpers";

/** The province admin lets residents file `code` online without VNeID. */
export async function relaxVneid(code: string, reason = "Thí điểm cho người cao tuổi chưa có VNeID mức 2") {
  const admin = await signIn("quan-tri-tinh");
  const res = await api(`/api/admin/vneid-relaxations/${code}`, json("PUT", { reason }, bearer(admin)));
  expect(res.status).toBe(200);
  return res.json();
}

/** The province admin ends the relaxation of `code`. */
export async function revokeVneidRelaxation(code: string, reason = "Hết thời gian thí điểm") {
  const admin = await signIn("quan-tri-tinh");
  const res = await api(`/api/admin/vneid-relaxations/${code}/revoke`, json("POST", { reason }, bearer(admin)));
  expect(res.status).toBe(204);
}
