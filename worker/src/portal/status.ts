import {
  PORTAL_SYNC_LABELS,
  type PortalCoverage,
  type PortalSyncStatus,
  RESENDABLE_STATES,
  type UnitPortalCoverage,
} from "../../../shared/src/portal/sync";
import { addMonths, figuresMonth } from "../dashboard/period";
import type { Db } from "../db/client";
import type { ViewRow } from "../db/repo/dossiers";
import { type CoverageRow, coverageRows, ensureSyncRow, resendRow, syncRowOf } from "../db/repo/portal-sync";
import type { StaffScope } from "../db/repo/staff";
import type { AuthUser } from "../db/repo/users";
import { conflict } from "../lib/errors";
import { queuePortalSync } from "./queue";

/** What staff see of a dossier's national portal sync, and the admin's re-send. */

export async function syncStatus(db: Db, row: ViewRow, user: AuthUser): Promise<PortalSyncStatus> {
  await ensureSyncRow(db, row.d.id);
  const { row: s, waiting } = (await syncRowOf(db, row.d.id))!;
  return {
    state: s.state,
    label: PORTAL_SYNC_LABELS[s.state],
    waitingEvents: waiting,
    attempts: s.attempts,
    lastError: s.lastError,
    lastAttemptAt: s.lastAttemptAt,
    syncedAt: s.syncedAt,
    canResend: user.role === "admin" && RESENDABLE_STATES.includes(s.state),
  };
}

/** A failed or dead dossier waits again and goes back on the queue; the change is recorded with its reason. */
export async function resend(db: Db, row: ViewRow, user: AuthUser, reason: string): Promise<PortalSyncStatus> {
  await ensureSyncRow(db, row.d.id);
  const before = (await syncRowOf(db, row.d.id))!.row;
  const change = {
    provinceId: user.provinceId,
    actorId: user.id,
    entityId: row.d.code,
    reason,
    data: {
      before: { state: before.state, attempts: before.attempts, lastError: before.lastError },
      after: { state: "pending" },
    },
  };
  if (!(await resendRow(db, row.d.id, new Date().toISOString(), change)))
    throw conflict("Hồ sơ này không ở trạng thái lỗi hoặc ngừng đồng bộ, không cần gửi lại.", { state: before.state });
  queuePortalSync(row.d.id);
  return syncStatus(db, row, user);
}

const MINUTE_MS = 60_000;
/** The first instant of a local month in Vietnam (UTC+7), as a UTC ISO string. */
const monthStart = (month: string) => new Date(`${month}-01T00:00:00+07:00`).toISOString();

function unitFigures(r: Omit<CoverageRow, "unitId" | "unitName">, now: Date) {
  return {
    received: r.received,
    synced: r.synced,
    coverage: r.received > 0 ? r.synced / r.received : null,
    meanLagMinutes: r.synced > 0 ? Math.round((r.lagMinutesSum / r.synced) * 10) / 10 : null,
    oldestWaitingMinutes: r.oldestWaitingAt
      ? Math.max(0, Math.round((now.getTime() - Date.parse(r.oldestWaitingAt)) / MINUTE_MS))
      : null,
    failed: r.failed,
    dead: r.dead,
  };
}

/**
 * Sync coverage (DOMAIN §8) of a month per unit in scope: of the dossiers accepted in it (R), the
 * share the portal holds at their latest event; and the lag: mean minutes from a synced dossier's
 * latest event to its acknowledgement, and how long the oldest event still waiting has waited.
 */
export async function coverage(db: Db, scope: StaffScope, month: string | undefined, now: Date): Promise<PortalCoverage> {
  const { month: chosen } = figuresMonth(month, now);
  const rows = await coverageRows(db, scope.provinceId, scope.unitIds, monthStart(chosen), monthStart(addMonths(chosen, 1)));
  const units: UnitPortalCoverage[] = rows.map((r) => ({ unitId: r.unitId, unitName: r.unitName, ...unitFigures(r, now) }));
  const total = rows.reduce(
    (t, r) => ({
      received: t.received + r.received,
      synced: t.synced + r.synced,
      lagMinutesSum: t.lagMinutesSum + r.lagMinutesSum,
      oldestWaitingAt:
        r.oldestWaitingAt && (!t.oldestWaitingAt || r.oldestWaitingAt < t.oldestWaitingAt)
          ? r.oldestWaitingAt
          : t.oldestWaitingAt,
      failed: t.failed + r.failed,
      dead: t.dead + r.dead,
    }),
    { received: 0, synced: 0, lagMinutesSum: 0, oldestWaitingAt: null as string | null, failed: 0, dead: 0 },
  );
  return { month: chosen, province: unitFigures(total, now), units };
}
