import { z } from "zod";
import { LocalDate } from "../time/vietnam";

/**
 * What the province's SSO says about a resident who proved a VNeID identity: the claims of the ID
 * token (or userinfo) as far as the provider gives them. Stored on the account at each link, and
 * the read-only source of the identity fields of every eForm (full name, citizen id, date of birth,
 * sex, permanent address).
 */
export const VneidClaims = z.object({
  fullName: z.string().min(1).max(200),
  /** Số định danh cá nhân: 12 digits. */
  citizenId: z.string().regex(/^\d{12}$/),
  birthDate: LocalDate.optional(),
  sex: z.enum(["male", "female"]).optional(),
  permanentAddress: z.string().max(500).optional(),
});
export type VneidClaims = z.infer<typeof VneidClaims>;
