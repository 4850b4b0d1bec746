// The clock in Vietnam without zod: the mini app's first screen formats dates through this module,
// and a module importing zod would bring all of zod into the first bundle (vietnam.ts re-exports it).
/**
 * Local time in Vietnam. Workers run in UTC, while every date a resident or officer reads (a due
 * date, the day a dossier code names, whether a dated fee still applies) is a date in Vietnam.
 */
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

// Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving), so plain arithmetic matches TIME_ZONE.
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The local calendar date of an instant in Vietnam, as YYYY-MM-DD ("today in Vietnam" for `new Date()`). */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The local hour (0–23) of an instant in Vietnam. */
export function vietnamHour(at: Date): number {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).getUTCHours();
}

/** The local date and time of an instant in Vietnam, as YYYY-MM-DDTHH:mm:ss (no zone). */
export function vietnamDateTime(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 19);
}
