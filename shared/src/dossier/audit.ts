/**
 * The tamper-evident chain over a dossier's events: each event's HMAC-SHA256 covers its content
 * and the previous event's hash, so changing, removing or reordering any event breaks every hash
 * after it. The key is a secret of the worker, not of the database, so someone who can write to
 * D1 cannot recompute a forged chain. Runs the same in the worker and Node (Web Crypto).
 */
// shared/ compiles without DOM or Workers types; both runtimes provide these globals.
const web = globalThis as unknown as {
  crypto: {
    subtle: {
      importKey(
        format: "raw",
        key: Uint8Array,
        algorithm: { name: "HMAC"; hash: "SHA-256" },
        extractable: false,
        usages: ["sign"],
      ): Promise<unknown>;
      sign(algorithm: "HMAC", key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
    };
  };
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

const keys = new Map<string, Promise<unknown>>();

export async function eventHash(key: string, previous: string, e: Omit<ChainedEvent, "hash">): Promise<string> {
  let cryptoKey = keys.get(key);
  if (!cryptoKey) {
    cryptoKey = web.crypto.subtle.importKey("raw", new web.TextEncoder().encode(key), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
    ]);
    keys.set(key, cryptoKey);
  }
  const text = canonical([previous, e.seq, e.type, e.actorId, e.actorRole, e.at, e.note, e.data, e.status]);
  const mac = await web.crypto.subtle.sign("HMAC", await cryptoKey, new web.TextEncoder().encode(text));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Checks the chain end to end; events must be in seq order starting at 1. */
export async function verifyChain(
  key: string,
  events: readonly ChainedEvent[],
): Promise<{ valid: boolean; brokenAtSeq: number | null; head: string }> {
  let previous = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    if (e.seq !== i + 1 || e.hash !== (await eventHash(key, previous, e)))
      return { valid: false, brokenAtSeq: e.seq, head: previous };
    previous = e.hash;
  }
  return { valid: true, brokenAtSeq: null, head: previous };
}
