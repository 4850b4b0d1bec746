import { describe, expect, it } from "vitest";
import { DOSSIER_STATUSES, inStatusGroup } from "../dossier/status";
import { INBOX_TAB_KEYS, INBOX_TABS } from "./inbox";

describe("inbox tabs", () => {
  it("group the statuses as the workspace shows them, in order", () => {
    expect(INBOX_TAB_KEYS).toEqual(["new", "processing", "supplement", "payment", "due_soon", "overdue", "done"]);
    expect(INBOX_TABS.new.statuses).toEqual([1]);
    expect(INBOX_TABS.processing.statuses).toEqual([2, 4]);
    expect(INBOX_TABS.supplement.statuses).toEqual([5]);
    expect(INBOX_TABS.payment.statuses).toEqual([6]);
    expect(INBOX_TABS.done.statuses).toEqual([9, 10]);
    expect(INBOX_TABS.due_soon.due).toBe("soon");
    expect(INBOX_TABS.overdue.due).toBe("overdue");
  });

  it("give every open status exactly one status tab, and no closed status other than a handed-over result", () => {
    const tabsOf = (s: number) =>
      INBOX_TAB_KEYS.filter((t) => {
        const tab = INBOX_TABS[t];
        return "statuses" in tab && (tab.statuses as readonly number[]).includes(s);
      });
    for (const s of DOSSIER_STATUSES) {
      if (inStatusGroup("open", s)) expect(tabsOf(s), `status ${s}`).toHaveLength(1);
      else expect(tabsOf(s), `status ${s}`).toEqual(s === 10 ? ["done"] : []);
    }
  });

  it("are named in Vietnamese", () => {
    expect(INBOX_TAB_KEYS.map((t) => INBOX_TABS[t].label)).toEqual([
      "Mới",
      "Đang xử lý",
      "Chờ bổ sung",
      "Chờ nộp phí",
      "Sắp đến hạn",
      "Quá hạn",
      "Đã xong",
    ]);
  });
});
