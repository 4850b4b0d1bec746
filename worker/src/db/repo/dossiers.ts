import { and, desc, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { FeeQuote } from "../../../../shared/src/catalogue/fees";
import type { EForm, LegalDecision, ProcessingTime, RequiredDocument } from "../../../../shared/src/catalogue/schemas";
import { dossierDateKey } from "../../../../shared/src/dossier/code";
import type { FormValues } from "../../../../shared/src/dossier/eform";
import type { Db } from "../client";
import {
  dossierCounters,
  dossierDocuments,
  dossierEvents,
  dossiers,
  drafts,
  eventFiles,
  files,
  procedures,
  units,
  users,
} from "../schema";
import { insertedIds, notificationInsert } from "./notifications";
import { newSyncRow } from "./portal-sync";

export type DossierRow = typeof dossiers.$inferSelect;
type Attachment = { docIndex: number; fileIds: string[] };

/** Bound parameters per D1 statement are capped at 100, so multi-row inserts go in chunks. */
const ROWS_PER_INSERT = 20;

export function documentInserts(db: Db, dossierId: string, documents: readonly Attachment[], round: number) {
  const rows = documents.flatMap((d) => d.fileIds.map((fileId) => ({ dossierId, docIndex: d.docIndex, fileId, round })));
  const statements = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    statements.push(
      db
        .insert(dossierDocuments)
        .values(rows.slice(i, i + ROWS_PER_INSERT))
        .onConflictDoNothing(),
    );
  }
  return statements;
}

export type NewDossier = {
  id: string;
  provinceId: string;
  procedureId: number;
  procedureCode: string;
  applicantId: string;
  applicantName: string;
  receivingUnit: { id: string; electronicId: string };
  handlingUnitId: string;
  channel: DossierRow["channel"];
  status: number;
  form: FormValues;
  documents: readonly Attachment[];
  fee: FeeQuote;
  feeStatus: DossierRow["feeStatus"];
  trackingToken: string;
  vneidVerified: boolean;
  submittedAt: Date;
  /** Set when the dossier is accepted on the spot (counter and postal intake). */
  receivedAt: string | null;
  dueDate: string;
  dueExplanation: string;
  /** The first timeline event, hashed. */
  event: NewEvent;
  /** The team member (or counter officer) who filed it online for the applicant. */
  assistedBy: string | null;
  /** A counter applicant without a Zalo account gets a resident record of their own. */
  newApplicant?: { fullName: string; phone?: string | undefined };
  /** Files made for the dossier (the declarations generated from its eForm), owned by the applicant. */
  generatedFiles?: readonly (typeof files.$inferInsert)[];
};

/**
 * Every write of one submission in a single D1 batch (one transaction): the receiving unit's
 * daily counter, the dossier with its code built from that counter inside SQL (so two
 * submissions can never get the same number), the files generated for it, its documents, the first
 * timeline event, the draft's removal and any `extra` statements (the idempotency record). Returns the code.
 */
export async function insertSubmittedDossier(db: Db, d: NewDossier, extra: BatchItem<"sqlite">[] = []): Promise<string> {
  const day = dossierDateKey(d.submittedAt);
  const at = d.submittedAt.toISOString();
  const sequence = sql`(SELECT ${dossierCounters.seq} FROM ${dossierCounters} WHERE ${dossierCounters.unitId} = ${d.receivingUnit.id} AND ${dossierCounters.day} = ${day})`;
  const applicant = d.newApplicant
    ? [
        db.insert(users).values({
          id: d.applicantId,
          provinceId: d.provinceId,
          role: "resident",
          displayName: d.newApplicant.fullName,
          phone: d.newApplicant.phone ?? null,
        }),
      ]
    : [];
  const results = await db.batch([
    db
      .insert(dossierCounters)
      .values({ unitId: d.receivingUnit.id, day, seq: 1 })
      .onConflictDoUpdate({
        target: [dossierCounters.unitId, dossierCounters.day],
        set: { seq: sql`${dossierCounters.seq} + 1` },
      }),
    ...applicant,
    ...(d.generatedFiles?.length ? [db.insert(files).values([...d.generatedFiles])] : []),
    db.insert(dossiers).values({
      id: d.id,
      code: sql`${d.receivingUnit.electronicId} || '-' || ${day} || '-' || printf('%04d', ${sequence})`,
      provinceId: d.provinceId,
      procedureId: d.procedureId,
      applicantId: d.applicantId,
      receivingUnitId: d.receivingUnit.id,
      handlingUnitId: d.handlingUnitId,
      status: d.status,
      channel: d.channel,
      applicantName: d.applicantName,
      form: d.form,
      fee: d.fee,
      feeStatus: d.feeStatus,
      trackingToken: d.trackingToken,
      vneidVerified: d.vneidVerified,
      assistedBy: d.assistedBy,
      submittedAt: at,
      receivedAt: d.receivedAt,
      dueDate: d.dueDate,
      dueExplanation: d.dueExplanation,
      version: 1,
      updatedAt: at,
    }),
    db.insert(dossierEvents).values({ dossierId: d.id, ...d.event }),
    newSyncRow(db, d.id, at),
    ...documentInserts(db, d.id, d.documents, 0),
    db.delete(drafts).where(and(eq(drafts.userId, d.applicantId), eq(drafts.procedureCode, d.procedureCode))),
    ...extra,
    db.select({ code: dossiers.code }).from(dossiers).where(eq(dossiers.id, d.id)),
  ]);
  const last = results.at(-1) as { code: string }[];
  return last[0]!.code;
}

const viewColumns = {
  d: dossiers,
  procedureCode: procedures.code,
  procedureName: procedures.name,
  procedureVersion: procedures.version,
  procedureEffectiveFrom: procedures.effectiveFrom,
  procedureDecisions: procedures.decisions,
  procedureDocuments: procedures.documents,
  procedureEform: procedures.eform,
  processingTime: procedures.processingTime,
  handlingUnitName: sql<string>`(SELECT name FROM units WHERE id = ${dossiers.handlingUnitId})`,
  receivingUnitName: sql<string>`(SELECT name FROM units WHERE id = ${dossiers.receivingUnitId})`,
};
export type ViewRow = {
  d: DossierRow;
  procedureCode: string;
  procedureName: string;
  procedureVersion: number;
  procedureEffectiveFrom: string;
  procedureDecisions: LegalDecision[];
  procedureDocuments: RequiredDocument[];
  procedureEform: EForm;
  processingTime: ProcessingTime;
  handlingUnitName: string;
  receivingUnitName: string;
};

function selectView(db: Db) {
  return db.select(viewColumns).from(dossiers).innerJoin(procedures, eq(procedures.id, dossiers.procedureId));
}

export async function viewById(db: Db, id: string): Promise<ViewRow | undefined> {
  return selectView(db).where(eq(dossiers.id, id)).get();
}

export async function dossierByCode(db: Db, code: string): Promise<ViewRow | undefined> {
  return selectView(db).where(eq(dossiers.code, code)).get();
}

/** The applicant's own dossiers, newest first: `limit` rows from `offset`, and one more if there are more. */
export async function ownDossierRows(db: Db, userId: string, offset: number, limit: number): Promise<ViewRow[]> {
  return selectView(db)
    .where(eq(dossiers.applicantId, userId))
    .orderBy(desc(dossiers.submittedAt), desc(dossiers.code))
    .limit(limit + 1)
    .offset(offset);
}

export type EventRow = typeof dossierEvents.$inferSelect;

/** The dossier's timeline in order, and the files attached to each required document. */
export async function dossierRecord(db: Db, dossierId: string) {
  const [events, attached] = await db.batch([
    db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, dossierId)).orderBy(dossierEvents.seq),
    db
      .select({ docIndex: dossierDocuments.docIndex, round: dossierDocuments.round, file: files })
      .from(dossierDocuments)
      .innerJoin(files, eq(files.id, dossierDocuments.fileId))
      .where(eq(dossierDocuments.dossierId, dossierId))
      .orderBy(dossierDocuments.docIndex, dossierDocuments.round, files.createdAt),
  ]);
  return { events, attached };
}

export async function dossierEventsOf(db: Db, dossierId: string): Promise<EventRow[]> {
  return db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, dossierId)).orderBy(dossierEvents.seq);
}

/** The dossier's latest event of one type (the open supplement request), if any. */
export async function latestEventOfType(db: Db, dossierId: string, type: EventRow["type"]): Promise<EventRow | undefined> {
  return db
    .select()
    .from(dossierEvents)
    .where(and(eq(dossierEvents.dossierId, dossierId), eq(dossierEvents.type, type)))
    .orderBy(desc(dossierEvents.seq))
    .limit(1)
    .get();
}

/** A unit of the province, e.g. the target of a transfer. */
export async function provinceUnit(db: Db, provinceId: string, unitId: string) {
  return db.query.units.findFirst({
    where: and(eq(units.id, unitId), eq(units.provinceId, provinceId)),
    columns: { id: true, name: true, deactivatedAt: true },
  });
}

/** The columns a step may change; the version and update time move with every step. */
export type DossierChanges = Partial<Omit<DossierRow, "id" | "code" | "version" | "updatedAt">>;
export type NewEvent = Omit<typeof dossierEvents.$inferInsert, "id" | "dossierId">;

/** The hash of the dossier's latest event, which the next event's hash chains to. */
export async function latestHash(db: Db, d: DossierRow): Promise<string | undefined> {
  const row = await db
    .select({ hash: dossierEvents.hash })
    .from(dossierEvents)
    .where(and(eq(dossierEvents.dossierId, d.id), eq(dossierEvents.seq, d.version)))
    .get();
  return row?.hash;
}

/** One event of a step and what it brings: the files it attached, the applicant's notification. */
export type StepRecord = {
  event: NewEvent & { seq: number; at: string };
  fileIds: readonly string[];
  notice: { title: string; body: string } | null;
};

/**
 * Writes one step in one batch: its events (one, or a shortcut's intermediate events before the
 * last), the dossier's changes at the last event's number as its new version, the files each
 * event attached, the applicant's notifications and any `extra` statements. The update only
 * matches the version the step was built from, and the unique (dossier, seq) index refuses a
 * second event with the same number, so of two concurrent steps exactly one commits; null means
 * this one lost and rolled back whole. Otherwise the ids of the notifications it wrote, to queue.
 */
export async function insertStep(
  db: Db,
  d: DossierRow,
  records: readonly StepRecord[],
  changes: DossierChanges,
  extra: BatchItem<"sqlite">[] = [],
): Promise<number[] | null> {
  const last = records.at(-1)!.event;
  try {
    const [first, ...later] = records.map(({ event }) => db.insert(dossierEvents).values({ dossierId: d.id, ...event }));
    const notices = records.flatMap(({ event, notice }) =>
      notice
        ? [
            notificationInsert(db, {
              userId: d.applicantId,
              topic: "dossier",
              dossierId: d.id,
              eventSeq: event.seq,
              ...notice,
              createdAt: event.at,
            }),
          ]
        : [],
    );
    const results = await db.batch([
      first!,
      ...later,
      db
        .update(dossiers)
        .set({ ...changes, version: last.seq, updatedAt: last.at })
        .where(and(eq(dossiers.id, d.id), eq(dossiers.version, d.version))),
      ...records.flatMap(({ event, fileIds }) =>
        fileIds.length
          ? [db.insert(eventFiles).values(fileIds.map((fileId) => ({ dossierId: d.id, seq: event.seq, fileId })))]
          : [],
      ),
      ...notices,
      ...extra,
    ]);
    // The notices sit right before the extra statements.
    return results.slice(results.length - extra.length - notices.length, results.length - extra.length).flatMap(insertedIds);
  } catch (err) {
    // Only the (dossier, seq) index means "another step came first"; anything else is a real failure.
    if (String((err as Error).message).includes("UNIQUE constraint failed: dossier_events.dossier_id, dossier_events.seq"))
      return null;
    throw err;
  }
}

export type TrackingRow = { d: DossierRow; procedureName: string; unitName: string };

export async function trackingRow(db: Db, code: string): Promise<TrackingRow | undefined> {
  return db
    .select({ d: dossiers, procedureName: procedures.name, unitName: units.name })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .innerJoin(units, eq(units.id, dossiers.handlingUnitId))
    .where(eq(dossiers.code, code))
    .get();
}
