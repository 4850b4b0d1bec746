import { z } from "zod";

/** How a dossier reached the one-stop shop (DOMAIN §3): filed online, handed in at the counter, or sent by post. */
export const CHANNELS = ["online", "counter", "postal"] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** The channels an officer registers a dossier through on the applicant's behalf. */
export const IntakeChannel = Channel.exclude(["online"]);
export type IntakeChannel = z.infer<typeof IntakeChannel>;

export const CHANNEL_LABEL: Record<Channel, string> = { online: "Trực tuyến", counter: "Tại quầy", postal: "Bưu chính" };

/** How the result was handed over (recorded on the "returned" event). */
export const ReturnChannel = z.enum(["counter", "post", "online"]);
export type ReturnChannel = z.infer<typeof ReturnChannel>;

export const RETURN_CHANNEL_LABEL: Record<ReturnChannel, string> = {
  counter: "Tại bộ phận một cửa",
  post: "Qua dịch vụ bưu chính",
  online: "Trực tuyến (bản điện tử)",
};
