import { afterEach, describe, expect, it, vi } from "vitest";
import { ErrorEnvelope } from "../../shared/src/api/errors";
import type { TrackView } from "../../shared/src/dossier/api";
import { RESIDENT_CLAIMS } from "./dossier-fixtures";
import { api, bearer, freshRateWindow, json, newAddress, signIn } from "./helpers";
import { fileDossier, intakeBody, quietSecurityLog } from "./staff-fixtures";

afterEach(() => vi.restoreAllMocks());

/** The fixture form's phone (validForm) and the verified resident's citizen id. */
const PHONE_DIGITS = "5678";
const CITIZEN_DIGITS = RESIDENT_CLAIMS.citizenId.slice(-4);

const lookup = (body: unknown, address: Record<string, string> = newAddress()) =>
  api("/api/track/lookup", json("POST", body, address));

async function answer(res: Response) {
  return { status: res.status, text: await res.text() };
}

describe("lookup by code", () => {
  it("answers the public tracking view for the code with the phone's or the citizen id's last four digits", async () => {
    const { code } = await fileDossier();
    for (const digits of [PHONE_DIGITS, CITIZEN_DIGITS]) {
      const res = await lookup({ code, digits });
      expect(res.status).toBe(200);
      expect(res.headers.get("Cache-Control")).toBe("private, no-store");
      const view = (await res.json()) as TrackView;
      expect(view).toMatchObject({ code, status: 1, statusLabel: expect.any(String), unitName: "Phường An Hòa" });
      // The public view, nothing personal.
      expect(Object.keys(view).sort()).toEqual(
        [
          "code",
          "procedureName",
          "unitName",
          "status",
          "statusLabel",
          "submittedAt",
          "receivedAt",
          "dueDate",
          "pausedAt",
          "resultAt",
          "onTime",
        ].sort(),
      );
    }
    // A code typed in lower case is the same code.
    expect((await lookup({ code: code.toLowerCase(), digits: PHONE_DIGITS })).status).toBe(200);
  });

  it("finds a counter dossier by the phone the officer registered", async () => {
    const officer = await signIn("can-bo-phuong");
    const body = await intakeBody({ applicant: { fullName: "Trần Văn Quầy", phone: "0901234321" } });
    const res = await api(
      "/api/staff/dossiers",
      json("POST", body, { ...bearer(officer), "Idempotency-Key": crypto.randomUUID() }),
    );
    expect(res.status).toBe(201);
    const { code } = (await res.json()) as { code: string };
    expect((await lookup({ code, digits: "4321" })).status).toBe(200);
  });

  it("gives the same answer for a wrong code, a malformed code and wrong digits: enumeration learns nothing", async () => {
    quietSecurityLog();
    const { code } = await fileDossier();
    const unknown = code.replace(/\d{4}$/, (n) => String((Number(n) + 5000) % 10000).padStart(4, "0"));
    const misses = [
      await answer(await lookup({ code, digits: "0000" })),
      await answer(await lookup({ code: unknown, digits: PHONE_DIGITS })),
      await answer(await lookup({ code: "KHONG-PHAI-MA", digits: PHONE_DIGITS })),
      await answer(await lookup({ code: "", digits: CITIZEN_DIGITS })),
    ];
    for (const miss of misses) expect(miss).toEqual(misses[0]);
    expect(misses[0]!.status).toBe(404);
    expect(ErrorEnvelope.parse(JSON.parse(misses[0]!.text)).error.code).toBe("not_found");
    // A malformed factor is the caller's own mistake, said as such.
    expect((await lookup({ code, digits: "12a4" })).status).toBe(400);
  });

  it("limits lookups per client address and per code with 429 and the envelope", { timeout: 60_000 }, async () => {
    quietSecurityLog();
    await freshRateWindow();
    const { code } = await fileDossier();
    // Ten tries from one address, then the eleventh is refused, even for a different code and the right digits.
    const address = newAddress();
    for (let i = 0; i < 10; i++)
      expect((await lookup({ code: `000.00.01.H99-260101-${i}000`, digits: "1111" }, address)).status).toBe(404);
    const refused = await lookup({ code, digits: PHONE_DIGITS }, address);
    expect(refused.status).toBe(429);
    expect(ErrorEnvelope.parse(await refused.json()).error.code).toBe("rate_limited");

    // One code guessed from many addresses: the eleventh guess is refused wherever it comes from.
    const target = (await fileDossier()).code;
    for (let i = 0; i < 10; i++) expect((await lookup({ code: target, digits: String(1000 + i) })).status).toBe(404);
    const guessed = await lookup({ code: target, digits: PHONE_DIGITS });
    expect(guessed.status).toBe(429);
    expect(ErrorEnvelope.parse(await guessed.json()).error.code).toBe("rate_limited");
  });
});
