import { describe, expect, it } from "vitest";
import {
  ACTORS,
  actorLabel,
  DETAIL_LABEL,
  detailValue,
  EVENT_TYPES,
  type EventPayload,
  eventDetails,
  eventFileIds,
  eventTitle,
  parseEventPayload,
  residentNotice,
  STAFF_ONLY_EVENTS,
} from "./events";
import { RESIDENT_ACTIONS, STAFF_ACTIONS, transition } from "./lifecycle";
import { DOSSIER_STATUSES } from "./status";

const FILE = "0b8f7c1e-3d7a-4c55-9f0e-1a2b3c4d5e6f";
const CODE = "000.21.35.H99-250714-0042";

describe("event payloads", () => {
  it("type the data of every event the lifecycle writes", () => {
    const written = new Set<string>();
    for (const status of DOSSIER_STATUSES)
      for (const received of [false, true])
        for (const withdrawalRequested of [false, true])
          for (const feeDue of [false, true])
            for (const action of [...STAFF_ACTIONS, ...RESIDENT_ACTIONS]) {
              const t = transition({ status, received, withdrawalRequested, feeDue }, action);
              if (t.ok) written.add(t.event);
            }
    // Filing writes the first event itself.
    written.add("submitted");
    expect([...written].sort()).toEqual([...EVENT_TYPES].sort());
  });

  it("read back the data each type records", () => {
    expect(parseEventPayload("accepted", { dueDate: "2026-03-05", paperDocuments: [0, 2] })).toEqual({
      type: "accepted",
      data: { dueDate: "2026-03-05", paperDocuments: [0, 2] },
    });
    expect(parseEventPayload("finished", { fileIds: [FILE] }).data).toEqual({ fileIds: [FILE] });
    expect(parseEventPayload("withdrawn", {}).data).toEqual({});
  });

  it("refuse data that does not match its type", () => {
    expect(() => parseEventPayload("apologised", {})).toThrow();
    expect(() => parseEventPayload("accepted", { dueDate: "05/03/2026" })).toThrow();
    expect(() => parseEventPayload("payment_requested", { amount: "100000", legalBasis: "NQ 09/2025" })).toThrow();
    expect(() => parseEventPayload("returned", { returnChannel: "postal" })).toThrow();
    expect(() => parseEventPayload("finished", { fileIds: ["../etc/passwd"] })).toThrow();
    expect(() => parseEventPayload("rated", {})).toThrow();
  });

  it("name the files an event attached", () => {
    expect(eventFileIds({ type: "message", data: { fileIds: [FILE] } })).toEqual([FILE]);
    expect(eventFileIds({ type: "supplement_submitted", data: { fileIds: [FILE] } })).toEqual([FILE]);
    expect(eventFileIds({ type: "apologised", data: { newDate: "2026-04-10" } })).toEqual([]);
    const assisted = { helperId: "h", helperName: "Đỗ Văn Hải", consentAt: "2026-03-01T02:00:00.000Z" };
    const onPaper = { ...assisted, consent: "signed_paper" as const, consentFileId: FILE };
    expect(eventFileIds({ type: "submitted", data: { assisted: onPaper } })).toEqual([FILE]);
    expect(eventFileIds({ type: "submitted", data: { assisted: { ...assisted, consent: "zalo" } } })).toEqual([]);
    expect(eventFileIds({ type: "submitted", data: {} })).toEqual([]);
  });

  it("name who helped file an assisted dossier, and how the resident consented", () => {
    const assisted = { helperId: "h", helperName: "Đỗ Văn Hải", consent: "zalo" as const, consentAt: "2026-03-01T02:00:00.000Z" };
    expect(eventDetails(parseEventPayload("submitted", { assisted }))).toEqual([
      "Nộp trực tuyến với sự hỗ trợ của Tổ công nghệ số cộng đồng: Đỗ Văn Hải",
      "Người dân đồng ý: xác nhận trên Zalo của chính mình",
    ]);
    expect(eventDetails(parseEventPayload("submitted", {}))).toEqual([]);
  });

  it("have a Vietnamese title each", () => {
    for (const type of EVENT_TYPES) expect(eventTitle(type)).toMatch(/^[A-ZĐÂ]/u);
    expect(eventTitle("accepted")).toBe("Cán bộ đã tiếp nhận hồ sơ");
  });
});

describe("event details", () => {
  it("reads back a labelled line that eventDetails wrote", () => {
    const lines = eventDetails({ type: "supplement_requested", data: { items: ["Bản sao hợp đồng"], replyBy: "2026-03-05" } });
    expect(lines).toEqual(["Hạn bổ sung: 05/03/2026"]);
    expect(detailValue(lines, DETAIL_LABEL.replyBy)).toBe("05/03/2026");
    expect(detailValue(lines, DETAIL_LABEL.newDate)).toBeNull();
    expect(detailValue(eventDetails({ type: "apologised", data: { newDate: "2026-04-10" } }), DETAIL_LABEL.newDate)).toBe(
      "10/04/2026",
    );
  });

  it("states what each step recorded", () => {
    const cases: [EventPayload, string[]][] = [
      [{ type: "accepted", data: { dueDate: "2026-03-05" } }, ["Ngày hẹn trả kết quả: 05/03/2026"]],
      [
        { type: "supplement_submitted", data: { fileIds: [], dueDate: "2026-03-10", pausedDays: 3 } },
        ["Ngày hẹn trả kết quả sau khi bổ sung: 10/03/2026", "Tạm dừng 3 ngày làm việc chờ bổ sung"],
      ],
      [{ type: "supplement_submitted", data: { fileIds: [] } }, []],
      [
        { type: "payment_requested", data: { amount: 115_000, legalBasis: "TT 63/2023/TT-BTC" } },
        ["Số tiền: 115.000\u00a0đ (TT 63/2023/TT-BTC)"],
      ],
      [{ type: "transferred", data: { fromUnitId: "a", toUnitId: "b", toUnitName: "Sở Tư pháp" } }, ["Chuyển đến: Sở Tư pháp"]],
      [{ type: "returned", data: { returnChannel: "post" } }, ["Hình thức trả kết quả: Qua dịch vụ bưu chính"]],
      [{ type: "returned", data: { returnChannel: "online" } }, ["Hình thức trả kết quả: Trực tuyến (bản điện tử)"]],
      [{ type: "finished", data: { fileIds: [FILE] } }, []],
    ];
    for (const [event, lines] of cases) expect(eventDetails(event), event.type).toEqual(lines);
  });
});

describe("resident notices", () => {
  it("tell the applicant about staff steps, with the reason and the dates", () => {
    expect(residentNotice({ type: "accepted", data: { dueDate: "2026-03-05" } }, CODE, null)).toEqual({
      title: "Cán bộ đã tiếp nhận hồ sơ",
      body: `Hồ sơ ${CODE} đã được tiếp nhận. Ngày hẹn trả kết quả: 05/03/2026.`,
    });
    expect(residentNotice({ type: "refused", data: {} }, CODE, "Sai thẩm quyền")?.body).toBe(
      `Hồ sơ ${CODE} không được tiếp nhận. Lý do: Sai thẩm quyền`,
    );
    expect(
      residentNotice(
        { type: "supplement_requested", data: { items: ["CT01", "Hợp đồng thuê nhà"], replyBy: "2026-03-05" } },
        CODE,
        null,
      )?.body,
    ).toBe(`Hồ sơ ${CODE} cần bổ sung: CT01; Hợp đồng thuê nhà. Vui lòng bổ sung trước ngày 05/03/2026.`);
    expect(residentNotice({ type: "message", data: { fileIds: [] } }, CODE, "Mời anh đến nhận bản gốc")?.body).toBe(
      `Cán bộ nhắn về hồ sơ ${CODE}: Mời anh đến nhận bản gốc`,
    );
  });

  it("say nothing about the applicant's own steps or staff-only notes", () => {
    const silent: EventPayload[] = [
      { type: "submitted", data: {} },
      { type: "supplement_submitted", data: { fileIds: [] } },
      { type: "withdrawal_requested", data: {} },
      { type: "internal_note", data: {} },
    ];
    for (const event of silent) expect(residentNotice(event, CODE, "x"), event.type).toBeNull();
    expect(STAFF_ONLY_EVENTS).toEqual(["internal_note"]);
  });
});

describe("actorLabel", () => {
  it("names each kind of actor in Vietnamese, a job or webhook as the system", () => {
    expect(ACTORS.map(actorLabel)).toEqual(["Người nộp hồ sơ", "Cán bộ", "Hệ thống"]);
  });
});
