import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ErrorEnvelope } from "../../shared/src/api/errors";
import type { Session } from "../../shared/src/auth/api";
import type { ProcedureList } from "../../shared/src/catalogue/api";
import type { SubmitResponse } from "../../shared/src/dossier/api";
import type { Inbox } from "../../shared/src/staff/api";
import { insertFile } from "../../worker/src/db/repo/files";
import { dossiers, idempotencyKeys, provinces, units } from "../../worker/src/db/schema";
import { completeBody, newKey, pdf, procedureDetail, resident, submit, upload, validForm } from "./dossier-fixtures";
import { api, bearer, db, getJson, json, signIn } from "./helpers";
import { clockAt, dossierRow, fileDossier, staffMember, staffView } from "./staff-fixtures";

/**
 * The product's rules at their boundaries, through the API: just inside and just outside each
 * limit, so that moving a deadline, a limit or a rate by one step fails a test.
 */

afterEach(() => vi.useRealTimers());

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

const errorCode = async (res: Response) => ((await res.json()) as ErrorEnvelope).error.code;

let people = 0;
const freshResident = (name: string) => resident(`rules-${name}-${++people}-${crypto.randomUUID().slice(0, 8)}`, true);

describe("the online fee rate", () => {
  // Cấp đổi giấy phép lái xe: 115.000 đ online until 31/12/2025 (Vietnam time), 135.000 đ at the counter.
  const LICENCE_RENEWAL = "1.002804";
  const POLICE = "cong-an-tinh";

  async function submitAt(at: string) {
    clockAt(at);
    const session = await freshResident("fee");
    const res = await submit(session, await completeBody(session, LICENCE_RENEWAL, POLICE));
    expect(res.status).toBe(201);
    return ((await res.json()) as SubmitResponse).fee;
  }

  it("applies until the last second of its end date in Vietnam", async () => {
    // 23:59:59 on 31/12/2025 in Vietnam, already 16:59:59 UTC.
    expect(await submitAt("2025-12-31T16:59:59Z")).toMatchObject({
      channel: "online",
      amount: 115000,
      online: 115000,
      counter: 135000,
    });
  });

  it("gives way to the counter rate from midnight in Vietnam, though the UTC date is still the end date", async () => {
    expect(await submitAt("2025-12-31T17:00:00Z")).toMatchObject({
      channel: "online",
      amount: 135000,
      online: 115000,
      counter: 135000,
    });
  });
});

describe("sessions", () => {
  const START = Date.parse("2026-03-02T01:00:00Z");

  async function startedAt(at: number): Promise<Session> {
    clockAt(iso(at));
    return freshResident("session");
  }

  it("an access token works for 15 minutes, and not a second longer", async () => {
    const session = await startedAt(START);
    expect(session.accessExpiresAt).toBe(iso(START + 15 * MINUTE));
    clockAt(iso(START + 15 * MINUTE - SECOND));
    expect((await api("/api/me", { headers: bearer(session) })).status).toBe(200);
    clockAt(iso(START + 15 * MINUTE + SECOND));
    expect((await api("/api/me", { headers: bearer(session) })).status).toBe(401);
  });

  it("a refresh token renews the session for 30 days, and not a second longer", async () => {
    const inside = await startedAt(START);
    const outside = await startedAt(START);
    const renew = (session: Session) => api("/api/auth/refresh", json("POST", { refreshToken: session.refreshToken }));
    clockAt(iso(START + 30 * DAY - SECOND));
    expect((await renew(inside)).status).toBe(200);
    clockAt(iso(START + 30 * DAY + SECOND));
    expect((await renew(outside)).status).toBe(401);
  });
});

describe("upload limits", () => {
  const MB = 1024 * 1024;
  /** A PDF of exactly `size` bytes. */
  const pdfOf = (size: number) => {
    const bytes = new Uint8Array(size);
    bytes.set(pdf());
    return bytes;
  };
  async function uploaded(session: Session, bytes: Uint8Array) {
    const res = await upload(session, bytes);
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  // Đăng ký xe mô tô, xe gắn máy lần đầu: four required documents, filed at a commune.
  const MOTORBIKE = "1.012870";
  async function bodyWith(fileIdsPerDocument: string[][]) {
    const procedure = await procedureDetail(MOTORBIKE);
    return {
      procedureCode: MOTORBIKE,
      procedureVersion: procedure.version,
      receivingUnitId: "phuong-an-hoa",
      form: validForm(procedure.eform),
      documents: fileIdsPerDocument.map((fileIds, docIndex) => ({ docIndex, fileIds })),
      consent: true,
    };
  }

  // A real 10 MB upload: hashing and storing it takes a few seconds on a busy machine.
  it("takes a file of exactly 10 MB and refuses one byte more", { timeout: 30_000 }, async () => {
    const session = await freshResident("file-size");
    expect((await upload(session, pdfOf(10 * MB))).status).toBe(201);
    const res = await upload<ErrorEnvelope>(session, pdfOf(10 * MB + 1));
    expect([res.status, res.body.error.code]).toEqual([413, "payload_too_large"]);
  });

  it("takes a dossier of exactly 50 MB and refuses one whose files add up to more", async () => {
    const session = await freshResident("dossier-size");
    // The check reads the sizes recorded at upload: files arranged through the same repository
    // function spare the test 50 MB of uploads.
    const stored = async (size: number) =>
      (
        await insertFile(db(), {
          id: crypto.randomUUID(),
          ownerId: session.user.id,
          r2Key: "files/arranged",
          name: "giay-to.pdf",
          mime: "application/pdf",
          size,
          sha256: "0".repeat(64),
        })
      ).id;
    const tens = await Promise.all(Array.from({ length: 5 }, () => stored(10 * MB)));
    const [first, second, third, fourth] = [tens.slice(0, 2), tens.slice(2, 3), tens.slice(3, 4), tens.slice(4)];
    const over = await submit(session, await bodyWith([[...first, await stored(1)], second, third, fourth]));
    expect([over.status, await errorCode(over)]).toEqual([413, "payload_too_large"]);
    expect((await submit(session, await bodyWith([first, second, third, fourth]))).status).toBe(201);
  });

  it("takes a dossier of 30 files and refuses 31", async () => {
    const session = await freshResident("dossier-files");
    const ids: string[] = [];
    for (let i = 0; i < 31; i++) ids.push(await uploaded(session, pdf(`tệp ${i}`)));
    const over = await submit(session, await bodyWith([ids.slice(0, 10), ids.slice(10, 20), ids.slice(20, 30), ids.slice(30)]));
    expect([over.status, await errorCode(over)]).toEqual([400, "validation_failed"]);
    const thirty = await submit(
      session,
      await bodyWith([ids.slice(0, 10), ids.slice(10, 20), ids.slice(20, 25), ids.slice(25, 30)]),
    );
    expect(thirty.status).toBe(201);
  });
});

describe("rate limits", () => {
  it("takes 60 uploads a minute from one resident and refuses the 61st", { timeout: 30_000 }, async () => {
    const session = await freshResident("uploads");
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await upload(session, pdf(`tệp ${i}`))).status);
    expect(statuses.slice(0, 60)).toEqual(Array(60).fill(201));
    expect(statuses[60]).toBe(429);
  });
});

describe("Idempotency-Key claims", () => {
  it("a claim left behind by a request that died is taken over after 2 minutes, not before", async () => {
    const now = Date.parse("2026-03-10T02:00:00Z");
    clockAt(iso(now));
    const session = await freshResident("stale-claim");
    const body = await completeBody(session);
    // A first submission shows the request hash the API stores for this body.
    const first = newKey();
    expect((await submit(session, body, first)).status).toBe(201);
    const { requestHash } = (await db().query.idempotencyKeys.findFirst({ where: eq(idempotencyKeys.key, first) }))!;
    const [inFlight, abandoned] = [newKey(), newKey()];
    await db()
      .insert(idempotencyKeys)
      .values([
        { userId: session.user.id, key: inFlight, requestHash, createdAt: iso(now - 2 * MINUTE + SECOND) },
        { userId: session.user.id, key: abandoned, requestHash, createdAt: iso(now - 2 * MINUTE - SECOND) },
      ]);
    const refused = await submit(session, body, inFlight);
    expect([refused.status, await errorCode(refused)]).toEqual([409, "conflict"]);
    expect((await submit(session, body, abandoned)).status).toBe(201);
  });
});

describe("search limits", () => {
  async function search(query: string) {
    const res = await api(`/api/procedures?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as ProcedureList;
  }

  it("takes a query of 100 characters and one of 12 words (101 and 13 are refused: catalogue.test.ts)", async () => {
    await search(`q=${"a".repeat(100)}`);
    await search(`q=${Array.from({ length: 12 }, (_, i) => `w${i}`).join("%20")}`);
  });

  it("answers 20 procedures a page by default and up to 50 when asked", async () => {
    expect((await search("")).items).toHaveLength(20);
    expect((await search("limit=50")).items).toHaveLength(50);
  });
});

describe("the staff scope stops at the province", () => {
  it("neither a grant nor the admin's whole-province view reaches a dossier of another province", async () => {
    // Another tenant in the same database: a province, one of its communes and a dossier there.
    await db().insert(provinces).values({ id: "tinh-lan-can", name: "Tỉnh Lân Cận", code: "H98" }).onConflictDoNothing();
    await db()
      .insert(units)
      .values({
        id: "xa-lan-can",
        provinceId: "tinh-lan-can",
        kind: "commune",
        name: "Xã Lân Cận",
        electronicId: "000.01.01.H98",
      })
      .onConflictDoNothing();
    const { code } = await fileDossier();
    const row = await dossierRow(code);
    const elsewhere = `000.01.01.H98-${code.split("-").slice(1).join("-")}`;
    await db()
      .insert(dossiers)
      .values({
        ...row,
        id: crypto.randomUUID(),
        code: elsewhere,
        provinceId: "tinh-lan-can",
        receivingUnitId: "xa-lan-can",
        handlingUnitId: "xa-lan-can",
      });
    const granted = await staffMember("phuong-an-hoa", ["xa-lan-can"]);
    const admin = await signIn("quan-tri-tinh");
    for (const who of [granted, admin]) {
      expect((await staffView(who, elsewhere)).status).toBe(404);
      const inbox = await getJson<Inbox>(`/api/staff/dossiers?q=${elsewhere}`, { headers: bearer(who) });
      expect(inbox.body.items).toEqual([]);
    }
  });
});
