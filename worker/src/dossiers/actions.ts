import { and, eq } from "drizzle-orm";
import { dueDate, type WorkCalendar } from "../../../shared/src/deadline/due-date";
import { clockEffect, transition } from "../../../shared/src/dossier/lifecycle";
import type { ActionBody } from "../../../shared/src/staff/api";
import { vietnamDate } from "../../../shared/src/time/vietnam";
import type { Db } from "../db/client";
import { appendStep, lifecycleState, type Step, type ViewRow } from "../db/repo/dossiers";
import { ownFilesById } from "../db/repo/files";
import type { AuthUser } from "../db/repo/users";
import { units } from "../db/schema";
import { ApiError, conflict } from "../lib/errors";

const invalid = (path: string, message: string) => new ApiError(400, "validation_failed", message, [{ path, message }]);

async function requireOwnFiles(db: Db, user: AuthUser, ids: readonly string[], path: string) {
  const unique = [...new Set(ids)];
  if ((await ownFilesById(db, user.id, unique)).length !== unique.length)
    throw invalid(path, "Có tệp đính kèm không tồn tại hoặc không do bạn tải lên.");
  return unique;
}

/**
 * The event, state and clock bookkeeping of one staff action. Legality comes from the shared
 * lifecycle; this adds what each step records (DOMAIN §3) and checks its inputs.
 */
async function stepFor(db: Db, user: AuthUser, row: ViewRow, body: ActionBody, calendar: WorkCalendar, now: Date): Promise<Step> {
  const { d } = row;
  const before = lifecycleState(d);
  const moved = transition(before, body.action);
  if (!moved.ok) throw conflict("Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.", { allowed: moved.allowed });
  const at = now.toISOString();
  // A pause for a supplement is kept until the resident answers (the due date then moves by it).
  const clock = clockEffect(before, moved.state);
  const step: Step = {
    type: moved.event,
    actor: user,
    set: {
      status: moved.state.status,
      withdrawalRequested: moved.state.withdrawalRequested,
      ...(clock === "pause" ? { pausedAt: at } : clock === "stop" ? { pausedAt: null } : {}),
    },
  };
  switch (body.action) {
    case "accept": {
      // The clock starts now; the expected date shown at submission becomes the legal due date.
      const due = dueDate(now, row.processingTime, calendar);
      step.note = body.note;
      step.data = { dueDate: due.date };
      step.set = { ...step.set, receivedAt: at, dueDate: due.date, dueExplanation: due.explanation };
      break;
    }
    case "refuse":
    case "stop":
      step.note = body.reason;
      break;
    case "request_supplement":
      step.note = body.note;
      step.data = { items: body.items, ...(body.replyBy ? { replyBy: body.replyBy } : {}) };
      break;
    case "request_payment":
      step.note = body.note;
      step.data = { amount: body.amount, legalBasis: body.legalBasis };
      break;
    case "finish":
      step.note = body.note;
      step.data = { fileIds: await requireOwnFiles(db, user, body.resultFileIds, "resultFileIds") };
      step.set = { ...step.set, finishedAt: at };
      break;
    case "hand_over":
      step.note = body.note;
      step.data = { returnChannel: body.returnChannel };
      step.set = { ...step.set, returnedAt: at };
      break;
    case "apologise": {
      const floor = [d.dueDate, d.promisedDate, vietnamDate(now)]
        .filter((x): x is string => !!x)
        .sort()
        .at(-1)!;
      if (body.newDate <= floor) throw invalid("newDate", "Ngày hẹn mới phải sau ngày hẹn hiện tại.");
      step.note = body.reason;
      step.data = { newDate: body.newDate };
      step.set = { ...step.set, promisedDate: body.newDate };
      break;
    }
    case "transfer": {
      const target = await db.query.units.findFirst({
        where: and(eq(units.id, body.unitId), eq(units.provinceId, d.provinceId)),
        columns: { id: true, name: true },
      });
      if (!target || target.id === d.handlingUnitId) throw invalid("unitId", "Đơn vị nhận không hợp lệ.");
      step.note = body.reason;
      step.data = { fromUnitId: d.handlingUnitId, toUnitId: target.id, toUnitName: target.name };
      step.set = { ...step.set, handlingUnitId: target.id };
      break;
    }
    case "reply":
      step.note = body.message;
      step.data = { fileIds: await requireOwnFiles(db, user, body.fileIds, "fileIds") };
      break;
    default:
      step.note = body.note;
  }
  return step;
}

/** Applies a staff action; false when a concurrent step committed first. */
export async function performAction(
  db: Db,
  auditKey: string,
  user: AuthUser,
  row: ViewRow,
  body: ActionBody,
  calendar: WorkCalendar,
  now = new Date(),
) {
  return appendStep(db, auditKey, row.d, await stepFor(db, user, row, body, calendar, now));
}
