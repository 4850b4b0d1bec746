// What a dossier is charged, without zod: the mini app's first screen quotes fees through this module,
// and a module importing zod would bring all of zod into the first bundle (fees.ts re-exports it).
import type { Channel } from "../dossier/channel";
import { vietnamDate } from "../time/clock";
import type { FeeQuote } from "./fees";
import type { Fees } from "./schemas";

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
