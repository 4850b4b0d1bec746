import { z } from "zod";
import { Channel } from "../dossier/channel";

export { feeQuote, onlineRateApplies, onlineSaving } from "./fee-quote";

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
