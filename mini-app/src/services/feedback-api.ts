import type { z } from "zod";
import type { FeedbackBody } from "../../../shared/src/feedback/api";
import { call, client } from "./api";
import { callAuthed } from "./authed-api";

/**
 * Feedback (phản ánh, kiến nghị) through the typed client: the resident's own items, the unit's side
 * in the staff workspace, and a unit's public answered items. Only the feedback pages import it.
 */

export const feedbackApi = {
  send: (body: z.input<typeof FeedbackBody>, idempotencyKey: string) =>
    callAuthed((api) => api.feedback.$post({ json: body }, { headers: { "Idempotency-Key": idempotencyKey } })),
  list: () => callAuthed((api) => api.feedback.$get()),
  get: (id: string) => callAuthed((api) => api.feedback[":id"].$get({ param: { id } })),
  /** Answered items the authors allowed to be public, without personal data; no sign-in. */
  publicOfUnit: (unitId: string) => call(() => client.units[":id"].feedback.$get({ param: { id: unitId } })),
};

export const staffFeedbackApi = {
  list: (query: { status?: "open" | "new" | "assigned" | "answered"; mine?: "1" } = {}) =>
    callAuthed((api) => api.staff.feedback.$get({ query })),
  get: (id: string) => callAuthed((api) => api.staff.feedback[":id"].$get({ param: { id } })),
  assignees: (id: string) => callAuthed((api) => api.staff.feedback[":id"].assignees.$get({ param: { id } })),
  assign: (id: string, assigneeId: string) =>
    callAuthed((api) => api.staff.feedback[":id"].assign.$post({ param: { id }, json: { assigneeId } })),
  reply: (id: string, body: string) =>
    callAuthed((api) => api.staff.feedback[":id"].reply.$post({ param: { id }, json: { body } })),
};

export type FeedbackData = Awaited<ReturnType<typeof feedbackApi.get>>;
export type StaffFeedbackData = Awaited<ReturnType<typeof staffFeedbackApi.get>>;
export type PublicFeedbackData = Awaited<ReturnType<typeof feedbackApi.publicOfUnit>>["items"][number];
