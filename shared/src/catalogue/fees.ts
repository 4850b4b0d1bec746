import { z } from "zod";
import { Channel } from "../dossier/channel";
import { vietnamDate } from "../time/vietnam";
import type { Fees } from "./schemas";

/** The fee quoted for one dossier, snapshotted on it at filing (DOMAIN §6). */
export const FeeQuote = z.object({
  channel: Channel,
  /** What this dossier is charged, in VND. */
  amount: z.number().int(),
  online: z.number().int(),
  counter: z.number().int(),
  per: z.string().optional(),
  legalBasis: z.string(),
});
export type FeeQuote = z.infer<typeof FeeQuote>;

/** A dated online rate applies up to and including `onlineUntil`, a local date in Vietnam. */
export const onlineRateApplies = (fees: Fees, at: Date): boolean => !fees.onlineUntil || vietnamDate(at) <= fees.onlineUntil;

/**
 * What a dossier filed through `channel` at `at` is charged: the online rate while it applies
 * and only online; the counter rate at the counter, by post, and online once the rate has ended.
 */
export function feeQuote(fees: Fees, channel: Channel, at: Date): FeeQuote {
  return {
    channel,
    amount: channel === "online" && onlineRateApplies(fees, at) ? fees.online : fees.counter,
    online: fees.online,
    counter: fees.counter,
    ...(fees.per ? { per: fees.per } : {}),
    legalBasis: fees.legalBasis,
  };
}

/** What filing online at `at` saves over the counter, 0 when nothing. */
export function onlineSaving(fees: Fees, at: Date): number {
  return Math.max(0, fees.counter - feeQuote(fees, "online", at).amount);
}
