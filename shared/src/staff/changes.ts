import { z } from "zod";
import type { Role } from "../auth/roles";
import { addWorkingDays, type WorkCalendar } from "../deadline/due-date";
import type { ActorRole, EventType } from "../dossier/events";

/**
 * What officers are told changed on a dossier since they last opened it: steps a resident or the
 * system took that call for an officer's look. An officer's own steps never count, nor does a
 * payment an officer confirmed at the desk.
 */
export const NEWS_LABELS = {
  supplement_submitted: "Người dân đã bổ sung hồ sơ",
  payment_confirmed: "Người dân đã nộp phí trực tuyến",
  withdrawal_requested: "Người dân đề nghị rút hồ sơ",
  message: "Tin nhắn mới từ người dân",
} as const satisfies Partial<Record<EventType, string>>;
export type NewsType = keyof typeof NEWS_LABELS;

export const isNews = (type: EventType, actor: ActorRole): type is NewsType => actor !== "staff" && type in NEWS_LABELS;

/**
 * The last due date of "due within one working day": today or the next working day. The unit
 * leader sees every such dossier of the unit flagged; an officer those assigned to them.
 */
export const urgentUntil = (today: string, calendar: WorkCalendar) => addWorkingDays(today, 1, calendar);

/** Whose dossiers due within a working day a staff member is shown: the leader the unit's, others their own. */
export const urgentScope = (role: Role): "unit" | "mine" => (role === "leader" ? "unit" : "mine");

/** `GET /api/staff/summary`: what the workspace entry and the inbox header count (ETag, If-None-Match). */
export const StaffSummary = z.object({
  /** Open dossiers in the caller's units with something new since the caller last opened them. */
  changed: z.number().int(),
  /** Dossiers due within one working day: the unit's for a leader, the caller's own otherwise. */
  urgent: z.number().int(),
  /** Open dossiers assigned to the caller. */
  mine: z.number().int(),
});
export type StaffSummary = z.infer<typeof StaffSummary>;

export const StaffRef = z.object({ id: z.string(), name: z.string() });

/** `PUT /api/staff/dossiers/:code/assignee`: a named officer of the handling unit, or null to withdraw it. */
export const AssignBody = z.strictObject({ userId: z.string().min(1).max(64).nullable() });
export type AssignBody = z.infer<typeof AssignBody>;

/** Who a dossier is assigned to, by whom and when. */
export const Assignment = z.object({ assignee: StaffRef, assignedBy: StaffRef, at: z.string() });
export type Assignment = z.infer<typeof Assignment>;

/** `GET /api/staff/dossiers/:code/assignees`: the officers a leader may assign it to. */
export const AssigneeList = z.object({ items: z.array(StaffRef.extend({ roleLabel: z.string() })) });

/**
 * The workspace's views of what concerns the caller, beside the status tabs: new since they
 * looked, assigned to them, due within a working day. Each is an inbox query and a summary count.
 */
export const WATCH_VIEWS = {
  changed: { label: "Có cập nhật mới", query: { changed: "1" } },
  mine: { label: "Của tôi", query: { mine: "1" } },
  urgent: { label: "Đến hạn trong 1 ngày", query: { due: "day" } },
} as const satisfies Record<keyof StaffSummary, { label: string; query: Record<string, string> }>;
export type WatchView = keyof typeof WATCH_VIEWS;
export const WATCH_VIEW_KEYS = Object.keys(WATCH_VIEWS) as [WatchView, ...WatchView[]];
