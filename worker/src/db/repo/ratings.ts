import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { dossiers, notifications, procedures, ratingCases, ratings, units, users } from "../schema";

export type RatingRow = typeof ratings.$inferSelect;
export type NewRating = typeof ratings.$inferInsert;
export type CaseRow = typeof ratingCases.$inferSelect;
export type NewCase = typeof ratingCases.$inferInsert;

export const ratingInsert = (db: Db, r: NewRating) => db.insert(ratings).values(r);
export const caseInsert = (db: Db, c: NewCase) => db.insert(ratingCases).values(c);

export async function ratingOf(db: Db, dossierId: string): Promise<RatingRow | undefined> {
  return db.select().from(ratings).where(eq(ratings.dossierId, dossierId)).get();
}

/** Adds the criteria and comment to a rating that has none yet; false when they were added before. */
export async function addRatingDetails(
  db: Db,
  dossierId: string,
  details: Pick<RatingRow, "criteria" | "comment">,
  at: string,
): Promise<boolean> {
  const rows = await db
    .update(ratings)
    .set({ ...details, detailsAt: at })
    .where(and(eq(ratings.dossierId, dossierId), isNull(ratings.detailsAt)))
    .returning({ id: ratings.dossierId });
  return rows.length > 0;
}

/** The active leader of a unit who owns its cases: the longest-serving one, so the owner stays stable. */
export async function unitLeader(db: Db, unitId: string): Promise<{ id: string; displayName: string } | undefined> {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.role, "leader"), isNull(users.disabledAt)))
    .orderBy(asc(users.createdAt), asc(users.id))
    .get();
}

const caseColumns = {
  c: ratingCases,
  unitName: units.name,
  ownerName: sql<string | null>`(SELECT display_name FROM users WHERE id = ${ratingCases.ownerId})`,
  repliedByName: sql<string | null>`(SELECT display_name FROM users WHERE id = ${ratingCases.repliedBy})`,
};

export async function caseOfDossier(db: Db, dossierId: string) {
  return db
    .select(caseColumns)
    .from(ratingCases)
    .innerJoin(units, eq(units.id, ratingCases.unitId))
    .where(eq(ratingCases.dossierId, dossierId))
    .get();
}
export type CaseView = NonNullable<Awaited<ReturnType<typeof caseOfDossier>>>;

const staffCaseColumns = {
  ...caseColumns,
  r: ratings,
  code: dossiers.code,
  provinceId: dossiers.provinceId,
  applicantId: dossiers.applicantId,
  applicantName: dossiers.applicantName,
  procedureName: procedures.name,
};

function selectStaffCases(db: Db) {
  return db
    .select(staffCaseColumns)
    .from(ratingCases)
    .innerJoin(units, eq(units.id, ratingCases.unitId))
    .innerJoin(ratings, eq(ratings.dossierId, ratingCases.dossierId))
    .innerJoin(dossiers, eq(dossiers.id, ratingCases.dossierId))
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId));
}
export type StaffCaseRow = Awaited<ReturnType<ReturnType<typeof selectStaffCases>["get"]>> & {};

export async function staffCaseById(db: Db, id: string) {
  return selectStaffCases(db).where(eq(ratingCases.id, id)).get();
}

const MAX_CASES = 200;

/**
 * The cases of some units (null: the whole province), open ones first, then replied, then closed,
 * each by due date; at most MAX_CASES (a unit with more open cases has bigger problems than paging).
 */
export async function staffCases(db: Db, provinceId: string, unitIds: readonly string[] | null, status?: CaseRow["status"]) {
  return selectStaffCases(db)
    .where(
      and(
        eq(dossiers.provinceId, provinceId),
        unitIds ? inArray(ratingCases.unitId, unitIds.length ? [...unitIds] : [""]) : undefined,
        status ? eq(ratingCases.status, status) : undefined,
      ),
    )
    .orderBy(
      sql`CASE ${ratingCases.status} WHEN 'open' THEN 0 WHEN 'replied' THEN 1 ELSE 2 END`,
      asc(ratingCases.dueDate),
      asc(ratingCases.createdAt),
    )
    .limit(MAX_CASES);
}

/**
 * The leader's reply, only while the case is open: otherwise the status becomes NULL and the NOT
 * NULL constraint fails the whole batch, the resident's notification with it (see `lostReply`).
 */
export function caseReplyUpdate(db: Db, id: string, reply: string, by: string, at: string) {
  return db
    .update(ratingCases)
    .set({ status: sql`CASE WHEN ${ratingCases.status} = 'open' THEN 'replied' END`, reply, repliedBy: by, repliedAt: at })
    .where(eq(ratingCases.id, id));
}

/** Whether a batch failed because the case had been replied to already. */
export const lostReply = (err: unknown) =>
  /NOT NULL constraint failed: rating_cases\.status/.test(String((err as Error)?.message));

/** The resident's re-rating, only once the unit replied and before any other. */
export function caseReratingUpdate(db: Db, id: string, level: CaseRow["rerating"] & {}, comment: string, at: string) {
  return db
    .update(ratingCases)
    .set({ status: "closed", rerating: level, reratingComment: comment, reratedAt: at })
    .where(and(eq(ratingCases.id, id), eq(ratingCases.status, "replied")))
    .returning({ id: ratingCases.id });
}

/** The notification Zalo's tracking id names, with its dossier. */
export async function notificationById(db: Db, id: number) {
  return db
    .select({ id: notifications.id, userId: notifications.userId, dossierId: notifications.dossierId })
    .from(notifications)
    .where(eq(notifications.id, id))
    .get();
}
