import { afterEach, describe, expect, it, vi } from "vitest";
import type { Session } from "../../shared/src/auth/api";
import type { DossierDetail, TrackView } from "../../shared/src/dossier/api";
import type { Inbox, StaffDossierDetail } from "../../shared/src/staff/api";
import { bearer, getJson, signIn } from "./helpers";
import {
  actionBody,
  clockAt,
  fileDossier,
  residentStep,
  residentView,
  setDossier,
  staffView,
  step,
  uploadPdf,
} from "./staff-fixtures";

/** What the resident, the officer and the public tracking page read about a dossier's clock. */

afterEach(() => {
  vi.useRealTimers();
});

async function trackOf(owner: Session, code: string): Promise<TrackView> {
  const { body } = await residentView(owner, code);
  const url = new URL((body as DossierDetail).trackingUrl);
  const { status, body: view } = await getJson(`/api/track/${code}?k=${url.searchParams.get("k")}`);
  expect(status).toBe(200);
  return view as TrackView;
}

async function inboxItem(officer: Session, code: string) {
  const { body } = await getJson(`/api/staff/dossiers?q=${encodeURIComponent(code)}`, { headers: bearer(officer) });
  return (body as Inbox).items.find((i) => i.code === code)!;
}

describe("a paused clock", () => {
  it("is shown with the moment of the supplement request to the resident, the officer and the tracking page", async () => {
    clockAt("2026-03-10T02:00:00Z");
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    await step(officer, d.code, { action: "accept" });
    expect((await trackOf(d.owner, d.code)).pausedAt).toBeNull();

    clockAt("2026-03-10T02:10:00Z");
    await step(officer, d.code, actionBody("request_supplement"));
    const since = "2026-03-10T02:10:00.000Z";
    expect(((await staffView(officer, d.code)).body as StaffDossierDetail).pausedAt).toBe(since);
    expect(((await residentView(d.owner, d.code)).body as DossierDetail).pausedAt).toBe(since);
    expect((await inboxItem(officer, d.code)).pausedAt).toBe(since);
    expect(await trackOf(d.owner, d.code)).toMatchObject({ status: 5, pausedAt: since, dueDate: "2026-03-19" });

    // The answer restarts the clock: nothing is paused any more.
    await residentStep(d.owner, d.code, "submit_supplement");
    expect(((await staffView(officer, d.code)).body as StaffDossierDetail).pausedAt).toBeNull();
    expect((await inboxItem(officer, d.code)).pausedAt).toBeNull();
    expect((await trackOf(d.owner, d.code)).pausedAt).toBeNull();
  });
});

describe("the tracking page of a dossier with a result", () => {
  /** A dossier due on 19 March, finished at `iso`. */
  async function finishedAt(iso: string) {
    clockAt(iso);
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    await step(officer, d.code, { action: "accept" });
    await step(officer, d.code, { action: "start_processing" });
    await setDossier(d.code, { dueDate: "2026-03-19" });
    await step(officer, d.code, actionBody("finish", await uploadPdf(officer)));
    return { ...d, officer };
  }

  it("keeps the due date and says the result came on time up to the last minute of that day in Vietnam", async () => {
    // 23:59 on 19 March in Vietnam.
    const d = await finishedAt("2026-03-19T16:59:00Z");
    expect(await trackOf(d.owner, d.code)).toMatchObject({
      status: 9,
      dueDate: "2026-03-19",
      resultAt: "2026-03-19T16:59:00.000Z",
      onTime: true,
    });
    // Handed over once its fee was collected, it still reads the same.
    await step(d.officer, d.code, actionBody("confirm_payment"));
    await step(d.officer, d.code, actionBody("hand_over"));
    expect(await trackOf(d.owner, d.code)).toMatchObject({ status: 10, dueDate: "2026-03-19", onTime: true });
  });

  it("says a result from the next day in Vietnam came late", async () => {
    // 00:00 on 20 March in Vietnam.
    const d = await finishedAt("2026-03-19T17:00:00Z");
    expect(await trackOf(d.owner, d.code)).toMatchObject({
      status: 9,
      dueDate: "2026-03-19",
      resultAt: "2026-03-19T17:00:00.000Z",
      onTime: false,
    });
  });

  it("has no due date or result for a dossier closed without one", async () => {
    const officer = await signIn("can-bo-phuong");
    const d = await fileDossier();
    await step(officer, d.code, actionBody("refuse"));
    expect(await trackOf(d.owner, d.code)).toMatchObject({ status: 3, dueDate: null, resultAt: null, onTime: null });
  });
});
