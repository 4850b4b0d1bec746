import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getJson } from "./helpers";

const PARAMS = ["q", "field", "unit", "level", "onlineOnly", "essential", "limit", "cursor"] as const;

// Vietnamese text, FTS5 and SQL syntax, control characters and long runs: what a search box can receive.
const hostileText = fc.oneof(
  fc.string({ maxLength: 140 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.constantFrom('"', "*", "NEAR(", "^", ":", "{}", "' OR 1=1 --", "đ", "Đăng ký", "\u0000", "%", "\\"),
  fc
    .array(fc.constantFrom("khai", "sinh", "AND", "OR", "NOT", "*", '"', "(", ")", "đất"), { maxLength: 20 })
    .map((w) => w.join(" ")),
);

describe("GET /api/procedures with generated input", () => {
  it("never answers 5xx: 200 with a page, or 400 with the error envelope", async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...PARAMS), hostileText, { maxKeys: 4 }), async (params) => {
        const { status, body } = await getJson(`/api/procedures?${new URLSearchParams(params)}`);
        // Plain checks rather than expect(): this runs a thousand times.
        if (status === 200) return Array.isArray(body.items) && (body.nextCursor === null || typeof body.nextCursor === "string");
        return status === 400 && body.error?.code === "validation_failed" && body.error.details.length > 0;
      }),
      { numRuns: 1000 },
    );
  }, 120_000);
});

describe("GET /api/procedures caching", () => {
  it("lets clients cache catalogue answers for a minute", async () => {
    const { headers } = await getJson("/api/procedures?q=khai%20sinh");
    expect(headers.get("cache-control")).toBe("public, max-age=60");
  });

  it("ignores parameters it does not know, such as Zalo's utm_* and env", async () => {
    const plain = await getJson("/api/procedures?q=khai%20sinh&limit=5");
    const tagged = await getJson("/api/procedures?q=khai%20sinh&limit=5&utm_source=qr&env=TESTING&zshareId=1");
    expect(tagged.status).toBe(200);
    expect(tagged.body).toEqual(plain.body);
  });
});
