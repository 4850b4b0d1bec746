import { describe, expect, it } from "vitest";
import { CHANNEL_LABEL, Channel, IntakeChannel, RETURN_CHANNEL_LABEL, ReturnChannel } from "./channel";

describe("channels", () => {
  it("file a dossier online, at the counter or by post; officers register only the last two", () => {
    expect(Channel.options).toEqual(["online", "counter", "postal"]);
    expect(IntakeChannel.options).toEqual(["counter", "postal"]);
    expect(IntakeChannel.safeParse("online").success).toBe(false);
  });

  it("hand a result over at the counter, by post or online", () => {
    expect(ReturnChannel.options).toEqual(["counter", "post", "online"]);
  });

  it("are named in Vietnamese", () => {
    expect(CHANNEL_LABEL).toEqual({ online: "Trực tuyến", counter: "Tại quầy", postal: "Bưu chính" });
    expect(RETURN_CHANNEL_LABEL.post).toBe("Qua dịch vụ bưu chính");
  });
});
