import { z } from "zod";
import { InvitationToken } from "../admin/people";
import { Role } from "./roles";

export { Role };

/** Opaque tokens travel in HTTP headers upstream, so only visible ASCII is accepted. */
const Token = z
  .string()
  .min(1, { error: "Thiếu mã truy cập" })
  .max(4096)
  .regex(/^[\x21-\x7e]+$/, { error: "Mã truy cập không hợp lệ" });

/** `POST /api/auth/zalo`: the token from zmp-sdk's getAccessToken(). */
export const ZaloLoginBody = z.strictObject({ accessToken: Token });

/** `POST /api/auth/refresh`: rotates the refresh token. */
export const RefreshBody = z.strictObject({ refreshToken: Token });

/** `POST /api/me/phone`: the single-use token of getPhoneNumber(), exchanged by the server. */
export const PhoneBody = z.strictObject({ accessToken: Token, code: Token });

export const PersonaId = z.string().regex(/^[a-z0-9-]{1,40}$/, { error: "Mã người dùng thử không hợp lệ" });
export const DevLoginBody = z.strictObject({ persona: PersonaId });

export const Me = z.object({
  id: z.string(),
  role: Role,
  displayName: z.string(),
  unitId: z.string().nullable(),
  /** Only the last digits, e.g. "••• ••• 678". */
  phoneHint: z.string().nullable(),
  vneidVerified: z.boolean(),
});
export type Me = z.infer<typeof Me>;

/** `POST /api/me/phone` answers the caller's own number once, to fill the contact field. */
export const PhoneExchange = Me.extend({ phone: z.string() });

export const Session = z.object({
  accessToken: z.string(),
  /** ISO instant; refresh shortly before. */
  accessExpiresAt: z.string(),
  refreshToken: z.string(),
  user: Me,
});
export type Session = z.infer<typeof Session>;

export const Persona = z.object({ id: PersonaId, label: z.string(), role: Role, unitId: z.string().nullable() });
export type Persona = z.infer<typeof Persona>;

/** In-app path to come back to after the province's SSO, e.g. /p/1.004222/nop; never `//host`. */
const ReturnPath = z
  .string()
  .regex(/^\/(?!\/)[a-zA-Z0-9/._-]{0,200}$/, { error: "Đường dẫn quay lại không hợp lệ" })
  .default("/");

/** `POST /api/auth/vneid/start`: where the mini app sends the resident to prove identity. */
export const VneidStartBody = z.strictObject({ returnPath: ReturnPath });

/** A provider's redirect back. Not strict: providers add parameters such as `iss` and `error_description`. */
export const OidcCallbackQuery = z.object({
  state: z.string().min(1).max(512),
  code: z.string().min(1).max(2048).optional(),
  error: z.string().max(200).optional(),
});
/** `GET /api/auth/vneid/callback`. */
export const VneidCallbackQuery = OidcCallbackQuery;

/**
 * `POST /api/auth/sso/start`: staff sign in on a desktop with the province's SSO; with `invitation`
 * (the token of a /moi/<token> link), the invited person accepts it with their SSO account.
 */
export const SsoStartBody = z.strictObject({ returnPath: ReturnPath, invitation: InvitationToken.optional() });

/** `POST /api/auth/sso/link`: a signed-in staff member binds their SSO account for desktop sign-in. */
export const SsoLinkBody = z.strictObject({ returnPath: ReturnPath });

/**
 * `POST /api/auth/sso/exchange`: the one-time code the SSO callback put in the app's URL fragment;
 * after a start with an invitation, the same `invitation` token, accepted with that account.
 */
export const SsoExchangeBody = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: "Mã đăng nhập không hợp lệ" }),
  invitation: InvitationToken.optional(),
});

/** The authorization URL the app sends the browser to (`/vneid/start`, `/sso/start`, `/sso/link`). */
export const AuthorizationStart = z.object({ authorizationUrl: z.string() });

/**
 * Why the staff sign-in or the binding of an SSO account did not happen; the callback sends the
 * browser back with `error=<reason>` and the app explains each in Vietnamese.
 */
export const SSO_FAILURES = [
  "expired",
  "cancelled",
  "rejected",
  "unavailable",
  "unknown_account",
  "not_staff",
  "disabled",
  "identity_taken",
  "account_linked",
] as const;
export type SsoFailure = (typeof SSO_FAILURES)[number];

/** `GET /api/me/notifications`: `cursor` is the id of the last notification seen. */
export const NotificationQuery = z.object({
  cursor: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** `POST /api/me/notifications/read`: marks read what the resident has seen, up to this id. */
export const NotificationsReadBody = z.strictObject({ upTo: z.number().int().min(1) });

/** What a notification tells of: a step on a dossier, a rating case's progress, a feedback item's reply. */
export const NOTIFICATION_TOPICS = ["dossier", "rating_case", "feedback"] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

/** The mini-app path a notification opens, in the app and from a Zalo message. */
export function notificationLink(n: { topic: NotificationTopic; code: string | null; subjectId: string | null }): string {
  if (n.topic === "feedback") return `/phan-anh/${encodeURIComponent(n.subjectId ?? "")}`;
  return n.code ? `/ho-so/${encodeURIComponent(n.code)}` : "/thong-bao";
}

export const NotificationList = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      topic: z.enum(NOTIFICATION_TOPICS),
      /** The dossier's code, when the notification is about a dossier. */
      code: z.string().nullable(),
      subjectId: z.string().nullable(),
      title: z.string(),
      body: z.string(),
      createdAt: z.string(),
      readAt: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
export type NotificationList = z.infer<typeof NotificationList>;
