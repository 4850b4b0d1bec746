import { describe, expect, it } from "vitest";
import { feeQuote, onlineRateApplies, onlineSaving } from "./fees";
import type { Fees } from "./schemas";

// Cấp đổi giấy phép lái xe: 115,000 đ online until 31 Dec 2025, 135,000 đ otherwise (DOMAIN §6).
const licence: Fees = { counter: 135_000, online: 115_000, legalBasis: "TT 63/2023/TT-BTC", onlineUntil: "2025-12-31" };
const lastOnlineInstant = new Date("2025-12-31T16:59:59Z"); // 23:59:59 on 31 Dec in Vietnam
const firstCounterInstant = new Date("2025-12-31T17:00:00Z"); // 00:00 on 1 Jan in Vietnam

describe("fee quote", () => {
  it("keeps the online rate through the last day in Vietnam, and ends it at local midnight", () => {
    expect(feeQuote(licence, "online", new Date("2025-12-01T00:00:00Z")).amount).toBe(115_000);
    expect(feeQuote(licence, "online", lastOnlineInstant).amount).toBe(115_000);
    expect(feeQuote(licence, "online", firstCounterInstant).amount).toBe(135_000);
    expect(feeQuote(licence, "online", new Date("2027-06-01T03:00:00Z")).amount).toBe(135_000);
    expect(onlineRateApplies(licence, lastOnlineInstant)).toBe(true);
    expect(onlineRateApplies(licence, firstCounterInstant)).toBe(false);
  });

  it("ends the online rate on the local date, not the UTC date", () => {
    // 1 Jan 2026, 06:59 in Vietnam is still 31 Dec in UTC.
    expect(feeQuote(licence, "online", new Date("2025-12-31T23:59:00Z")).amount).toBe(135_000);
  });

  it("applies an online rate without an end date at any time", () => {
    const { onlineUntil: _, ...undated } = licence;
    for (const at of ["2020-01-01T00:00:00Z", "2025-12-31T17:00:00Z", "2099-12-31T23:59:59Z"])
      expect(feeQuote(undated, "online", new Date(at)).amount).toBe(115_000);
    expect(onlineRateApplies(undated, new Date("2099-12-31T23:59:59Z"))).toBe(true);
  });

  it("never gives the online rate at the counter or by post", () => {
    for (const channel of ["counter", "postal"] as const) {
      expect(feeQuote(licence, channel, new Date("2025-12-01T00:00:00Z")).amount).toBe(135_000);
      const { onlineUntil: _, ...undated } = licence;
      expect(feeQuote(undated, channel, new Date("2025-12-01T00:00:00Z")).amount).toBe(135_000);
    }
  });

  it("snapshots both listed rates, the unit and the legal basis", () => {
    expect(feeQuote({ ...licence, per: "bản" }, "counter", lastOnlineInstant)).toEqual({
      channel: "counter",
      amount: 135_000,
      online: 115_000,
      counter: 135_000,
      per: "bản",
      legalBasis: "TT 63/2023/TT-BTC",
    });
    expect(feeQuote(licence, "online", lastOnlineInstant)).not.toHaveProperty("per");
  });

  it("saves the difference online only while the online rate applies", () => {
    expect(onlineSaving(licence, lastOnlineInstant)).toBe(20_000);
    expect(onlineSaving(licence, firstCounterInstant)).toBe(0);
    expect(onlineSaving({ ...licence, online: 150_000 }, lastOnlineInstant)).toBe(0);
  });
});
