import { z } from "zod";

const VIETNAM_OFFSET_MS = 7 * 3_600_000; // Asia/Ho_Chi_Minh, no daylight saving

/** The local calendar date of an instant in Vietnam, as YYYY-MM-DD. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The local hour (0–23) of an instant in Vietnam. */
export function vietnamHour(at: Date): number {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).getUTCHours();
}

/** YYMMDD of the local receipt date, the middle part of a dossier code. */
export function dossierDateKey(at: Date): string {
  return vietnamDate(at).slice(2).replaceAll("-", "");
}

/**
 * TT 01/2018 dossier code: receiving unit's electronic identifier, YYMMDD, daily sequence,
 * e.g. 000.21.35.H99-250714-0042. The sequence keeps growing past 9999 instead of wrapping.
 */
export function formatDossierCode(electronicId: string, dateKey: string, sequence: number): string {
  return `${electronicId}-${dateKey}-${String(sequence).padStart(4, "0")}`;
}

export const DossierCode = z
  .string()
  .max(60)
  .regex(/^[0-9A-Z]+(\.[0-9A-Z]+)*-\d{6}-\d{4,6}$/, { error: "Mã hồ sơ không hợp lệ" });
