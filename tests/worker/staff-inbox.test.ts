import { eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { ErrorEnvelope } from "../../shared/src/api/errors";
import type { Session } from "../../shared/src/auth/api";
import { addDays, dueThresholds } from "../../shared/src/deadline/due-date";
import type { SubmitResponse } from "../../shared/src/dossier/api";
import type { MissingItem } from "../../shared/src/dossier/completeness";
import { inStatusGroup } from "../../shared/src/dossier/status";
import type { AuditReport, Inbox } from "../../shared/src/staff/api";
import { vietnamDate } from "../../shared/src/time/vietnam";
import { workCalendar } from "../../worker/src/db/repo/calendar";
import { dossiers } from "../../worker/src/db/schema";
import { newKey, PROCEDURE, procedureDetail } from "./dossier-fixtures";
import { type Answer, type Api, api, bearer, db, errorIn, getJson, json, signIn } from "./helpers";
import {
  act,
  type CalendarList,
  dossierRow,
  drive,
  eventsOf,
  type Filed,
  fileDossier,
  intakeBody,
  quietSecurityLog,
  setDossier,
  staffMember,
  staffView,
  step,
  uploadPdf,
} from "./staff-fixtures";

const sampleProvince = inject("sampleCatalogue");

type UnitList = Answer<Api["staff"]["units"]["$get"]>;

afterEach(() => vi.restoreAllMocks());

const inbox = (session: Session, query = "") =>
  getJson<Inbox>(`/api/staff/dossiers?limit=100${query ? `&${query}` : ""}`, { headers: bearer(session) });
const codes = (res: { body: Inbox }) => res.body.items.map((i) => i.code);

const intake = (session: Session, body: unknown, key: string | null = newKey()) =>
  getJson<SubmitResponse>(
    "/api/staff/dossiers",
    json("POST", body, { ...bearer(session), ...(key ? { "Idempotency-Key": key } : {}) }),
  );

describe("unit scoping on every staff route", () => {
  let officer: Session;
  let department: Session;
  let admin: Session;
  let here: Filed;
  let elsewhere: Filed;
  beforeAll(async () => {
    officer = await signIn("can-bo-phuong");
    department = await signIn("can-bo-tu-phap");
    admin = await signIn("quan-tri-tinh");
    here = await fileDossier("phuong-an-hoa");
    elsewhere = await fileDossier("phuong-binh-minh");
  });

  /** Every staff route for `code`, as [name, request]. */
  const routes = (session: Session, code: string, version: number) =>
    [
      ["GET inbox", () => api("/api/staff/dossiers", { headers: bearer(session) })],
      ["GET units", () => api("/api/staff/units", { headers: bearer(session) })],
      ["GET dossier", () => api(`/api/staff/dossiers/${code}`, { headers: bearer(session) })],
      [
        "POST action",
        () =>
          api(
            `/api/staff/dossiers/${code}/actions`,
            json("POST", { action: "note", note: "Thử" }, { ...bearer(session), "If-Match": `"${version}"` }),
          ),
      ],
      ["GET audit", () => api(`/api/staff/dossiers/${code}/audit`, { headers: bearer(session) })],
      [
        "POST intake",
        async () =>
          api("/api/staff/dossiers", json("POST", await intakeBody(), { ...bearer(session), "Idempotency-Key": newKey() })),
      ],
      // Feedback sent to the units (its item routes are scoped in feedback.test.ts).
      ["GET feedback", () => api("/api/staff/feedback", { headers: bearer(session) })],
      ["GET summary", () => api("/api/staff/summary", { headers: bearer(session) })],
      ["GET assignees", () => api(`/api/staff/dossiers/${code}/assignees`, { headers: bearer(session) })],
      [
        "PUT assignee",
        () => api(`/api/staff/dossiers/${code}/assignee`, json("PUT", { userId: session.user?.id ?? null }, bearer(session))),
      ],
    ] as const;

  it("refuses residents, the applicant included, with 403 on every staff route", async () => {
    quietSecurityLog();
    const { version } = await dossierRow(here.code);
    for (const who of [here.owner, await signIn("cu-dan-an")]) {
      for (const [name, request] of routes(who, here.code, version))
        expect([name, (await request()).status]).toEqual([name, 403]);
    }
    for (const [name, request] of routes({ accessToken: "" } as Session, here.code, version))
      expect([name, (await request()).status]).toEqual([name, 401]);
    expect((await dossierRow(here.code)).version).toBe(version);
  });

  it("hides a dossier from staff of another unit: 404 on the dossier routes, absent from their inbox", async () => {
    quietSecurityLog();
    const { version } = await dossierRow(here.code);
    const answers = await Promise.all(
      routes(department, here.code, version)
        .slice(2, 5)
        .map(async ([name, request]) => [name, (await request()).status]),
    );
    expect(answers).toEqual([
      ["GET dossier", 404],
      ["POST action", 404],
      ["GET audit", 404],
    ]);
    expect(codes(await inbox(department, `q=${here.code}`))).toEqual([]);
    expect(codes(await inbox(officer, `q=${here.code}`))).toEqual([here.code]);
    // Indistinguishable from a dossier that does not exist.
    const missing = await getJson<ErrorEnvelope>("/api/staff/dossiers/000.00.01.H99-000101-9999", {
      headers: bearer(department),
    });
    const hidden = await getJson<ErrorEnvelope>(`/api/staff/dossiers/${here.code}`, { headers: bearer(department) });
    expect(hidden.body).toEqual(missing.body);
    expect((await dossierRow(here.code)).version).toBe(version);
  });

  it("shows an admin every unit's dossiers and units, but admins neither act nor take in", async () => {
    quietSecurityLog();
    const all = await inbox(admin);
    expect(codes(all)).toEqual(expect.arrayContaining([here.code, elsewhere.code]));
    const units = await getJson<UnitList>("/api/staff/units", { headers: bearer(admin) });
    expect(units.body.items.map((u) => u.id).sort()).toEqual(sampleProvince.units.map((u) => u.id).sort());
    const view = await staffView(admin, elsewhere.code);
    expect(view.status).toBe(200);
    expect(view.body.allowedActions).toEqual([]);
    expect((await getJson<AuditReport>(`/api/staff/dossiers/${elsewhere.code}/audit`, { headers: bearer(admin) })).status).toBe(
      200,
    );
    const { version } = await dossierRow(elsewhere.code);
    const [, , , [, action], , [, take]] = routes(admin, elsewhere.code, version);
    expect([(await action()).status, (await take()).status]).toEqual([403, 403]);
    expect((await dossierRow(elsewhere.code)).version).toBe(version);
  });

  it("lets a staff member with a grant for another unit see and act on that unit's dossiers, and no others", async () => {
    const granted = await staffMember("phuong-tan-an", ["phuong-binh-minh"]);
    expect(
      (await getJson<UnitList>("/api/staff/units", { headers: bearer(granted) })).body.items.map((u) => u.id).sort(),
    ).toEqual(["phuong-binh-minh", "phuong-tan-an"]);
    const mine = await inbox(granted);
    expect(codes(mine)).toContain(elsewhere.code);
    expect(codes(mine)).not.toContain(here.code);
    expect((await staffView(granted, elsewhere.code)).body.allowedActions).toContain("accept");
    expect((await act(granted, elsewhere.code, { action: "note", note: "Đã xem theo phân công" })).status).toBe(200);
    expect((await staffView(granted, here.code)).status).toBe(404);
    // Without the grant, the same unit's staff member only has their own unit.
    const plain = await staffMember("phuong-tan-an");
    expect((await staffView(plain, elsewhere.code)).status).toBe(404);
  });

  it("filters by a unit in scope, and refuses one outside it with 403", async () => {
    quietSecurityLog();
    const granted = await staffMember("phuong-tan-an", ["phuong-binh-minh"]);
    const filtered = await inbox(granted, "unit=phuong-binh-minh");
    expect(filtered.status).toBe(200);
    expect(filtered.body.items.every((i) => i.handlingUnit.id === "phuong-binh-minh")).toBe(true);
    expect(codes(filtered)).toContain(elsewhere.code);
    for (const [who, unit] of [
      [granted, "phuong-an-hoa"],
      [officer, "so-tu-phap"],
      [officer, "phuong-binh-minh"],
    ] as const) {
      const res = await inbox(who, `unit=${unit}`);
      expect([unit, res.status, errorIn(res.body).code]).toEqual([unit, 403, "forbidden"]);
    }
    const adminFiltered = await inbox(admin, "unit=phuong-binh-minh");
    expect(adminFiltered.status).toBe(200);
    expect(codes(adminFiltered)).toContain(elsewhere.code);
    expect(codes(adminFiltered)).not.toContain(here.code);
  });

  it("keeps the admin calendar to admins: 403 for staff and residents", async () => {
    quietSecurityLog();
    const day = { kind: "holiday", name: "Ngày nghỉ", source: "Thử" };
    for (const who of [officer, department, here.owner]) {
      expect((await api("/api/admin/calendar", { headers: bearer(who) })).status).toBe(403);
      expect((await api("/api/admin/calendar/2026-07-01", json("PUT", day, bearer(who)))).status).toBe(403);
      expect((await api("/api/admin/calendar/2026-02-17", { method: "DELETE", headers: bearer(who) })).status).toBe(403);
    }
    expect((await api("/api/admin/calendar")).status).toBe(401);
    const tet = await getJson<CalendarList>("/api/admin/calendar?year=2026", { headers: bearer(admin) });
    expect(tet.body.items.find((x) => x.date === "2026-02-17")).toMatchObject({ kind: "holiday" });
  });
});

describe("the inbox", () => {
  // A commune no other test files dossiers at, so every count is known.
  const UNIT = "xa-vinh-hau";
  const today = vietnamDate(new Date());
  let officer: Session;
  const at: Record<string, string> = {};

  beforeAll(async () => {
    officer = await staffMember(UNIT);
    const arrange = async (name: string, path: Parameters<typeof drive>[2], dueDate?: string, procedure = PROCEDURE) => {
      const d = await fileDossier(UNIT, procedure, name);
      await drive(officer, d, path);
      if (dueDate) await setDossier(d.code, { dueDate });
      at[name] = d.code;
    };
    await Promise.all([
      arrange("moi", []),
      arrange("moi-thu-tuc-khac", [], undefined, "1.004194"),
      arrange("tiep-nhan", ["accept"], addDays(today, 60)),
      arrange("qua-han", ["accept", "start_processing"], addDays(today, -1)),
      arrange("sap-den-han", ["accept", "start_processing"], addDays(today, 1)),
      // Paused for a supplement: a past due date does not make it overdue.
      arrange("cho-bo-sung", ["accept", "request_supplement"], addDays(today, -1)),
      arrange("cho-nop-phi", ["accept", "request_payment"], addDays(today, 60)),
      arrange("nop-phi-qua-han", ["accept", "request_payment"], addDays(today, -2)),
      arrange("co-ket-qua", ["accept", "start_processing", "finish"]),
      arrange("da-tra", ["accept", "start_processing", "finish", "confirm_payment", "hand_over"]),
      arrange("tu-choi", ["refuse"]),
    ]);
    const counter = await intake(
      officer,
      await intakeBody({ receivingUnitId: UNIT, applicant: { fullName: "Lê Thị Quầy Giao" } }),
    );
    expect(counter.status).toBe(201);
    at["tai-quay"] = counter.body.code;
  });

  const only = (...names: string[]) => names.map((n) => at[n]!).sort();

  it("counts every tab", async () => {
    const res = await inbox(officer);
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ new: 2, processing: 4, supplement: 1, payment: 2, due_soon: 1, overdue: 2, done: 2 });
    expect(codes(res).sort()).toEqual(Object.values(at).sort());
    expect(res.body.nextCursor).toBeNull();
  });

  it("describes each dossier with its procedure, unit and derived due state", async () => {
    const { items } = (await inbox(officer)).body;
    const item = (name: string) => items.find((i) => i.code === at[name])!;
    expect(item("qua-han")).toMatchObject({
      procedure: { code: PROCEDURE, name: "Đăng ký thường trú" },
      handlingUnit: { id: UNIT, name: sampleProvince.units.find((u) => u.id === UNIT)!.name },
      status: 4,
      statusLabel: "Đang xử lý",
      channel: "online",
      dueDate: addDays(today, -1),
      dueState: "overdue",
    });
    expect(item("qua-han").applicantName).toContain("qua-han");
    expect(item("moi-thu-tuc-khac").procedure.code).toBe("1.004194");
    expect([
      item("sap-den-han").dueState,
      item("tiep-nhan").dueState,
      item("cho-bo-sung").dueState,
      item("moi").dueState,
    ]).toEqual(["soon", "ok", null, null]);
    expect(item("nop-phi-qua-han").dueState).toBe("overdue");
    expect(item("tai-quay")).toMatchObject({ channel: "counter", applicantName: "Lê Thị Quầy Giao", status: 2 });
  });

  it("filters by status, due state, text, procedure and channel, with the tab counts unchanged by status and due", async () => {
    const cases: [string, string[]][] = [
      ["status=4", only("qua-han", "sap-den-han")],
      ["status=9,10", only("co-ket-qua", "da-tra")],
      ["status=5", only("cho-bo-sung")],
      ["due=overdue", only("qua-han", "nop-phi-qua-han")],
      ["due=soon", only("sap-den-han")],
      ["status=6&due=overdue", only("nop-phi-qua-han")],
      ["procedure=1.004194", only("moi-thu-tuc-khac")],
      ["channel=counter", only("tai-quay")],
      ["channel=postal", []],
      [`q=${encodeURIComponent("Quầy Giao")}`, only("tai-quay")],
      [`q=${at["sap-den-han"]!.toLowerCase()}`, only("sap-den-han")],
      ["q=%25", []],
      ["q=_", []],
      [
        `q=${encodeURIComponent(at["qua-han"]!.slice(0, 14))}`,
        Object.values(at)
          .filter((c) => c.startsWith(at["qua-han"]!.slice(0, 14)))
          .sort(),
      ],
    ];
    const all = (await inbox(officer)).body.counts;
    for (const [query, expected] of cases) {
      const res = await inbox(officer, query);
      expect([query, res.status, codes(res).sort()]).toEqual([query, 200, expected]);
      if (/^(status|due)=/.test(query)) expect(res.body.counts).toEqual(all);
    }
    const online = await inbox(officer, "channel=online");
    expect(codes(online).sort()).toEqual(
      Object.values(at)
        .filter((c) => c !== at["tai-quay"])
        .sort(),
    );
    expect((await inbox(officer, "procedure=1.004222")).body.items).toHaveLength(Object.keys(at).length - 1);
    // Text and procedure narrow the counts too.
    expect((await inbox(officer, "q=khong-co-ai-ten-nay")).body.counts).toEqual({
      new: 0,
      processing: 0,
      supplement: 0,
      payment: 0,
      due_soon: 0,
      overdue: 0,
      done: 0,
    });
    expect((await inbox(officer, "procedure=1.004194")).body.counts).toMatchObject({ new: 1, processing: 0 });
  });

  it("refuses malformed filters with 400", async () => {
    quietSecurityLog();
    for (const query of [
      "status=0",
      "status=11",
      "status=4,",
      "due=later",
      "channel=fax",
      "limit=0",
      "limit=101",
      "procedure=abc",
    ]) {
      expect([query, (await inbox(officer, query)).status]).toEqual([query, 400]);
    }
  });

  it("orders by urgency: overdue, due soon, waiting for acceptance, other open ones, closed; then by due date", async () => {
    const { items } = (await inbox(officer)).body;
    expect(items.slice(0, 3).map((i) => i.dueState)).toEqual(["overdue", "overdue", "soon"]);
    // The two overdue ones, the older due date first.
    expect(items.slice(0, 2).map((i) => i.code)).toEqual([at["nop-phi-qua-han"], at["qua-han"]]);
    // The same order computed here from the rows in D1.
    const rows = await db().select().from(dossiers).where(eq(dossiers.handlingUnitId, UNIT));
    const { overdueBefore, soonUntil } = dueThresholds(today, await workCalendar(db(), "an-hoa"));
    const rank = (d: (typeof rows)[number]) => {
      const running = inStatusGroup("clockRunning", d.status);
      if (running && d.dueDate! < overdueBefore) return 0;
      if (running && d.dueDate! <= soonUntil) return 1;
      if (inStatusGroup("awaitingAcceptance", d.status)) return 2;
      return inStatusGroup("open", d.status) ? 3 : 4;
    };
    const key = (d: (typeof rows)[number]) => [rank(d), d.dueDate ?? "9999-12-31", d.submittedAt, d.id] as const;
    const before = (a: readonly unknown[], b: readonly unknown[]): number =>
      a.length === 0 ? 0 : a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : before(a.slice(1), b.slice(1));
    const expected = [...rows].sort((a, b) => before(key(a), key(b))).map((d) => d.code);
    expect(items.map((i) => i.code)).toEqual(expected);
    // Closed for good (refused, returned) come last.
    expect(
      items
        .slice(-2)
        .map((i) => i.status)
        .sort((a, b) => a - b),
    ).toEqual([3, 10]);
  });

  it("pages with a cursor: every dossier exactly once, in the same order", async () => {
    const full = codes(await inbox(officer));
    for (const [size, filter] of [
      [5, ""],
      [1, ""],
      [2, "&status=2,4,5,6"],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { status: number; body: Inbox } = await getJson<Inbox>(
          `/api/staff/dossiers?limit=${size}${filter}${cursor ? `&cursor=${cursor}` : ""}`,
          { headers: bearer(officer) },
        );
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(size);
        seen.push(...codes(res));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 50);
      const expected = filter ? codes(await inbox(officer, filter.slice(1))) : full;
      expect([size, filter, seen]).toEqual([size, filter, expected]);
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it("refuses a garbage cursor with 400", async () => {
    quietSecurityLog();
    for (const cursor of ["garbage!", "WzFd" /* [1] */, btoa('{"a":1}'), btoa('["x","a","b","c"]'), "%%%", "x".repeat(201)]) {
      const res = await getJson<ErrorEnvelope>(`/api/staff/dossiers?cursor=${encodeURIComponent(cursor)}`, {
        headers: bearer(officer),
      });
      expect([cursor, res.status, res.body.error.code]).toEqual([cursor, 400, "validation_failed"]);
    }
  });
});

describe("counter and postal intake", () => {
  let officer: Session;
  beforeAll(async () => {
    officer = await signIn("can-bo-phuong");
  });

  it("registers a dossier received at the counter, accepted on the spot with a due date, in the inbox", async () => {
    // The officer's own VNeID identity says nothing about the applicant's.
    const officer = await staffMember("phuong-an-hoa", [], { vneidVerified: true });
    const res = await intake(officer, await intakeBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 2,
      channel: "counter",
      receivingUnit: { id: "phuong-an-hoa" },
      handlingUnit: { id: "phuong-an-hoa" },
      fee: { channel: "counter", amount: 20000 },
      dueExplanation: expect.stringMatching(/^7 ngày làm việc kể từ khi tiếp nhận/),
    });
    expect(res.body.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const { code } = res.body;
    const view = await staffView(officer, code);
    expect(view.body).toMatchObject({
      status: 2,
      version: 1,
      applicant: { name: "Trần Văn Quầy", phone: "0901234567", vneidVerified: false },
      receivedAt: expect.any(String),
      dueDate: res.body.dueDate,
      dueState: expect.stringMatching(/^(ok|soon)$/),
    });
    expect(view.body.allowedActions).toContain("start_processing");
    expect((await eventsOf(code)).map((e) => [e.seq, e.type, e.actorRole, e.status])).toEqual([[1, "accepted", "staff", 2]]);
    const listed = await inbox(officer, "channel=counter");
    expect(listed.body.items.find((i) => i.code === code)).toMatchObject({
      applicantName: "Trần Văn Quầy",
      status: 2,
      channel: "counter",
    });
    // The officer goes on working it like any other.
    expect((await step(officer, code, { action: "start_processing" })).status).toBe(4);
  });

  it("takes postal dossiers with scans the officer uploaded, which staff can then open", async () => {
    const procedure = await procedureDetail();
    const scan = await uploadPdf(officer, "to-khai-scan.pdf", "bản quét");
    const res = await intake(
      officer,
      await intakeBody({
        channel: "postal",
        documents: [{ docIndex: 1, fileIds: [scan] }],
        paperDocuments: [2],
        applicant: { fullName: "Phạm Bưu Điện" },
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ channel: "postal", status: 2 });
    const view = await staffView(officer, res.body.code);
    // The declaration is generated from the eForm; the paper original is listed too, without files
    // (Mẫu 01 prints it as "Bản giấy").
    expect(view.body.documents).toEqual([
      { docIndex: 0, name: procedure.documents[0]!.name, files: [expect.objectContaining({ fromEform: true })] },
      { docIndex: 1, name: procedure.documents[1]!.name, files: [expect.objectContaining({ id: scan, fromEform: false })] },
      { docIndex: 2, name: procedure.documents[2]!.name, files: [] },
    ]);
    expect((await api(`/api/files/${scan}/content`, { headers: bearer(await staffMember("phuong-an-hoa")) })).status).toBe(200);
  });

  it("answers 422 with what is missing when a required document is neither scanned nor on paper", async () => {
    quietSecurityLog();
    const before = await dossierCount();
    const none = await intake(officer, await intakeBody({ paperDocuments: [] }));
    expect([none.status, errorIn(none.body).code]).toEqual([422, "incomplete"]);
    expect(
      (errorIn(none.body).details as MissingItem[])
        .map((x) => ("docIndex" in x ? x.docIndex : undefined))
        .filter((i: unknown) => i !== undefined),
    ).toEqual([1]);
    // Paper for the declaration the eForm replaces is no paper for the other required document.
    const half = await intake(officer, await intakeBody({ paperDocuments: [0] }));
    expect(half.status).toBe(422);
    expect(errorIn(half.body).details).toEqual([expect.objectContaining({ kind: "document", docIndex: 1 })]);
    expect(await dossierCount()).toBe(before);
  });

  it("refuses a receiving unit outside the officer's scope with 403, and takes it with a grant", async () => {
    quietSecurityLog();
    const outside = await intake(officer, await intakeBody({ receivingUnitId: "phuong-binh-minh" }));
    expect([outside.status, errorIn(outside.body).code]).toEqual([403, "forbidden"]);
    const granted = await staffMember("phuong-an-hoa", ["phuong-binh-minh"]);
    const inside = await intake(granted, await intakeBody({ receivingUnitId: "phuong-binh-minh" }));
    expect(inside.status).toBe(201);
    expect(inside.body.handlingUnit.id).toBe("phuong-binh-minh");
  });

  it("replays the same Idempotency-Key with one dossier; needs the key; refuses the key with another body", async () => {
    quietSecurityLog();
    const body = await intakeBody({ applicant: { fullName: "Đỗ Lặp Lại" } });
    const key = newKey();
    const first = await intake(officer, body, key);
    const again = await intake(officer, body, key);
    expect(first.status).toBe(201);
    expect([again.status, again.headers.get("Idempotent-Replayed")]).toEqual([201, "true"]);
    expect(again.body).toEqual(first.body);
    const named = await db()
      .select({ n: sql<number>`count(*)` })
      .from(dossiers)
      .where(eq(dossiers.applicantName, "Đỗ Lặp Lại"))
      .get();
    expect(named!.n).toBe(1);
    expect((await intake(officer, { ...body, channel: "postal" }, key)).status).toBe(422);
    expect((await intake(officer, body, null)).status).toBe(400);
    expect((await intake(officer, { ...body, applicant: { fullName: "A" } })).status).toBe(400);
  });
});

async function dossierCount() {
  return (await db().select({ n: sql<number>`count(*)` }).from(dossiers).get())!.n;
}
