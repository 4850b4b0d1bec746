import { z } from "zod";

export { TIME_ZONE, vietnamDate, vietnamDateTime, vietnamHour } from "./clock";

/** A local date in Vietnam, YYYY-MM-DD, as every due date, holiday and dated rate is kept. */
export const LocalDate = z.iso.date({ error: "Ngày không hợp lệ (YYYY-MM-DD)" });
