import { vietnamDate } from "../time/vietnam";

/**
 * Whether a result came on time: on or before the due date, compared as dates in Vietnam. The due
 * date is the original one moved only by legal pauses, never a date promised in an apology.
 */
export const finishedOnTime = (finishedAt: Date, dueDate: string): boolean => vietnamDate(finishedAt) <= dueDate;
