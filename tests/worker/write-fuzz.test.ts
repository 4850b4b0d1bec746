import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Session } from "../../shared/src/auth/api";
import { completeBody, newKey, PROCEDURE, resident } from "./dossier-fixtures";
import { api, bearer } from "./helpers";

/**
 * Generated bodies against every write endpoint: whatever arrives, the answer is a 2xx or a
 * 4xx with the JSON error envelope, never a 5xx or a stack trace.
 */
const RUNS = 1000;

const jsonValue = fc.jsonValue({ maxDepth: 3 });
const hostileString = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom(
    "",
    " ",
    "'; DROP TABLE dossiers; --",
    "../../etc/passwd",
    "\u0000",
    "𝕏".repeat(40),
    "%PDF-1.4",
    "x".repeat(6000),
  ),
);

/** Sign-in routes have a ceiling per client address; generated bodies come from many, as they would. */
const anyAddress = () => ({ "CF-Connecting-IP": `10.${crypto.getRandomValues(new Uint8Array(3)).join(".")}` });

async function expectClientOutcome(res: Response) {
  const text = await res.text();
  if (res.status >= 500) return `${res.status}: ${text.slice(0, 200)}`;
  if (res.status >= 400) {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    if (!body.error?.code || !body.error.message) return `no envelope: ${text.slice(0, 200)}`;
    if (/at .*\.(ts|js):\d+/.test(text)) return `stack trace: ${text.slice(0, 200)}`;
  }
  return null;
}

describe("generated write bodies", () => {
  let session: Session;
  let valid: Awaited<ReturnType<typeof completeBody>>;
  beforeAll(async () => {
    session = await resident("fuzz-resident", true);
    valid = await completeBody(session);
  });

  /** Valid bodies with one part replaced by something generated, plus wholly generated JSON. */
  const mutatedSubmission = () =>
    fc.oneof(
      jsonValue,
      fc
        .record({
          key: fc.constantFrom("procedureCode", "procedureVersion", "receivingUnitId", "form", "documents", "consent", "extra"),
          value: fc.oneof(jsonValue, hostileString),
        })
        .map(({ key, value }) => ({ ...valid, [key]: value })),
      fc
        .record({ field: fc.constantFrom(...Object.keys(valid.form), "unknownField"), value: fc.oneof(jsonValue, hostileString) })
        .map(({ field, value }) => ({ ...valid, form: { ...valid.form, [field]: value } })),
      fc
        .array(
          fc.record({
            docIndex: fc.oneof(fc.integer(), jsonValue),
            fileIds: fc.oneof(fc.array(hostileString, { maxLength: 12 }), jsonValue),
          }),
          { maxLength: 45 },
        )
        .map((documents) => ({ ...valid, documents })),
    );

  const endpoints: [string, () => fc.Arbitrary<unknown>, (body: unknown) => Response | Promise<Response>][] = [
    [
      "POST /api/dossiers",
      mutatedSubmission,
      (body) => api("/api/dossiers", send("POST", body, { "Idempotency-Key": newKey() })),
    ],
    [
      "PUT /api/drafts/:code",
      () => fc.oneof(jsonValue, mutatedSubmission()),
      (body) => api(`/api/drafts/${PROCEDURE}`, send("PUT", body)),
    ],
    [
      "POST /api/auth/zalo",
      () =>
        fc.oneof(
          jsonValue,
          hostileString.map((accessToken) => ({ accessToken })),
        ),
      (body) => api("/api/auth/zalo", send("POST", body, anyAddress())),
    ],
    [
      "POST /api/auth/refresh",
      () =>
        fc.oneof(
          jsonValue,
          hostileString.map((refreshToken) => ({ refreshToken })),
        ),
      (body) => api("/api/auth/refresh", send("POST", body, anyAddress())),
    ],
    [
      "POST /api/auth/sso/exchange",
      () =>
        fc.oneof(
          jsonValue,
          fc.oneof(hostileString, fc.string({ minLength: 43, maxLength: 43 })).map((code) => ({ code })),
        ),
      (body) => api("/api/auth/sso/exchange", send("POST", body, anyAddress())),
    ],
    [
      "POST /api/dossiers/:code/withdraw",
      () =>
        fc.oneof(
          jsonValue,
          hostileString.map((reason) => ({ reason })),
        ),
      (body) => api("/api/dossiers/000.00.01.H99-261122-0001/withdraw", send("POST", body)),
    ],
    [
      "POST /api/dossiers/:code/supplement",
      () => fc.oneof(jsonValue, mutatedSubmission()),
      (body) => api("/api/dossiers/000.00.01.H99-261122-0001/supplement", send("POST", body)),
    ],
  ];

  function send(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
    return {
      method,
      headers: { "Content-Type": "application/json", ...bearer(session), ...headers },
      body: JSON.stringify(body),
    };
  }

  for (const [name, arbitrary, call] of endpoints) {
    it(`${name}: ${RUNS} generated bodies, no 5xx`, async () => {
      const failures: string[] = [];
      await fc.assert(
        fc.asyncProperty(arbitrary(), async (body) => {
          const problem = await expectClientOutcome(await call(body));
          if (problem) failures.push(problem);
          return problem === null;
        }),
        { numRuns: RUNS },
      );
      expect(failures).toEqual([]);
    }, 60_000);
  }
});
