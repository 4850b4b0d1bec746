import { z } from "zod";

/**
 * The grounds on which a fee is exempted (DOMAIN §6): categories of applicants that central or
 * provincial rules exempt, and the province's own resolutions. An exemption always names its
 * legal basis as well, because the same category is exempt under different texts per fee.
 */
export const FEE_EXEMPTION_GROUNDS = [
  "poor_household",
  "merit",
  "child",
  "elderly",
  "disability",
  "ethnic_minority",
  "local_resolution",
  "other",
] as const;
export const FeeExemptionGround = z.enum(FEE_EXEMPTION_GROUNDS);
export type FeeExemptionGround = z.infer<typeof FeeExemptionGround>;

export const FEE_EXEMPTION_LABELS: Record<FeeExemptionGround, string> = {
  poor_household: "Hộ nghèo, hộ cận nghèo",
  merit: "Người có công với cách mạng và thân nhân",
  child: "Trẻ em",
  elderly: "Người cao tuổi",
  disability: "Người khuyết tật",
  ethnic_minority: "Đồng bào dân tộc thiểu số ở vùng đặc biệt khó khăn",
  local_resolution: "Miễn theo nghị quyết của Hội đồng nhân dân tỉnh",
  other: "Trường hợp khác theo quy định của pháp luật",
};

/** What an officer records when exempting a dossier's fee, and what its "fee_exempted" event keeps. */
export const FeeExemption = z.object({
  ground: FeeExemptionGround,
  legalBasis: z.string().trim().min(3, { error: "Nêu căn cứ pháp lý của việc miễn phí, lệ phí" }).max(500),
});
export type FeeExemption = z.infer<typeof FeeExemption>;
