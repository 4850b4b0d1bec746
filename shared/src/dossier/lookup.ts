import { z } from "zod";

/**
 * Lookup by code (tra cứu hồ sơ): anyone, without signing in, names a dossier code and the last
 * four digits of the applicant's phone or citizen id, and gets the public tracking view. A wrong
 * code and a wrong factor get the same answer.
 */
/** `POST /api/track/lookup`: a dossier code plus the last four digits of the applicant's phone or citizen id. */
export const LookupBody = z.strictObject({
  code: z.string().trim().toUpperCase().max(60, { error: "Mã hồ sơ không hợp lệ" }),
  digits: z.string().regex(/^\d{4}$/, { error: "Nhập đúng 4 chữ số cuối" }),
});
export type LookupBody = z.infer<typeof LookupBody>;
