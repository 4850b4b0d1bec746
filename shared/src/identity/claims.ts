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

/** The claims an eForm field can take its value from (`EFormField.identity`). */
export const IDENTITY_CLAIMS = ["fullName", "citizenId", "birthDate", "sex", "permanentAddress"] as const;
export type IdentityClaim = (typeof IDENTITY_CLAIMS)[number];

/** How the back office names each claim. */
export const IDENTITY_CLAIM_LABELS: Record<IdentityClaim, string> = {
  fullName: "Họ, chữ đệm và tên",
  citizenId: "Số định danh cá nhân",
  birthDate: "Ngày, tháng, năm sinh",
  sex: "Giới tính",
  permanentAddress: "Nơi thường trú",
};
