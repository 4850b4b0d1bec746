import { z } from "zod";
import { vietnamDate } from "../time/vietnam";

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
