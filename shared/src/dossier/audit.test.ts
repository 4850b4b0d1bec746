import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ChainedEvent, eventHash, GENESIS_HASH, verifyChain } from "./audit";

type Draft = Omit<ChainedEvent, "hash" | "seq">;

const KEY = "test-audit-key-0123456789abcdef";

/** Numbers and hashes the events in order, the way the worker appends them. */
async function chain(drafts: readonly Draft[]): Promise<ChainedEvent[]> {
  const events: ChainedEvent[] = [];
  let previous = GENESIS_HASH;
  for (const [i, d] of drafts.entries()) {
    const e = { ...d, seq: i + 1 };
    const hash = await eventHash(KEY, previous, e);
    events.push({ ...e, hash });
    previous = hash;
  }
  return events;
}

const DRAFTS: Draft[] = [
  {
    type: "submitted",
    actorId: "u-resident",
    actorRole: "resident",
    at: "2026-11-16T02:00:00.000Z",
    note: null,
    data: null,
    status: 1,
  },
  {
    type: "accepted",
    actorId: "u-officer",
    actorRole: "officer",
    at: "2026-11-16T03:15:00.000Z",
    note: "Đủ thành phần hồ sơ",
    data: { due: "2026-11-23" },
    status: 2,
  },
  {
    type: "supplement_requested",
    actorId: "u-officer",
    actorRole: "officer",
    at: "2026-11-17T07:00:00.000Z",
    note: "Bổ sung bản sao giấy khai sinh",
    data: { items: ["Giấy khai sinh"], detail: { round: 1, fileIds: ["f1", "f2"] } },
    status: 5,
  },
  {
    type: "supplement_submitted",
    actorId: "u-resident",
    actorRole: "resident",
    at: "2026-11-18T01:00:00.000Z",
    note: null,
    data: { fileIds: ["f3"] },
    status: 4,
  },
  { type: "finished", actorId: null, actorRole: "system", at: "2026-11-20T09:00:00.000Z", note: null, data: {}, status: 9 },
];

describe("audit hash chain", () => {
  it("verifies an intact chain and reports its head", async () => {
    const events = await chain(DRAFTS);
    expect(await verifyChain(KEY, events)).toEqual({ valid: true, brokenAtSeq: null, head: events.at(-1)!.hash });
    expect(await verifyChain(KEY, [])).toEqual({ valid: true, brokenAtSeq: null, head: GENESIS_HASH });
    expect(new Set(events.map((e) => e.hash)).size).toBe(events.length);
    for (const e of events) expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("depends on the key: a chain recomputed without it does not verify", async () => {
    const events = await chain(DRAFTS);
    expect(await verifyChain("another-key", events)).toMatchObject({ valid: false, brokenAtSeq: 1 });
    // Someone with database access edits an event and recomputes the chain with a guessed key.
    const forged: ChainedEvent[] = [];
    let previous = GENESIS_HASH;
    for (const e of events) {
      const edited = e.seq === 2 ? { ...e, note: "Đã sửa" } : e;
      const hash = await eventHash("guessed-key", previous, edited);
      forged.push({ ...edited, hash });
      previous = hash;
    }
    expect(await verifyChain(KEY, forged)).toMatchObject({ valid: false, brokenAtSeq: 1 });
  });

  it("is deterministic and depends on the previous hash", async () => {
    const e = { ...DRAFTS[0]!, seq: 1 };
    expect(await eventHash(KEY, GENESIS_HASH, e)).toBe(await eventHash(KEY, GENESIS_HASH, { ...e }));
    expect(await eventHash(KEY, "f".repeat(64), e)).not.toBe(await eventHash(KEY, GENESIS_HASH, e));
  });

  const tampered: [string, number, (e: ChainedEvent) => ChainedEvent][] = [
    ["note", 2, (e) => ({ ...e, note: "Đủ thành phần hồ sơ." })],
    ["note set to null", 3, (e) => ({ ...e, note: null })],
    ["status", 4, (e) => ({ ...e, status: 9 })],
    ["type", 1, (e) => ({ ...e, type: "accepted" })],
    ["actor", 5, (e) => ({ ...e, actorId: "u-officer" })],
    ["role", 2, (e) => ({ ...e, actorRole: "admin" })],
    ["time", 4, (e) => ({ ...e, at: "2026-11-18T01:00:01.000Z" })],
    ["nested data", 3, (e) => ({ ...e, data: { items: ["Giấy khai sinh"], detail: { round: 2, fileIds: ["f1", "f2"] } } })],
    [
      "array order in data",
      3,
      (e) => ({ ...e, data: { items: ["Giấy khai sinh"], detail: { round: 1, fileIds: ["f2", "f1"] } } }),
    ],
    ["added data key", 5, (e) => ({ ...e, data: { extra: true } })],
    ["seq", 2, (e) => ({ ...e, seq: 7 })],
    ["hash", 1, (e) => ({ ...e, hash: e.hash.replace(/^./, (c) => (c === "0" ? "1" : "0")) })],
  ];

  it.each(tampered)("a changed %s breaks the chain at that event", async (_field, seq, change) => {
    const events = await chain(DRAFTS);
    const broken = events.map((e) => (e.seq === seq ? change(e) : e));
    const result = await verifyChain(KEY, broken);
    expect(result.valid).toBe(false);
    expect(result.brokenAtSeq).toBe(broken[seq - 1]!.seq);
    expect(result.head).toBe(seq === 1 ? GENESIS_HASH : events[seq - 2]!.hash);
  });

  it("a change that keeps its own hash consistent still breaks the next event", async () => {
    const events = await chain(DRAFTS);
    const forged = { ...events[1]!, note: "Sửa sau" };
    forged.hash = await eventHash(KEY, events[0]!.hash, forged);
    const result = await verifyChain(KEY, [events[0]!, forged, ...events.slice(2)]);
    expect(result).toMatchObject({ valid: false, brokenAtSeq: 3 });
  });

  it.each([1, 2, 3, 4])("removing event %i breaks the chain at the event that moved up", async (seq) => {
    const events = await chain(DRAFTS);
    expect(
      await verifyChain(
        KEY,
        events.filter((e) => e.seq !== seq),
      ),
    ).toMatchObject({ valid: false, brokenAtSeq: seq + 1 });
    // Renumbered to hide the gap, the next event's hash no longer matches.
    const renumbered = events.filter((e) => e.seq !== seq).map((e, i) => ({ ...e, seq: i + 1 }));
    expect(await verifyChain(KEY, renumbered)).toMatchObject({ valid: false, brokenAtSeq: seq });
  });

  it("needs seq to run 1, 2, 3… even when every hash is consistent", async () => {
    const seqs = [1, 2, 4];
    const events: ChainedEvent[] = [];
    let previous = GENESIS_HASH;
    for (const [i, seq] of seqs.entries()) {
      const e = { ...DRAFTS[i]!, seq };
      previous = await eventHash(KEY, previous, e);
      events.push({ ...e, hash: previous });
    }
    expect(await verifyChain(KEY, events)).toMatchObject({ valid: false, brokenAtSeq: 4 });
  });

  it("removing the last event leaves a valid but shorter chain, with an older head", async () => {
    const events = await chain(DRAFTS);
    const result = await verifyChain(KEY, events.slice(0, -1));
    expect(result).toEqual({ valid: true, brokenAtSeq: null, head: events.at(-2)!.hash });
    expect(result.head).not.toBe(events.at(-1)!.hash);
  });

  it("swapping two events breaks the chain", async () => {
    const events = await chain(DRAFTS);
    const swapped = [events[0]!, events[2]!, events[1]!, ...events.slice(3)];
    expect(await verifyChain(KEY, swapped)).toMatchObject({ valid: false, brokenAtSeq: 3 });
    // Renumbered to hide the swap, the hashes still give it away.
    const renumbered = swapped.map((e, i) => ({ ...e, seq: i + 1 }));
    expect(await verifyChain(KEY, renumbered)).toMatchObject({ valid: false, brokenAtSeq: 2 });
  });

  it("does not depend on property order in data, and ignores undefined values", async () => {
    const a = await eventHash(KEY, GENESIS_HASH, {
      ...DRAFTS[2]!,
      seq: 3,
      data: { items: ["x"], detail: { round: 1, fileIds: ["f1"] } },
    });
    const b = await eventHash(KEY, GENESIS_HASH, {
      ...DRAFTS[2]!,
      seq: 3,
      data: { detail: { fileIds: ["f1"], round: 1 }, items: ["x"] },
    });
    const c = await eventHash(KEY, GENESIS_HASH, {
      ...DRAFTS[2]!,
      seq: 3,
      data: { detail: { fileIds: ["f1"], round: 1, gone: undefined }, items: ["x"] },
    });
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it("property order in data never changes a hash (generated data)", async () => {
    const reversed = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(reversed);
      if (v && typeof v === "object")
        return Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, reversed(x)]),
        );
      return v;
    };
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (data) => {
        const e = { ...DRAFTS[1]!, seq: 2, data };
        expect(await eventHash(KEY, GENESIS_HASH, { ...e, data: reversed(data) })).toBe(await eventHash(KEY, GENESIS_HASH, e));
      }),
      { numRuns: 300 },
    );
  });
});
