import type { DrillDossierList, DrillFigure } from "../../../shared/src/figures/api";
import { vietnamDate } from "../../../shared/src/time/vietnam";
import type { Db } from "../db/client";
import { type DrillCursor, drillDossiers } from "../db/repo/dashboard";
import { invalidField } from "../lib/errors";
import { addMonths, type FiguresMonth } from "./period";

/** The first instant (UTC, ISO) of a local month in Vietnam. */
const monthStart = (month: string) => new Date(`${month}-01T00:00:00+07:00`).toISOString();

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

const encodeCursor = (c: DrillCursor) => btoa(JSON.stringify(c));
function decodeCursor(raw: string): DrillCursor {
  try {
    const value = JSON.parse(atob(raw));
    if (
      Array.isArray(value) &&
      value.length === 3 &&
      typeof value[0] === "number" &&
      value.slice(1).every((v) => typeof v === "string")
    )
      return value as DrillCursor;
  } catch {}
  throw invalidField("cursor", "Con trỏ trang không hợp lệ");
}

/**
 * The dossiers behind one figure of a unit's month, overdue now first (most overdue first), then by
 * due date: what a leader opens to act on. Names are shown, never logged.
 */
export async function figureDossiers(
  db: Db,
  unitId: string,
  period: FiguresMonth,
  figure: DrillFigure,
  page: { cursor?: string; limit: number },
  now: Date,
): Promise<DrillDossierList> {
  const today = vietnamDate(now);
  const rows = await drillDossiers(
    db,
    { unitId, figure, from: monthStart(period.month), to: monthStart(addMonths(period.month, 1)), asOf: period.asOf, today },
    page.cursor ? decodeCursor(page.cursor) : null,
    page.limit,
  );
  const items = rows.slice(0, page.limit).map(({ group, ...row }) => {
    const closedOn = row.finishedAt ? vietnamDate(new Date(row.finishedAt)) : today;
    const late = row.dueDate !== null && (group === 0 || row.finishedAt !== null) ? daysBetween(row.dueDate, closedOn) : 0;
    return { ...row, daysOverdue: Math.max(0, late) };
  });
  const last = rows.length > page.limit ? rows[page.limit - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor([last.group, last.dueDate ?? "9999-12-31", last.code]) : null };
}
