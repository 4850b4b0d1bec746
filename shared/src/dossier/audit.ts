/**
 * The tamper-evident chain over a dossier's events: each event's hash covers its content and
 * the previous event's hash, so changing, removing or reordering any event breaks every hash
 * after it. Runs the same in the worker, the browser and Node (Web Crypto).
 */
// shared/ compiles without DOM or Workers types; both runtimes provide these globals.
const web = globalThis as unknown as {
  crypto: { subtle: { digest(algorithm: "SHA-256", data: Uint8Array): Promise<ArrayBuffer> } };
  TextEncoder: new () => { encode(text: string): Uint8Array };
};

export const GENESIS_HASH = "0".repeat(64);

export interface ChainedEvent {
  seq: number;
  type: string;
  actorId: string | null;
  actorRole: string;
  at: string;
  note: string | null;
  data: unknown;
  /** The dossier's status after the event. */
  status: number;
  hash: string;
}

/** Key-sorted JSON, so the hash does not depend on property order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export async function eventHash(previous: string, e: Omit<ChainedEvent, "hash">): Promise<string> {
  const text = canonical([previous, e.seq, e.type, e.actorId, e.actorRole, e.at, e.note, e.data, e.status]);
  const digest = await web.crypto.subtle.digest("SHA-256", new web.TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Checks the chain end to end; events must be in seq order starting at 1. */
export async function verifyChain(events: readonly ChainedEvent[]): Promise<{ valid: boolean; brokenAtSeq: number | null; head: string }> {
  let previous = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    if (e.seq !== i + 1 || e.hash !== (await eventHash(previous, e))) return { valid: false, brokenAtSeq: e.seq, head: previous };
    previous = e.hash;
  }
  return { valid: true, brokenAtSeq: null, head: previous };
}
