import { describe, expect, it } from "vitest";
import { DETAIL_LABEL, detailValue, eventDetails } from "./events";

describe("event details", () => {
  it("reads back a labelled line that eventDetails wrote", () => {
    const lines = eventDetails("supplement_requested", { items: ["Bản sao hợp đồng"], replyBy: "2026-03-05" });
    expect(lines).toEqual(["Hạn bổ sung: 05/03/2026"]);
    expect(detailValue(lines, DETAIL_LABEL.replyBy)).toBe("05/03/2026");
    expect(detailValue(lines, DETAIL_LABEL.newDate)).toBeNull();
    expect(detailValue(eventDetails("apologised", { newDate: "2026-04-10" }), DETAIL_LABEL.newDate)).toBe("10/04/2026");
  });
});
