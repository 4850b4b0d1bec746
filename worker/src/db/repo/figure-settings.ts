import { eq } from "drizzle-orm";
import type { FigureSettings } from "../../../../shared/src/figures/api";
import type { Db } from "../client";
import { figureSettings, users } from "../schema";
import { recordChange } from "./changes";

/** The province's settings of the figures; a province that never chose has the defaults. */
export async function getFigureSettings(db: Db, provinceId: string): Promise<FigureSettings> {
  const [row] = await db
    .select({ s: figureSettings, name: users.displayName })
    .from(figureSettings)
    .leftJoin(users, eq(users.id, figureSettings.updatedBy))
    .where(eq(figureSettings.provinceId, provinceId));
  if (!row) return { onlineRateCountsPostal: true, updatedAt: null, updatedBy: null };
  const { s, name } = row;
  return {
    onlineRateCountsPostal: s.onlineRateCountsPostal,
    updatedAt: s.updatedAt,
    updatedBy: s.updatedBy ? { id: s.updatedBy, name: name ?? "" } : null,
  };
}

/** Sets the settings and records the change, in one batch. */
export async function putFigureSettings(
  db: Db,
  provinceId: string,
  set: { onlineRateCountsPostal: boolean },
  actor: { id: string; reason: string; before: { onlineRateCountsPostal: boolean } },
) {
  const updatedAt = new Date().toISOString();
  await db.batch([
    db
      .insert(figureSettings)
      .values({ provinceId, ...set, updatedBy: actor.id, updatedAt })
      .onConflictDoUpdate({ target: figureSettings.provinceId, set: { ...set, updatedBy: actor.id, updatedAt } }),
    recordChange(db, {
      provinceId,
      actorId: actor.id,
      entity: "figure_setting",
      entityId: provinceId,
      action: "change",
      reason: actor.reason,
      data: { before: actor.before, after: set },
    }),
  ]);
}
