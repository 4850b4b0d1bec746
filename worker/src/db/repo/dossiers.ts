import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { FeeQuote } from "../../../../shared/src/catalogue/fees";
import type { ProcessingTime, RequiredDocument } from "../../../../shared/src/catalogue/schemas";
import { resumeAfterPause, type WorkCalendar } from "../../../../shared/src/deadline/due-date";
import { finishedOnTime } from "../../../../shared/src/deadline/on-time";
import type {
  DossierDetail,
  DossierSummary,
  FileMeta,
  SubmitResponse,
  TimelineEvent,
  TrackView,
} from "../../../../shared/src/dossier/api";
import { eventHash, GENESIS_HASH } from "../../../../shared/src/dossier/audit";
import { dossierDateKey } from "../../../../shared/src/dossier/code";
import type { FormValues } from "../../../../shared/src/dossier/eform";
import {
  type EventPayload,
  eventDetails,
  eventFileIds,
  eventTitle,
  parseEventPayload,
  residentNotice,
  STAFF_ONLY_EVENTS,
} from "../../../../shared/src/dossier/events";
import { canApply, type LifecycleState, transition } from "../../../../shared/src/dossier/lifecycle";
import { type DossierStatus, inStatusGroup, statusLabel } from "../../../../shared/src/dossier/status";
import { trackingPath } from "../../../../shared/src/links/deep-link";
import { timingSafeEqual } from "../../lib/crypto";
import type { Db } from "../client";
import {
  dossierCounters,
  dossierDocuments,
  dossierEvents,
  dossiers,
  drafts,
  eventFiles,
  files,
  notifications,
  procedures,
  units,
  users,
} from "../schema";
import { type FileRow, toFileMeta } from "./files";
import type { AuthUser } from "./users";

export type DossierRow = typeof dossiers.$inferSelect;
type Attachment = { docIndex: number; fileIds: string[] };

/** Bound parameters per D1 statement are capped at 100, so multi-row inserts go in chunks. */
const ROWS_PER_INSERT = 20;

function documentInserts(db: Db, dossierId: string, documents: readonly Attachment[], round: number) {
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
  form: FormValues;
  documents: readonly Attachment[];
  fee: FeeQuote;
  trackingToken: string;
  vneidVerified: boolean;
  submittedAt: Date;
  dueDate: string;
  dueExplanation: string;
  /** Online submissions start at 1; counter and postal intake is accepted on the spot (2). */
  intake?: {
    channel: "counter" | "postal";
    officer: AuthUser;
    applicant: { fullName: string; phone?: string | undefined };
    /** Documents received on paper, recorded on the acceptance event. */
    paperDocuments?: readonly number[];
  };
  /** The key of the events' hash chain. */
  auditKey: string;
};

/**
 * Every write of one online submission in a single D1 batch (one transaction): the receiving
 * unit's daily counter, the dossier with its code built from that counter inside SQL (so two
 * submissions can never get the same number), its documents, the first timeline event, the
 * draft's removal and any `extra` statements (the idempotency record). Returns the code.
 */
export async function insertSubmittedDossier(db: Db, d: NewDossier, extra: BatchItem<"sqlite">[] = []): Promise<string> {
  const day = dossierDateKey(d.submittedAt);
  const at = d.submittedAt.toISOString();
  const first = d.intake
    ? {
        seq: 1,
        type: "accepted" as const,
        actorId: d.intake.officer.id,
        actorRole: "staff" as const,
        at,
        note: null,
        data: {
          dueDate: d.dueDate,
          ...(d.intake.paperDocuments?.length ? { paperDocuments: [...d.intake.paperDocuments] } : {}),
        },
        status: 2,
      }
    : {
        seq: 1,
        type: "submitted" as const,
        actorId: d.applicantId,
        actorRole: "resident" as const,
        at,
        note: null,
        data: {},
        status: 1,
      };
  const hash = await eventHash(d.auditKey, GENESIS_HASH, first);
  const sequence = sql`(SELECT ${dossierCounters.seq} FROM ${dossierCounters} WHERE ${dossierCounters.unitId} = ${d.receivingUnit.id} AND ${dossierCounters.day} = ${day})`;
  // A counter applicant gets a resident record of their own (no Zalo account), made in the same batch.
  const applicant = d.intake
    ? [
        db.insert(users).values({
          id: d.applicantId,
          provinceId: d.provinceId,
          role: "resident",
          displayName: d.intake.applicant.fullName,
          phone: d.intake.applicant.phone ?? null,
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
    db.insert(dossiers).values({
      id: d.id,
      code: sql`${d.receivingUnit.electronicId} || '-' || ${day} || '-' || printf('%04d', ${sequence})`,
      provinceId: d.provinceId,
      procedureId: d.procedureId,
      applicantId: d.applicantId,
      receivingUnitId: d.receivingUnit.id,
      handlingUnitId: d.handlingUnitId,
      status: first.status,
      channel: d.intake?.channel ?? "online",
      applicantName: d.applicantName,
      form: d.form,
      fee: d.fee,
      trackingToken: d.trackingToken,
      vneidVerified: d.vneidVerified,
      submittedAt: at,
      receivedAt: d.intake ? at : null,
      dueDate: d.dueDate,
      dueExplanation: d.dueExplanation,
      version: 1,
      updatedAt: at,
    }),
    db.insert(dossierEvents).values({ dossierId: d.id, ...first, hash }),
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
  procedureDocuments: procedures.documents,
  processingTime: procedures.processingTime,
  handlingUnitName: sql<string>`(SELECT name FROM units WHERE id = ${dossiers.handlingUnitId})`,
  receivingUnitName: sql<string>`(SELECT name FROM units WHERE id = ${dossiers.receivingUnitId})`,
};
export type ViewRow = {
  d: DossierRow;
  procedureCode: string;
  procedureName: string;
  procedureVersion: number;
  procedureDocuments: RequiredDocument[];
  processingTime: ProcessingTime;
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

export async function dossierByCode(db: Db, code: string): Promise<ViewRow | undefined> {
  return selectView(db).where(eq(dossiers.code, code)).get();
}

export async function dossierDetail(db: Db, row: ViewRow, viewer: AuthUser, linkBase: string): Promise<DossierDetail> {
  const { d } = row;
  const [rows, attached] = await db.batch([
    db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, d.id)).orderBy(dossierEvents.seq),
    db
      .select({ docIndex: dossierDocuments.docIndex, file: files })
      .from(dossierDocuments)
      .innerJoin(files, eq(files.id, dossierDocuments.fileId))
      .where(eq(dossierDocuments.dossierId, d.id))
      .orderBy(dossierDocuments.docIndex, dossierDocuments.round, files.createdAt),
  ]);
  const events = rows.map((e) => ({ ...e, ...parseEventPayload(e.type, e.data) }));
  const attachedToEvents = [...new Set(events.flatMap(eventFileIds))];
  const eventFiles = new Map<string, FileMeta>(
    attachedToEvents.length === 0
      ? []
      : (await db.select().from(files).where(inArray(files.id, attachedToEvents))).map((f: FileRow) => [f.id, toFileMeta(f)]),
  );
  const staffView = viewer.role !== "resident";
  const timeline: TimelineEvent[] = events
    .filter((e) => staffView || !STAFF_ONLY_EVENTS.includes(e.type))
    .map((e) => ({
      seq: e.seq,
      type: e.type,
      at: e.at,
      actor: e.actorRole,
      title: eventTitle(e.type),
      note: e.note,
      items: e.type === "supplement_requested" ? e.data.items : [],
      details: eventDetails(e),
      files: eventFileIds(e).flatMap((id) => eventFiles.get(id) ?? []),
    }));
  // A document received on paper at intake is listed without files.
  const onPaper = new Set(events.flatMap((e) => (e.type === "accepted" ? (e.data.paperDocuments ?? []) : [])));
  const documents = row.procedureDocuments
    .map((doc, docIndex) => ({
      docIndex,
      name: doc.name,
      files: attached.filter((a) => a.docIndex === docIndex).map((a) => toFileMeta(a.file)),
    }))
    .filter((doc) => doc.files.length > 0 || onPaper.has(doc.docIndex));
  const lastRequest = events.findLast((e) => e.type === "supplement_requested");
  const isApplicant = d.applicantId === viewer.id;
  const status = d.status as DossierStatus;
  return {
    ...toSubmitResponse(row, linkBase),
    form: d.form,
    documents,
    timeline,
    supplement:
      status === 5 && lastRequest ? { items: lastRequest.data.items, note: lastRequest.note, requestedAt: lastRequest.at } : null,
    results: timeline.filter((e) => e.type === "finished").flatMap((e) => e.files),
    promisedDate: d.promisedDate,
    pausedAt: d.pausedAt,
    withdrawalRequested: d.withdrawalRequested,
    canWithdraw: isApplicant && canApply(lifecycleState(d), "withdraw"),
    canSupplement: isApplicant && status === 5,
  };
}

export type Step = {
  type: EventPayload["type"];
  actor: AuthUser;
  note?: string | null;
  /** Checked against the type's data shape before it is written. */
  data?: EventPayload["data"];
  set?: Partial<Omit<DossierRow, "id" | "code" | "version" | "updatedAt">>;
};

/**
 * One step on a dossier, in one batch: the event (chained to the previous one by hash), the
 * dossier's new state and the applicant's notification. The event's sequence number is the
 * dossier's next version, so of two concurrent steps from the same version exactly one batch
 * commits; the other hits the unique (dossier, seq) index and rolls back whole.
 */
export async function appendStep(
  db: Db,
  auditKey: string,
  d: DossierRow,
  step: Step,
  extra: BatchItem<"sqlite">[] = [],
): Promise<boolean> {
  const at = new Date().toISOString();
  const version = d.version + 1;
  const payload = parseEventPayload(step.type, step.data ?? {});
  const event = {
    seq: version,
    ...payload,
    actorId: step.actor.id,
    actorRole: step.actor.role === "resident" ? ("resident" as const) : ("staff" as const),
    at,
    note: step.note || null,
    status: step.set?.status ?? d.status,
  };
  const previous = await db
    .select({ hash: dossierEvents.hash })
    .from(dossierEvents)
    .where(and(eq(dossierEvents.dossierId, d.id), eq(dossierEvents.seq, d.version)))
    .get();
  const hash = await eventHash(auditKey, previous?.hash ?? GENESIS_HASH, event);
  const notice = event.actorRole === "staff" ? residentNotice(payload, d.code, event.note) : null;
  try {
    await db.batch([
      db.insert(dossierEvents).values({ dossierId: d.id, ...event, hash }),
      db
        .update(dossiers)
        .set({ ...step.set, version, updatedAt: at })
        .where(and(eq(dossiers.id, d.id), eq(dossiers.version, d.version))),
      ...(eventFileIds(payload).length
        ? [db.insert(eventFiles).values(eventFileIds(payload).map((fileId) => ({ dossierId: d.id, seq: version, fileId })))]
        : []),
      ...(notice
        ? [
            db
              .insert(notifications)
              .values({ userId: d.applicantId, dossierId: d.id, eventSeq: version, ...notice, createdAt: at }),
          ]
        : []),
      ...extra,
    ]);
    return true;
  } catch (err) {
    // Only the (dossier, seq) index means "another step came first"; anything else is a real failure.
    if (String((err as Error).message).includes("UNIQUE constraint failed: dossier_events.dossier_id, dossier_events.seq"))
      return false;
    throw err;
  }
}

/**
 * The resident's answer to a supplement request: back to "Mới đăng ký" before acceptance, else to
 * processing, with the due date moved by the working days the clock was paused.
 */
export async function submitSupplement(
  db: Db,
  auditKey: string,
  d: DossierRow,
  actor: AuthUser,
  documents: readonly Attachment[],
  note: string,
  calendar: WorkCalendar,
) {
  const round = d.version + 1;
  const resumed =
    d.pausedAt && d.dueDate
      ? resumeAfterPause({ date: d.dueDate, explanation: d.dueExplanation }, new Date(d.pausedAt), new Date(), calendar)
      : null;
  return appendStep(
    db,
    auditKey,
    d,
    {
      type: "supplement_submitted",
      actor,
      note,
      // One file may answer several documents; event_files holds it once (a duplicate would fail the batch as if concurrent).
      data: {
        fileIds: [...new Set(documents.flatMap((x) => x.fileIds))],
        ...(resumed ? { dueDate: resumed.date, pausedDays: resumed.pausedDays } : {}),
      },
      set: {
        status: d.receivedAt ? 4 : 1,
        pausedAt: null,
        ...(resumed ? { dueDate: resumed.date, dueExplanation: resumed.explanation } : {}),
      },
    },
    documentInserts(db, d.id, documents, round),
  );
}

export const lifecycleState = (d: DossierRow): LifecycleState => ({
  status: d.status as DossierStatus,
  received: d.receivedAt !== null,
  withdrawalRequested: d.withdrawalRequested,
});

/** Before anyone accepted it, a dossier is withdrawn at once; afterwards an officer confirms the request. */
export async function withdraw(db: Db, auditKey: string, d: DossierRow, actor: AuthUser, reason: string) {
  const moved = transition(lifecycleState(d), "withdraw");
  if (!moved.ok) return false;
  return appendStep(db, auditKey, d, {
    type: moved.event,
    actor,
    note: reason,
    set: { status: moved.state.status, withdrawalRequested: moved.state.withdrawalRequested },
  });
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
    // A finished dossier keeps its due date, to be read beside the date of its result.
    dueDate: d.finishedAt || !inStatusGroup("closed", d.status) ? d.dueDate : null,
    pausedAt: d.pausedAt,
    resultAt: d.finishedAt,
    onTime: d.finishedAt && d.dueDate ? finishedOnTime(new Date(d.finishedAt), d.dueDate) : null,
  };
}
