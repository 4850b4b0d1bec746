import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PublicProvinceStats, PublicUnitStats } from "../../shared/src/figures/api";
import { api, bearer, getJson, signIn } from "./helpers";
import { clockAt, fileDossier, staffMember, step } from "./staff-fixtures";

const MONTH = "2025-05";
const applicants: string[] = [];

beforeAll(async () => {
  // May 2025: two online dossiers at Phường An Hòa, one finished with its result.
  clockAt("2025-05-12T03:00:00Z");
  const officer = await staffMember("phuong-an-hoa");
  for (let i = 0; i < 2; i++) {
    const filed = await fileDossier("phuong-an-hoa", undefined, `cong-khai-${i}`);
    await step(officer, filed.code, { action: "accept" });
    applicants.push(filed.owner.user.displayName, filed.code);
  }
  vi.useRealTimers();
  // The figures are kept by the refresh a signed-in dashboard read runs.
  expect((await api("/api/admin/dashboard", { headers: bearer(await signIn("quan-tri-tinh")) })).status).toBe(200);
});

afterAll(() => vi.useRealTimers());

describe("public figures", () => {
  it("shows a unit's month to anyone, without personal data, cacheable", async () => {
    const res = await getJson<PublicUnitStats>(`/api/stats/units/phuong-an-hoa?month=${MONTH}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      month: MONTH,
      unitId: "phuong-an-hoa",
      name: "Phường An Hòa",
      onlineRateCountsPostal: true,
      received: 2,
      onTimeRate: expect.any(Number),
      onlineRate: 1,
      averageDays: null,
      averageAllowedDays: null,
      // Nothing finished yet: satisfaction is measured, with nothing to divide by.
      satisfaction: { measured: true, value: null },
    });
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=3600");
    const text = JSON.stringify(res.body);
    for (const personal of applicants.filter(Boolean)) expect(text).not.toContain(personal);
  });

  it("shows the province with every unit, and defaults to the last month that ended", async () => {
    const res = await getJson<PublicProvinceStats>(`/api/stats/province?month=${MONTH}`);
    expect(res.status).toBe(200);
    expect(res.body.name).toMatch(/An Hòa/);
    expect(res.body.received).toBe(res.body.units.reduce((n, u) => n + u.received, 0));
    expect(res.body.units.find((u) => u.unitId === "phuong-an-hoa")).toMatchObject({ received: 2 });
    const last = await getJson<PublicProvinceStats>("/api/stats/province");
    const now = new Date(Date.now() + 7 * 3_600_000);
    const expected = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    expect(last.body.month).toBe(expected);
    expect(last.headers.get("Cache-Control")).toBe("public, max-age=3600");
    const running = await getJson<PublicProvinceStats>(`/api/stats/province?month=${now.toISOString().slice(0, 7)}`);
    expect(running.headers.get("Cache-Control")).toBe("public, max-age=300");
  });

  it("answers 404 for an unknown unit and 400 for a month to come", async () => {
    expect((await api("/api/stats/units/khong-co-don-vi")).status).toBe(404);
    expect((await api("/api/stats/province?month=2099-01")).status).toBe(400);
    expect((await api("/api/stats/units/phuong-an-hoa?month=2025-5")).status).toBe(400);
  });
});
