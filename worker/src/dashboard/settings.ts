import type { FigureSettings } from "../../../shared/src/figures/api";
import type { Db } from "../db/client";
import { getFigureSettings, putFigureSettings } from "../db/repo/figure-settings";
import type { AuthUser } from "../db/repo/users";

/** Changes the figures' settings with a reason; a request that changes nothing records nothing. */
export async function changeFigureSettings(
  db: Db,
  admin: AuthUser,
  set: { onlineRateCountsPostal: boolean },
  reason: string,
): Promise<FigureSettings> {
  const before = await getFigureSettings(db, admin.provinceId);
  if (before.onlineRateCountsPostal === set.onlineRateCountsPostal && before.updatedAt !== null) return before;
  await putFigureSettings(db, admin.provinceId, set, {
    id: admin.id,
    reason,
    before: { onlineRateCountsPostal: before.onlineRateCountsPostal },
  });
  return getFigureSettings(db, admin.provinceId);
}
