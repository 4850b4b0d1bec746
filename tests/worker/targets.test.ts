import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Session } from "../../shared/src/auth/api";
import type { TargetSuggestions } from "../../shared/src/figures/api";
import { newKey } from "./dossier-fixtures";
import { type Answer, type Api, api, bearer, client, errorOf, getJson, json, signIn } from "./helpers";
import { clockAt, fileDossier, intakeBody, staffMember, step } from "./staff-fixtures";

type History = Answer<Api["admin"]["targets"]["history"]["$get"]>["items"];

let admin: Session;
let admins: Api;

beforeAll(async () => {
  admin = await signIn("quan-tri-tinh");
  admins = client(bearer(admin));
});

const setTargets = (body: unknown, session = admin) => api("/api/admin/targets", json("POST", body, bearer(session)));
const decision = { number: "123/QĐ-UBND", date: "2026-01-05" };
const history = async (query: Record<string, string>): Promise<History> =>
  (await (await admins.admin.targets.history.$get({ query })).json()).items;
const targetChanges = async (entityId: string) =>
  (
    await env.DB.prepare(
      "SELECT actor_id, action, reason, data FROM admin_changes WHERE entity = 'target' AND entity_id = ? ORDER BY id",
    )
      .bind(entityId)
      .all<{ actor_id: string; action: string; reason: string; data: string }>()
  ).results;

describe("setting targets", () => {
  it("stores one decision's targets per unit with a record of change each, and a retry adds nothing", async () => {
    const body = {
      metric: "online_rate",
      period: "2031",
      decision,
      targets: [
        { unitId: "phuong-an-hoa", value: 0.6, suggested: 0.6 },
        { unitId: "so-tu-phap", value: 0.9, suggested: 0.85, reason: "Sở đã có nhiều thủ tục toàn trình" },
        { unitId: "xa-tan-phu", value: 0.5 },
      ],
    };
    const res = await setTargets(body);
    expect(res.status).toBe(201);
    const { items } = (await res.json()) as { items: History };
    expect(items.map((t) => [t.unitId, t.value, t.suggested, t.reason]).sort()).toEqual(
      [
        ["phuong-an-hoa", 0.6, 0.6, ""],
        ["so-tu-phap", 0.9, 0.85, "Sở đã có nhiều thủ tục toàn trình"],
        ["xa-tan-phu", 0.5, null, ""],
      ].sort(),
    );
    expect(items[0]).toMatchObject({
      metric: "online_rate",
      period: "2031",
      decisionNumber: "123/QĐ-UBND",
      decisionDate: "2026-01-05",
    });
    expect(items[0]!.setBy).toEqual({ id: admin.user.id, name: expect.any(String) });

    const changes = await targetChanges("so-tu-phap/online_rate/2031");
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ actor_id: admin.user.id, action: "set", reason: "Sở đã có nhiều thủ tục toàn trình" });
    expect(JSON.parse(changes[0]!.data)).toMatchObject({ value: 0.9, suggested: 0.85, decisionNumber: "123/QĐ-UBND" });
    // Without a reason of its own, the record names the decision.
    expect((await targetChanges("xa-tan-phu/online_rate/2031"))[0]!.reason).toBe("Quyết định số 123/QĐ-UBND");

    expect((await setTargets(body)).status).toBe(201);
    expect(await history({ unitId: "so-tu-phap", metric: "online_rate" })).toHaveLength(1);
    expect(await targetChanges("so-tu-phap/online_rate/2031")).toHaveLength(1);
  });

  it("keeps every decision: a new one supersedes, the history lists both newest first", async () => {
    const first = { metric: "on_time_rate", period: "2032-03", decision, targets: [{ unitId: "phuong-binh-minh", value: 0.9 }] };
    expect((await setTargets(first)).status).toBe(201);
    const second = {
      ...first,
      decision: { number: "45/QĐ-UBND", date: "2032-03-10" },
      targets: [{ unitId: "phuong-binh-minh", value: 0.95, suggested: 0.92, reason: "Điều chỉnh theo kết quả quý I" }],
    };
    const res = await setTargets(second);
    expect(((await res.json()) as { items: History }).items.map((t) => t.value)).toEqual([0.95]);
    const items = await history({ unitId: "phuong-binh-minh", metric: "on_time_rate" });
    expect(items.map((t) => [t.value, t.decisionNumber])).toEqual([
      [0.95, "45/QĐ-UBND"],
      [0.9, "123/QĐ-UBND"],
    ]);
    // The rows themselves can never change: the database refuses.
    await expect(env.DB.prepare("UPDATE targets SET value = 0.1 WHERE unit_id = 'phuong-binh-minh'").run()).rejects.toThrow(
      /append-only/,
    );
    await expect(env.DB.prepare("DELETE FROM targets WHERE unit_id = 'phuong-binh-minh'").run()).rejects.toThrow(/append-only/);
  });

  it("refuses a value away from its suggestion without a reason, an unknown unit, a unit twice and a bad period", async () => {
    const base = { metric: "online_rate", period: "2033", decision };
    const refusals: [unknown, string][] = [
      [{ ...base, targets: [{ unitId: "phuong-an-hoa", value: 0.7, suggested: 0.6 }] }, "targets.0.reason"],
      [{ ...base, targets: [{ unitId: "khong-co-don-vi", value: 0.7 }] }, "targets.0.unitId"],
      [{ ...base, targets: [{ unitId: "phuong-an-hoa", value: 1.2 }] }, "targets.0.value"],
      [
        {
          ...base,
          targets: [
            { unitId: "phuong-an-hoa", value: 0.5 },
            { unitId: "phuong-an-hoa", value: 0.6 },
          ],
        },
        "targets",
      ],
      [{ ...base, period: "2033-13", targets: [{ unitId: "phuong-an-hoa", value: 0.5 }] }, "period"],
      [{ ...base, metric: "satisfaction", targets: [{ unitId: "phuong-an-hoa", value: 0.5 }] }, "metric"],
      [
        { ...base, decision: { number: "", date: "2033-01-01" }, targets: [{ unitId: "phuong-an-hoa", value: 0.5 }] },
        "decision.number",
      ],
    ];
    for (const [body, path] of refusals) {
      const res = await setTargets(body);
      expect(res.status, path).toBe(400);
      const error = await errorOf(res);
      expect(
        (error.details as { path: string }[]).map((d) => d.path),
        path,
      ).toContain(path);
    }
    expect(await history({ unitId: "phuong-an-hoa", metric: "online_rate" })).not.toContainEqual(
      expect.objectContaining({ period: "2033" }),
    );
    // A value within rounding of its suggestion needs no reason.
    const close = { ...base, targets: [{ unitId: "phuong-an-hoa", value: 0.6001, suggested: 0.6 }] };
    expect((await setTargets(close)).status).toBe(201);
  });

  it("is for admins only", async () => {
    const body = { metric: "online_rate", period: "2034", decision, targets: [{ unitId: "phuong-an-hoa", value: 0.5 }] };
    for (const persona of ["lanh-dao-phuong", "can-bo-phuong", "cu-dan-an"]) {
      const session = await signIn(persona);
      expect((await setTargets(body, session)).status).toBe(403);
      expect((await api("/api/admin/targets/history", { headers: bearer(session) })).status).toBe(403);
    }
  });
});

describe("the figures' settings", () => {
  it("reads the default, changes with a reason recorded once, and is for admins only", async () => {
    const get = async () => (await admins.admin["figure-settings"].$get()).json();
    expect(await get()).toMatchObject({ onlineRateCountsPostal: true });
    const put = (body: unknown, session = admin) => api("/api/admin/figure-settings", json("PUT", body, bearer(session)));
    expect((await put({ onlineRateCountsPostal: false })).status).toBe(400);
    const res = await put({ onlineRateCountsPostal: false, reason: "Theo cách tính của Văn phòng UBND tỉnh" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ onlineRateCountsPostal: false, updatedBy: { id: admin.user.id } });
    expect((await put({ onlineRateCountsPostal: false, reason: "Gửi lại lần nữa" })).status).toBe(200);
    const changes = (
      await env.DB.prepare("SELECT reason, data FROM admin_changes WHERE entity = 'figure_setting' ORDER BY id").all<{
        reason: string;
        data: string;
      }>()
    ).results;
    expect(changes).toHaveLength(1);
    expect(changes[0]!.reason).toBe("Theo cách tính của Văn phòng UBND tỉnh");
    expect(JSON.parse(changes[0]!.data)).toEqual({
      before: { onlineRateCountsPostal: true },
      after: { onlineRateCountsPostal: false },
    });
    expect((await put({ onlineRateCountsPostal: true, reason: "Trở lại cách tính cũ" })).status).toBe(200);
    expect(await get()).toMatchObject({ onlineRateCountsPostal: true });
    expect((await put({ onlineRateCountsPostal: true, reason: "Thử" }, await signIn("lanh-dao-phuong"))).status).toBe(403);
  });
});

describe("suggested targets", () => {
  it("closes the same share of every unit's gap from its baseline months, weighted by volume", async () => {
    // March 2025: Phường An Hòa half online (1 of 2), Phường Bình Minh none online (0 of 2).
    clockAt("2025-03-12T03:00:00Z");
    const anHoa = await staffMember("phuong-an-hoa");
    const binhMinh = await staffMember("phuong-binh-minh");
    const { code } = await fileDossier("phuong-an-hoa");
    await step(anHoa, code, { action: "accept" });
    const intake = async (session: Session, unit: string) =>
      expect(
        (
          await api(
            "/api/staff/dossiers",
            json("POST", await intakeBody({ receivingUnitId: unit }), { ...bearer(session), "Idempotency-Key": newKey() }),
          )
        ).status,
      ).toBe(201);
    await intake(anHoa, "phuong-an-hoa");
    await intake(binhMinh, "phuong-binh-minh");
    await intake(binhMinh, "phuong-binh-minh");
    vi.useRealTimers();
    admin = await signIn("quan-tri-tinh");

    const query = "metric=online_rate&period=2026&goal=0.6&baselineFrom=2025-03&baselineTo=2025-03";
    const { status, body } = await getJson<TargetSuggestions>(`/api/admin/targets?${query}`, { headers: bearer(admin) });
    expect(status).toBe(200);
    // B = (2 × 0.5 + 2 × 0) ÷ 4 = 0.25; k = (0.6 − 0.25) ÷ (1 − 0.25) = 0.4667.
    expect(body.provinceBaseline).toBeCloseTo(0.25);
    expect(body.k).toBeCloseTo(0.35 / 0.75);
    const item = (unitId: string) => body.items.find((i) => i.unitId === unitId)!;
    expect(item("phuong-an-hoa")).toMatchObject({ baseline: 0.5, volume: 2, share: 0.5 });
    expect(item("phuong-an-hoa").suggested).toBeCloseTo(0.5 + (0.35 / 0.75) * 0.5);
    expect(item("phuong-binh-minh")).toMatchObject({ baseline: 0, volume: 2, share: 0.5 });
    expect(item("phuong-binh-minh").suggested).toBeCloseTo(0.35 / 0.75);
    // A unit without dossiers in the baseline is asked for the goal.
    expect(item("xa-tan-phu")).toMatchObject({ baseline: null, volume: 0, share: 0, suggested: 0.6 });
    expect(item("phuong-an-hoa").current).toBeNull();

    const bad = await api("/api/admin/targets?metric=online_rate&period=2026&goal=0.6&baselineFrom=2025-04&baselineTo=2025-03", {
      headers: bearer(admin),
    });
    expect(bad.status).toBe(400);
    const long = await api("/api/admin/targets?metric=online_rate&period=2026&goal=0.6&baselineFrom=2022-01&baselineTo=2025-03", {
      headers: bearer(admin),
    });
    expect(long.status).toBe(400);
  });
});
