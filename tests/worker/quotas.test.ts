import { afterEach, describe, expect, it, vi } from "vitest";
import type { ErrorEnvelope } from "../../shared/src/api/errors";
import { MAX_DRAFTS } from "../../shared/src/dossier/api";
import { MAX_STORED_BYTES } from "../../shared/src/files/files";
import { startSession } from "../../worker/src/auth/session";
import { upsertUser } from "../../worker/src/db/repo/users";
import { drafts, files } from "../../worker/src/db/schema";
import { PROCEDURE, pdf, resident, upload } from "./dossier-fixtures";
import { api, bearer, db, getJson, json, testEnv } from "./helpers";

const OTHER_PROCEDURE = "2.000488";
const draft = { receivingUnitId: null, form: {}, documents: [] };
const putDraft = (session: Awaited<ReturnType<typeof resident>>, code: string) =>
  getJson(`/api/drafts/${code}`, json("PUT", draft, bearer(session)));

/** Storage already used by `ownerId`, written straight into D1 rather than uploaded. */
const alreadyStored = (ownerId: string, size: number, source: "upload" | "result" = "upload") =>
  db()
    .insert(files)
    .values({
      id: crypto.randomUUID(),
      ownerId,
      r2Key: `files/${ownerId}/seeded`,
      name: "cu.pdf",
      mime: "application/pdf",
      size,
      sha256: "0".repeat(64),
      source,
    });

describe("drafts", () => {
  afterEach(() => vi.restoreAllMocks());

  it("refuses a procedure code that does not exist, and stores nothing", async () => {
    const session = await resident(`draft-404-${crypto.randomUUID()}`);
    const { status, body } = await putDraft(session, "9.999999");
    expect([status, body.error.code, body.error.message]).toEqual([404, "not_found", "Không tìm thấy thủ tục này."]);
    expect((await getJson("/api/drafts/9.999999", { headers: bearer(session) })).body.draft).toBeNull();
  });

  it(`keeps at most ${MAX_DRAFTS} drafts per resident; updating one and saving after a deletion still work`, async () => {
    const session = await resident(`draft-cap-${crypto.randomUUID()}`);
    expect((await putDraft(session, PROCEDURE)).status).toBe(200);
    await db()
      .insert(drafts)
      .values(
        Array.from({ length: MAX_DRAFTS - 1 }, (_, i) => ({ userId: session.user.id, procedureCode: `0.00${i}`, data: draft })),
      );
    const warned: string[] = [];
    vi.spyOn(console, "warn").mockImplementation((line: unknown) => void warned.push(String(line)));
    const refused = await putDraft(session, OTHER_PROCEDURE);
    expect([refused.status, refused.body.error.code]).toEqual([409, "quota_exceeded"]);
    expect(refused.body.error.message).toContain(`${MAX_DRAFTS} bản nháp`);
    expect(warned.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({ event: "quota_exceeded", route: "PUT /api/drafts/:code", user: session.user.id }),
    );
    // The draft already kept is still saved.
    expect((await putDraft(session, PROCEDURE)).status).toBe(200);
    expect((await api(`/api/drafts/${PROCEDURE}`, { method: "DELETE", headers: bearer(session) })).status).toBe(204);
    expect((await putDraft(session, OTHER_PROCEDURE)).status).toBe(200);
  });

  it("concurrent saves of new drafts cannot pass the cap together", async () => {
    const session = await resident(`draft-race-${crypto.randomUUID()}`);
    await db()
      .insert(drafts)
      .values(
        Array.from({ length: MAX_DRAFTS - 1 }, (_, i) => ({ userId: session.user.id, procedureCode: `0.00${i}`, data: draft })),
      );
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const statuses = (await Promise.all([putDraft(session, PROCEDURE), putDraft(session, OTHER_PROCEDURE)])).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 409]);
  });
});

describe("storage per resident", () => {
  it(`stops a resident's uploads at ${MAX_STORED_BYTES / 1024 / 1024} MB in total, with a Vietnamese 413`, async () => {
    const session = await resident(`storage-${crypto.randomUUID()}`);
    const file = pdf();
    await alreadyStored(session.user.id, MAX_STORED_BYTES - file.length);
    // Results issued to the resident do not count.
    await alreadyStored(session.user.id, MAX_STORED_BYTES, "result");
    expect((await upload(session, file)).status).toBe(201);
    const refused = await upload<ErrorEnvelope>(session, file);
    expect([refused.status, refused.body.error.code]).toEqual([413, "quota_exceeded"]);
    expect(refused.body.error.message).toContain(`${MAX_STORED_BYTES / 1024 / 1024} MB`);
    expect((await getJson("/api/files", { headers: bearer(session) })).body.items).toHaveLength(3);
  });

  it("does not limit staff, who upload for many residents", async () => {
    const officer = await upsertUser(db(), "an-hoa", {
      id: `can-bo-storage-${crypto.randomUUID()}`,
      role: "officer",
      unitId: "phuong-an-hoa",
      displayName: "Cán bộ",
    });
    await alreadyStored(officer.id, MAX_STORED_BYTES);
    const session = await startSession(db(), testEnv(), officer);
    expect((await upload(session)).status).toBe(201);
  });
});
