import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { Session } from "../../shared/src/auth/api";
import { completeBody, resident, submit } from "./dossier-fixtures";
import { type Answer, type Api, api, bearer, client, errorOf, json, signIn } from "./helpers";
import { dossierRow, fileDossier, staffMember } from "./staff-fixtures";

type Units = Answer<Api["admin"]["units"]["$get"]>["items"];
type Unit = Units[number];
type Merged = Answer<Api["admin"]["units"][":id"]["merge"]["$post"]>;

let admin: Session;
let admins: Api;
let counter = 0;

beforeAll(async () => {
  admin = await signIn("quan-tri-tinh");
  admins = client(bearer(admin));
});

/** A fresh commune under the province root, through the API (so its electronic id is unique too). */
async function newCommune(overrides: Record<string, unknown> = {}) {
  const n = `${Date.now() % 100_000}${++counter}`.padStart(6, "0");
  const res = await admins.admin.units.$post({
    json: {
      id: `xa-thu-${n}`,
      kind: "commune",
      parentId: "ubnd-tinh",
      name: `Xã Thử Nghiệm ${n}`,
      electronicId: `T${n}.00.00.H99`,
      reason: "Thêm đơn vị để kiểm thử",
      ...overrides,
    } as never,
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return res.json();
}

const tree = async (): Promise<Units> => (await (await admins.admin.units.$get()).json()).items;
const unitIn = async (id: string) => (await tree()).find((u) => u.id === id)!;
const patch = (id: string, body: Record<string, unknown>) => api(`/api/admin/units/${id}`, json("PATCH", body, bearer(admin)));
const post = (path: string, body: unknown) => api(`/api/admin/units${path}`, json("POST", body, bearer(admin)));
const changesOf = async (id: string) =>
  (
    await env.DB.prepare(
      "SELECT actor_id, action, reason, data FROM admin_changes WHERE entity = 'unit' AND entity_id = ? ORDER BY id",
    )
      .bind(id)
      .all<{ actor_id: string; action: string; reason: string; data: string }>()
  ).results;

describe("the unit tree", () => {
  it("lists every unit to an admin only, with what stands in the way of deactivating each", async () => {
    const units = await tree();
    const root = units.find((u) => u.kind === "province")!;
    expect(root).toMatchObject({ parentId: null, deactivatedAt: null, mergedInto: null, cohort: "department" });
    expect(units.find((u) => u.id === "phuong-an-hoa")).toMatchObject({ cohort: "commune" });
    for (const persona of ["can-bo-phuong", "cu-dan-an"]) {
      const res = await api("/api/admin/units", { headers: bearer(await signIn(persona)) });
      expect(res.status).toBe(403);
    }
    // The officer persona now exists and works for Phường An Hòa.
    expect((await unitIn("phuong-an-hoa")).activeStaff).toBeGreaterThanOrEqual(1);
  });

  it("creates a unit with the province's defaults and records who did it and why", async () => {
    const unit = await newCommune({ hotline: "1900 1234", priorityWeekdays: [4, 2] });
    expect(unit).toMatchObject({
      cohort: "commune",
      hotline: "1900 1234",
      priorityWeekdays: [2, 4],
      openDossiers: 0,
      activeStaff: 0,
    });
    expect((await tree()).at(-1)!.id).toBe(unit.id);
    expect(await changesOf(unit.id)).toEqual([
      expect.objectContaining({ actor_id: admin.user.id, action: "create", reason: "Thêm đơn vị để kiểm thử" }),
    ]);
    const listed = (await (await api("/api/units")).json()) as { items: { id: string; hotline: string }[] };
    expect(listed.items.find((u) => u.id === unit.id)?.hotline).toBe("1900 1234");
  });

  it("refuses a taken id, a taken or foreign electronic id, more than two priority days and a missing reason", async () => {
    const unit = await newCommune();
    const again = await post("", {
      id: unit.id,
      kind: "commune",
      parentId: "ubnd-tinh",
      name: "Xã Trùng",
      electronicId: "Q1.00.00.H99",
      reason: "Thử trùng mã",
    });
    expect(again.status).toBe(409);
    const takenEid = await post("", {
      id: `${unit.id}-b`,
      kind: "commune",
      parentId: "ubnd-tinh",
      name: "Xã Trùng",
      electronicId: unit.electronicId,
      reason: "Thử trùng mã",
    });
    expect(takenEid.status).toBe(409);
    expect((await errorOf(takenEid)).message).toContain(unit.electronicId);
    const foreign = await patch(unit.id, { electronicId: "000.99.00.H01", reason: "Thử mã tỉnh khác" });
    expect(foreign.status).toBe(400);
    expect((await errorOf(foreign)).message).toContain(".H99");
    expect((await patch(unit.id, { priorityWeekdays: [1, 2, 3], reason: "Thử ba ngày" })).status).toBe(400);
    expect((await patch(unit.id, { priorityWeekdays: [6], reason: "Thử Thứ Bảy" })).status).toBe(400);
    expect((await patch(unit.id, { name: "Xã Không Lý Do" })).status).toBe(400);
    expect((await changesOf(unit.id)).map((c) => c.action)).toEqual(["create"]);
  });

  it("renames, moves and corrects a unit, recording before and after; the same request again records nothing", async () => {
    const parent = await newCommune({ kind: "department", cohort: "department" });
    const unit = await newCommune();
    const body = {
      name: "Xã Đổi Tên",
      parentId: parent.id,
      hotline: "0299 111 222",
      cohort: "special_zone",
      priorityWeekdays: [5, 1],
      reason: "Sắp xếp lại",
    };
    const res = await patch(unit.id, body);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      name: "Xã Đổi Tên",
      parentId: parent.id,
      hotline: "0299 111 222",
      cohort: "special_zone",
      priorityWeekdays: [1, 5],
    });
    expect((await patch(unit.id, body)).status).toBe(200);
    const changes = await changesOf(unit.id);
    expect(changes.map((c) => c.action)).toEqual(["create", "change"]);
    expect(JSON.parse(changes[1]!.data)).toMatchObject({
      before: { name: unit.name, parentId: "ubnd-tinh" },
      after: { name: "Xã Đổi Tên", parentId: parent.id },
    });
  });

  it("refuses a cycle and moving the province's root", async () => {
    const parent = await newCommune({ kind: "department" });
    const child = await newCommune({ parentId: parent.id });
    const grandchild = await newCommune({ parentId: child.id });
    for (const target of [parent.id, child.id, grandchild.id]) {
      const res = await patch(parent.id, { parentId: target, reason: "Thử tạo vòng" });
      expect(res.status, target).toBe(400);
      expect((await errorOf(res)).message).toContain("dưới chính nó");
    }
    const root = (await tree()).find((u) => u.kind === "province")!;
    const moved = await patch(root.id, { parentId: parent.id, reason: "Thử chuyển gốc" });
    expect(moved.status).toBe(400);
    expect((await errorOf(moved)).message).toContain("cấp tỉnh");
    expect((await unitIn(parent.id)).parentId).toBe("ubnd-tinh");
  });
});

describe("deactivating a unit", () => {
  it("is refused while it has open dossiers or staff, naming both counts; a unit without work stops", async () => {
    const unit = await newCommune();
    await fileDossier(unit.id);
    await staffMember(unit.id);
    const refused = await post(`/${unit.id}/deactivate`, { reason: "Thử ngừng" });
    expect(refused.status).toBe(409);
    const error = await errorOf(refused);
    expect(error.message).toContain("1 hồ sơ chưa giải quyết xong");
    expect(error.message).toContain("1 cán bộ đang làm việc");
    expect(error.message).toContain("sáp nhập");
    expect(error.details).toEqual({ openDossiers: 1, activeStaff: 1 });
    expect((await unitIn(unit.id)).deactivatedAt).toBeNull();

    const empty = await newCommune();
    const res = await post(`/${empty.id}/deactivate`, { reason: "Không còn nhiệm vụ" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Unit).deactivatedAt).not.toBeNull();
    expect((await changesOf(empty.id)).at(-1)).toMatchObject({ action: "deactivate", reason: "Không còn nhiệm vụ" });
    // Residents no longer see it in the list, but its page still answers.
    const listed = (await (await api("/api/units")).json()) as { items: { id: string }[] };
    expect(listed.items.map((u) => u.id)).not.toContain(empty.id);
    expect(await (await api(`/api/units/${empty.id}`)).json()).toMatchObject({
      id: empty.id,
      deactivated: true,
      mergedInto: null,
    });
    expect((await patch(empty.id, { name: "Xã Đã Ngừng", reason: "Thử sửa" })).status).toBe(409);
    expect((await post(`/${empty.id}/deactivate`, { reason: "Lần nữa" })).status).toBe(409);
  });

  it("is refused for the root and for a unit with active units below it", async () => {
    const parent = await newCommune({ kind: "department" });
    await newCommune({ parentId: parent.id });
    expect((await post(`/${parent.id}/deactivate`, { reason: "Thử ngừng" })).status).toBe(409);
    expect((await post("/ubnd-tinh/deactivate", { reason: "Thử ngừng" })).status).toBe(409);
  });
});

describe("merging a unit into another", () => {
  it("keeps dossiers on their units, moves the staff, and the target's staff see and act on the merged unit's dossiers", async () => {
    const source = await newCommune();
    const target = await newCommune();
    const filed = await fileDossier(source.id);
    const before = await dossierRow(filed.code);
    const sourceStaff = await staffMember(source.id);
    const targetStaff = await staffMember(target.id);
    const targetOwn = await fileDossier(target.id);

    // Before the merge the target's staff do not see the source's dossier.
    expect((await api(`/api/staff/dossiers/${filed.code}`, { headers: bearer(targetStaff) })).status).toBe(404);

    const res = await post(`/${source.id}/merge`, { into: target.id, reason: "Sáp nhập theo nghị quyết" });
    expect(res.status).toBe(200);
    const merged = (await res.json()) as Merged;
    expect(merged.movedStaff).toBe(1);
    expect(merged.source).toMatchObject({ mergedInto: { id: target.id, name: target.name }, openDossiers: 1, activeStaff: 0 });
    expect(merged.source.deactivatedAt).not.toBeNull();
    expect(merged.target).toMatchObject({ activeStaff: 2, openDossiers: 1 });
    expect((await changesOf(source.id)).at(-1)).toMatchObject({ action: "merge", reason: "Sáp nhập theo nghị quyết" });

    // Dossiers keep the units they were filed with.
    const after = await dossierRow(filed.code);
    expect([after.handlingUnitId, after.receivingUnitId]).toEqual([before.handlingUnitId, before.receivingUnitId]);
    expect(after.handlingUnitId).toBe(source.id);

    // The target's staff (old and moved) see the merged unit's open dossier, and may act on it.
    for (const who of [targetStaff, sourceStaff]) {
      const detail = await api(`/api/staff/dossiers/${filed.code}`, { headers: bearer(who) });
      expect(detail.status).toBe(200);
      expect(((await detail.json()) as { allowedActions: string[] }).allowedActions).toContain("accept");
    }
    const units = (await (await api("/api/staff/units", { headers: bearer(targetStaff) })).json()) as { items: { id: string }[] };
    expect(units.items.map((u) => u.id).sort()).toEqual([source.id, target.id].sort());

    // Figures stay per unit: the inbox filtered by either unit counts that unit's dossiers.
    const inbox = async (unit: string) =>
      (await (await api(`/api/staff/dossiers?unit=${unit}`, { headers: bearer(targetStaff) })).json()) as {
        items: { code: string }[];
        counts: { new: number };
      };
    expect((await inbox(source.id)).items.map((d) => d.code)).toEqual([filed.code]);
    expect((await inbox(target.id)).items.map((d) => d.code)).toEqual([targetOwn.code]);
    expect((await inbox(source.id)).counts.new).toBe(1);

    // Residents: the merged unit's page names its successor; new filings there are refused, naming it.
    expect(await (await api(`/api/units/${source.id}`)).json()).toMatchObject({
      deactivated: true,
      mergedInto: { id: target.id, name: target.name },
    });
    const applicant = await resident(`merge-${crypto.randomUUID()}`);
    const refused = await submit(applicant, await completeBody(applicant, undefined, source.id));
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).message).toContain(`đã sáp nhập vào ${target.name}`);
  });

  it("follows merges of merges: the last successor's staff see every merged unit's dossiers", async () => {
    const first = await newCommune();
    const second = await newCommune();
    const third = await newCommune();
    const filed = await fileDossier(first.id);
    const thirdStaff = await staffMember(third.id);
    expect((await post(`/${first.id}/merge`, { into: second.id, reason: "Sáp nhập lần một" })).status).toBe(200);
    expect((await post(`/${second.id}/merge`, { into: third.id, reason: "Sáp nhập lần hai" })).status).toBe(200);
    expect((await api(`/api/staff/dossiers/${filed.code}`, { headers: bearer(thirdStaff) })).status).toBe(200);
    const applicant = await resident(`merge2-${crypto.randomUUID()}`);
    const refused = await submit(applicant, await completeBody(applicant, undefined, first.id));
    expect((await errorOf(refused)).message).toContain(`Vui lòng nộp hồ sơ tại ${third.name}`);
  });

  it("is refused into itself, into a deactivated unit, from the root and from a merged unit", async () => {
    const unit = await newCommune();
    const gone = await newCommune();
    await post(`/${gone.id}/deactivate`, { reason: "Ngừng" });
    expect((await post(`/${unit.id}/merge`, { into: unit.id, reason: "Thử" })).status).toBe(409);
    expect((await post(`/${unit.id}/merge`, { into: gone.id, reason: "Thử" })).status).toBe(409);
    expect((await post("/ubnd-tinh/merge", { into: unit.id, reason: "Thử" })).status).toBe(409);
    expect((await post(`/${gone.id}/merge`, { into: unit.id, reason: "Thử" })).status).toBe(409);
    expect((await post(`/${unit.id}/merge`, { into: "khong-co", reason: "Thử" })).status).toBe(409);
    expect((await post("/khong-co/merge", { into: unit.id, reason: "Thử" })).status).toBe(404);
    expect((await unitIn(unit.id)).deactivatedAt).toBeNull();
  });
});
