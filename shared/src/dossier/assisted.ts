import { z } from "zod";
import { FileId } from "../files/files";
import { FileMeta, SubmitBody, UnitRef } from "./api";
import { DossierCode } from "./code";
import { ConsentKind } from "./events";

/**
 * Assisted filing: a community digital team member (or a counter officer, for an online-only
 * procedure) prepares an online filing for a resident beside them. It becomes the resident's
 * dossier only with their consent: confirmed in their own Zalo through a one-time link, or a
 * photo of the consent they signed on paper.
 */

/** How long the consent link stays valid. */
export const ASSISTED_TTL_HOURS = 24;

const PersonName = z.string().trim().min(2, { error: "Nhập họ và tên người dân" }).max(100);

/** `POST /api/assisted`: the filing as prepared, checked like an online submission. */
export const AssistedBody = z.strictObject({
  submission: SubmitBody.omit({ consent: true }),
  /** Who the filing is for, as the helper heard it; the dossier takes the confirming account's name. */
  applicantName: PersonName,
});
export type AssistedBody = z.infer<typeof AssistedBody>;

/** The consent link's token: shown once when issued, only its SHA-256 is stored. */
export const AssistedToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: "Mã xác nhận không hợp lệ" });
export const AssistedTokenParam = z.object({ token: AssistedToken });
export const AssistedIdParam = z.object({ id: z.uuid({ error: "Mã hồ sơ hỗ trợ không hợp lệ" }) });

/** `POST /api/assisted` and `POST /api/assisted/:id/link`: the consent link, shown this once. */
export const AssistedLink = z.object({
  id: z.string(),
  /** `QR_LINK_BASE + /uy-quyen/<token>`: opens the consent page in the resident's Zalo. */
  link: z.string(),
  token: z.string(),
  expiresAt: z.string(),
});
export type AssistedLink = z.infer<typeof AssistedLink>;

/** `POST /api/assisted/confirm`: the resident consents in their own Zalo. */
export const ConfirmAssistedBody = z.strictObject({ token: AssistedToken });

/** `POST /api/assisted/:id/paper-consent`: for a resident without a smartphone. */
export const PaperConsentBody = z.strictObject({
  /** A photo or scan of the consent the resident signed (image or PDF), uploaded by the helper. */
  consentFileId: FileId,
  applicant: z.strictObject({
    fullName: PersonName,
    phone: z.string().regex(/^0\d{9}$/, { error: "Số điện thoại gồm 10 chữ số, bắt đầu bằng 0" }),
  }),
});
export type PaperConsentBody = z.infer<typeof PaperConsentBody>;

/** `GET /api/assisted/consent/:token`: what the resident reads before consenting. */
export const AssistedPreview = z.object({
  helperName: z.string(),
  helperRoleLabel: z.string(),
  applicantName: z.string(),
  procedure: z.object({ code: z.string(), name: z.string() }),
  receivingUnit: UnitRef,
  /** The form as typed, field by field with its label. */
  fields: z.array(z.object({ label: z.string(), value: z.string() })),
  documents: z.array(z.object({ name: z.string(), files: z.array(FileMeta.pick({ name: true, mime: true, size: true })) })),
  expiresAt: z.string(),
});
export type AssistedPreview = z.infer<typeof AssistedPreview>;

export const ASSISTED_STATES = ["pending", "expired", "cancelled", "filed"] as const;
export const AssistedState = z.enum(ASSISTED_STATES);
export type AssistedState = z.infer<typeof AssistedState>;

export const ASSISTED_STATE_LABELS: Record<AssistedState, string> = {
  pending: "Chờ người dân đồng ý",
  expired: "Đã hết hạn",
  cancelled: "Đã hủy",
  filed: "Đã nộp",
};

/** `GET /api/assisted`: the caller's assisted filings; a filed one shows only its summary. */
export const AssistedList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      applicantName: z.string(),
      procedure: z.object({ code: z.string(), name: z.string() }),
      state: AssistedState,
      createdAt: z.string(),
      expiresAt: z.string(),
      consentKind: ConsentKind.nullable(),
      dossier: z.object({ code: DossierCode, status: z.number().int(), statusLabel: z.string() }).nullable(),
    }),
  ),
});
export type AssistedList = z.infer<typeof AssistedList>;
