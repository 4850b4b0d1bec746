import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Context, TypedResponse } from "hono";
import type { JSONParsed } from "hono/utils/types";
import { IdempotencyKey } from "../../../shared/src/dossier/api";
import type { Db } from "../db/client";
import { idempotencyKeys } from "../db/schema";
import { sha256Hex } from "./crypto";
import { ApiError, conflict } from "./errors";
import type { AppEnv } from "./factory";

/** A claim older than this belongs to a request that died; a retry may take it over. */
const STALE_CLAIM_MS = 120_000;

/** The one status createOnce answers a write with, stored with the response and so the one a replay repeats. */
const CREATED = 201;

export type Claim = { kind: "claimed" } | { kind: "replay"; body: string };

/**
 * Claims an Idempotency-Key for this user before any work. The same key and body replays the
 * stored response; a different body is a 422; a request still in flight with the key is a 409.
 */
export async function claimIdempotencyKey(db: Db, userId: string, key: string, requestHash: string): Promise<Claim> {
  const now = new Date();
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ userId, key, requestHash, createdAt: now.toISOString() })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length === 1) return { kind: "claimed" };

  const existing = await db.query.idempotencyKeys.findFirst({
    where: and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)),
  });
  if (!existing) return claimIdempotencyKey(db, userId, key, requestHash);
  if (existing.requestHash !== requestHash) {
    throw new ApiError(422, "idempotency_key_reused", "Idempotency-Key này đã được dùng cho một yêu cầu khác.");
  }
  if (existing.responseStatus !== null && existing.responseBody !== null) {
    return { kind: "replay", body: existing.responseBody };
  }
  const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  const takenOver = await db
    .update(idempotencyKeys)
    .set({ createdAt: now.toISOString() })
    .where(
      and(
        eq(idempotencyKeys.userId, userId),
        eq(idempotencyKeys.key, key),
        isNull(idempotencyKeys.responseStatus),
        lt(idempotencyKeys.createdAt, stale),
      ),
    )
    .run();
  if (takenOver.meta.changes === 1) return { kind: "claimed" };
  throw conflict("Yêu cầu này đang được xử lý, vui lòng đợi trong giây lát.");
}

/**
 * The statement that stores the response, for the same batch as the work itself. `placeholder`
 * in the body is replaced in SQL by the value of `valueSql` (e.g. the code the batch assigned).
 */
export function completeIdempotencyKey(
  db: Db,
  userId: string,
  key: string,
  body: string,
  placeholder: string,
  valueSql: ReturnType<typeof sql>,
) {
  return db
    .update(idempotencyKeys)
    .set({ responseStatus: CREATED, responseBody: sql`replace(${body}, ${placeholder}, ${valueSql})` })
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
}

/** Frees the key after a failed attempt, so the client's retry is processed afresh. */
export async function releaseIdempotencyKey(db: Db, userId: string, key: string) {
  await db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.responseStatus)));
}

/** The request's `Idempotency-Key` header, or a 400 saying what a key looks like. */
export function requireIdempotencyKey(header: string | undefined): string {
  const key = IdempotencyKey.safeParse(header);
  if (!key.success) {
    throw new ApiError(400, "validation_failed", "Thiếu hoặc sai tiêu đề Idempotency-Key.", [
      { path: "Idempotency-Key", message: key.error.issues[0]?.message ?? "" },
    ]);
  }
  return key.data;
}

/**
 * Runs a write once per key and body: a retry replays the stored response (`run` must store it
 * with completeIdempotencyKey() in its own batch), a failed attempt frees the key for the next.
 * The replay is the first answer (status, the same JSON text, type) plus `Idempotent-Replayed: true`.
 */
export async function createOnce<T extends object>(
  c: Context<AppEnv>,
  key: string,
  body: unknown,
  run: () => Promise<T>,
): Promise<Response & TypedResponse<JSONParsed<T>, typeof CREATED, "json">> {
  const { db, user } = c.var;
  const claim = await claimIdempotencyKey(db, user.id, key, await sha256Hex(JSON.stringify(body)));
  // The stored text is JSON.stringify's own output, so parsing and answering it again gives the same text.
  if (claim.kind === "replay") return c.json(JSON.parse(claim.body) as T, CREATED, { "Idempotent-Replayed": "true" });
  try {
    const created: T = await run();
    return c.json(created, CREATED);
  } catch (err) {
    await releaseIdempotencyKey(db, user.id, key);
    throw err;
  }
}
