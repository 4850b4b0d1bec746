import { contributions, sumContributions } from "../../../shared/src/figures/facts";
import type { RecomputeStep } from "../../../shared/src/figures/recompute";
import type { Db } from "../db/client";
import { recordChange } from "../db/repo/changes";
import {
  addContributions,
  dossierIdsAfter,
  finishRecompute,
  keepFacts,
  lastKeptDossier,
  lostRefresh,
  refreshState,
  startRecompute,
  stillRecomputing,
} from "../db/repo/figures";
import type { AuthUser } from "../db/repo/users";
import { conflict } from "../lib/errors";
import { deriveFacts } from "./derive";

/** Dossiers per page (one bound parameter each in the reads) and pages per call, within a request's limits. */
const PAGE = 50;
const PAGES_PER_CALL = 4;

/**
 * Recomputes the figures from scratch, resumably: the first call clears the tables and marks a
 * recompute running (incremental refreshes wait meanwhile); each call adds the contributions of a
 * few pages of dossiers in id order (the last dossier kept is where the next call resumes); the
 * last one hands over to the refreshes at the log's last event when it started. Steps taken
 * meanwhile are applied by the next refresh, as differences from the facts kept here.
 */
export async function recomputeFigures(
  db: Db,
  admin: Pick<AuthUser, "id" | "provinceId">,
  { restart = false }: { restart?: boolean },
  pageSize = PAGE,
): Promise<RecomputeStep> {
  let run = (await refreshState(db)).running;
  if (restart || !run) {
    const at = new Date().toISOString();
    await startRecompute(db, at, [
      recordChange(db, {
        provinceId: admin.provinceId,
        actorId: admin.id,
        entity: "figure_setting",
        entityId: admin.provinceId,
        action: restart && run ? "recompute_restart" : "recompute",
        reason: "Tính lại số liệu thống kê từ hồ sơ gốc",
        data: {},
      }),
    ]);
    run = (await refreshState(db)).running;
    if (!run) throw conflict("Một lần tính lại số liệu khác vừa bắt đầu, vui lòng thử lại.");
  }
  let processed = 0;
  let after = await lastKeptDossier(db);
  for (let page = 0; page < PAGES_PER_CALL; page++) {
    const ids = await dossierIdsAfter(db, after, pageSize);
    if (ids.length === 0) {
      await finishRecompute(db, run.at);
      return { done: true, processed, next: null };
    }
    const facts = await deriveFacts(db, ids);
    try {
      await db.batch([
        stillRecomputing(db, run.at),
        ...keepFacts(
          db,
          [...facts].map(([dossierId, f]) => ({ dossierId, facts: f })),
          false,
        ),
        ...addContributions(db, sumContributions([...facts.values()].map(contributions))),
      ]);
    } catch (err) {
      if (!lostRefresh(err)) throw err;
      throw conflict("Số liệu đang được tính lại ở một yêu cầu khác, vui lòng thử lại.");
    }
    processed += ids.length;
    after = ids.at(-1) as string;
  }
  return { done: false, processed, next: after };
}
