import { inStatusGroup } from "../../../shared/src/dossier/status";
import type { DossierFacts } from "../../../shared/src/figures/facts";
import { RatingLevel } from "../../../shared/src/ratings/ratings";
import { vietnamDate } from "../../../shared/src/time/vietnam";
import type { Db } from "../db/client";
import { type FactSources, factSources } from "../db/repo/figures";

type Source = FactSources["events"][number];

/** One dossier's facts from its row, its events and what its documents are (shared/src/figures/facts.ts). */
export function factsOf(
  d: FactSources["rows"][number],
  events: readonly Source[],
  digitised: boolean,
  reused: boolean,
): DossierFacts {
  const last = (type: Source["type"]) => events.findLast((e) => e.type === type);
  const day = (at: string | null | undefined) => (at ? vietnamDate(new Date(at)) : null);
  const finished = last("finished");
  const closing = inStatusGroup("resolved", d.status)
    ? { kind: "finished" as const, at: d.finishedAt ?? finished?.at, by: finished?.actorId ?? null }
    : inStatusGroup("withdrawn", d.status)
      ? { kind: "withdrawn" as const, at: last("withdrawn")?.at, by: last("withdrawn")?.actorId ?? null }
      : inStatusGroup("stopped", d.status)
        ? { kind: "stopped" as const, at: last("stopped")?.at, by: last("stopped")?.actorId ?? null }
        : null;
  const closedDay = day(closing?.at);
  const received = d.receivedAt !== null;
  return {
    unitId: d.handlingUnitId,
    procedureId: d.procedureId,
    channel: d.channel,
    assisted: d.assistedBy !== null,
    receivedDay: day(d.receivedAt),
    refusedDay: inStatusGroup("refused", d.status) ? day(last("refused")?.at ?? d.updatedAt) : null,
    dueDate: received ? d.dueDate : null,
    pausedDay: received && d.status === 5 ? day(d.pausedAt) : null,
    closed: closing && closedDay ? { kind: closing.kind, day: closedDay, by: closing.by } : null,
    eResult: inStatusGroup("resolved", d.status) && finishedFiles(finished) > 0,
    digitised,
    reused,
    supplemented: events.some((e) => e.type === "supplement_requested"),
    acceptedBy: last("accepted")?.actorId ?? null,
    supplementRequests: events.flatMap((e) =>
      e.type === "supplement_requested" && e.actorId ? [{ by: e.actorId, day: vietnamDate(new Date(e.at)) }] : [],
    ),
    rating: firstRating(events),
  };
}

/** The first rating recorded: the one the figures keep, whatever a later re-rating says. */
const firstRating = (events: readonly Source[]) => {
  const level = RatingLevel.safeParse((events.find((e) => e.type === "rated")?.data as { level?: unknown } | undefined)?.level);
  return level.success ? level.data : null;
};

const finishedFiles = (e: Source | undefined) => {
  const files = (e?.data as { fileIds?: unknown } | undefined)?.fileIds;
  return Array.isArray(files) ? files.length : 0;
};

/** The facts of a page of dossiers (at most ~90 ids: one bound parameter each), in one round trip. */
export async function deriveFacts(db: Db, ids: readonly string[]): Promise<Map<string, DossierFacts>> {
  if (ids.length === 0) return new Map();
  const s = await factSources(db, ids);
  const byDossier = new Map<string, Source[]>();
  for (const e of s.events) byDossier.set(e.dossierId, [...(byDossier.get(e.dossierId) ?? []), e]);
  return new Map(s.rows.map((d) => [d.id, factsOf(d, byDossier.get(d.id) ?? [], s.digitised.has(d.id), s.reused.has(d.id))]));
}
