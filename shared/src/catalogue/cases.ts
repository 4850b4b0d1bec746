import type { Channel } from "../dossier/channel";
import type { CaseChannel, Fees, FeeTerms, ProcedureCase, ProcessingTime, RequiredDocument } from "./schemas";

/** The single-case columns a version also stores: what the fee quote, due dates and completeness read. */
export type FirstCaseColumns = { processingTime: ProcessingTime; fees: Fees; documents: RequiredDocument[] };

/** The id and name of the one case read from a version stored without cases (the seed data). */
export const DEFAULT_CASE = { id: "chung", name: "Trường hợp chung" } as const;

/** Shown for a draft whose first case has no channel yet; publishing refuses such a draft. */
const UNSET_TIME: ProcessingTime = { unit: "working_day", value: 1 };

const byChannel = (c: ProcedureCase | undefined, channel: Channel) => c?.channels.find((ch) => ch.channel === channel);

/**
 * The first case projected onto the single-case columns: its counter fee (by post when there is no
 * counter, else online), its online fee (else the counter's), the counter's processing time (else the
 * first channel's) and its documents. Fee terms are the version's.
 */
export function firstCaseColumns(cases: readonly ProcedureCase[], terms: FeeTerms): FirstCaseColumns {
  const first = cases[0];
  const online = byChannel(first, "online");
  const inPerson = byChannel(first, "counter") ?? byChannel(first, "postal");
  const timed = inPerson ?? first?.channels[0];
  const note = [inPerson, online].find((ch): ch is CaseChannel => ch?.feeNote !== undefined)?.feeNote;
  const counterFee = inPerson?.fee ?? online?.fee ?? 0;
  return {
    processingTime: timed?.processingTime ?? UNSET_TIME,
    fees: {
      counter: counterFee,
      online: online?.fee ?? counterFee,
      ...(terms.per ? { per: terms.per } : {}),
      ...(note ? { note } : {}),
      legalBasis: terms.legalBasis,
      ...(terms.onlineUntil ? { onlineUntil: terms.onlineUntil } : {}),
    },
    documents: first?.documents ?? [],
  };
}

/**
 * The other direction, for a version stored without cases: one case, filed online and at the
 * counter, each with the stored time and its fee. Both channels even when the procedure is online
 * only: the counter fee is also the full rate once a dated online rate ends.
 */
export function casesFromColumns(columns: FirstCaseColumns): ProcedureCase[] {
  const { processingTime, fees } = columns;
  const note = fees.note ? { feeNote: fees.note } : {};
  return [
    {
      ...DEFAULT_CASE,
      channels: [
        { channel: "online", processingTime, fee: fees.online, ...note },
        { channel: "counter", processingTime, fee: fees.counter, ...note },
      ],
      documents: columns.documents,
    },
  ];
}

/** The fee terms stored with the projected fees. */
export const feeTermsOf = (fees: Fees): FeeTerms => ({
  legalBasis: fees.legalBasis,
  ...(fees.per ? { per: fees.per } : {}),
  ...(fees.onlineUntil ? { onlineUntil: fees.onlineUntil } : {}),
});

/** A stored version's cases: those saved with it, or the one case its single-case columns describe. */
export function storedCases(stored: readonly ProcedureCase[], columns: FirstCaseColumns): ProcedureCase[] {
  return stored.length > 0 ? [...stored] : casesFromColumns(columns);
}
