import { eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canApply,
  type LifecycleAction,
  type LifecycleState,
  RESIDENT_ACTIONS,
  STAFF_ACTIONS,
  SUBMITTED,
  transition,
} from "../../shared/src/dossier/lifecycle";
import { addDays } from "../../shared/src/figures/facts";
import { RATING_LEVELS } from "../../shared/src/ratings/ratings";
import { dossierDocuments, dossierEvents, dossiers, files, procedures } from "../../worker/src/db/schema";
import { monthCounts, monthPeriod } from "../../worker/src/figures/read";
import { refreshFigures } from "../../worker/src/figures/refresh";
import { resident } from "./dossier-fixtures";
import { allFacts, expectKeptEqualsRecomputed, referenceStocks } from "./figures-fixtures";
import { db } from "./helpers";
import { staffMember } from "./staff-fixtures";

const UNITS = ["phuong-an-hoa", "phuong-binh-minh"];
const ACTIONS: readonly LifecycleAction[] = [...STAFF_ACTIONS, ...RESIDENT_ACTIONS];

/** One generated step: which dossier, which of its allowed actions, how many days pass, and whether a refresh runs after it. */
const Op = fc.record({
  dossier: fc.nat(5),
  choice: fc.nat(),
  days: fc.integer({ min: 0, max: 4 }),
  hour: fc.integer({ min: 0, max: 23 }),
  dueIn: fc.integer({ min: 0, max: 12 }),
  refresh: fc.boolean(),
});
const Dossier = fc.record({
  channel: fc.constantFrom("online" as const, "counter" as const, "postal" as const),
  assisted: fc.boolean(),
  digital: fc.boolean(),
  unit: fc.constantFrom(...UNITS),
});

type Sim = { id: string; state: LifecycleState; seq: number; unit: string; due: string | null; pausedAt: string | null };

let run = 0;

describe("figures kept incrementally", () => {
  it("always equal a recompute from the raw dossiers, over random lifecycles, days and refreshes", async () => {
    const officer = (await staffMember(UNITS[0]!)).user.id;
    const applicant = (await resident(`nguoi-nop-ngau-nhien-${crypto.randomUUID().slice(0, 8)}`)).user.id;
    const procedureId = (await db().select({ id: procedures.id }).from(procedures).limit(1).get())!.id;
    const fileId = crypto.randomUUID();
    await db()
      .insert(files)
      .values({
        id: fileId,
        ownerId: applicant,
        r2Key: `x/${fileId}`,
        name: "a.pdf",
        mime: "application/pdf",
        size: 1,
        sha256: "0",
      });

    await fc.assert(
      fc.asyncProperty(fc.array(Dossier, { minLength: 1, maxLength: 6 }), fc.array(Op, { maxLength: 40 }), async (specs, ops) => {
        run++;
        // A clock that only moves forward, from a random-looking start: every step is on a local day.
        let day = addDays("2026-01-05", run * 3);
        let hour = 9;
        const at = () => new Date(`${day}T${String(hour).padStart(2, "0")}:15:00+07:00`).toISOString();
        const sims: Sim[] = [];
        for (const [i, spec] of specs.entries()) {
          const id = `${String(run).padStart(4, "0")}-${i}-${crypto.randomUUID()}`;
          const online = spec.channel === "online";
          const state = online ? SUBMITTED : (transition(SUBMITTED, "accept") as { state: LifecycleState }).state;
          const due = addDays(day, 5);
          await db().batch([
            db()
              .insert(dossiers)
              .values({
                id,
                code: `TEST-${id}`,
                provinceId: "an-hoa",
                procedureId,
                applicantId: applicant,
                receivingUnitId: spec.unit,
                handlingUnitId: spec.unit,
                status: state.status,
                channel: spec.channel,
                form: {},
                fee: { amount: 0, items: [] } as never,
                trackingToken: "t",
                submittedAt: at(),
                receivedAt: online ? null : at(),
                dueDate: due,
                assistedBy: spec.assisted && online ? officer : null,
              }),
            db()
              .insert(dossierEvents)
              .values({
                dossierId: id,
                seq: 1,
                type: online ? "submitted" : "accepted",
                actorId: online ? applicant : officer,
                actorRole: online ? "resident" : "staff",
                at: at(),
                data: online ? {} : { dueDate: due },
                status: state.status,
              }),
            ...(spec.digital ? [db().insert(dossierDocuments).values({ dossierId: id, docIndex: 0, fileId, round: 0 })] : []),
          ]);
          sims.push({ id, state, seq: 1, unit: spec.unit, due: online ? null : due, pausedAt: null });
        }

        for (const op of ops) {
          day = addDays(day, op.days);
          hour = op.hour;
          const sim = sims[op.dossier % sims.length]!;
          const allowed = ACTIONS.filter((a) => canApply(sim.state, a) && a !== "note" && a !== "reply");
          if (allowed.length > 0)
            await applyStep(sim, allowed[op.choice % allowed.length]!, at(), addDays(day, op.dueIn), op, officer, applicant);
          if (op.refresh) await refreshFigures(db(), { maxEvents: 1 + (op.choice % 7) });
        }
        for (let r = await refreshFigures(db(), { maxEvents: 50 }); !r.caughtUp; )
          r = await refreshFigures(db(), { maxEvents: 50 });
        await expectKeptEqualsRecomputed();

        // And the read layer's stocks match their definitions on a few days of the period.
        const facts = await allFacts();
        for (const probe of [day, addDays(day, -3), addDays(day, 9)]) {
          const month = probe.slice(0, 7);
          const asOf = new Date(`${probe}T12:00:00+07:00`);
          const { start, b } = monthPeriod(month, asOf);
          const read = await monthCounts(db(), month, asOf);
          for (const unit of UNITS) {
            const c = read.get(unit);
            const flows = c ? c.flows.online.received + c.flows.counter.received + c.flows.postal.received : 0;
            expect(
              {
                openAtStart: c?.openAtStart ?? 0,
                openAtEnd: c?.openAtEnd ?? 0,
                overdueAtEnd: c?.overdueAtEnd ?? 0,
                received: flows,
              },
              `${unit} ${probe}`,
            ).toEqual(referenceStocks(facts, unit, start, b));
          }
        }
      }),
      { numRuns: 12 },
    );
  }, 300_000);
});

/** Writes one legal step the way the real steps do: the event, and the row's status, clock and unit. */
async function applyStep(
  sim: Sim,
  action: LifecycleAction,
  at: string,
  newDue: string,
  op: { choice: number },
  officer: string,
  applicant: string,
) {
  const moved = transition(sim.state, action);
  if (!moved.ok) throw new Error(`generated an illegal step ${action}`);
  const before = sim.state;
  const set: Partial<typeof dossiers.$inferInsert> = {};
  let data: Record<string, unknown> = {};
  if (!before.received && moved.state.received) {
    sim.due = newDue;
    set.receivedAt = at;
    set.dueDate = newDue;
    data = { dueDate: newDue };
  } else if (before.received && before.status !== 5 && moved.state.status === 5) {
    sim.pausedAt = at;
    set.pausedAt = at;
  } else if (before.received && before.status === 5 && moved.state.status !== 5 && sim.pausedAt) {
    // The due date moves by the pause (here: by however far the generator says, never earlier).
    const moved = newDue > (sim.due ?? newDue) ? newDue : sim.due!;
    sim.due = moved;
    sim.pausedAt = null;
    Object.assign(set, { pausedAt: null, dueDate: moved });
    if (action === "submit_supplement") data = { dueDate: moved, fileIds: [] };
  }
  if ([3, 7, 8, 9, 10].includes(moved.state.status)) {
    sim.pausedAt = null;
    set.pausedAt = null;
  }
  if (action === "finish") {
    set.finishedAt = at;
    data = { fileIds: op.choice % 2 ? ["result"] : [] };
  }
  if (action === "hand_over") set.returnedAt = at;
  if (action === "submit_supplement" && !("fileIds" in data)) data = { fileIds: [] };
  if (action === "transfer") {
    const to = sim.unit === UNITS[0] ? UNITS[1]! : UNITS[0]!;
    data = { fromUnitId: sim.unit, toUnitId: to, toUnitName: to };
    sim.unit = to;
    set.handlingUnitId = to;
  }
  if (action === "request_supplement") data = { items: ["Giấy tờ"] };
  if (action === "request_payment") data = { amount: 1000, legalBasis: "x" };
  if (action === "apologise") data = { newDate: addDays(at.slice(0, 10), 10) };
  // A rating counts with the result; a second one (the real steps refuse it) must not change what counts.
  if (action === "rate") data = { level: RATING_LEVELS[op.choice % RATING_LEVELS.length], source: "app" };
  const byResident = (RESIDENT_ACTIONS as readonly string[]).includes(action);
  sim.seq++;
  sim.state = moved.state;
  await db().batch([
    db()
      .insert(dossierEvents)
      .values({
        dossierId: sim.id,
        seq: sim.seq,
        type: moved.event,
        actorId: byResident ? applicant : officer,
        actorRole: byResident ? "resident" : "staff",
        at,
        data,
        status: moved.state.status,
      }),
    db()
      .update(dossiers)
      .set({
        ...set,
        status: moved.state.status,
        withdrawalRequested: moved.state.withdrawalRequested,
        version: sim.seq,
        updatedAt: at,
      })
      .where(eq(dossiers.id, sim.id)),
  ]);
}
