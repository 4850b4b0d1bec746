import { describe, expect, it } from "vitest";
import { deactivateRefusal, electronicIdRefusal, mergeRefusal, moveRefusal, PriorityWeekdays, subtreeIds } from "./units";

const unit = (
  id: string,
  parentId: string | null,
  more: Partial<{ deactivatedAt: string; openDossiers: number; activeStaff: number }> = {},
) => ({
  id,
  parentId,
  kind: parentId === null ? ("province" as const) : ("commune" as const),
  deactivatedAt: null,
  openDossiers: 0,
  activeStaff: 0,
  electronicId: `${id.toUpperCase()}.H99`,
  ...more,
});
const units = [unit("root", null), unit("a", "root"), unit("b", "a"), unit("c", "b"), unit("d", "root")];

describe("unit tree rules", () => {
  it("finds a unit's subtree", () => {
    expect([...subtreeIds(units, "a")].sort()).toEqual(["a", "b", "c"]);
  });

  it("refuses moving a unit under itself or below it, moving the root, and an unknown or retired parent", () => {
    expect(moveRefusal(units, units[1]!, "c")).toContain("dưới chính nó");
    expect(moveRefusal(units, units[1]!, "a")).toContain("dưới chính nó");
    expect(moveRefusal(units, units[0]!, "d")).toContain("cấp tỉnh");
    expect(moveRefusal(units, units[1]!, "x")).toContain('"x"');
    expect(moveRefusal([...units, unit("gone", "root", { deactivatedAt: "2026-01-01" })], units[1]!, "gone")).toContain("ngừng");
    expect(moveRefusal(units, units[3]!, "d")).toBeNull();
  });

  it("wants electronic ids of the province, used once", () => {
    expect(electronicIdRefusal(units, "H99", "X.H01", "a")).toContain(".H99");
    expect(electronicIdRefusal(units, "H99", "B.H99", "a")).toContain("đã dùng");
    expect(electronicIdRefusal(units, "H99", "A.H99", "a")).toBeNull();
  });

  it("deactivates only what has no work left, and names what is left", () => {
    const busy = unit("busy", "root", { openDossiers: 3, activeStaff: 2 });
    expect(deactivateRefusal([...units, busy], busy)).toMatch(/3 hồ sơ.*2 cán bộ.*sáp nhập/);
    expect(deactivateRefusal(units, units[2]!)).toContain("1 đơn vị trực thuộc");
    expect(deactivateRefusal(units, units[4]!)).toBeNull();
  });

  it("merges an active unit into another active one, open dossiers and all", () => {
    const busy = unit("busy", "root", { openDossiers: 3 });
    expect(mergeRefusal([...units, busy], busy, units[4])).toBeNull();
    expect(mergeRefusal(units, units[4]!, units[4])).toContain("chính nó");
    expect(mergeRefusal(units, units[4]!, undefined)).toContain("Không có");
    expect(mergeRefusal(units, units[0]!, units[4])).toContain("cấp tỉnh");
  });

  it("takes at most two distinct working days, sorted", () => {
    expect(PriorityWeekdays.parse([4, 2])).toEqual([2, 4]);
    expect(PriorityWeekdays.safeParse([1, 2, 3]).success).toBe(false);
    expect(PriorityWeekdays.safeParse([2, 2]).success).toBe(false);
    expect(PriorityWeekdays.safeParse([6]).success).toBe(false);
  });
});
