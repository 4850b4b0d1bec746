import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Session } from "../../shared/src/auth/api";
import type { Dashboard, DrillDossierList, UnitFigures } from "../../shared/src/figures/api";
import { vietnamDate } from "../../shared/src/time/vietnam";
import { drillQuery } from "../../worker/src/db/repo/dashboard";
import { newKey } from "./dossier-fixtures";
import { api, bearer, db, getJson, json, signIn } from "./helpers";
import { fileDossier, intakeBody, setDossier, staffMember, step } from "./staff-fixtures";

const UNIT = "phuong-an-hoa";
const month = vietnamDate(new Date()).slice(0, 7);
let admin: Session;
let leader: Session;
let officer: Session;
let before: UnitFigures;
let overdueCode: string;
const filed: string[] = [];

const dashboardOf = async (session: Session, query = "") => {
  const res = await getJson<Dashboard>(`/api/admin/dashboard${query}`, { headers: bearer(session) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const unitRow = (d: Dashboard, unitId = UNIT) => d.units.find((u) => u.unitId === unitId)!;

async function intake(channel: "counter" | "postal") {
  const res = await api(
    "/api/staff/dossiers",
    json("POST", await intakeBody({ channel }), { ...bearer(officer), "Idempotency-Key": newKey() }),
  );
  if (res.status !== 201) throw new Error(`intake: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { code: string }).code;
}

beforeAll(async () => {
  admin = await signIn("quan-tri-tinh");
  leader = await signIn("lanh-dao-phuong");
  officer = await staffMember(UNIT);
  before = unitRow(await dashboardOf(admin));
  // This month at the unit: two online dossiers accepted (one of them overdue), one at the counter, one by post.
  for (let i = 0; i < 2; i++) {
    const { code } = await fileDossier(UNIT);
    await step(officer, code, { action: "accept" });
    filed.push(code);
  }
  overdueCode = filed[0]!;
  await setDossier(overdueCode, { dueDate: "2026-01-05" });
  filed.push(await intake("counter"), await intake("postal"));
  const targets = (period: string, value: number) =>
    api(
      "/api/admin/targets",
      json(
        "POST",
        {
          metric: "online_rate",
          period,
          decision: { number: `${period}/QĐ`, date: "2026-01-02" },
          targets: [{ unitId: UNIT, value }],
        },
        bearer(admin),
      ),
    );
  expect((await targets(month.slice(0, 4), 0.5)).status).toBe(201);
  expect((await targets(month, 0.8)).status).toBe(201);
});

describe("the dashboard", () => {
  it("shows a step taken a moment ago, by channel, against the month's own target", async () => {
    const d = await dashboardOf(admin);
    expect(d).toMatchObject({ month, asOf: vietnamDate(new Date()), onlineRateCountsPostal: true, scope: "province" });
    const u = unitRow(d);
    expect(u.received - before.received).toBe(4);
    expect(u.receivedOnline - before.receivedOnline).toBe(2);
    expect(u.receivedCounter - before.receivedCounter).toBe(1);
    expect(u.receivedPostal - before.receivedPostal).toBe(1);
    expect(u.overdueOpen - before.overdueOpen).toBe(1);
    expect(u.onlineRate).toBeCloseTo(u.receivedOnline / u.received);
    // The month's own target overrides its year's.
    expect(u.target).toBe(0.8);
    expect(u.stillNeeded).toBe(Math.max(0, Math.ceil(0.8 * u.received - u.receivedOnline - 1e-9)));
    expect(u.status).toBe(u.onlineRate! >= 0.8 ? "met" : u.onlineRate! >= 0.75 ? "near" : "behind");
    expect(u.onTimeTarget).toBeNull();
    expect(u.onTimeStatus).toBe("no_target");
    expect(u.projection.received).toBeGreaterThanOrEqual(u.received);
    // The province is the sum of its units.
    expect(d.province.received).toBe(d.units.reduce((n, x) => n + x.received, 0));
    // Ranks within each cohort follow the online rate.
    for (const cohort of d.cohorts) {
      expect(cohort.units.map((x) => x.rank)).toEqual(cohort.units.map((_, i) => i + 1));
      const rates = cohort.units.map((x) => x.onlineRate ?? -1);
      expect(rates).toEqual([...rates].sort((a, b) => b - a));
    }
    expect(d.cohorts.map((c) => c.label)).toContain("Phường, xã");
    expect(d.estimate766).toMatchObject({ estimate: true, maxPoints: 100 });
  });

  it("counts postal dossiers out of the online rate when the province says so", async () => {
    const put = (on: boolean) =>
      api("/api/admin/figure-settings", json("PUT", { onlineRateCountsPostal: on, reason: "Kiểm thử cách tính" }, bearer(admin)));
    expect((await put(false)).status).toBe(200);
    const u = unitRow(await dashboardOf(admin));
    expect(u.onlineRateCountsPostal).toBe(false);
    expect(u.onlineRate).toBeCloseTo(u.receivedOnline / (u.receivedOnline + u.receivedCounter));
    expect((await put(true)).status).toBe(200);
  });

  it("shows a unit leader only their own unit, and refuses other units' figures", async () => {
    const d = await dashboardOf(leader);
    expect(d.scope).toBe("units");
    expect(d.units.map((u) => u.unitId)).toEqual([UNIT]);
    expect(d.cohorts.flatMap((c) => c.units.map((u) => u.unitId))).toEqual([UNIT]);
    const own = unitRow(d);
    expect(d.province.received).toBe(own.received);
    // Their rank is among every unit of the cohort.
    expect(own.rankInCohort).toBe(unitRow(await dashboardOf(admin)).rankInCohort);
    for (const path of [
      "/api/admin/dashboard/units/so-tu-phap",
      "/api/admin/dashboard/units/so-tu-phap/officers",
      "/api/admin/dashboard/units/so-tu-phap/dossiers?figure=overdue",
      "/api/admin/dashboard/trends?unitId=so-tu-phap",
    ])
      expect((await api(path, { headers: bearer(leader) })).status, path).toBe(403);
    for (const path of [
      `/api/admin/dashboard/units/${UNIT}`,
      `/api/admin/dashboard/units/${UNIT}/officers`,
      "/api/admin/dashboard/trends",
    ])
      expect((await api(path, { headers: bearer(leader) })).status, path).toBe(200);
    for (const persona of ["can-bo-phuong", "to-cong-nghe", "cu-dan-an"])
      expect((await api("/api/admin/dashboard", { headers: bearer(await signIn(persona)) })).status, persona).toBe(403);
    expect((await api("/api/admin/dashboard")).status).toBe(401);
  });

  it("refuses a month that has not begun and an unknown unit", async () => {
    expect((await api("/api/admin/dashboard?month=2099-01", { headers: bearer(admin) })).status).toBe(400);
    expect((await api("/api/admin/dashboard?month=2026-13", { headers: bearer(admin) })).status).toBe(400);
    expect((await api("/api/admin/dashboard/units/khong-co", { headers: bearer(admin) })).status).toBe(404);
  });
});

describe("trends, drill-down and officers", () => {
  it("gives twelve months oldest first, the current one last", async () => {
    const { body } = await getJson(`/api/admin/dashboard/trends?unitId=${UNIT}`, { headers: bearer(admin) });
    expect(body.points).toHaveLength(12);
    expect(body.points.at(-1)).toMatchObject({ month, received: unitRow(await dashboardOf(admin)).received });
    expect(body.name).toBe("Phường An Hòa");
    const province = await getJson("/api/admin/dashboard/trends?months=3", { headers: bearer(admin) });
    expect(province.body).toMatchObject({ unitId: null });
    expect(province.body.points.map((p: { month: string }) => p.month).at(-1)).toBe(month);
    expect(province.body.points).toHaveLength(3);
  });

  it("splits a unit's month by procedure", async () => {
    const { status, body } = await getJson(`/api/admin/dashboard/units/${UNIT}`, { headers: bearer(admin) });
    expect(status).toBe(200);
    expect(body.unit.unitId).toBe(UNIT);
    expect(body.procedures.reduce((n: number, p: { received: number }) => n + p.received, 0)).toBe(body.unit.received);
    expect(body.procedures[0]).toMatchObject({ procedureCode: "1.004222", name: expect.any(String) });
  });

  it("lists the dossiers behind a figure, overdue first, page by page, without logging names", async () => {
    const lines: string[] = [];
    for (const method of ["info", "warn", "log", "error"] as const)
      vi.spyOn(console, method).mockImplementation((line: unknown) => {
        lines.push(String(line));
      });
    const overdue = await getJson<DrillDossierList>(`/api/admin/dashboard/units/${UNIT}/dossiers?figure=overdue`, {
      headers: bearer(leader),
    });
    vi.restoreAllMocks();
    expect(overdue.status).toBe(200);
    const first = overdue.body.items.find((d) => d.code === overdueCode)!;
    expect(first).toMatchObject({ dueDate: "2026-01-05", channel: "online", status: 2 });
    expect(first.daysOverdue).toBeGreaterThan(300);
    expect(first.applicantName).not.toBe("");
    expect(lines.join("\n")).not.toContain(first.applicantName);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: DrillDossierList } = await getJson<DrillDossierList>(
        `/api/admin/dashboard/units/${UNIT}/dossiers?figure=received&month=${month}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        { headers: bearer(admin) },
      );
      seen.push(...page.body.items.map((d) => d.code));
      if (seen.length === page.body.items.length) expect(page.body.items[0]!.daysOverdue).toBeGreaterThan(0);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(filed));
    expect(seen.indexOf(overdueCode)).toBe(0);

    const online = await getJson<DrillDossierList>(`/api/admin/dashboard/units/${UNIT}/dossiers?figure=online`, {
      headers: bearer(admin),
    });
    expect(online.body.items.every((d) => d.channel === "online")).toBe(true);
    expect(
      (await api(`/api/admin/dashboard/units/${UNIT}/dossiers?figure=received&cursor=xyz`, { headers: bearer(admin) })).status,
    ).toBe(400);
  });

  it("reads every figure's dossiers through an index on the handling unit", async () => {
    for (const figure of ["overdue", "late", "received", "online", "withdrawn", "stopped", "supplemented"] as const) {
      const query = drillQuery(
        {
          unitId: UNIT,
          figure,
          from: "2026-11-30T17:00:00.000Z",
          to: "2026-12-31T17:00:00.000Z",
          asOf: "2026-12-02",
          today: "2026-12-02",
        },
        [1, "2026-12-01", "X"],
        50,
      );
      const plan = (await db().all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query}`)).map((r) => r.detail);
      expect(
        plan.find((p) => / d /.test(` ${p} `) || p.includes("dossiers")),
        figure,
      ).toMatch(/SEARCH d USING INDEX dossiers_(handling_unit|unit_received|unit_finished|attention) /);
      expect(plan.join("\n"), figure).not.toMatch(/SCAN d\b/);
    }
  });

  it("gives a unit's officers their month", async () => {
    const { status, body } = await getJson(`/api/admin/dashboard/units/${UNIT}/officers`, { headers: bearer(leader) });
    expect(status).toBe(200);
    const mine = body.items.find((o: { userId: string }) => o.userId === officer.user.id);
    expect(mine).toMatchObject({ accepted: 4, decidedOnTime: 0, decidedLate: 0, overdueOpen: 1, onTimeRate: null });
  });
});
