import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES, type ErrorCode } from "../../../shared/src/api/errors";

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
const SOURCES = join(import.meta.dirname, "..");

/** Every `new ApiError(status, "code"` in the worker's sources, as "status code". */
function emitted(): Set<string> {
  const found = new Set<string>();
  const files = readdirSync(SOURCES, { recursive: true, encoding: "utf8" }).filter(
    (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
  );
  for (const file of files) {
    const text = readFileSync(join(SOURCES, file), "utf8");
    for (const [, status, code] of text.matchAll(/new ApiError\(\s*(\d{3}),\s*"([a-z_]+)"/g)) found.add(`${status} ${code}`);
  }
  return found;
}

describe("the error codes", () => {
  it("lists every code the worker emits, with the status it is emitted with", () => {
    const pairs = emitted();
    expect(pairs.size).toBeGreaterThan(10);
    for (const pair of pairs) {
      const [status, code] = pair.split(" ") as [string, ErrorCode];
      expect(Object.keys(ERROR_CODES), pair).toContain(code);
      expect(ERROR_CODES[code].statuses as readonly number[], pair).toContain(Number(status));
    }
  });

  it("emits every listed code somewhere (no dead entries), except the generic 500", () => {
    const codes = new Set([...emitted()].map((pair) => pair.split(" ")[1]));
    expect(Object.keys(ERROR_CODES).filter((code) => !codes.has(code))).toEqual(["internal"]);
  });

  it("has a Vietnamese default message for every code", () => {
    for (const [code, { message }] of Object.entries(ERROR_CODES)) expect(message, code).toMatch(VIETNAMESE);
  });
});
