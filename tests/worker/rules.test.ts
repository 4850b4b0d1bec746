import { afterEach, describe, expect, it, vi } from "vitest";
import type { SubmitResponse } from "../../shared/src/dossier/api";
import { completeBody, resident, submit } from "./dossier-fixtures";
import { clockAt } from "./staff-fixtures";

/**
 * The product's rules at their boundaries, through the API: just inside and just outside each
 * limit, so that moving a deadline, a limit or a rate by one step fails a test.
 */

afterEach(() => vi.useRealTimers());

let people = 0;
const freshResident = (name: string) => resident(`rules-${name}-${++people}-${crypto.randomUUID().slice(0, 8)}`, true);

describe("the online fee rate", () => {
  // Cấp đổi giấy phép lái xe: 115.000 đ online until 31/12/2025 (Vietnam time), 135.000 đ at the counter.
  const LICENCE_RENEWAL = "1.002804";
  const POLICE = "cong-an-tinh";

  async function submitAt(iso: string) {
    clockAt(iso);
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
