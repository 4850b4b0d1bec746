import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { applyHistory, dropHistoryPlan, HISTORY_ID_PREFIX, type HistoryD1, planHistory } from "../../scripts/seed/history";
import { type LifecycleAction, type LifecycleState, SUBMITTED, transition } from "../../shared/src/dossier/lifecycle";
import { inStatusGroup } from "../../shared/src/dossier/status";
import { refreshFigures } from "../../worker/src/figures/refresh";
import { expectKeptEqualsRecomputed } from "./figures-fixtures";
import { db } from "./helpers";

const COUNT = 400;
const DAY_MS = 86_400_000;
const raw = env.DB as unknown as HistoryD1;

/** The lifecycle action behind each event type the history writes. */
const ACTION: Record<string, LifecycleAction> = {
  accepted: "accept",
  refused: "refuse",
  processing: "start_processing",
  supplement_requested: "request_supplement",
  supplement_submitted: "submit_supplement",
  withdrawal_requested: "withdraw",
  withdrawn: "confirm_withdrawal",
  stopped: "stop",
  finished: "finish",
  returned: "hand_over",
};

type EventRow = { dossier_id: string; seq: number; type: string; at: string; status: number; data: string };
type DossierRow = {
  id: string;
  status: number;
  channel: string;
  received_at: string | null;
  due_date: string;
  paused_at: string | null;
  finished_at: string | null;
  returned_at: string | null;
  withdrawal_requested: number;
  updated_at: string;
  version: number;
};

describe("synthetic history", async () => {
  // Written in two steps, as the bench does: the year to yesterday, then the last day.
  const now = new Date();
  const sample = inject("sampleCatalogue");
  const { results: procedures } = await raw
    .prepare("SELECT id, code FROM procedures WHERE status = 'published'")
    .all<{ id: number; code: string }>();
  await planHistory(raw, {
    count: COUNT,
    provinceId: sample.province.id,
    units: sample.units,
    procedures: sample.procedures,
    procedureIds: new Map(procedures.map((p) => [p.code, p.id])),
    now,
  });
  await applyHistory(raw, COUNT, 0, now.getTime() - DAY_MS);
  await applyHistory(raw, COUNT, now.getTime() - DAY_MS, now.getTime());
  await dropHistoryPlan(raw);
  const { results: dossiers } = await raw
    .prepare(`SELECT * FROM dossiers WHERE id LIKE '${HISTORY_ID_PREFIX}%'`)
    .all<DossierRow>();
  const { results: events } = await raw
    .prepare(`SELECT * FROM dossier_events WHERE dossier_id LIKE '${HISTORY_ID_PREFIX}%' ORDER BY dossier_id, seq`)
    .all<EventRow>();
  const eventsOf = new Map<string, EventRow[]>();
  for (const e of events) eventsOf.set(e.dossier_id, [...(eventsOf.get(e.dossier_id) ?? []), e]);

  it("writes every dossier of the year, none in the future", () => {
    expect(dossiers).toHaveLength(COUNT);
    expect(dossiers.every((d) => Date.parse(d.updated_at) <= now.getTime())).toBe(true);
    expect(events.every((e) => Date.parse(e.at) <= now.getTime())).toBe(true);
  });

  it("gives each dossier events that follow the lifecycle, in order, ending in its status", () => {
    for (const d of dossiers) {
      const timeline = eventsOf.get(d.id) ?? [];
      expect(
        timeline.map((e) => e.seq),
        d.id,
      ).toEqual(timeline.map((_, i) => i + 1));
      // Online dossiers start with their submission; counter and postal intake with the acceptance.
      expect(timeline[0]?.type).toBe(d.channel === "online" ? "submitted" : "accepted");
      let state: LifecycleState = SUBMITTED;
      for (const [i, e] of timeline.entries()) {
        if (i > 0) expect(Date.parse(e.at)).toBeGreaterThanOrEqual(Date.parse(timeline[i - 1]!.at));
        if (e.type === "submitted") continue;
        const step = transition(state, ACTION[e.type]!);
        expect(step.ok, `${d.id} ${e.type} from ${state.status}`).toBe(true);
        if (!step.ok) break;
        expect(step.event).toBe(e.type);
        expect(e.status).toBe(step.state.status);
        state = step.state;
      }
      expect(d.status).toBe(state.status);
      expect(Boolean(d.withdrawal_requested)).toBe(state.withdrawalRequested);
      expect(d.received_at !== null, d.id).toBe(state.received);
      expect(d.finished_at !== null).toBe(inStatusGroup("resolved", d.status));
      expect(d.returned_at !== null).toBe(d.status === 10);
      expect(d.paused_at !== null).toBe(d.status === 5);
      expect(d.updated_at).toBe(timeline.at(-1)?.at);
      // The next step staff take is numbered after the last event.
      expect(d.version, d.id).toBe(timeline.length);
    }
  });

  it("keeps the due date of the acceptance, moved only by a supplement's pause", () => {
    for (const d of dossiers.filter((x) => x.received_at !== null)) {
      const timeline = eventsOf.get(d.id)!;
      const accepted = JSON.parse(timeline.find((e) => e.type === "accepted")!.data) as { dueDate: string };
      const resumed = timeline.find((e) => e.type === "supplement_submitted");
      const expected = resumed ? (JSON.parse(resumed.data) as { dueDate: string }).dueDate : accepted.dueDate;
      expect(d.due_date).toBe(expected);
      expect(d.due_date >= accepted.dueDate).toBe(true);
    }
  });

  // Refreshing a year of dossiers takes seconds on a busy machine.
  it("has every kind of dossier the figures count, and figures equal to a recompute", async () => {
    const statuses = new Set(dossiers.map((d) => d.status));
    for (const status of [3, 7, 8, 10]) expect(statuses.has(status), `status ${status}`).toBe(true);
    for (;;) if ((await refreshFigures(db(), { maxEvents: 2_000 })).caughtUp) break;
    await expectKeptEqualsRecomputed();
    const { results } = await raw
      .prepare(
        `SELECT SUM(received) AS received, SUM(refused) AS refused, SUM(withdrawn) AS withdrawn, SUM(stopped) AS stopped,
           SUM(finished_late) AS late, SUM(finished_e_result) AS eResult, SUM(received_digitised) AS digitised,
           SUM(received_reused) AS reused, SUM(received_supplemented) AS supplemented, SUM(received_assisted) AS assisted,
           SUM(CASE WHEN channel = 'online' THEN received END) AS online, SUM(open_delta) AS open
         FROM figures_monthly`,
      )
      .all<Record<string, number>>();
    const totals = results[0]!;
    for (const [key, value] of Object.entries(totals)) expect(value, key).toBeGreaterThan(0);
    expect(totals.online! / totals.received!).toBeGreaterThan(0.2);
    expect(totals.online! / totals.received!).toBeLessThan(0.9);
    expect(totals.late! / totals.received!).toBeLessThan(0.2);
  }, 60_000);
});
