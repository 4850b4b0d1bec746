import { dueState } from "../../../shared/src/deadline/due-date";
import { finishedOnTime } from "../../../shared/src/deadline/on-time";
import type {
  DossierDetail,
  DossierSummary,
  FileMeta,
  SubmitResponse,
  TimelineEvent,
  TrackView,
} from "../../../shared/src/dossier/api";
import { verifyChain } from "../../../shared/src/dossier/audit";
import {
  actorLabel,
  eventDetails,
  eventFileIds,
  eventTitle,
  parseEventPayload,
  STAFF_ONLY_EVENTS,
} from "../../../shared/src/dossier/events";
import { canApply, offeredActions } from "../../../shared/src/dossier/lifecycle";
import { type DossierStatus, inStatusGroup, officialStatusLabel, statusLabel } from "../../../shared/src/dossier/status";
import { askLabel, type SupplementAsk } from "../../../shared/src/dossier/supplement";
import { trackingPath } from "../../../shared/src/links/deep-link";
import type { Acceptance, AuditReport, StaffDossierDetail } from "../../../shared/src/staff/api";
import { vietnamDate } from "../../../shared/src/time/vietnam";
import type { Db } from "../db/client";
import { workCalendar } from "../db/repo/calendar";
import { dossierEventsOf, dossierRecord, ownDossierRows, type TrackingRow, type ViewRow } from "../db/repo/dossiers";
import { type FileRow, filesById } from "../db/repo/files";
import { currentAssignment, dossierReadLog, type StaffScope } from "../db/repo/staff";
import { type AuthUser, getUser } from "../db/repo/users";
import { mayAct } from "./access";
import { mayAssign } from "./assignment";
import { lifecycleState } from "./steps";

/** What the API answers about dossiers, built from repository rows. */

export const toFileMeta = (f: FileRow): FileMeta => ({
  id: f.id,
  name: f.name,
  mime: f.mime,
  size: f.size,
  sha256: f.sha256,
  createdAt: f.createdAt,
  fromEform: f.source === "eform",
});

export function toSummary(row: ViewRow): DossierSummary {
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

/** The applicant's own dossiers, newest first, with an offset cursor. */
export async function ownDossiers(db: Db, userId: string, offset: number, limit: number) {
  const rows = await ownDossierRows(db, userId, offset, limit);
  return { items: rows.slice(0, limit).map(toSummary), nextCursor: rows.length > limit ? String(offset + limit) : null };
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

type Attached = Awaited<ReturnType<typeof dossierRecord>>["attached"];

/** The required documents that have files in `attached` or were received on paper, with their files. */
function documentsOf(row: ViewRow, attached: Attached, onPaper: readonly number[]): DossierDetail["documents"] {
  return row.procedureDocuments
    .map((doc, docIndex) => ({
      docIndex,
      name: doc.name,
      files: attached.filter((a) => a.docIndex === docIndex).map((a) => toFileMeta(a.file)),
    }))
    .filter((doc) => doc.files.length > 0 || onPaper.includes(doc.docIndex));
}

/** The dossier's view with the record it was built from. */
async function detailWithRecord(db: Db, row: ViewRow, viewer: AuthUser, linkBase: string) {
  const { d } = row;
  const record = await dossierRecord(db, d.id);
  const events = record.events.map((e) => ({ ...e, ...parseEventPayload(e.type, e.data) }));
  const eventFiles = new Map((await filesById(db, [...new Set(events.flatMap(eventFileIds))])).map((f) => [f.id, toFileMeta(f)]));
  const staffView = viewer.role !== "resident";
  // Each answer names the item of the request before it that it answers.
  let asks: SupplementAsk[] = [];
  const answersOf = (e: (typeof events)[number]): TimelineEvent["answers"] => {
    if (e.type === "supplement_requested") asks = e.data.asks ?? [];
    if (e.type !== "supplement_submitted" || !e.data.answers) return [];
    return asks.map((ask) => {
      const answer = e.data.answers?.find((a) => a.askId === ask.id);
      return {
        item: askLabel(ask),
        text: answer?.text || null,
        files: (answer?.fileIds ?? []).flatMap((id) => eventFiles.get(id) ?? []),
      };
    });
  };
  const timeline: TimelineEvent[] = events
    .filter((e) => staffView || !STAFF_ONLY_EVENTS.includes(e.type))
    .map((e) => ({
      seq: e.seq,
      type: e.type,
      at: e.at,
      actor: e.actorRole,
      actorLabel: actorLabel(e.actorRole),
      title: eventTitle(e.type),
      note: e.note,
      items: e.type === "supplement_requested" ? e.data.items : [],
      answers: answersOf(e),
      details: eventDetails(e),
      files: eventFileIds(e).flatMap((id) => eventFiles.get(id) ?? []),
    }));
  // A document received on paper at intake is listed without files.
  const onPaper = events.flatMap((e) => (e.type === "accepted" ? (e.data.paperDocuments ?? []) : []));
  const documents = documentsOf(row, record.attached, onPaper);
  const first = events[0];
  const lastRequest = events.findLast((e) => e.type === "supplement_requested");
  const isApplicant = d.applicantId === viewer.id;
  const state = lifecycleState(d);
  const detail: DossierDetail = {
    ...toSubmitResponse(row, linkBase),
    procedureVersion: {
      version: row.procedureVersion,
      effectiveFrom: row.procedureEffectiveFrom,
      decisions: row.procedureDecisions,
    },
    form: d.form,
    documents,
    timeline,
    supplement:
      canApply(state, "submit_supplement") && lastRequest
        ? {
            items: lastRequest.data.items,
            asks: lastRequest.data.asks ?? [],
            note: lastRequest.note,
            requestedAt: lastRequest.at,
          }
        : null,
    results: timeline.filter((e) => e.type === "finished").flatMap((e) => e.files),
    promisedDate: d.promisedDate,
    pausedAt: d.pausedAt,
    withdrawalRequested: d.withdrawalRequested,
    assistedBy: (first?.type === "submitted" && first.data.assisted?.helperName) || null,
    canWithdraw: isApplicant && canApply(state, "withdraw"),
    canSupplement: isApplicant && canApply(state, "submit_supplement"),
  };
  return { detail, events, attached: record.attached };
}

/** The dossier with its documents and timeline, as its applicant or an officer reads it. */
export async function dossierDetail(db: Db, row: ViewRow, viewer: AuthUser, linkBase: string): Promise<DossierDetail> {
  return (await detailWithRecord(db, row, viewer, linkBase)).detail;
}

/**
 * Who accepted the dossier and what was received then. A supplement's files carry its event's
 * sequence number as their round (the submission's are round 0), so the files received by the
 * acceptance are those of the rounds before it.
 */
async function acceptanceOf(
  db: Db,
  row: ViewRow,
  { events, attached }: Omit<Awaited<ReturnType<typeof detailWithRecord>>, "detail">,
): Promise<Acceptance | null> {
  const accepted = events.find((e) => e.type === "accepted");
  if (!accepted) return null;
  const officer = accepted.actorId ? await getUser(db, accepted.actorId) : undefined;
  return {
    officerName: officer?.displayName ?? "",
    at: accepted.at,
    documents: documentsOf(
      row,
      attached.filter((a) => a.round < accepted.seq),
      accepted.data.paperDocuments ?? [],
    ),
  };
}

/** The public status behind a tracking QR: no personal data. */
export function toTrackView({ d, procedureName, unitName }: TrackingRow): TrackView {
  return {
    code: d.code,
    procedureName,
    unitName,
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

/** A resident signed in with Zalo has no registered number: the one declared in the form's phone field. */
function declaredPhone(row: ViewRow): string | null {
  const field = row.procedureEform.fields.find((f) => f.type === "phone");
  const value = field ? row.d.form[field.key] : undefined;
  return typeof value === "string" && value !== "" ? value : null;
}

/** The staff view: the applicant's view plus what an officer needs to act; an admin is offered no action. */
export async function staffDetail(
  db: Db,
  row: ViewRow,
  user: AuthUser,
  scope: StaffScope,
  linkBase: string,
): Promise<StaffDossierDetail> {
  const { d } = row;
  const [{ detail, ...record }, applicant, calendar] = await Promise.all([
    detailWithRecord(db, row, user, linkBase),
    getUser(db, d.applicantId),
    workCalendar(db, d.provinceId),
  ]);
  const clockRuns = inStatusGroup("clockRunning", d.status) && d.dueDate !== null;
  return {
    ...detail,
    statusLabel: officialStatusLabel(d.status as DossierStatus),
    version: d.version,
    allowedActions: mayAct(user, scope, d) ? offeredActions(lifecycleState(d)) : [],
    applicant: { name: d.applicantName, phone: applicant?.phone ?? declaredPhone(row), vneidVerified: d.vneidVerified },
    receivedAt: d.receivedAt,
    dueState: clockRuns ? dueState(d.dueDate!, vietnamDate(new Date()), calendar) : null,
    acceptance: await acceptanceOf(db, row, record),
    requiredDocuments: row.procedureDocuments.map((doc, docIndex) => ({
      docIndex,
      name: doc.name,
      required: doc.required,
      replacedByEform: doc.replacedByEform ?? false,
    })),
    assignment: await currentAssignment(db, d),
    canAssign: mayAssign(user, scope, d) && inStatusGroup("open", d.status),
  };
}

/** The dossier's event hash chain verified end to end, and who opened it. */
export async function auditReport(db: Db, auditKey: string, row: ViewRow): Promise<AuditReport> {
  const { d } = row;
  const [events, reads] = await Promise.all([dossierEventsOf(db, d.id), dossierReadLog(db, d.id)]);
  const chain = await verifyChain(auditKey, events);
  // Every step raises the version by one: a chain that verifies but ends early (or late) lost (or gained) events at its end.
  const result =
    chain.valid && events.length !== d.version
      ? { ...chain, valid: false, brokenAtSeq: Math.min(events.length, d.version) + 1 }
      : chain;
  return { code: d.code, ...result, events: events.length, reads };
}
