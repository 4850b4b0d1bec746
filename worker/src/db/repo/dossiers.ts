import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { RequiredDocument } from "../../../../shared/src/catalogue/schemas";
import type { DossierDetail, DossierSummary, FileMeta, SubmitResponse, TimelineEvent, TrackView } from "../../../../shared/src/dossier/api";
import { dossierDateKey } from "../../../../shared/src/dossier/code";
import type { FormValues } from "../../../../shared/src/dossier/eform";
import { eventTitle } from "../../../../shared/src/dossier/events";
import { isClosed, statusLabel, WITHDRAWABLE, type DossierStatus } from "../../../../shared/src/dossier/status";
import { trackingPath } from "../../../../shared/src/links/deep-link";
import { timingSafeEqual } from "../../lib/crypto";
import type { Db } from "../client";
import { dossierCounters, dossierDocuments, dossierEvents, dossiers, drafts, files, procedures, units, type FeeQuoteRow } from "../schema";
import { toFileMeta, type FileRow } from "./files";
import type { AuthUser } from "./users";

export type DossierRow = typeof dossiers.$inferSelect;
type EventData = { items?: string[]; fileIds?: string[] };
type Attachment = { docIndex: number; fileIds: string[] };

/** Bound parameters per D1 statement are capped at 100, so multi-row inserts go in chunks. */
const ROWS_PER_INSERT = 20;

function documentInserts(db: Db, dossierId: string, documents: readonly Attachment[], round: number) {
  const rows = documents.flatMap((d) => d.fileIds.map((fileId) => ({ dossierId, docIndex: d.docIndex, fileId, round })));
  const statements = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    statements.push(db.insert(dossierDocuments).values(rows.slice(i, i + ROWS_PER_INSERT)).onConflictDoNothing());
  }
  return statements;
}

export type NewDossier = {
  id: string;
  provinceId: string;
  procedureId: number;
  procedureCode: string;
  applicantId: string;
  receivingUnit: { id: string; electronicId: string };
  handlingUnitId: string;
  form: FormValues;
  documents: readonly Attachment[];
  fee: FeeQuoteRow;
  trackingToken: string;
  vneidVerified: boolean;
  submittedAt: Date;
  dueDate: string;
  dueExplanation: string;
};

/**
 * Every write of one online submission in a single D1 batch (one transaction): the receiving
 * unit's daily counter, the dossier with its code built from that counter inside SQL (so two
 * submissions can never get the same number), its documents, the first timeline event, the
 * draft's removal and any `extra` statements (the idempotency record). Returns the code.
 */
export async function insertSubmittedDossier(db: Db, d: NewDossier, extra: (BatchItem<"sqlite">)[] = []): Promise<string> {
  const day = dossierDateKey(d.submittedAt);
  const at = d.submittedAt.toISOString();
  const sequence = sql`(SELECT ${dossierCounters.seq} FROM ${dossierCounters} WHERE ${dossierCounters.unitId} = ${d.receivingUnit.id} AND ${dossierCounters.day} = ${day})`;
  const [, , ...rest] = await db.batch([
    db
      .insert(dossierCounters)
      .values({ unitId: d.receivingUnit.id, day, seq: 1 })
      .onConflictDoUpdate({ target: [dossierCounters.unitId, dossierCounters.day], set: { seq: sql`${dossierCounters.seq} + 1` } }),
    db.insert(dossiers).values({
      id: d.id,
      code: sql`${d.receivingUnit.electronicId} || '-' || ${day} || '-' || printf('%04d', ${sequence})`,
      provinceId: d.provinceId,
      procedureId: d.procedureId,
      applicantId: d.applicantId,
      receivingUnitId: d.receivingUnit.id,
      handlingUnitId: d.handlingUnitId,
      status: 1,
      channel: "online",
      form: d.form,
      fee: d.fee,
      trackingToken: d.trackingToken,
      vneidVerified: d.vneidVerified,
      submittedAt: at,
      dueDate: d.dueDate,
      dueExplanation: d.dueExplanation,
      version: 1,
      updatedAt: at,
    }),
    db.insert(dossierEvents).values({ dossierId: d.id, seq: 1, type: "submitted", actorId: d.applicantId, actorRole: "resident", at }),
    ...documentInserts(db, d.id, d.documents, 0),
    db.delete(drafts).where(and(eq(drafts.userId, d.applicantId), eq(drafts.procedureCode, d.procedureCode))),
    ...extra,
    db.select({ code: dossiers.code }).from(dossiers).where(eq(dossiers.id, d.id)),
  ]);
  const last = rest.at(-1) as { code: string }[];
  return last[0]!.code;
}

const viewColumns = {
  d: dossiers,
  procedureCode: procedures.code,
  procedureName: procedures.name,
  procedureVersion: procedures.version,
  procedureDocuments: procedures.documents,
  handlingUnitName: sql<string>`(SELECT name FROM units WHERE id = ${dossiers.handlingUnitId})`,
  receivingUnitName: sql<string>`(SELECT name FROM units WHERE id = ${dossiers.receivingUnitId})`,
};
type ViewRow = {
  d: DossierRow;
  procedureCode: string;
  procedureName: string;
  procedureVersion: number;
  procedureDocuments: RequiredDocument[];
  handlingUnitName: string;
  receivingUnitName: string;
};

function toSummary(row: ViewRow): DossierSummary {
  const { d } = row;
  return {
    code: d.code,
    procedure: { code: row.procedureCode, name: row.procedureName, version: row.procedureVersion },
    status: d.status,
    statusLabel: statusLabel(d.status as DossierStatus),
    channel: d.channel,
    submittedAt: d.submittedAt,
    dueDate: d.dueDate,
    handlingUnit: { id: d.handlingUnitId, name: row.handlingUnitName },
  };
}

export function toSubmitResponse(row: ViewRow, linkBase: string): SubmitResponse {
  return {
    ...toSummary(row),
    receivingUnit: { id: row.d.receivingUnitId, name: row.receivingUnitName },
    fee: row.d.fee,
    dueExplanation: row.d.dueExplanation,
    trackingUrl: `${linkBase}${trackingPath(row.d.code, row.d.trackingToken)}`,
  };
}

function selectView(db: Db) {
  return db.select(viewColumns).from(dossiers).innerJoin(procedures, eq(procedures.id, dossiers.procedureId));
}

export async function getDossierView(db: Db, id: string): Promise<ViewRow | undefined> {
  return selectView(db).where(eq(dossiers.id, id)).get();
}

/** The caller's own dossiers, newest first, with an offset cursor. */
export async function listOwnDossiers(db: Db, userId: string, offset: number, limit: number) {
  const rows = await selectView(db)
    .where(eq(dossiers.applicantId, userId))
    .orderBy(desc(dossiers.submittedAt), desc(dossiers.code))
    .limit(limit + 1)
    .offset(offset);
  return { items: rows.slice(0, limit).map(toSummary), nextCursor: rows.length > limit ? String(offset + limit) : null };
}

/**
 * A dossier the caller may see: the applicant, staff of the handling unit, or an admin of the
 * province. For anyone else it does not exist (a 404, never a 403 that confirms the code).
 */
export async function visibleDossier(db: Db, user: AuthUser, code: string): Promise<ViewRow | undefined> {
  const row = await selectView(db).where(eq(dossiers.code, code)).get();
  if (!row) return undefined;
  const { d } = row;
  const visible =
    d.applicantId === user.id ||
    (user.role === "staff" && user.unitId !== null && d.handlingUnitId === user.unitId) ||
    (user.role === "admin" && d.provinceId === user.provinceId);
  return visible ? row : undefined;
}

/** The caller's own dossier, for the applicant's steps. */
export async function applicantDossier(db: Db, userId: string, code: string): Promise<ViewRow | undefined> {
  return selectView(db)
    .where(and(eq(dossiers.code, code), eq(dossiers.applicantId, userId)))
    .get();
}

export async function dossierDetail(db: Db, row: ViewRow, viewer: AuthUser, linkBase: string): Promise<DossierDetail> {
  const { d } = row;
  const [events, attached] = await db.batch([
    db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, d.id)).orderBy(dossierEvents.seq),
    db
      .select({ docIndex: dossierDocuments.docIndex, file: files })
      .from(dossierDocuments)
      .innerJoin(files, eq(files.id, dossierDocuments.fileId))
      .where(eq(dossierDocuments.dossierId, d.id))
      .orderBy(dossierDocuments.docIndex, dossierDocuments.round, files.createdAt),
  ]);
  const eventFileIds = [...new Set(events.flatMap((e) => e.data.fileIds ?? []))];
  const eventFiles = new Map<string, FileMeta>(
    eventFileIds.length === 0 ? [] : (await db.select().from(files).where(inArray(files.id, eventFileIds))).map((f: FileRow) => [f.id, toFileMeta(f)]),
  );
  const timeline: TimelineEvent[] = events.map((e) => ({
    seq: e.seq,
    type: e.type,
    at: e.at,
    actor: e.actorRole,
    title: eventTitle(e.type),
    note: e.note,
    items: e.data.items ?? [],
    files: (e.data.fileIds ?? []).flatMap((id) => eventFiles.get(id) ?? []),
  }));
  const documents = row.procedureDocuments
    .map((doc, docIndex) => ({ docIndex, name: doc.name, files: attached.filter((a) => a.docIndex === docIndex).map((a) => toFileMeta(a.file)) }))
    .filter((doc) => doc.files.length > 0);
  const lastRequest = [...events].reverse().find((e) => e.type === "supplement_requested");
  const isApplicant = d.applicantId === viewer.id;
  const status = d.status as DossierStatus;
  return {
    ...toSubmitResponse(row, linkBase),
    form: d.form,
    documents,
    timeline,
    supplement: status === 5 && lastRequest ? { items: lastRequest.data.items ?? [], note: lastRequest.note, requestedAt: lastRequest.at } : null,
    results: timeline.filter((e) => e.type === "finished").flatMap((e) => e.files),
    withdrawalRequested: d.withdrawalRequested,
    canWithdraw: isApplicant && WITHDRAWABLE.includes(status) && !d.withdrawalRequested,
    canSupplement: isApplicant && status === 5,
  };
}

/**
 * One step on a dossier. The new event's sequence number is the dossier's next version, so of
 * two concurrent steps from the same version exactly one batch commits; the other hits the
 * unique (dossier, seq) index and rolls back whole.
 */
async function appendStep(
  db: Db,
  d: DossierRow,
  step: { type: string; actor: AuthUser; note?: string; data?: EventData; set: Partial<Pick<DossierRow, "status" | "withdrawalRequested">> },
  extra: BatchItem<"sqlite">[] = [],
): Promise<boolean> {
  const at = new Date().toISOString();
  const version = d.version + 1;
  try {
    await db.batch([
      db.insert(dossierEvents).values({
        dossierId: d.id,
        seq: version,
        type: step.type,
        actorId: step.actor.id,
        actorRole: step.actor.role === "resident" ? "resident" : "staff",
        at,
        note: step.note || null,
        data: step.data ?? {},
      }),
      db.update(dossiers).set({ ...step.set, version, updatedAt: at }).where(and(eq(dossiers.id, d.id), eq(dossiers.version, d.version))),
      ...extra,
    ]);
    return true;
  } catch (err) {
    if (String((err as Error).message).includes("UNIQUE constraint failed")) return false;
    throw err;
  }
}

/** The resident's answer to a supplement request: back to "Mới đăng ký" before acceptance, else to processing. */
export async function submitSupplement(db: Db, d: DossierRow, actor: AuthUser, documents: readonly Attachment[], note: string) {
  const round = d.version + 1;
  return appendStep(
    db,
    d,
    { type: "supplement_submitted", actor, note, data: { fileIds: documents.flatMap((x) => x.fileIds) }, set: { status: d.receivedAt ? 4 : 1 } },
    documentInserts(db, d.id, documents, round),
  );
}

/** Before anyone accepted it, a dossier is withdrawn at once; afterwards an officer confirms the request. */
export async function withdraw(db: Db, d: DossierRow, actor: AuthUser, reason: string) {
  return d.status === 1
    ? appendStep(db, d, { type: "withdrawn", actor, note: reason, set: { status: 7 } })
    : appendStep(db, d, { type: "withdrawal_requested", actor, note: reason, set: { withdrawalRequested: true } });
}

/** The public status behind a tracking QR; a wrong or missing token is indistinguishable from no dossier. */
export async function trackDossier(db: Db, code: string, token: string | undefined): Promise<TrackView | undefined> {
  const row = await db
    .select({ d: dossiers, procedureName: procedures.name, unitName: units.name })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .innerJoin(units, eq(units.id, dossiers.handlingUnitId))
    .where(eq(dossiers.code, code))
    .get();
  if (!row || !token || !timingSafeEqual(token, row.d.trackingToken)) return undefined;
  const { d } = row;
  return {
    code: d.code,
    procedureName: row.procedureName,
    unitName: row.unitName,
    status: d.status,
    statusLabel: statusLabel(d.status as DossierStatus),
    submittedAt: d.submittedAt,
    receivedAt: d.receivedAt,
    dueDate: isClosed(d.status as DossierStatus) ? null : d.dueDate,
  };
}
