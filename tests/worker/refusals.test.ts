import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { MAX_IMPORT_BYTES } from "../../shared/src/admin/exchange";
import { ERROR_CODES, ErrorEnvelope } from "../../shared/src/api/errors";
import type { Session } from "../../shared/src/auth/api";
import { MAX_FILE_BYTES } from "../../shared/src/files/files";
import { app } from "../../worker/src/index";
import { handleError } from "../../worker/src/lib/errors";
import { MAX_JSON_BYTES } from "../../worker/src/lib/validate";
import { completeBody, PROCEDURE, resident, submit } from "./dossier-fixtures";
import { api, bearer, freshRateWindow, json, signIn } from "./helpers";

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

/** The JSON error envelope with a documented code for its status and a Vietnamese message. */
async function expectDocumentedError(res: Response, status: number, code?: keyof typeof ERROR_CODES) {
  const body = ErrorEnvelope.parse(await res.json());
  expect(res.status, JSON.stringify(body)).toBe(status);
  if (code) expect(body.error.code).toBe(code);
  expect(ERROR_CODES[body.error.code].statuses as readonly number[]).toContain(status);
  expect(body.error.message).toMatch(VIETNAMESE);
  return body.error;
}

describe("error answers", () => {
  let session: Session;
  beforeAll(async () => {
    session = await signIn("cu-dan-an");
  });
  const post = (path: string, init: RequestInit) => api(path, { method: "POST", ...init });

  it("answers malformed JSON, a wrong or missing content type and an empty body in Vietnamese with a documented code", async () => {
    const cases: [RequestInit, number, keyof typeof ERROR_CODES][] = [
      [{ headers: { "Content-Type": "application/json" }, body: "{not json" }, 400, "bad_request"],
      [{ headers: { "Content-Type": "application/json" }, body: "" }, 400, "bad_request"],
      [{ headers: { "Content-Type": "text/plain" }, body: '{"upTo":1}' }, 415, "unsupported_media_type"],
      [{ headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "upTo=1" }, 415, "unsupported_media_type"],
      [{}, 415, "unsupported_media_type"],
      [{ headers: { "Content-Type": "application/json" }, body: '{"upTo":"một"}' }, 400, "validation_failed"],
    ];
    for (const [init, status, code] of cases) {
      const headers = { ...bearer(session), ...(init.headers as Record<string, string>) };
      const error = await expectDocumentedError(await post("/api/me/notifications/read", { ...init, headers }), status, code);
      expect(error.message).not.toMatch(/malformed|invalid|payload/i);
    }
    // A charset parameter is still JSON.
    const ok = await post("/api/me/notifications/read", {
      headers: { ...bearer(session), "Content-Type": "application/json; charset=utf-8" },
      body: '{"upTo":1}',
    });
    expect(ok.status).toBe(204);
  });

  it("answers unknown paths and malformed parameters with the envelope", async () => {
    await expectDocumentedError(await api("/api/khong-co"), 404, "not_found");
    await expectDocumentedError(await api("/api/procedures/%E0%A4%A"), 400, "validation_failed");
    await expectDocumentedError(await api("/api/procedures?limit=%ZZ"), 400, "validation_failed");
  });

  it("maps every framework error to a documented code and its Vietnamese message", async () => {
    const probe = new Hono();
    probe.onError(handleError);
    const thrown = [
      [new HTTPException(400, { message: "Malformed JSON in request body" }), 400, "bad_request"],
      [new HTTPException(401, { message: "Unauthorized" }), 401, "unauthorized"],
      [new HTTPException(413, { res: new Response("Payload Too Large", { status: 413 }) }), 413, "payload_too_large"],
      [new HTTPException(415), 415, "unsupported_media_type"],
      [new HTTPException(405, { message: "Method Not Allowed" }), 400, "bad_request"],
      [new HTTPException(500, { message: "Internal" }), 500, "internal"],
      [new TypeError("x is undefined"), 500, "internal"],
    ] as const;
    for (const [index, [error]] of thrown.entries())
      probe.get(`/${index}`, () => {
        throw error;
      });
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const [index, [, status, code]] of thrown.entries())
      await expectDocumentedError(await probe.request(`/${index}`), status, code);
    quiet.mockRestore();
  });
});

describe("the security log", () => {
  afterEach(() => vi.restoreAllMocks());

  /** The security lines written while `act` runs. */
  async function logged(act: () => Promise<unknown>) {
    const lines: Record<string, unknown>[] = [];
    for (const method of ["info", "warn"] as const)
      vi.spyOn(console, method).mockImplementation((line: unknown) => {
        lines.push(JSON.parse(String(line)));
      });
    await act();
    vi.restoreAllMocks();
    return lines;
  }

  it("names the caller and the route pattern of every refusal", { timeout: 60_000 }, async () => {
    const an = await resident(`log-${crypto.randomUUID()}`);
    const admin = await signIn("quan-tri-tinh");
    const staff = await signIn("can-bo-phuong");
    const complete = await completeBody(an);
    const refusals: [string, () => Response | Promise<Response>, Record<string, unknown>][] = [
      ["401 without a session", () => api("/api/me"), { event: "unauthorized", route: "GET /api/me", user: null }],
      [
        "403 from requireUser's role check",
        () => api("/api/staff/dossiers/000.00.01.H99-261122-0001", { headers: bearer(an) }),
        { event: "forbidden", route: "GET /api/staff/dossiers/:code", user: an.user.id },
      ],
      [
        "403 from requireRole",
        // An admin reads the workspace but does not act: counter intake is refused by role.
        () => api("/api/staff/dossiers", json("POST", {}, { ...bearer(admin), "Idempotency-Key": "k-1234567890" })),
        { event: "forbidden", route: "POST /api/staff/dossiers", user: admin.user.id },
      ],
      [
        "403 on an admin route",
        () => api("/api/admin/calendar/2026-09-02", json("PUT", {}, bearer(staff))),
        { event: "forbidden", route: "PUT /api/admin/calendar/:date", user: staff.user.id },
      ],
      [
        "422 for an incomplete dossier",
        () => submit(an, { ...complete, form: { ...complete.form, phone: "x" } }),
        { event: "incomplete", route: "POST /api/dossiers", user: an.user.id },
      ],
    ];
    for (const [name, act, expected] of refusals) {
      let res: Response | undefined;
      const lines = await logged(async () => {
        res = await act();
      });
      expect(res!.status, name).toBeGreaterThanOrEqual(400);
      expect(lines, name).toContainEqual(expect.objectContaining({ level: "warn", ...expected }));
    }

    await freshRateWindow();
    const limited = await logged(async () => {
      for (let i = 0; i < 31; i++)
        await api("/api/me/phone", json("POST", { accessToken: "valid-x", code: "bogus" }, bearer(an)));
    });
    expect(limited).toContainEqual(
      expect.objectContaining({ event: "rate_limited", route: "POST /api/me/phone", user: an.user.id }),
    );
  });
});

describe("body limits", () => {
  const CHUNK = 64 * 1024;

  /** A chunked body of `total` bytes (no Content-Length) that counts what the worker pulls from it. */
  function countedBody(total: number) {
    const counter = { read: 0 };
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (counter.read >= total) return controller.close();
          const chunk = new Uint8Array(Math.min(CHUNK, total - counter.read)).fill(0x20);
          counter.read += chunk.length;
          controller.enqueue(chunk);
        },
      },
      { highWaterMark: 0 },
    );
    return { body, counter };
  }

  /** A concrete path for every route that takes a body; a new one must be added here to be walked. */
  const SAMPLE_PATHS: Record<string, string> = {
    "POST /api/auth/zalo": "/api/auth/zalo",
    "POST /api/auth/refresh": "/api/auth/refresh",
    "POST /api/auth/logout": "/api/auth/logout",
    "POST /api/auth/dev": "/api/auth/dev",
    "POST /api/auth/vneid/start": "/api/auth/vneid/start",
    "POST /api/auth/sso/start": "/api/auth/sso/start",
    "POST /api/auth/sso/link": "/api/auth/sso/link",
    "POST /api/auth/sso/exchange": "/api/auth/sso/exchange",
    "POST /api/me/notifications/read": "/api/me/notifications/read",
    "POST /api/me/phone": "/api/me/phone",
    "POST /api/me/zalo-messages": "/api/me/zalo-messages",
    "POST /api/webhooks/zalo": "/api/webhooks/zalo",
    "PUT /api/drafts/:code": `/api/drafts/${PROCEDURE}`,
    "DELETE /api/drafts/:code": `/api/drafts/${PROCEDURE}`,
    "POST /api/dossiers": "/api/dossiers",
    "POST /api/dossiers/:code/supplement": "/api/dossiers/000.00.01.H99-261122-0001/supplement",
    "POST /api/dossiers/:code/withdraw": "/api/dossiers/000.00.01.H99-261122-0001/withdraw",
    "POST /api/dossiers/:code/payments": "/api/dossiers/000.00.01.H99-261122-0001/payments",
    "POST /api/dossiers/:code/payments/checkout-order": "/api/dossiers/000.00.01.H99-261122-0001/payments/checkout-order",
    "POST /api/dossiers/:code/rating": "/api/dossiers/000.00.01.H99-261122-0001/rating",
    "POST /api/dossiers/:code/rating/details": "/api/dossiers/000.00.01.H99-261122-0001/rating/details",
    "POST /api/dossiers/:code/rating/rerating": "/api/dossiers/000.00.01.H99-261122-0001/rating/rerating",
    "POST /api/staff/rating-cases/:id/reply": "/api/staff/rating-cases/00000000-0000-4000-8000-000000000000/reply",
    "POST /api/staff/dossiers/:code/refunds": "/api/staff/dossiers/000.00.01.H99-261122-0001/refunds",
    "POST /api/payments/:provider/notify": "/api/payments/zalo_checkout/notify",
    "POST /api/assisted": "/api/assisted",
    "POST /api/assisted/:id/link": "/api/assisted/00000000-0000-4000-8000-000000000000/link",
    "POST /api/assisted/:id/cancel": "/api/assisted/00000000-0000-4000-8000-000000000000/cancel",
    "POST /api/assisted/:id/paper-consent": "/api/assisted/00000000-0000-4000-8000-000000000000/paper-consent",
    "POST /api/assisted/confirm": "/api/assisted/confirm",
    "POST /api/staff/dossiers": "/api/staff/dossiers",
    "POST /api/staff/dossiers/:code/actions": "/api/staff/dossiers/000.00.01.H99-261122-0001/actions",
    "PUT /api/staff/dossiers/:code/assignee": "/api/staff/dossiers/000.00.01.H99-261122-0001/assignee",
    "PUT /api/admin/calendar/:date": "/api/admin/calendar/2026-09-02",
    "DELETE /api/admin/calendar/:date": "/api/admin/calendar/2026-09-02",
    "POST /api/invitations/accept": "/api/invitations/accept",
    "PATCH /api/admin/people/:id": "/api/admin/people/someone",
    "POST /api/admin/people/:id/disable": "/api/admin/people/someone/disable",
    "POST /api/admin/people/:id/enable": "/api/admin/people/someone/enable",
    "POST /api/admin/invitations": "/api/admin/invitations",
    "POST /api/admin/invitations/:id/revoke": "/api/admin/invitations/someone/revoke",
    "PUT /api/admin/vneid-relaxations/:code": "/api/admin/vneid-relaxations/1.004194",
    "POST /api/admin/vneid-relaxations/:code/revoke": "/api/admin/vneid-relaxations/1.004194/revoke",
    "POST /api/admin/units": "/api/admin/units",
    "PATCH /api/admin/units/:id": "/api/admin/units/phuong-an-hoa",
    "POST /api/admin/units/:id/deactivate": "/api/admin/units/phuong-an-hoa/deactivate",
    "POST /api/admin/units/:id/merge": "/api/admin/units/phuong-an-hoa/merge",
    "POST /api/admin/procedures": "/api/admin/procedures",
    "POST /api/admin/procedures/:code/drafts": `/api/admin/procedures/${PROCEDURE}/drafts`,
    "PUT /api/admin/procedures/:code/drafts/:version": `/api/admin/procedures/${PROCEDURE}/drafts/2`,
    "POST /api/admin/procedures/:code/versions/:version/publish": `/api/admin/procedures/${PROCEDURE}/versions/2/publish`,
    "POST /api/admin/procedures/:code/versions/:version/archive": `/api/admin/procedures/${PROCEDURE}/versions/2/archive`,
    "POST /api/admin/targets": "/api/admin/targets",
    "PUT /api/admin/figure-settings": "/api/admin/figure-settings",
    "POST /api/admin/reports/:month/review": "/api/admin/reports/2026-10/review",
    "POST /api/admin/reports/:month/prepare": "/api/admin/reports/2026-10/prepare",
    "POST /api/admin/figures/recompute": "/api/admin/figures/recompute",
    "POST /api/admin/portal-sync/dossiers/:code": "/api/admin/portal-sync/dossiers/000.00.01.H99-260101-0001",
    "PUT /api/admin/life-events/:slug": "/api/admin/life-events/sinh-con",
    "POST /api/admin/life-events/:slug/delete": "/api/admin/life-events/sinh-con/delete",
    "PUT /api/admin/paper-replacements/:slug": "/api/admin/paper-replacements/so-ho-khau",
    "POST /api/admin/paper-replacements/:slug/delete": "/api/admin/paper-replacements/so-ho-khau/delete",
    "POST /api/admin/search-synonyms": "/api/admin/search-synonyms",
    "PUT /api/admin/search-synonyms/:id": "/api/admin/search-synonyms/1",
    "POST /api/admin/search-synonyms/:id/delete": "/api/admin/search-synonyms/1/delete",
    "POST /api/track/lookup": "/api/track/lookup",
    "POST /api/feedback": "/api/feedback",
    "POST /api/staff/feedback/:id/assign": "/api/staff/feedback/00000000-0000-4000-8000-000000000000/assign",
    "POST /api/staff/feedback/:id/reply": "/api/staff/feedback/00000000-0000-4000-8000-000000000000/reply",
  };
  /** The uploads take raw bytes, and the catalogue import a whole catalogue, up to their own larger limits; checked below. */
  const RAW_BODY_ROUTES = new Set(["POST /api/files", "POST /api/admin/templates", "POST /api/admin/catalogue/import"]);

  it("no JSON route reads more than its limit, for any caller: refused with 413 before the rest is read", {
    timeout: 120_000,
  }, async () => {
    const callers: Record<string, Record<string, string>> = {
      anonymous: {},
      resident: bearer(await resident(`limits-${crypto.randomUUID()}`, true)),
      staff: bearer(await signIn("can-bo-phuong")),
      admin: bearer(await signIn("quan-tri-tinh")),
    };
    const routes = [
      ...new Set(
        app.routes.filter((r) => ["POST", "PUT", "PATCH", "DELETE"].includes(r.method)).map((r) => `${r.method} ${r.path}`),
      ),
    ].filter((route) => !RAW_BODY_ROUTES.has(route));
    expect(routes.filter((route) => !(route in SAMPLE_PATHS))).toEqual([]);
    const quiet = vi.spyOn(console, "warn").mockImplementation(() => {});
    for (const route of routes) {
      const method = route.split(" ")[0]!;
      const answers: number[] = [];
      let mostRead = 0;
      for (const [caller, headers] of Object.entries(callers)) {
        const { body, counter } = countedBody(4 * MAX_JSON_BYTES);
        const res = await api(SAMPLE_PATHS[route]!, {
          method,
          headers: { ...headers, "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
          body,
          duplex: "half",
        } as RequestInit);
        await res.body?.cancel();
        answers.push(res.status);
        mostRead = Math.max(mostRead, counter.read);
        expect(counter.read, `${route} as ${caller}`).toBeLessThanOrEqual(MAX_JSON_BYTES + CHUNK);
        expect([200, 204, 401, 403, 404, 413], `${route} as ${caller}`).toContain(res.status);
      }
      // A route that reads a body refuses it for some caller; one that never reads a body read nothing.
      if (mostRead > 0) expect(answers, route).toContain(413);
    }
    quiet.mockRestore();
  });

  it("the catalogue import reads no more than its own limit", async () => {
    const { body, counter } = countedBody(MAX_IMPORT_BYTES + 4 * CHUNK);
    const res = await api("/api/admin/catalogue/import", {
      method: "POST",
      headers: { ...bearer(await signIn("quan-tri-tinh")), "Content-Type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    await expectDocumentedError(res, 413, "payload_too_large");
    expect(counter.read).toBeLessThanOrEqual(MAX_IMPORT_BYTES + CHUNK);
    expect(counter.read).toBeGreaterThan(MAX_JSON_BYTES);
  });

  it("the upload reads no more than its own limit", async () => {
    const session = await resident(`upload-limit-${crypto.randomUUID()}`);
    const { body, counter } = countedBody(MAX_FILE_BYTES + 4 * CHUNK);
    const res = await api("/api/files", {
      method: "POST",
      headers: { ...bearer(session), "Content-Type": "application/octet-stream" },
      body,
      duplex: "half",
    } as RequestInit);
    await expectDocumentedError(res, 413, "payload_too_large");
    expect(counter.read).toBeLessThanOrEqual(MAX_FILE_BYTES + CHUNK);
  });
});
