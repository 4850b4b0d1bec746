import { env } from "cloudflare:workers";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ErrorEnvelope } from "../../shared/src/api/errors";
import type { Session } from "../../shared/src/auth/api";
import { dossierEvents, dossiers } from "../../worker/src/db/schema";
import {
  COMMUNE,
  completeBody,
  newKey,
  PROCEDURE,
  procedureDetail,
  resident,
  submit,
  upload,
  validForm,
} from "./dossier-fixtures";
import { type Answer, type Api, api, bearer, db, errorOf, getJson, json, signIn } from "./helpers";
import { dossierRow, staffMember } from "./staff-fixtures";

type Receipt = Answer<Api["dossiers"]["$post"]>;

const CODE_SHAPE = /^000\.00\.01\.H99-\d{6}-\d{4}$/;

type Attachment = { docIndex: number; fileIds: string[] };
const withFirstFile = (documents: Attachment[], fileId: string) =>
  documents.map((d, i) => (i === 0 ? { ...d, fileIds: [fileId] } : d));

// A fresh, VNeID-verified resident per test: submissions are rate-limited per user.
let an: Session;
let residents = 0;
beforeEach(async () => {
  an = await resident(`resident-${++residents}`, true);
});
afterEach(() => vi.restoreAllMocks());

async function dossierCount(code?: string) {
  const rows = await db()
    .select({ n: sql<number>`count(*)` })
    .from(dossiers)
    .where(code ? eq(dossiers.code, code) : sql`1`);
  return rows[0]!.n;
}

describe("POST /api/dossiers", () => {
  it("files a dossier with an official code, status 1, the version and an online fee quote", async () => {
    const body = await completeBody(an);
    const res = await submit(an, body);
    expect(res.status).toBe(201);
    const out = (await res.json()) as Receipt;
    expect(out.code).toMatch(CODE_SHAPE);
    expect(out).toMatchObject({
      status: 1,
      statusLabel: "Đã nộp, chờ tiếp nhận",
      channel: "online",
      procedure: { code: PROCEDURE, version: body.procedureVersion },
      receivingUnit: { id: "phuong-an-hoa" },
      handlingUnit: { id: "phuong-an-hoa" },
      fee: { channel: "online", amount: 10000, online: 10000, counter: 20000 },
    });
    expect(out.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(out.dueExplanation).toContain("ngày làm việc");
    expect(out.trackingUrl).toMatch(
      new RegExp(`^https://zalo\\.me/s/1234567890123456789/t/${out.code.replaceAll(".", "\\.")}\\?k=[A-Za-z0-9_-]{24}$`),
    );

    const [row] = await db().select().from(dossiers).where(eq(dossiers.code, out.code));
    expect(row).toMatchObject({ status: 1, channel: "online", version: 1 });
    const events = await db().select().from(dossierEvents).where(eq(dossierEvents.dossierId, row!.id));
    expect(events.map((e) => [e.seq, e.type])).toEqual([[1, "submitted"]]);
  });

  it("replays the original response for the same key and body, without a second dossier", async () => {
    const body = await completeBody(an);
    const key = newKey();
    const first = await submit(an, body, key);
    const firstBody = await first.text();
    const before = await dossierCount();
    const again = await submit(an, body, key);
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await again.text()).toBe(firstBody);
    expect(await dossierCount()).toBe(before);
  });

  it("answers 422 for the same key with a different body", async () => {
    const body = await completeBody(an);
    const key = newKey();
    expect((await submit(an, body, key)).status).toBe(201);
    const res = await submit(an, { ...body, form: { ...body.form, phone: "0987654321" } }, key);
    expect(res.status).toBe(422);
    expect((await errorOf(res)).code).toBe("idempotency_key_reused");
  });

  it("refuses a missing or malformed Idempotency-Key with 400", async () => {
    const body = await completeBody(an);
    for (const key of [null, "short", "x".repeat(65), "bad key with spaces!"]) {
      const res = await submit(an, body, key);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe("validation_failed");
    }
  });

  it("lets only one of two truly concurrent first requests create the dossier; the other gets 409 or the replay", async () => {
    const session = await resident("concurrent-first");
    const body = await completeBody(session);
    const key = newKey();
    const responses = await Promise.all([submit(session, body, key), submit(session, body, key)]);
    const statuses = responses.map((r) => r.status).sort();
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<Receipt & Partial<ErrorEnvelope>>));
    expect(statuses[0]).toBe(201);
    if (statuses[1] === 201) {
      expect(bodies[0]!.code).toBe(bodies[1]!.code);
    } else {
      expect(statuses[1]).toBe(409);
      expect(bodies.find((b) => b.error)?.error?.code).toBe("conflict");
    }
    const own = await getJson("/api/dossiers", { headers: bearer(session) });
    expect(own.body.items).toHaveLength(1);
  });

  it("gives 50 concurrent submissions to one unit 50 distinct, consecutive numbers", { timeout: 30_000 }, async () => {
    const sessions = await Promise.all(Array.from({ length: 50 }, (_, i) => resident(`burst-${i}`)));
    const bodies = await Promise.all(sessions.map((s) => completeBody(s)));
    const responses = await Promise.all(sessions.map((s, i) => submit(s, bodies[i])));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    const codes = await Promise.all(responses.map(async (r) => ((await r.json()) as Receipt).code));
    expect(new Set(codes).size).toBe(50);
    const numbers = codes.map((c) => Number(c.split("-").at(-1))).sort((a, b) => a - b);
    expect(numbers.at(-1)! - numbers[0]!).toBe(49);
  });

  it("lists what is missing (422) and creates nothing", async () => {
    const before = await dossierCount();
    const procedure = await procedureDetail();
    const form = validForm(procedure.eform);
    delete form.phone;
    const res = await submit(an, {
      procedureCode: PROCEDURE,
      procedureVersion: procedure.version,
      receivingUnitId: "phuong-an-hoa",
      form,
      documents: [],
      consent: true,
    });
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe("incomplete");
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "field", key: "phone" }),
        expect.objectContaining({ kind: "document", docIndex: 1 }),
      ]),
    );
    expect(await dossierCount()).toBe(before);
  });

  it("frees the key after a refused attempt, so the corrected retry goes through", async () => {
    const body = await completeBody(an);
    const key = newKey();
    expect((await submit(an, { ...body, documents: [] }, key)).status).toBe(422);
    // A different body under the same key: the failed attempt left no claim behind.
    expect((await submit(an, body, key)).status).toBe(201);
  });

  it("refuses bad input with the envelope and never a 500", async () => {
    type Body = Awaited<ReturnType<typeof completeBody>>;
    const cases: [(body: Body) => unknown, number][] = [
      [(body) => ({ ...body, consent: false }), 400],
      [(body) => ({ ...body, status: 9 }), 400],
      [(body) => ({ ...body, applicantId: "dev-cu-dan-binh" }), 400],
      [(body) => ({ ...body, receivingUnitId: "so-tu-phap" }), 400],
      [(body) => ({ ...body, receivingUnitId: "khong-ton-tai" }), 400],
      [(body) => ({ ...body, procedureCode: "9.999999" }), 404],
      [(body) => ({ ...body, procedureVersion: body.procedureVersion + 1 }), 409],
      [(body) => ({ ...body, documents: withFirstFile(body.documents, "00000000-0000-4000-8000-000000000000") }), 400],
      [(body) => ({ ...body, documents: [{ docIndex: 0, fileIds: ["x"] }] }), 400],
      [(body) => ({ ...body, form: { ...body.form, phone: "12" } }), 422],
      [(body) => ({ ...body, form: Object.fromEntries(Array.from({ length: 61 }, (_, i) => [`k${i}`, "x"])) }), 400],
      [() => "not an object", 400],
    ];
    // Every attempt counts against a resident's 10 submissions a minute, read or not: two residents share the cases.
    const other = await resident(`resident-${++residents}`, true);
    const applicants = [
      { session: an, body: await completeBody(an) },
      { session: other, body: await completeBody(other) },
    ];
    for (const [index, [make, status]] of cases.entries()) {
      const { session, body } = applicants[index % 2]!;
      const input = make(body);
      const res = await submit(session, input);
      expect(res.status, JSON.stringify(input).slice(0, 120)).toBe(status);
      expect((await errorOf(res)).message).toBeTruthy();
    }
  });

  it("refuses someone else's files", async () => {
    const binh = await signIn("cu-dan-binh");
    const theirs = await upload(binh);
    const body = await completeBody(an);
    const res = await submit(an, { ...body, documents: withFirstFile(body.documents, theirs.body.id) });
    expect(res.status).toBe(400);
  });

  it("refuses oversized bodies early with 413", async () => {
    const res = await api("/api/dossiers", {
      method: "POST",
      headers: { ...bearer(an), "Content-Type": "application/json", "Idempotency-Key": newKey() },
      body: JSON.stringify({ pad: "x".repeat(300 * 1024) }),
    });
    expect(res.status).toBe(413);
  });

  it("requires a VNeID-verified identity where the procedure says so", async () => {
    const binh = await signIn("cu-dan-binh");
    const body = await completeBody(binh, "2.000488", "so-tu-phap");
    const refused = await submit(binh, body);
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe("identity_required");
    const verified = await completeBody(an, "2.000488", "so-tu-phap");
    const accepted = await submit(an, verified);
    expect(accepted.status).toBe(201);
    expect(((await accepted.json()) as Receipt).code).toMatch(/^000\.\d{2}\.00\.H99-/);
  });

  it("needs a signed-in person; an officer files their own dossier as its applicant", async () => {
    // Like anyone filing online, with their own VNeID identity linked.
    const officer = await staffMember(COMMUNE, [], { vneidVerified: true });
    const filed = await submit(officer, await completeBody(officer));
    expect(filed.status).toBe(201);
    const { code } = (await filed.json()) as Receipt;
    expect((await dossierRow(code)).applicantId).toBe(officer.user.id);
    const body = await completeBody(an);
    expect((await api("/api/dossiers", json("POST", body, { "Idempotency-Key": newKey() }))).status).toBe(401);
  });

  it("rate-limits submissions per user with 429", async () => {
    const session = await resident("rate-limited");
    const body = await completeBody(session);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await submit(session, body)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it("keeps citizen ids, phone numbers and names out of the logs", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m));
    const session = await resident("log-check");
    const body = await completeBody(session);
    await submit(session, body);
    await submit(session, { ...body, form: { ...body.form, phone: "x" } });
    const logged = spies.flatMap((s) => s.mock.calls.map((args) => args.map(String).join(" "))).join("\n");
    for (const secret of ["001090012345", "0912345678", "Nguyễn Văn An"]) expect(logged).not.toContain(secret);
    // The refusal itself is logged, as a security event with the pseudonymous user id only.
    expect(logged).toContain(`"event":"incomplete","route":"POST /api/dossiers","user":"${session.user.id}"`);
  });
});

describe("reading dossiers", () => {
  let owner: Session;
  let code: string;
  let token: string;
  beforeAll(async () => {
    owner = await resident("reading-owner");
    const res = await submit(owner, await completeBody(owner));
    const out = (await res.json()) as Receipt;
    code = out.code;
    token = new URL(out.trackingUrl).searchParams.get("k")!;
  });

  it("shows the owner the detail with timeline, documents and allowed actions", async () => {
    const { status, body } = await getJson<Answer<Api["dossiers"][":code"]["$get"]>>(`/api/dossiers/${code}`, {
      headers: bearer(owner),
    });
    expect(status).toBe(200);
    expect(body.timeline.map((e) => e.title)).toEqual(["Nộp hồ sơ trực tuyến"]);
    expect(body.documents[0]!.files[0]).toMatchObject({ mime: "application/pdf" });
    expect(body).toMatchObject({ canWithdraw: true, canSupplement: false, supplement: null, results: [] });
    expect(body.form.citizenId).toBe("001090012345");
  });

  it("lists only the caller's own dossiers", async () => {
    const mine = await getJson<Answer<Api["dossiers"]["$get"]>>("/api/dossiers", { headers: bearer(owner) });
    expect(mine.body.items.some((d) => d.code === code)).toBe(true);
    const binh = await signIn("cu-dan-binh");
    const theirs = await getJson<Answer<Api["dossiers"]["$get"]>>("/api/dossiers", { headers: bearer(binh) });
    expect(theirs.body.items.some((d) => d.code === code)).toBe(false);
  });

  it("is a 404 for another resident and for staff of another unit, on every dossier route", async () => {
    for (const persona of ["cu-dan-binh", "can-bo-tu-phap"]) {
      const other = await signIn(persona);
      const get = await api(`/api/dossiers/${code}`, { headers: bearer(other) });
      const supplement = await api(
        `/api/dossiers/${code}/supplement`,
        json("POST", { documents: [{ docIndex: 0, fileIds: [(await upload(other)).body.id] }] }, bearer(other)),
      );
      const withdraw = await api(`/api/dossiers/${code}/withdraw`, json("POST", { reason: "Tôi muốn rút" }, bearer(other)));
      expect([persona, get.status, supplement.status, withdraw.status]).toEqual([persona, 404, 404, 404]);
    }
    for (const path of [`/api/dossiers/${code}`, `/api/dossiers/${code}/withdraw`]) {
      expect((await api(path, path.endsWith("withdraw") ? json("POST", { reason: "abc" }) : undefined)).status).toBe(401);
    }
  });

  it("lets staff of the handling unit and the province admin read it, but not act as the applicant", async () => {
    for (const persona of ["can-bo-phuong", "quan-tri-tinh"]) {
      const staff = await signIn(persona);
      const { status, body } = await getJson(`/api/dossiers/${code}`, { headers: bearer(staff) });
      expect(status).toBe(200);
      expect(body).toMatchObject({ canWithdraw: false, canSupplement: false });
      expect((await api(`/api/dossiers/${code}/withdraw`, json("POST", { reason: "Thử rút hộ" }, bearer(staff)))).status).toBe(
        404,
      );
    }
    // Staff read the attached file too; another unit's staff cannot.
    const fileId = (await getJson(`/api/dossiers/${code}`, { headers: bearer(owner) })).body.documents[0].files[0].id;
    expect((await api(`/api/files/${fileId}/content`, { headers: bearer(await signIn("can-bo-phuong")) })).status).toBe(200);
    expect((await api(`/api/files/${fileId}/content`, { headers: bearer(await signIn("can-bo-tu-phap")) })).status).toBe(404);
    expect((await api(`/api/files/${fileId}/content`, { headers: bearer(await signIn("cu-dan-binh")) })).status).toBe(404);
  });

  it("tracks publicly with the right token only, without personal data", async () => {
    const { status, body } = await getJson(`/api/track/${code}?k=${token}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      code,
      status: 1,
      statusLabel: "Đã nộp, chờ tiếp nhận",
      unitName: expect.stringContaining("An Hòa"),
    });
    expect(Object.keys(body).sort()).toEqual([
      "code",
      "dueDate",
      "onTime",
      "pausedAt",
      "procedureName",
      "receivedAt",
      "resultAt",
      "status",
      "statusLabel",
      "submittedAt",
      "unitName",
    ]);
    const text = JSON.stringify(body);
    for (const secret of ["001090012345", "0912345678", "Nguyễn Văn An"]) expect(text).not.toContain(secret);

    const wrong = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    for (const path of [
      `/api/track/${code}?k=${wrong}`,
      `/api/track/${code}`,
      `/api/track/${code}?k=`,
      `/api/track/000.00.01.H99-000101-0001?k=${token}`,
      `/api/track/..%2F..?k=${token}`,
    ]) {
      const miss = await getJson(path);
      expect([path, miss.status]).toEqual([path, 404]);
      expect(miss.body.error.message).toBe("Không tìm thấy hồ sơ.");
    }
  });
});

describe("supplement and withdrawal", () => {
  /** Puts a dossier into "Yêu cầu bổ sung" the way the staff workspace will: state, version and event together. */
  async function requestSupplement(code: string) {
    const [d] = await db().select().from(dossiers).where(eq(dossiers.code, code));
    await db().batch([
      db()
        .insert(dossierEvents)
        .values({
          dossierId: d!.id,
          seq: d!.version + 1,
          type: "supplement_requested",
          actorRole: "staff",
          at: new Date().toISOString(),
          note: "Ảnh chụp mờ",
          data: { items: ["Giấy tờ chứng minh chỗ ở hợp pháp (bản rõ nét)"] },
        }),
      db()
        .update(dossiers)
        .set({ status: 5, version: d!.version + 1 })
        .where(eq(dossiers.id, d!.id)),
    ]);
  }

  it("shows what is requested and takes the answer back to status 1", async () => {
    const out = (await (await submit(an, await completeBody(an))).json()) as Receipt;
    await requestSupplement(out.code);
    const detail = await getJson(`/api/dossiers/${out.code}`, { headers: bearer(an) });
    expect(detail.body.supplement).toMatchObject({
      items: ["Giấy tờ chứng minh chỗ ở hợp pháp (bản rõ nét)"],
      note: "Ảnh chụp mờ",
    });
    expect(detail.body.canSupplement).toBe(true);

    const file = await upload(an, undefined, "cho-o-hop-phap.pdf");
    const answered = await getJson(
      `/api/dossiers/${out.code}/supplement`,
      json("POST", { documents: [{ docIndex: 1, fileIds: [file.body.id] }], note: "Đã chụp lại" }, bearer(an)),
    );
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe(1);
    expect(answered.body.timeline.at(-1)).toMatchObject({
      type: "supplement_submitted",
      note: "Đã chụp lại",
      files: [expect.objectContaining({ name: "cho-o-hop-phap.pdf" })],
    });
    // Not waiting for a supplement any more: a second answer is a conflict.
    const again = await api(
      `/api/dossiers/${out.code}/supplement`,
      json("POST", { documents: [{ docIndex: 1, fileIds: [file.body.id] }] }, bearer(an)),
    );
    expect(again.status).toBe(409);
  });

  it("withdraws a dossier nobody has accepted yet at once, and only once", async () => {
    const out = (await (await submit(an, await completeBody(an))).json()) as Receipt;
    const res = await getJson(`/api/dossiers/${out.code}/withdraw`, json("POST", { reason: "Tôi nộp nhầm thủ tục" }, bearer(an)));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 7, statusLabel: "Đã rút hồ sơ", canWithdraw: false });
    expect((await api(`/api/dossiers/${out.code}/withdraw`, json("POST", { reason: "Lần nữa" }, bearer(an)))).status).toBe(409);
    expect((await api(`/api/dossiers/${out.code}/withdraw`, json("POST", { reason: "" }, bearer(an)))).status).toBe(400);
  });

  it("of two concurrent steps on one dossier exactly one wins", async () => {
    const out = (await (await submit(an, await completeBody(an))).json()) as Receipt;
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        api(`/api/dossiers/${out.code}/withdraw`, json("POST", { reason: "Rút hồ sơ" }, bearer(an))),
      ),
    );
    expect(results.map((r) => r.status).filter((s) => s === 200)).toHaveLength(1);
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const [d] = await db().select().from(dossiers).where(eq(dossiers.code, out.code));
    const events = await db().select().from(dossierEvents).where(eq(dossierEvents.dossierId, d!.id));
    expect(events.map((e) => e.type)).toEqual(["submitted", "withdrawn"]);
  });
});

describe("files", () => {
  it("stores an upload in R2 with its SHA-256 and a safe name", async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const { status, body } = await upload(an, bytes, "../../Ảnh chụp.png.exe");
    expect(status).toBe(201);
    expect(body).toMatchObject({ mime: "image/png", size: 11, name: "Ảnh chụp_png.png" });
    const digest = [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))]
      .map((b) => b.toString(16).padStart(2, "0"))
      .join("");
    expect(body.sha256).toBe(digest);
    const content = await api(`/api/files/${body.id}/content`, { headers: bearer(an) });
    expect(content.headers.get("Content-Type")).toBe("image/png");
    expect(content.headers.get("Content-Disposition")).toBe(
      `attachment; filename="Anh chup_png.png"; filename*=UTF-8''${encodeURIComponent("Ảnh chụp_png.png")}`,
    );
    expect(new Uint8Array(await content.arrayBuffer())).toEqual(bytes);
    const store = await getJson<Answer<Api["files"]["$get"]>>("/api/files", { headers: bearer(an) });
    expect(store.body.items.some((f) => f.id === body.id)).toBe(true);
  });

  it("refuses wrong types by content, empty and oversized files, and anonymous uploads", async () => {
    const exe = await upload<ErrorEnvelope>(an, new TextEncoder().encode("MZ\x90\x00 this is not a pdf"), "hoa-don.pdf");
    expect([exe.status, exe.body.error.code]).toEqual([415, "unsupported_media_type"]);
    const html = await upload(an, new TextEncoder().encode("<html><script>alert(1)</script>"), "a.jpg");
    expect(html.status).toBe(415);
    const zip = await upload(an, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), "bomb.pdf");
    expect(zip.status).toBe(415);
    expect((await upload(an, new Uint8Array())).status).toBe(400);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode("%PDF-1.4"));
    const tooBig = await upload<ErrorEnvelope>(an, big);
    expect([tooBig.status, tooBig.body.error.code]).toEqual([413, "payload_too_large"]);
    const anonymous = await api("/api/files", { method: "POST", body: new TextEncoder().encode("%PDF-1.4") });
    expect(anonymous.status).toBe(401);
  });

  it("does not serve one resident's file to another", async () => {
    const mine = await upload(an);
    const binh = await signIn("cu-dan-binh");
    expect((await api(`/api/files/${mine.body.id}/content`, { headers: bearer(binh) })).status).toBe(404);
    const store = await getJson<Answer<Api["files"]["$get"]>>("/api/files", { headers: bearer(binh) });
    expect(store.body.items.some((f) => f.id === mine.body.id)).toBe(false);
    expect(await env.FILES.head(`files/${an.user.id}/${mine.body.id}`)).not.toBeNull();
  });
});

describe("drafts", () => {
  it("autosaves per resident and procedure and is removed by the submission", async () => {
    const session = await resident("draft-owner");
    const draft = { receivingUnitId: "phuong-an-hoa", form: { fullName: "Lê Thị Hoa" }, documents: [] };
    expect((await api(`/api/drafts/${PROCEDURE}`, json("PUT", draft, bearer(session)))).status).toBe(200);
    const saved = await getJson(`/api/drafts/${PROCEDURE}`, { headers: bearer(session) });
    expect(saved.body.draft).toMatchObject(draft);
    const other = await getJson(`/api/drafts/${PROCEDURE}`, { headers: bearer(an) });
    expect(other.body.draft?.form?.fullName).not.toBe("Lê Thị Hoa");

    expect((await submit(session, await completeBody(session))).status).toBe(201);
    expect((await getJson(`/api/drafts/${PROCEDURE}`, { headers: bearer(session) })).body.draft).toBeNull();
  });

  it("validates drafts strictly", async () => {
    for (const bad of [
      { form: {} },
      { receivingUnitId: null, form: { "bad key": 1 }, documents: [] },
      { receivingUnitId: null, form: {}, documents: [{ docIndex: 99, fileIds: [] }] },
    ]) {
      expect((await api(`/api/drafts/${PROCEDURE}`, json("PUT", bad, bearer(an)))).status).toBe(400);
    }
    expect((await api(`/api/drafts/not-a-code`, { headers: bearer(an) })).status).toBe(400);
  });
});
