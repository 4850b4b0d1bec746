import { describe, expect, it } from "vitest";
import { DossierCode, dossierDateKey, formatDossierCode } from "./code";

describe("dossier code", () => {
  it("uses the local date in Vietnam, not UTC", () => {
    // 18:30 UTC on 13 July is 01:30 on 14 July in Vietnam.
    const at = new Date("2025-07-13T18:30:00Z");
    expect(dossierDateKey(at)).toBe("250714");
  });

  it("formats the official shape and pads the daily sequence", () => {
    expect(formatDossierCode("000.21.35.H99", "250714", 42)).toBe("000.21.35.H99-250714-0042");
    expect(formatDossierCode("000.21.35.H99", "250714", 12345)).toBe("000.21.35.H99-250714-12345");
  });

  it("accepts only well-formed codes", () => {
    for (const good of ["000.21.35.H99-250714-0042", "000.21.35.H99-250714-123456"])
      expect(DossierCode.safeParse(good).success).toBe(true);
    for (const bad of [
      "",
      "000.21.35.H99-2507-0042",
      "000.21.35.H99-250714-042",
      "000.21.35.H99-250714-1234567",
      "../etc-250714-0042",
      "000.21.35.h99-250714-0042",
      "x".repeat(70),
    ]) {
      expect(DossierCode.safeParse(bad).success).toBe(false);
    }
  });
});
