import { FEE_DUE_MESSAGE, feeBlocks, offeredActions, stepsFor, transition } from "../../../shared/src/dossier/lifecycle";
import { buildRequest } from "../../../shared/src/dossier/supplement";
import type { ActionBody } from "../../../shared/src/staff/api";
import { vietnamDate } from "../../../shared/src/time/vietnam";
import type { Db } from "../db/client";
import { provinceUnit, type ViewRow, viewById } from "../db/repo/dossiers";
import { ownFilesById } from "../db/repo/files";
import type { AuthUser } from "../db/repo/users";
import { ApiError, conflict } from "../lib/errors";
import { commitSteps, lifecycleState, type Moved, type StepInput } from "./steps";

/** An officer's actions on a dossier in their scope (access.scopedDossier found it). */

const invalid = (path: string, message: string) => new ApiError(400, "validation_failed", message, [{ path, message }]);

/** The dossier changed since the officer read it: reload before acting. */
export const stale = () =>
  new ApiError(412, "precondition_failed", "Hồ sơ vừa được người khác cập nhật, vui lòng tải lại trước khi thao tác.");

async function requireOwnFiles(db: Db, user: AuthUser, ids: readonly string[], path: string) {
  const unique = [...new Set(ids)];
  if ((await ownFilesById(db, user.id, unique)).length !== unique.length)
    throw invalid(path, "Có tệp đính kèm không tồn tại hoặc không do bạn tải lên.");
  return unique;
}

/** What each action records beyond its transition (DOMAIN §3), with its inputs checked. */
async function inputFor(db: Db, user: AuthUser, row: ViewRow, body: ActionBody, now: Date): Promise<StepInput> {
  const { d } = row;
  const at = now.toISOString();
  switch (body.action) {
    case "refuse":
    case "stop":
      return { note: body.reason };
    case "request_supplement": {
      const built = buildRequest(row.procedureDocuments, body.checks, body.items);
      if ("message" in built) throw invalid(built.path, built.message);
      return { note: body.note, data: { ...built, ...(body.replyBy ? { replyBy: body.replyBy } : {}) } };
    }
    case "request_payment":
      return { note: body.note, data: { amount: body.amount, legalBasis: body.legalBasis } };
    case "exempt_fee":
      return { note: body.note, data: { ground: body.ground, legalBasis: body.legalBasis } };
    case "finish":
      return {
        note: body.note,
        data: { fileIds: await requireOwnFiles(db, user, body.resultFileIds, "resultFileIds") },
        set: { finishedAt: at },
      };
    case "hand_over":
      return { note: body.note, data: { returnChannel: body.returnChannel }, set: { returnedAt: at } };
    case "apologise": {
      const floor = [d.dueDate, d.promisedDate, vietnamDate(now)]
        .filter((x): x is string => !!x)
        .sort()
        .at(-1)!;
      if (body.newDate <= floor) throw invalid("newDate", "Ngày hẹn mới phải sau ngày hẹn hiện tại.");
      return { note: body.reason, data: { newDate: body.newDate }, set: { promisedDate: body.newDate } };
    }
    case "transfer": {
      const target = await provinceUnit(db, d.provinceId, body.unitId);
      if (!target || target.id === d.handlingUnitId) throw invalid("unitId", "Đơn vị nhận không hợp lệ.");
      if (target.deactivatedAt) throw invalid("unitId", "Đơn vị nhận đã ngừng hoạt động.");
      return {
        note: body.reason,
        data: { fromUnitId: d.handlingUnitId, toUnitId: target.id, toUnitName: target.name },
        // The assignee belongs to the unit that handed it on.
        set: { handlingUnitId: target.id, assignedTo: null },
      };
    }
    case "reply":
      return { note: body.message, data: { fileIds: await requireOwnFiles(db, user, body.fileIds, "fileIds") } };
    default:
      return { note: body.note };
  }
}

/**
 * Applies a staff action to the dossier the officer read at `expectedVersion` (their If-Match):
 * legality from the shared state machine, then the action's own checks, then one batch. Returns
 * the dossier as it stands afterwards.
 */
export async function performAction(
  db: Db,
  auditKey: string,
  user: AuthUser,
  row: ViewRow,
  expectedVersion: number | null,
  body: ActionBody,
  now = new Date(),
): Promise<ViewRow> {
  if (expectedVersion !== row.d.version) throw stale();
  const state = lifecycleState(row.d);
  const steps = stepsFor(state, body.action);
  if (!steps) {
    const allowed = offeredActions(state);
    if (feeBlocks(state, body.action)) throw conflict(FEE_DUE_MESSAGE, { allowed });
    throw conflict("Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.", { allowed });
  }
  // A shortcut (finishing straight after acceptance) records each step it passes through.
  const moves: Moved[] = [];
  let s = state;
  for (const step of steps) {
    const moved = transition(s, step) as Moved;
    moves.push(moved);
    s = moved.state;
  }
  if (!(await commitSteps(db, auditKey, row, user, moves, await inputFor(db, user, row, body, now), now))) throw stale();
  return (await viewById(db, row.d.id))!;
}
