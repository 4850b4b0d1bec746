import { and, desc, eq, sql } from "drizzle-orm";
import type { MonthlyReport, ReportData, ReportSummary } from "../../../../shared/src/figures/api";
import type { Db } from "../client";
import { monthlyReports, users } from "../schema";
import { recordChange } from "./changes";

type Row = { r: typeof monthlyReports.$inferSelect; reviewerName: string | null };

const reviewer = ({ r, reviewerName }: Row) => (r.reviewedBy ? { id: r.reviewedBy, name: reviewerName ?? "" } : null);

const select = (db: Db) =>
  db
    .select({ r: monthlyReports, reviewerName: users.displayName })
    .from(monthlyReports)
    .leftJoin(users, eq(users.id, monthlyReports.reviewedBy));

export async function getReport(db: Db, provinceId: string, month: string): Promise<MonthlyReport | undefined> {
  const [row] = await select(db).where(and(eq(monthlyReports.provinceId, provinceId), eq(monthlyReports.month, month)));
  if (!row) return undefined;
  return {
    month: row.r.month,
    preparedAt: row.r.preparedAt,
    reviewedAt: row.r.reviewedAt,
    reviewedBy: reviewer(row),
    reviewNote: row.r.reviewNote,
    data: row.r.data as ReportData,
  };
}

/** Every prepared month, newest first, with how many units it praises and reminds. */
export async function listReports(db: Db, provinceId: string): Promise<ReportSummary[]> {
  const rows = await select(db).where(eq(monthlyReports.provinceId, provinceId)).orderBy(desc(monthlyReports.month));
  return rows.map((row) => {
    const data = row.r.data as ReportData;
    return {
      month: row.r.month,
      preparedAt: row.r.preparedAt,
      reviewedAt: row.r.reviewedAt,
      reviewedBy: reviewer(row),
      reviewNote: row.r.reviewNote,
      praise: data.praise.length,
      remind: data.remind.length,
    };
  });
}

/**
 * Stores a month's report. Without `replace` a month already prepared keeps its first report (the
 * statement writes nothing); with it, an admin's re-run replaces the data and clears the review,
 * recorded as a change in the same batch. Answers whether a report was written.
 */
export async function storeReport(
  db: Db,
  provinceId: string,
  month: string,
  data: ReportData,
  replace?: { actorId: string; reason: string },
): Promise<boolean> {
  const preparedAt = new Date().toISOString();
  const insert = db.insert(monthlyReports).values({ provinceId, month, data, preparedAt });
  if (!replace) return (await insert.onConflictDoNothing().run()).meta.changes > 0;
  await db.batch([
    insert.onConflictDoUpdate({
      target: [monthlyReports.provinceId, monthlyReports.month],
      set: { data, preparedAt, reviewedBy: null, reviewedAt: null, reviewNote: "" },
    }),
    recordChange(db, {
      provinceId,
      actorId: replace.actorId,
      entity: "report",
      entityId: month,
      action: "prepare",
      reason: replace.reason,
      data: { praise: data.praise.length, remind: data.remind.length },
    }),
  ]);
  return true;
}

/** Marks a prepared report reviewed with the reviewer's note; answers false when the month has no report. */
export async function reviewReport(db: Db, provinceId: string, month: string, reviewerId: string, note: string) {
  const reviewedAt = new Date().toISOString();
  const [updated] = await db.batch([
    db
      .update(monthlyReports)
      .set({ reviewedBy: reviewerId, reviewedAt, reviewNote: note })
      .where(and(eq(monthlyReports.provinceId, provinceId), eq(monthlyReports.month, month))),
    recordChange(
      db,
      {
        provinceId,
        actorId: reviewerId,
        entity: "report",
        entityId: month,
        action: "review",
        reason: note || "Đã xem xét báo cáo tháng",
        data: { note },
      },
      sql`changes() > 0`,
    ),
  ]);
  return updated.meta.changes > 0;
}
