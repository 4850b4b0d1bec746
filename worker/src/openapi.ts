import { type ZodObject, type ZodType, z } from "zod";
import { ChangeList, ChangesQuery } from "../../shared/src/admin/changes";
import { CatalogueExport, ExportQuery, ImportBody, ImportReport, ImportResult } from "../../shared/src/admin/exchange";
import {
  AcceptInvitationBody,
  DisableBody,
  EnableBody,
  InvitationBody,
  InvitationCreated,
  InvitationIdParam,
  InvitationList,
  InvitationPreview,
  InvitationsQuery,
  InvitationTokenParam,
  PeopleList,
  PeopleQuery,
  PersonChangeBody,
  PersonDetail,
  PersonIdParam,
  RevokeInvitationBody,
} from "../../shared/src/admin/people";
import {
  AdminProcedure,
  AdminProcedureCodeParam,
  AdminProcedureList,
  AdminProcedureListQuery,
  AdminProcedureVersionParam,
  ArchiveBody,
  DiffQuery,
  NewProcedureBody,
  ProcedureDiff,
  ProcedureDraftBody,
  ProcedureVersionDetail,
  PublishBody,
  TemplateFileMeta,
} from "../../shared/src/admin/procedures";
import {
  AdminLifeEvent,
  AdminLifeEventList,
  AdminPaperReplacement,
  AdminPaperReplacementList,
  AdminSynonym,
  AdminSynonymList,
  LifeEventBody,
  PaperReplacementBody,
  ReasonBody,
  SlugParam,
  SynonymBody,
  SynonymIdParam,
  UnmatchedList,
  UnmatchedQuery,
} from "../../shared/src/admin/search";
import {
  AdminUnit,
  AdminUnitIdParam,
  AdminUnitList,
  UnitCreateBody,
  UnitDeactivateBody,
  UnitMergeBody,
  UnitMergeResult,
  UnitPatchBody,
} from "../../shared/src/admin/units";
import { ErrorEnvelope } from "../../shared/src/api/errors";
import {
  AuthorizationStart,
  DevLoginBody,
  Me,
  NotificationList,
  NotificationQuery,
  NotificationsReadBody,
  OidcCallbackQuery,
  Persona,
  PhoneBody,
  PhoneExchange,
  RefreshBody,
  Session,
  SsoExchangeBody,
  SsoLinkBody,
  SsoStartBody,
  VneidCallbackQuery,
  VneidStartBody,
  ZaloLoginBody,
} from "../../shared/src/auth/api";
import {
  FieldList,
  Health,
  ProcedureCodeParam,
  ProcedureDetail,
  ProcedureSearchPage,
  ProcedureSearchQuery,
  QrQuery,
  UnitIdParam,
  UnitList,
  UnitWithCount,
} from "../../shared/src/catalogue/api";
import { CalendarDateParam, CalendarDay, CalendarDayBody, CalendarQuery } from "../../shared/src/deadline/api";
import {
  DossierCodeParam,
  DossierDetail,
  DossierList,
  DraftBody,
  FileMeta,
  ListQuery,
  SubmitBody,
  SubmitResponse,
  SupplementBody,
  TrackQuery,
  TrackView,
  WithdrawBody,
} from "../../shared/src/dossier/api";
import {
  AssistedBody,
  AssistedIdParam,
  AssistedLink,
  AssistedList,
  AssistedPreview,
  AssistedTokenParam,
  ConfirmAssistedBody,
  PaperConsentBody,
} from "../../shared/src/dossier/assisted";
import { LookupBody } from "../../shared/src/dossier/lookup";
import {
  AssignFeedbackBody,
  FeedbackAssignees,
  FeedbackBody,
  FeedbackIdParam,
  FeedbackList,
  FeedbackView,
  PublicFeedbackList,
  ReplyFeedbackBody,
  StaffFeedbackList,
  StaffFeedbackQuery,
  StaffFeedbackView,
} from "../../shared/src/feedback/api";
import {
  Dashboard,
  DashboardQuery,
  DashboardUnitParam,
  DrillDossierList,
  DrillDossiersQuery,
  FigureSettings,
  FigureSettingsBody,
  MonthlyReport,
  OfficerFigureList,
  PublicProvinceStats,
  PublicStatsQuery,
  PublicStatsUnitParam,
  PublicUnitStats,
  ReportList,
  ReportMonthParam,
  ReportPrepareBody,
  ReportReviewBody,
  TargetHistory,
  TargetHistoryQuery,
  TargetSuggestions,
  TargetsBody,
  TargetsQuery,
  TargetsSet,
  Trends,
  TrendsQuery,
  UnitDrill,
  UnitDrillQuery,
} from "../../shared/src/figures/api";
import { RecomputeBody, RecomputeStep } from "../../shared/src/figures/recompute";
import { FileContentQuery } from "../../shared/src/files/files";
import { PrefillQuery, PrefillResponse } from "../../shared/src/identity/prefill";
import { Relaxation, RelaxationBody, RelaxationList, RelaxationParam } from "../../shared/src/identity/relaxations";
import { DeliveryList, MessagesAnswerBody, MessagesState } from "../../shared/src/notify/delivery";
import { CheckoutOrderBody } from "../../shared/src/payment/api";
import { FeeView, PaymentStartResponse, ProviderParam, RefundBody } from "../../shared/src/payment/fee";
import { PortalCoverage, PortalCoverageQuery, PortalSyncStatus, ResendBody } from "../../shared/src/portal/sync";
import {
  CaseIdParam,
  CaseList,
  CaseListQuery,
  CaseReplyBody,
  RateBody,
  RatingDetailsBody,
  RatingScale,
  RatingView,
  ReratingBody,
  StaffRatingCase,
} from "../../shared/src/ratings/api";
import { LifeEventDetail, LifeEventSlugParam } from "../../shared/src/search/life-event-api";
import { LifeEventList } from "../../shared/src/search/life-events";
import {
  ActionBody,
  AuditReport,
  Inbox,
  InboxQuery,
  IntakeBody,
  ReadReason,
  StaffDossierDetail,
} from "../../shared/src/staff/api";
import { AssignBody, AssigneeList, Assignment, StaffSummary } from "../../shared/src/staff/changes";

/** OpenAPI 3.1 of the public API, generated from the same zod schemas that validate requests. */
const schema = (s: ZodType) => z.toJSONSchema(s, { target: "draft-2020-12", io: "input", unrepresentable: "any" });
const output = (s: ZodType) => z.toJSONSchema(s, { target: "draft-2020-12", io: "output", unrepresentable: "any" });

function parameters(where: "query" | "path", shape: ZodObject) {
  const json = schema(shape) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || (json.required ?? []).includes(name),
    schema: s,
  }));
}

const ok = (description: string, s: ZodType) => ({ description, content: { "application/json": { schema: output(s) } } });
const error = (description: string) => ({ description, content: { "application/json": { schema: output(ErrorEnvelope) } } });
const body = (s: ZodType) => ({ required: true, content: { "application/json": { schema: schema(s) } } });
const signedIn = { security: [{ bearer: [] }] };
const authErrors = { 401: error("Not signed in or session expired"), 403: error("Role not allowed") };
const dossierPath = parameters("path", DossierCodeParam);
const idempotencyKey = {
  name: "Idempotency-Key",
  in: "header",
  required: true,
  schema: { type: "string", pattern: "^[A-Za-z0-9_-]{16,64}$" },
};
const procedurePath = parameters("path", AdminProcedureCodeParam);
const versionPath = parameters("path", AdminProcedureVersionParam);
const ifMatch = { name: "If-Match", in: "header", required: true, schema: { type: "string" } };
const ifNoneMatch = { name: "If-None-Match", in: "header", required: false, schema: { type: "string" } };
const staffErrors = { ...authErrors, 403: error("Not staff or admin of this province") };
const figuresErrors = { ...authErrors, 403: error("Not an admin, nor a leader of this unit") };

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Một Cửa Zalo API",
    version: "0.3.0",
    description: "Danh mục thủ tục hành chính, nộp và tra cứu hồ sơ trực tuyến của tỉnh.",
  },
  components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } } },
  paths: {
    "/api/health": { get: { summary: "Liveness and database check", responses: { 200: ok("Healthy", Health) } } },
    "/api/openapi.json": {
      get: {
        summary: "This document",
        responses: { 200: { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } } },
      },
    },
    "/api/procedures": {
      get: {
        summary:
          "Search and filter published procedures; the first page of a query also names the life events and the abolished or renamed paper it matches",
        parameters: parameters("query", ProcedureSearchQuery),
        responses: {
          200: ok("A page of procedures, with the corrected query when a word was corrected", ProcedureSearchPage),
          400: error("Invalid query"),
        },
      },
    },
    "/api/life-events": {
      get: {
        summary: "Life events for the home screen, in the province's order, each with its published procedures in order",
        responses: { 200: ok("Life events", LifeEventList) },
      },
    },
    "/api/life-events/{slug}": {
      get: {
        summary: "One life event: its published procedures in order, each with why it comes there",
        parameters: parameters("path", LifeEventSlugParam),
        responses: { 200: ok("The event", LifeEventDetail), 400: error("Invalid slug"), 404: error("Unknown or hidden event") },
      },
    },
    "/api/procedures/{code}": {
      get: {
        summary: "One published procedure",
        parameters: parameters("path", ProcedureCodeParam),
        responses: { 200: ok("The procedure", ProcedureDetail), 400: error("Invalid code"), 404: error("Unknown code") },
      },
    },
    "/api/fields": { get: { summary: "Fields (lĩnh vực) with counts", responses: { 200: ok("Fields", FieldList) } } },
    "/api/units": { get: { summary: "Units of the province as a flat tree", responses: { 200: ok("Units", UnitList) } } },
    "/api/units/{id}": {
      get: {
        summary: "One unit",
        parameters: parameters("path", UnitIdParam),
        responses: { 200: ok("The unit", UnitWithCount), 404: error("Unknown unit") },
      },
    },
    "/api/auth/zalo": {
      post: {
        summary: "Sign in with a Zalo access token (verified with Zalo's Graph API)",
        requestBody: body(ZaloLoginBody),
        responses: {
          200: ok("A new session", Session),
          400: error("Invalid body"),
          401: error("Zalo refused the token"),
          429: error("Too many attempts"),
          502: error("Zalo unreachable"),
        },
      },
    },
    "/api/auth/refresh": {
      post: {
        summary: "Rotate the refresh token; a replayed token revokes the session",
        requestBody: body(RefreshBody),
        responses: { 200: ok("The renewed session", Session), 401: error("Invalid, expired or replayed token") },
      },
    },
    "/api/auth/logout": {
      post: { ...signedIn, summary: "End this session", responses: { 204: { description: "Signed out" }, ...authErrors } },
    },
    "/api/auth/dev/personas": {
      get: {
        summary: "Development personas (404 unless DEV_AUTH is enabled)",
        responses: { 200: ok("Personas", z.object({ items: z.array(Persona) })), 404: error("Development sign-in disabled") },
      },
    },
    "/api/auth/dev": {
      post: {
        summary: "Sign in as a development persona (404 unless DEV_AUTH is enabled)",
        requestBody: body(DevLoginBody),
        responses: {
          200: ok("A new session", Session),
          400: error("Invalid body"),
          404: error("Development sign-in disabled, or unknown persona"),
        },
      },
    },
    "/api/auth/vneid/start": {
      post: {
        ...signedIn,
        summary: "Start linking a VNeID identity through the province's SSO",
        requestBody: body(VneidStartBody),
        responses: {
          200: ok("Where to send the resident", AuthorizationStart),
          400: error("Invalid return path"),
          429: error("Too many attempts"),
          ...authErrors,
        },
      },
    },
    "/api/auth/vneid/callback": {
      get: {
        summary: "The provider's redirect back; always redirects into the mini app with ?vneid=ok or ?vneid=failed&reason=",
        parameters: parameters("query", VneidCallbackQuery),
        responses: { 302: { description: "Back into the mini app with the outcome" }, 400: error("Invalid query") },
      },
    },
    "/api/auth/sso/start": {
      post: {
        summary:
          "Start a staff sign-in on a desktop through the province's SSO; with `invitation`, accepting that invitation with the SSO account",
        requestBody: body(SsoStartBody),
        responses: {
          200: ok("Where to send the browser", AuthorizationStart),
          400: error("Invalid return path or invitation token"),
          404: error("The invitation is unknown, used, expired or revoked (details.reason)"),
          429: error("Too many attempts from this address"),
          502: error("The SSO is unreachable or answered garbage"),
          503: error("The SSO is not configured"),
        },
      },
    },
    "/api/auth/sso/link": {
      post: {
        ...signedIn,
        summary: "Start binding the signed-in staff member's SSO account, for desktop sign-in",
        requestBody: body(SsoLinkBody),
        responses: {
          200: ok("Where to send the browser", AuthorizationStart),
          400: error("Invalid return path"),
          429: error("Too many attempts"),
          502: error("The SSO is unreachable or answered garbage"),
          503: error("The SSO is not configured"),
          ...authErrors,
        },
      },
    },
    "/api/auth/sso/callback": {
      get: {
        summary:
          "The provider's redirect back. A sign-in redirects to STAFF_APP_URL/dang-nhap#code=<one-time code>&next= or #error=<reason>&next=; a link to the mini app with ?sso=linked or ?sso=failed&reason=",
        parameters: parameters("query", OidcCallbackQuery),
        responses: { 302: { description: "Back into the app with the outcome" }, 400: error("Invalid query") },
      },
    },
    "/api/auth/sso/exchange": {
      post: {
        summary:
          "Exchange the callback's one-time code (single-use, 60 s) for a session; with `invitation`, accepting it with that account first",
        requestBody: body(SsoExchangeBody),
        responses: {
          200: ok("A new session", Session),
          400: error("Invalid, used or expired code, or an account that is not active staff"),
          403: error("The account may not accept the invitation"),
          404: error("Unknown invitation"),
          409: error("The invitation is used, expired or revoked, or the account is already staff (details.reason)"),
          429: error("Too many attempts from this address"),
        },
      },
    },
    "/api/me": { get: { ...signedIn, summary: "The signed-in user", responses: { 200: ok("The user", Me), ...authErrors } } },
    "/api/me/phone": {
      post: {
        ...signedIn,
        summary: "Exchange a getPhoneNumber() token server-side",
        requestBody: body(PhoneBody),
        responses: {
          200: ok("The user and, this once, their own number", PhoneExchange),
          400: error("Zalo refused the code"),
          ...authErrors,
        },
      },
    },
    "/api/files": {
      post: {
        ...signedIn,
        summary: "Upload one document (raw body, name in X-File-Name); PDF, JPEG, PNG or HEIC by content, at most 10 MB",
        requestBody: {
          required: true,
          content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
        },
        responses: {
          201: ok("Stored", FileMeta),
          400: error("Empty"),
          413: error("Too large, or the resident's storage is used up (quota_exceeded)"),
          415: error("Type not allowed"),
          429: error("Too many uploads"),
          ...authErrors,
        },
      },
      get: {
        ...signedIn,
        summary: "The personal document store",
        responses: { 200: ok("Files", z.object({ items: z.array(FileMeta) })), ...authErrors },
      },
    },
    "/api/files/{id}/content": {
      get: {
        ...signedIn,
        summary:
          "Download a file, or with disposition=inline preview it in the page (owner, applicant, or staff of a unit handling a dossier it is attached to); nosniff and a sandboxed CSP",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          ...parameters("query", FileContentQuery),
        ],
        responses: { 200: { description: "The bytes" }, 404: error("Unknown or not visible"), ...authErrors },
      },
    },
    "/api/drafts/{code}": {
      get: {
        ...signedIn,
        summary: "The autosaved draft for a procedure",
        parameters: parameters("path", ProcedureCodeParam),
        responses: { 200: ok("Draft or null", z.object({ draft: DraftBody.nullable() })), ...authErrors },
      },
      put: {
        ...signedIn,
        summary: "Autosave a draft",
        parameters: parameters("path", ProcedureCodeParam),
        requestBody: body(DraftBody),
        responses: {
          200: ok("Saved", z.object({ updatedAt: z.string() })),
          400: error("Invalid draft"),
          404: error("Unknown procedure"),
          409: error("The resident already keeps the most drafts allowed (quota_exceeded)"),
          413: error("Draft too large"),
          ...authErrors,
        },
      },
      delete: {
        ...signedIn,
        summary: "Discard the draft",
        parameters: parameters("path", ProcedureCodeParam),
        responses: { 204: { description: "Deleted" }, ...authErrors },
      },
    },
    "/api/dossiers": {
      post: {
        ...signedIn,
        summary: "Submit a dossier online (Idempotency-Key header required)",
        parameters: [idempotencyKey],
        requestBody: body(SubmitBody),
        responses: {
          201: ok("Filed, or the replay of the original response", SubmitResponse),
          400: error("Invalid body or missing key"),
          403: error("Not a resident, or a linked VNeID identity is required (the rule unless the province relaxed it)"),
          404: error("Unknown procedure"),
          409: error("Procedure updated, or the same key is in flight"),
          413: error("Too large"),
          422: error("Incomplete dossier, or the key was used with another body"),
          429: error("Too many submissions"),
          401: error("Not signed in"),
        },
      },
      get: {
        ...signedIn,
        summary: "The caller's own dossiers",
        parameters: parameters("query", ListQuery),
        responses: { 200: ok("A page of dossiers", DossierList), ...authErrors },
      },
    },
    "/api/assisted": {
      post: {
        ...signedIn,
        summary:
          "Prepare an online filing for a resident beside the caller (community digital team; counter staff for online-only procedures), checked like a submission; filed only once the resident consents",
        requestBody: body(AssistedBody),
        responses: {
          201: ok("The one-time consent link (24 hours), shown this once", AssistedLink),
          400: error("Invalid body, receiving unit or files"),
          404: error("Unknown procedure"),
          409: error("Procedure updated, filed elsewhere, or received at the counter"),
          413: error("Too large"),
          422: error("Incomplete dossier"),
          429: error("Too many filings"),
          ...authErrors,
        },
      },
      get: {
        ...signedIn,
        summary: "The caller's assisted filings: waiting for consent, expired, cancelled, or filed (summary only)",
        responses: { 200: ok("Assisted filings, newest first", AssistedList), ...authErrors },
      },
    },
    "/api/assisted/{id}/link": {
      post: {
        ...signedIn,
        summary: "A new consent link for the caller's filing still waiting or expired (the old one stops working)",
        parameters: parameters("path", AssistedIdParam),
        responses: {
          200: ok("The new link", AssistedLink),
          404: error("Unknown, or not the caller's"),
          409: error("Already filed or cancelled (details.reason)"),
          ...authErrors,
        },
      },
    },
    "/api/assisted/{id}/cancel": {
      post: {
        ...signedIn,
        summary: "Cancel the caller's filing still waiting for consent",
        parameters: parameters("path", AssistedIdParam),
        responses: {
          204: { description: "Cancelled" },
          404: error("Unknown, or not the caller's"),
          409: error("Already filed, cancelled or expired (details.reason)"),
          ...authErrors,
        },
      },
    },
    "/api/assisted/{id}/paper-consent": {
      post: {
        ...signedIn,
        summary:
          "File with the resident's signed consent (photo or scan uploaded by the caller) for a resident without a smartphone; the dossier goes to a new resident record",
        parameters: parameters("path", AssistedIdParam),
        requestBody: body(PaperConsentBody),
        responses: {
          201: ok("The receipt with the tracking link to hand over", SubmitResponse),
          400: error("Invalid body or no consent file"),
          403: error("Role not allowed, or the procedure needs the resident's own VNeID identity"),
          404: error("Unknown, or not the caller's"),
          409: error("Already filed, cancelled or expired (details.reason), or the procedure changed"),
          422: error("Incomplete dossier"),
          401: error("Not signed in"),
        },
      },
    },
    "/api/assisted/consent/{token}": {
      get: {
        ...signedIn,
        summary: "What the resident is asked to consent to: who helps, the procedure, the form and documents",
        parameters: parameters("path", AssistedTokenParam),
        responses: {
          200: ok("The filing to consent to", AssistedPreview),
          404: error("Unknown, used, expired or cancelled; details.reason says which"),
          ...authErrors,
        },
      },
    },
    "/api/assisted/confirm": {
      post: {
        ...signedIn,
        summary: "The resident consents in their own Zalo: the filing becomes their online dossier (a retry answers the same)",
        requestBody: body(ConfirmAssistedBody),
        responses: {
          201: ok("The receipt", SubmitResponse),
          400: error("Invalid token"),
          403: error("A VNeID-verified identity is required"),
          404: error("Unknown token"),
          409: error("Used by another account, expired, cancelled, the helper's own account, or the procedure changed"),
          422: error("Incomplete dossier"),
          429: error("Too many filings"),
          401: error("Not signed in"),
        },
      },
    },
    "/api/dossiers/prefill": {
      get: {
        ...signedIn,
        summary:
          "What a procedure's filing form starts with: whether VNeID is required and linked, identity fields from the VNeID claims (read-only) and answers from the caller's earlier dossiers, each with its source",
        parameters: parameters("query", PrefillQuery),
        responses: {
          200: ok("Prefill", PrefillResponse),
          400: error("Invalid procedure code"),
          404: error("No published procedure"),
          ...authErrors,
        },
      },
    },
    "/api/dossiers/{code}": {
      get: {
        ...signedIn,
        summary: "One dossier (applicant, staff of the handling unit, province admin)",
        parameters: dossierPath,
        responses: { 200: ok("The dossier", DossierDetail), 404: error("Unknown or not visible"), ...authErrors },
      },
    },
    "/api/dossiers/{code}/supplement": {
      post: {
        ...signedIn,
        summary: "Answer a supplement request",
        parameters: dossierPath,
        requestBody: body(SupplementBody),
        responses: {
          200: ok("The dossier", DossierDetail),
          404: error("Unknown or not yours"),
          409: error("Not awaiting a supplement"),
          ...authErrors,
        },
      },
    },
    "/api/dossiers/{code}/withdraw": {
      post: {
        ...signedIn,
        summary: "Withdraw, or ask to withdraw once accepted",
        parameters: dossierPath,
        requestBody: body(WithdrawBody),
        responses: {
          200: ok("The dossier", DossierDetail),
          404: error("Unknown or not yours"),
          409: error("Cannot be withdrawn now"),
          ...authErrors,
        },
      },
    },
    "/api/dossiers/{code}/fee": {
      get: {
        ...signedIn,
        summary:
          "The dossier's fee: quote and online saving, what is due, whether it can be paid online now, exemption, payments and electronic receipts",
        parameters: dossierPath,
        responses: { 200: ok("The fee", FeeView), 404: error("Unknown or not visible"), ...authErrors },
      },
    },
    "/api/dossiers/{code}/payments": {
      post: {
        ...signedIn,
        summary:
          "Pay the fee due online through the province's provider (Idempotency-Key header required): a redirect to the gateway, or the Zalo Checkout order",
        parameters: [...dossierPath, idempotencyKey],
        responses: {
          201: ok("Where to pay, or the replay of the original response", PaymentStartResponse),
          400: error("Missing key"),
          404: error("Unknown or not yours"),
          409: error("Nothing due now, online payment is off, or the same key is in flight"),
          422: error("The key was used with another dossier"),
          ...authErrors,
        },
      },
    },
    "/api/dossiers/{code}/payments/checkout-order": {
      post: {
        ...signedIn,
        summary:
          "The mini app reports the order id Zalo Checkout gave a payment, so it can be asked about if no callback comes (idempotent)",
        parameters: dossierPath,
        requestBody: body(CheckoutOrderBody),
        responses: {
          204: { description: "Recorded (or already recorded)" },
          400: error("Invalid body"),
          404: error("Unknown dossier or payment, or not yours"),
          409: error("Not a Zalo Checkout payment, or it already has another order id"),
          ...authErrors,
        },
      },
    },
    "/api/staff/dossiers/{code}/refunds": {
      post: {
        ...signedIn,
        summary:
          "Refund a paid online payment of a dossier refused, withdrawn, stopped, exempted or paid twice; the provider may finish it later (polled by the cron)",
        parameters: dossierPath,
        requestBody: body(RefundBody),
        responses: {
          200: ok("The fee after the refund was asked for", FeeView),
          400: error("Invalid body"),
          404: error("Unknown dossier or payment, or outside the caller's units"),
          409: error("Not refundable, or a refund is already under way"),
          ...staffErrors,
        },
      },
    },
    "/api/payments/{provider}/notify": {
      get: {
        summary:
          "The gateway's IPN (signed query); verified, applied once, logged, and answered in the gateway's terms ({RspCode, Message})",
        parameters: parameters("path", ProviderParam),
        responses: { 200: { description: "The provider's acknowledgement" }, 404: error("Provider not available") },
      },
      post: {
        summary:
          "A provider's signed callback (Zalo Checkout); verified, applied once, logged, and answered in the provider's terms",
        parameters: parameters("path", ProviderParam),
        responses: { 200: { description: "The provider's acknowledgement" }, 404: error("Provider not available") },
      },
    },
    "/api/payments/{provider}/return": {
      get: {
        summary: "Where the payer's browser comes back: never changes a payment; redirects to the dossier in the app",
        parameters: parameters("path", ProviderParam),
        responses: { 302: { description: "To the dossier page with ?thanh-toan=ok|huy" }, 404: error("Provider not available") },
      },
    },
    "/api/track/{code}": {
      get: {
        summary: "Public status behind a receipt's QR code (no personal data)",
        parameters: [...dossierPath, ...parameters("query", TrackQuery)],
        responses: { 200: ok("Public view", TrackView), 404: error("Unknown code or wrong token") },
      },
    },
    "/api/me/notifications": {
      get: {
        ...signedIn,
        summary: "The caller's notifications, newest first",
        parameters: parameters("query", NotificationQuery),
        responses: { 200: ok("A page of notifications", NotificationList), ...authErrors },
      },
    },
    "/api/me/zalo-messages": {
      get: {
        ...signedIn,
        summary: "Whether the app should still ask the caller to allow Zalo messages, whether they follow the OA, and its id",
        responses: { 200: ok("The caller's answer", MessagesState), ...authErrors },
      },
      post: {
        ...signedIn,
        summary: "Record the caller's answer to allowing Zalo messages, so they are not asked again",
        requestBody: body(MessagesAnswerBody),
        responses: { 204: { description: "Recorded" }, 400: error("Invalid body"), ...authErrors },
      },
    },
    "/api/webhooks/zalo": {
      post: {
        summary:
          "Zalo's OA webhook, signed with X-ZEvent-Signature = sha256(app_id + body + timestamp + OA secret key): delivery confirmations, follow and unfollow; other events acknowledged and ignored",
        responses: {
          200: { description: "Acknowledged ({ ok, handled })" },
          401: error("Missing or wrong signature"),
          404: error("Zalo messages are not configured"),
        },
      },
    },
    "/api/me/notifications/read": {
      post: {
        ...signedIn,
        summary: "Mark notifications read up to an id",
        requestBody: body(NotificationsReadBody),
        responses: { 204: { description: "Marked" }, 400: error("Invalid body"), ...authErrors },
      },
    },
    "/api/staff/dossiers": {
      get: {
        ...signedIn,
        summary:
          "Staff inbox: dossiers of the caller's units by urgency, with the count of every tab and the caller's own counts; ETag, 304 on If-None-Match while nothing changed",
        parameters: [...parameters("query", InboxQuery), ifNoneMatch],
        responses: {
          200: ok("A page of the inbox", Inbox),
          304: { description: "Unchanged since the ETag named in If-None-Match" },
          400: error("Invalid filter or cursor"),
          ...staffErrors,
        },
      },
      post: {
        ...signedIn,
        summary: "Register a dossier received at the counter or by post (accepted on the spot)",
        parameters: [idempotencyKey],
        requestBody: body(IntakeBody),
        responses: {
          201: ok("Registered, or the replay of the original response", SubmitResponse),
          400: error("Invalid body or missing key"),
          422: error("Incomplete dossier"),
          ...staffErrors,
        },
      },
    },
    "/api/staff/summary": {
      get: {
        ...signedIn,
        summary:
          "The workspace entry's counts: new since the caller last looked, due within a working day, assigned to the caller; ETag, 304 on If-None-Match",
        parameters: [ifNoneMatch],
        responses: {
          200: ok("Counts", StaffSummary),
          304: { description: "Unchanged since the ETag named in If-None-Match" },
          ...staffErrors,
        },
      },
    },
    "/api/staff/dossiers/{code}/assignees": {
      get: {
        ...signedIn,
        summary: "The officers of the handling unit a leader may assign the dossier to (unit leader)",
        parameters: dossierPath,
        responses: {
          200: ok("Officers", AssigneeList),
          403: error("Not a leader of the handling unit"),
          404: error("Unknown or outside the caller's units"),
          401: authErrors[401],
        },
      },
    },
    "/api/staff/dossiers/{code}/assignee": {
      put: {
        ...signedIn,
        summary: "Assign the dossier to a named officer of the handling unit, or withdraw it with null (unit leader)",
        parameters: dossierPath,
        requestBody: body(AssignBody),
        responses: {
          200: ok("The assignment now", z.object({ assignment: Assignment.nullable() })),
          400: error("Not an active officer of the handling unit"),
          403: error("Not a leader of the handling unit"),
          404: error("Unknown or outside the caller's units"),
          409: error("The dossier is closed"),
          401: authErrors[401],
        },
      },
    },
    "/api/staff/units": {
      get: {
        ...signedIn,
        summary: "Units the caller works for",
        responses: {
          200: ok("Units", z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) })),
          ...staffErrors,
        },
      },
    },
    "/api/staff/dossiers/{code}": {
      get: {
        ...signedIn,
        summary: "One dossier for staff; the read is audited; ETag is the version actions must name",
        parameters: [...dossierPath, ...parameters("query", ReadReason)],
        responses: {
          200: ok("The dossier", StaffDossierDetail),
          404: error("Unknown or outside the caller's units"),
          ...staffErrors,
        },
      },
    },
    "/api/staff/dossiers/{code}/actions": {
      post: {
        ...signedIn,
        summary: "A lifecycle action (If-Match: the dossier's ETag); writes state, event and notification at once",
        parameters: [...dossierPath, { name: "If-Match", in: "header", required: true, schema: { type: "string" } }],
        requestBody: body(ActionBody),
        responses: {
          200: ok("The dossier after the action", StaffDossierDetail),
          400: error("Invalid action body"),
          404: error("Unknown or outside the caller's units"),
          409: error("Not allowed in this status; details.allowed lists what is"),
          412: error("The dossier changed since it was read"),
          428: error("If-Match missing"),
          ...staffErrors,
        },
      },
    },
    "/api/staff/dossiers/{code}/audit": {
      get: {
        ...signedIn,
        summary: "Verify the dossier's event hash chain and list who opened it",
        parameters: dossierPath,
        responses: { 200: ok("Audit report", AuditReport), 404: error("Unknown or outside the caller's units"), ...staffErrors },
      },
    },
    "/api/staff/dossiers/{code}/portal-sync": {
      get: {
        ...signedIn,
        summary: "The dossier's sync to the national public-service portal, and whether an admin may re-send it",
        parameters: dossierPath,
        responses: {
          200: ok("Sync state", PortalSyncStatus),
          404: error("Unknown or outside the caller's units"),
          ...staffErrors,
        },
      },
    },
    "/api/staff/dossiers/{code}/deliveries": {
      get: {
        ...signedIn,
        summary: "What the applicant was told about the dossier and whether Zalo delivered it (status, channel, attempts)",
        parameters: dossierPath,
        responses: {
          200: ok("Notifications with their delivery", DeliveryList),
          404: error("Unknown or outside the caller's units"),
          ...staffErrors,
        },
      },
    },
    "/api/admin/portal-sync": {
      get: {
        ...signedIn,
        summary: "National portal sync coverage and lag per unit over the dossiers accepted in a month (DOMAIN §8)",
        parameters: parameters("query", PortalCoverageQuery),
        responses: { 200: ok("Coverage and lag", PortalCoverage), 400: error("Invalid month"), ...authErrors },
      },
    },
    "/api/admin/portal-sync/dossiers/{code}": {
      post: {
        ...signedIn,
        summary: "Re-send a failed or dead dossier to the national portal (recorded with its reason)",
        parameters: dossierPath,
        requestBody: body(ResendBody),
        responses: {
          200: ok("Sync state after re-queuing", PortalSyncStatus),
          400: error("Invalid reason"),
          404: error("Unknown dossier"),
          409: error("Neither failed nor dead: nothing to re-send"),
          ...authErrors,
        },
      },
    },
    "/api/admin/calendar": {
      get: {
        ...signedIn,
        summary: "Holidays and compensatory working days",
        parameters: parameters("query", CalendarQuery),
        responses: { 200: ok("Days", z.object({ items: z.array(CalendarDay) })), ...authErrors },
      },
    },
    "/api/admin/calendar/{date}": {
      put: {
        ...signedIn,
        summary: "Publish or correct a day",
        parameters: parameters("path", CalendarDateParam),
        requestBody: body(CalendarDayBody),
        responses: { 200: ok("The day", CalendarDay), 400: error("Invalid day"), ...authErrors },
      },
      delete: {
        ...signedIn,
        summary: "Remove a day",
        parameters: parameters("path", CalendarDateParam),
        responses: { 204: { description: "Removed" }, 404: error("Not in the calendar"), ...authErrors },
      },
    },
    "/api/admin/figures/recompute": {
      post: {
        ...signedIn,
        summary: "Recompute the figures from the raw dossiers, a few pages a call; call again until done",
        requestBody: body(RecomputeBody),
        responses: {
          200: ok("This call's step", RecomputeStep),
          400: error("Invalid body"),
          409: error("Another recompute step ran at the same time"),
          ...authErrors,
        },
      },
    },
    "/api/admin/people": {
      get: {
        ...signedIn,
        summary: "People of the province by name (without a role filter: everyone but residents)",
        parameters: parameters("query", PeopleQuery),
        responses: { 200: ok("A page of people", PeopleList), 400: error("Invalid query or cursor"), ...authErrors },
      },
    },
    "/api/admin/people/{id}": {
      get: {
        ...signedIn,
        summary: "One person: role, unit, grants, bindings (never phone or citizen id)",
        parameters: parameters("path", PersonIdParam),
        responses: { 200: ok("The person", PersonDetail), 404: error("Unknown person"), ...authErrors },
      },
      patch: {
        ...signedIn,
        summary: "Change role, unit or grants, with a reason; holds from the person's next request",
        parameters: parameters("path", PersonIdParam),
        requestBody: body(PersonChangeBody),
        responses: {
          200: ok("The person after the change", PersonDetail),
          400: error("Invalid change, or a unit that does not exist or is inactive"),
          403: error("Not an admin, one's own account, or a role above one's own"),
          404: error("Unknown person"),
          409: error("The last active admin"),
          401: error("Not signed in or session expired"),
        },
      },
    },
    "/api/admin/people/{id}/disable": {
      post: {
        ...signedIn,
        summary: "Disable an account and end all its sessions at once",
        parameters: parameters("path", PersonIdParam),
        requestBody: body(DisableBody),
        responses: {
          200: ok("The person", PersonDetail),
          400: error("Reason missing"),
          403: error("Not an admin, one's own account, or a person ranked above"),
          404: error("Unknown person"),
          409: error("The last active admin"),
          401: error("Not signed in or session expired"),
        },
      },
    },
    "/api/admin/people/{id}/enable": {
      post: {
        ...signedIn,
        summary: "Enable a disabled account (it signs in again)",
        parameters: parameters("path", PersonIdParam),
        requestBody: body(EnableBody),
        responses: {
          200: ok("The person", PersonDetail),
          400: error("Reason missing"),
          404: error("Unknown person"),
          ...authErrors,
        },
      },
    },
    "/api/admin/invitations": {
      get: {
        ...signedIn,
        summary: "Invitations, newest first, by state",
        parameters: parameters("query", InvitationsQuery),
        responses: { 200: ok("A page of invitations", InvitationList), 400: error("Invalid query or cursor"), ...authErrors },
      },
      post: {
        ...signedIn,
        summary: "Invite a named person to a staff role and unit; the token is shown once",
        requestBody: body(InvitationBody),
        responses: {
          201: ok("The link, its token and expiry", InvitationCreated),
          400: error("Invalid invitation, or a unit that does not exist or is inactive"),
          ...authErrors,
        },
      },
    },
    "/api/admin/invitations/{id}/revoke": {
      post: {
        ...signedIn,
        summary: "Revoke a pending invitation",
        parameters: parameters("path", InvitationIdParam),
        requestBody: body(RevokeInvitationBody),
        responses: {
          204: { description: "Revoked" },
          404: error("Unknown invitation"),
          409: error("Already accepted, revoked or expired"),
          ...authErrors,
        },
      },
    },
    "/api/admin/changes": {
      get: {
        ...signedIn,
        summary: "The record of admin changes: who, when, what and why, newest first",
        parameters: parameters("query", ChangesQuery),
        responses: { 200: ok("A page of changes", ChangeList), 400: error("Invalid query"), ...authErrors },
      },
    },
    "/api/invitations/{token}": {
      get: {
        summary: "What an invitation offers (name, role, unit, inviter, expiry)",
        parameters: parameters("path", InvitationTokenParam),
        responses: {
          200: ok("The invitation", InvitationPreview),
          404: error("Unknown, expired, used or revoked; details.reason says which"),
        },
      },
    },
    "/api/invitations/accept": {
      post: {
        ...signedIn,
        summary: "Accept an invitation with the signed-in account: role, unit and grants bound once",
        requestBody: body(AcceptInvitationBody),
        responses: {
          200: ok("The account with its new role", Me),
          400: error("Invalid token"),
          401: error("Not signed in"),
          404: error("Unknown invitation"),
          409: error("Expired, used, revoked, or the account already has a staff role; details.reason says which"),
        },
      },
    },
    "/api/admin/units": {
      get: {
        ...signedIn,
        summary: "The unit tree: active and deactivated units, merges, open dossiers and active staff",
        responses: { 200: ok("Units", AdminUnitList), ...authErrors },
      },
      post: {
        ...signedIn,
        summary: "Add a department or commune under an active unit",
        requestBody: body(UnitCreateBody),
        responses: {
          201: ok("The unit", AdminUnit),
          400: error("Invalid unit or placement"),
          409: error("Id or electronic id already used"),
          ...authErrors,
        },
      },
    },
    "/api/admin/units/{id}": {
      patch: {
        ...signedIn,
        summary: "Rename, move in the tree or correct a unit's details",
        parameters: parameters("path", AdminUnitIdParam),
        requestBody: body(UnitPatchBody),
        responses: {
          200: ok("The unit", AdminUnit),
          400: error("Invalid change (a cycle, the root moved, a foreign electronic id)"),
          404: error("Unknown unit"),
          409: error("Electronic id already used, or the unit is deactivated"),
          ...authErrors,
        },
      },
    },
    "/api/admin/units/{id}/deactivate": {
      post: {
        ...signedIn,
        summary: "Stop a unit that has no open dossiers, active staff or active units below it",
        parameters: parameters("path", AdminUnitIdParam),
        requestBody: body(UnitDeactivateBody),
        responses: {
          200: ok("The unit", AdminUnit),
          404: error("Unknown unit"),
          409: error("Work left (details: openDossiers, activeStaff): merge instead"),
          ...authErrors,
        },
      },
    },
    "/api/admin/units/{id}/merge": {
      post: {
        ...signedIn,
        summary: "Merge a unit into another: staff move, dossiers keep their units, the target's staff see them",
        parameters: parameters("path", AdminUnitIdParam),
        requestBody: body(UnitMergeBody),
        responses: {
          200: ok("Both units and how many people moved", UnitMergeResult),
          404: error("Unknown unit"),
          409: error("Not mergeable (root, deactivated, itself, active units below)"),
          ...authErrors,
        },
      },
    },
    "/api/admin/procedures": {
      get: {
        ...signedIn,
        summary: "Procedures by their latest version: search by code or name, filter by status, field, unit; paged by code",
        parameters: parameters("query", AdminProcedureListQuery),
        responses: { 200: ok("A page of procedures", AdminProcedureList), 400: error("Invalid query"), ...authErrors },
      },
      post: {
        ...signedIn,
        summary: "A new procedure: version 1 as a draft",
        requestBody: body(NewProcedureBody),
        responses: {
          201: ok("The draft (ETag: its revision)", ProcedureVersionDetail),
          400: error("Invalid body, unknown field or unit"),
          409: error("The code exists"),
          ...authErrors,
        },
      },
    },
    "/api/admin/procedures/{code}": {
      get: {
        ...signedIn,
        summary: "Every version, newest first, and the draft being edited",
        parameters: procedurePath,
        responses: { 200: ok("The procedure", AdminProcedure), 404: error("Unknown code"), ...authErrors },
      },
    },
    "/api/admin/procedures/{code}/versions/{version}": {
      get: {
        ...signedIn,
        summary: "One version (ETag: its revision)",
        parameters: versionPath,
        responses: { 200: ok("The version", ProcedureVersionDetail), 404: error("Unknown version"), ...authErrors },
      },
    },
    "/api/admin/procedures/{code}/drafts": {
      post: {
        ...signedIn,
        summary: "Open a draft copied from the published version; answers the open draft if there is one",
        parameters: procedurePath,
        responses: {
          200: ok("The draft already open", ProcedureVersionDetail),
          201: ok("A new draft", ProcedureVersionDetail),
          404: error("Unknown code"),
          409: error("A version is scheduled"),
          ...authErrors,
        },
      },
    },
    "/api/admin/procedures/{code}/drafts/{version}": {
      put: {
        ...signedIn,
        summary: "Save a draft (If-Match: the revision read); the answer's ETag is the next revision",
        parameters: [...versionPath, ifMatch],
        requestBody: body(ProcedureDraftBody),
        responses: {
          200: ok("The saved draft", ProcedureVersionDetail),
          400: error("Invalid body, unknown field or unit"),
          404: error("Unknown version"),
          409: error("Not a draft"),
          412: error("Someone saved the draft since it was read"),
          428: error("If-Match missing"),
          ...authErrors,
        },
      },
    },
    "/api/admin/procedures/{code}/versions/{version}/publish": {
      post: {
        ...signedIn,
        summary: "Publish now (archiving the previous version at once) or schedule for a later date in Vietnam (If-Match)",
        parameters: [...versionPath, ifMatch],
        requestBody: body(PublishBody),
        responses: {
          200: ok("The published or scheduled version", ProcedureVersionDetail),
          400: error("Invalid body or a past date"),
          404: error("Unknown version"),
          409: error("Not a draft or scheduled version"),
          412: error("The version changed since it was read"),
          422: error("Not ready: details lists every problem as { path, message }"),
          428: error("If-Match missing"),
          ...authErrors,
        },
      },
    },
    "/api/admin/procedures/{code}/versions/{version}/archive": {
      post: {
        ...signedIn,
        summary: "Withdraw a published version, cancel a schedule or drop a draft (If-Match); idempotent",
        parameters: [...versionPath, ifMatch],
        requestBody: body(ArchiveBody),
        responses: {
          200: ok("The archived version", ProcedureVersionDetail),
          404: error("Unknown version"),
          412: error("The version changed since it was read"),
          428: error("If-Match missing"),
          ...authErrors,
        },
      },
    },
    "/api/admin/procedures/{code}/diff": {
      get: {
        ...signedIn,
        summary: "What changed between two versions, as labelled text",
        parameters: [...procedurePath, ...parameters("query", DiffQuery)],
        responses: { 200: ok("The changes", ProcedureDiff), 404: error("Unknown version"), ...authErrors },
      },
    },
    "/api/admin/templates": {
      post: {
        ...signedIn,
        summary: "Upload a blank form (raw body, name in X-File-Name); PDF, DOC, DOCX or ODT by content, at most 5 MB",
        requestBody: {
          required: true,
          content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
        },
        responses: {
          201: ok("Stored", TemplateFileMeta),
          400: error("Empty"),
          413: error("Too large"),
          415: error("Type not allowed"),
          429: error("Too many uploads"),
          ...authErrors,
        },
      },
    },
    "/api/templates/{id}": {
      get: {
        summary: "Download a blank form",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { 200: { description: "The bytes, as an attachment" }, 404: error("Unknown template") },
      },
    },
    "/api/admin/catalogue/export": {
      get: {
        ...signedIn,
        summary: "The catalogue in the national procedure database's JSON shape (MOTCUA holds what it lacks)",
        parameters: parameters("query", ExportQuery),
        responses: {
          200: ok("Current version of every procedure, or of one", CatalogueExport),
          404: error("Unknown code"),
          ...authErrors,
        },
      },
    },
    "/api/admin/catalogue/import": {
      post: {
        ...signedIn,
        summary: "Import procedures in the national shape, all or nothing: drafts, or published when asked",
        requestBody: body(ImportBody),
        responses: {
          200: ok("What was written", ImportResult),
          400: {
            description: "Nothing written; details: per procedure, what could not be mapped",
            content: {
              "application/json": {
                schema: output(z.object({ error: z.object({ code: z.string(), message: z.string(), details: ImportReport }) })),
              },
            },
          },
          413: error("Bigger than 2,000 procedures need"),
          ...authErrors,
        },
      },
    },
    "/api/admin/dashboard": {
      get: {
        ...signedIn,
        summary:
          "A month's figures: the province (or a leader's units), every unit against its targets, cohort ranks, the 766 estimate",
        parameters: parameters("query", DashboardQuery),
        responses: { 200: ok("The dashboard", Dashboard), 400: error("Invalid or future month"), ...figuresErrors },
      },
    },
    "/api/admin/dashboard/trends": {
      get: {
        ...signedIn,
        summary: "Monthly series (online and on-time rate, received by channel, overdue) of the province or a unit",
        parameters: parameters("query", TrendsQuery),
        responses: { 200: ok("The series, oldest first", Trends), 400: error("Invalid query"), ...figuresErrors },
      },
    },
    "/api/admin/dashboard/units/{unitId}": {
      get: {
        ...signedIn,
        summary: "A unit's month and each procedure's figures",
        parameters: [...parameters("path", DashboardUnitParam), ...parameters("query", UnitDrillQuery)],
        responses: {
          200: ok("The unit's figures", UnitDrill),
          400: error("Invalid month"),
          404: error("Unknown unit"),
          ...figuresErrors,
        },
      },
    },
    "/api/admin/dashboard/units/{unitId}/officers": {
      get: {
        ...signedIn,
        summary: "A unit's officers' month: accepted, decided on time and late, overdue open, supplements asked",
        parameters: [...parameters("path", DashboardUnitParam), ...parameters("query", UnitDrillQuery)],
        responses: {
          200: ok("Per officer", OfficerFigureList),
          400: error("Invalid month"),
          404: error("Unknown unit"),
          ...figuresErrors,
        },
      },
    },
    "/api/admin/dashboard/units/{unitId}/dossiers": {
      get: {
        ...signedIn,
        summary: "The dossiers behind one figure of a unit's month, overdue ones first (admin, or the unit's leader)",
        parameters: [...parameters("path", DashboardUnitParam), ...parameters("query", DrillDossiersQuery)],
        responses: {
          200: ok("A page of dossiers", DrillDossierList),
          400: error("Invalid month, figure or cursor"),
          404: error("Unknown unit"),
          ...figuresErrors,
        },
      },
    },
    "/api/admin/targets": {
      get: {
        ...signedIn,
        summary: "Suggested targets from each unit's baseline and volume share, with the targets in force",
        parameters: parameters("query", TargetsQuery),
        responses: { 200: ok("Per unit", TargetSuggestions), 400: error("Invalid query"), ...authErrors },
      },
      post: {
        ...signedIn,
        summary: "Set units' targets by one decision; a value away from its suggestion needs a reason",
        requestBody: body(TargetsBody),
        responses: { 201: ok("The targets now in force", TargetsSet), 400: error("Invalid targets or unit"), ...authErrors },
      },
    },
    "/api/admin/targets/history": {
      get: {
        ...signedIn,
        summary: "Every target ever set, newest first",
        parameters: parameters("query", TargetHistoryQuery),
        responses: { 200: ok("Targets", TargetHistory), 400: error("Invalid query"), ...authErrors },
      },
    },
    "/api/admin/vneid-relaxations": {
      get: {
        ...signedIn,
        summary: "Procedures residents may file online without a linked VNeID identity",
        responses: { 200: ok("Relaxations", RelaxationList), ...authErrors },
      },
    },
    "/api/admin/vneid-relaxations/{code}": {
      put: {
        ...signedIn,
        summary:
          "Let residents file a procedure online without VNeID, with a reason (refused where the catalogue requires VNeID)",
        parameters: parameters("path", RelaxationParam),
        requestBody: body(RelaxationBody),
        responses: {
          200: ok("The relaxation (unchanged if it existed)", Relaxation),
          400: error("Invalid code or reason"),
          404: error("No published procedure"),
          409: error("The catalogue requires VNeID for this procedure"),
          ...authErrors,
        },
      },
    },
    "/api/admin/vneid-relaxations/{code}/revoke": {
      post: {
        ...signedIn,
        summary: "End a relaxation, with a reason: filing needs a linked VNeID identity again",
        parameters: parameters("path", RelaxationParam),
        requestBody: body(RelaxationBody),
        responses: {
          204: { description: "Revoked" },
          400: error("Invalid code or reason"),
          404: error("Not relaxed"),
          ...authErrors,
        },
      },
    },
    "/api/admin/life-events": {
      get: {
        ...signedIn,
        summary: "Every life event, hidden ones too, with whether each step's procedure is published",
        responses: { 200: ok("Life events", AdminLifeEventList), ...authErrors },
      },
    },
    "/api/admin/life-events/{slug}": {
      put: {
        ...signedIn,
        summary: "Create or replace a life event, with a reason; procedure codes must be in the catalogue",
        parameters: parameters("path", SlugParam),
        requestBody: body(LifeEventBody),
        responses: {
          200: ok("The event", AdminLifeEvent),
          400: error("Invalid event, or a procedure code the catalogue does not have"),
          ...authErrors,
        },
      },
    },
    "/api/admin/life-events/{slug}/delete": {
      post: {
        ...signedIn,
        summary: "Remove a life event, with a reason",
        parameters: parameters("path", SlugParam),
        requestBody: body(ReasonBody),
        responses: { 204: { description: "Removed" }, 400: error("Invalid reason"), 404: error("Unknown event"), ...authErrors },
      },
    },
    "/api/admin/paper-replacements": {
      get: {
        ...signedIn,
        summary: "Abolished or renamed papers and what replaced them",
        responses: { 200: ok("Papers", AdminPaperReplacementList), ...authErrors },
      },
    },
    "/api/admin/paper-replacements/{slug}": {
      put: {
        ...signedIn,
        summary: "Create or replace an abolished or renamed paper, with a reason",
        parameters: parameters("path", SlugParam),
        requestBody: body(PaperReplacementBody),
        responses: {
          200: ok("The paper", AdminPaperReplacement),
          400: error("Invalid paper, or a procedure code the catalogue does not have"),
          ...authErrors,
        },
      },
    },
    "/api/admin/paper-replacements/{slug}/delete": {
      post: {
        ...signedIn,
        summary: "Remove an abolished or renamed paper, with a reason",
        parameters: parameters("path", SlugParam),
        requestBody: body(ReasonBody),
        responses: { 204: { description: "Removed" }, 400: error("Invalid reason"), 404: error("Unknown paper"), ...authErrors },
      },
    },
    "/api/admin/search-synonyms": {
      get: {
        ...signedIn,
        summary: "The province's own search synonyms, newest first",
        responses: { 200: ok("Synonyms", AdminSynonymList), ...authErrors },
      },
      post: {
        ...signedIn,
        summary: "Add a synonym (keys → expansions), with a reason; optionally the unmatched query it answers",
        requestBody: body(SynonymBody),
        responses: {
          201: ok("The synonym", AdminSynonym),
          400: error("Invalid synonym"),
          409: error("A key belongs to another synonym"),
          ...authErrors,
        },
      },
    },
    "/api/admin/search-synonyms/{id}": {
      put: {
        ...signedIn,
        summary: "Change a synonym, with a reason",
        parameters: parameters("path", SynonymIdParam),
        requestBody: body(SynonymBody),
        responses: {
          200: ok("The synonym", AdminSynonym),
          400: error("Invalid synonym"),
          404: error("Unknown synonym"),
          409: error("A key belongs to another synonym"),
          ...authErrors,
        },
      },
    },
    "/api/admin/search-synonyms/{id}/delete": {
      post: {
        ...signedIn,
        summary: "Remove a synonym, with a reason",
        parameters: parameters("path", SynonymIdParam),
        requestBody: body(ReasonBody),
        responses: {
          204: { description: "Removed" },
          400: error("Invalid reason"),
          404: error("Unknown synonym"),
          ...authErrors,
        },
      },
    },
    "/api/admin/unmatched-queries": {
      get: {
        ...signedIn,
        summary: "Queries that found nothing (folded, stripped of names and numbers), most frequent first, seen within the dates",
        parameters: parameters("query", UnmatchedQuery),
        responses: { 200: ok("Queries", UnmatchedList), 400: error("Invalid query"), ...authErrors },
      },
    },
    "/api/admin/figure-settings": {
      get: {
        ...signedIn,
        summary: "The province's settings of the figures",
        responses: { 200: ok("Settings", FigureSettings), ...authErrors },
      },
      put: {
        ...signedIn,
        summary: "Change the settings of the figures, with a reason",
        requestBody: body(FigureSettingsBody),
        responses: { 200: ok("Settings", FigureSettings), 400: error("Invalid settings"), ...authErrors },
      },
    },
    "/api/admin/reports": {
      get: {
        ...signedIn,
        summary: "The monthly praise and reminder reports, newest first",
        responses: { 200: ok("Reports", ReportList), ...authErrors },
      },
    },
    "/api/admin/reports/{month}": {
      get: {
        ...signedIn,
        summary: "One month's report with everything its printed page shows",
        parameters: parameters("path", ReportMonthParam),
        responses: { 200: ok("The report", MonthlyReport), 404: error("Not prepared"), ...authErrors },
      },
    },
    "/api/admin/reports/{month}/prepare": {
      post: {
        ...signedIn,
        summary: "Prepare a month's report again from the figures at its end (the review is cleared)",
        parameters: parameters("path", ReportMonthParam),
        requestBody: body(ReportPrepareBody),
        responses: { 200: ok("The report", MonthlyReport), 400: error("A month that has not ended"), ...authErrors },
      },
    },
    "/api/admin/reports/{month}/csv": {
      get: {
        ...signedIn,
        summary: "A month's report as CSV for Excel (UTF-8 with BOM, CRLF)",
        parameters: parameters("path", ReportMonthParam),
        responses: {
          200: { description: "CSV file", content: { "text/csv": { schema: { type: "string" } } } },
          404: error("Not prepared"),
          ...authErrors,
        },
      },
    },
    "/api/admin/reports/{month}/review": {
      post: {
        ...signedIn,
        summary: "Mark a report reviewed, with a note",
        parameters: parameters("path", ReportMonthParam),
        requestBody: body(ReportReviewBody),
        responses: { 200: ok("The report", MonthlyReport), 404: error("Not prepared"), ...authErrors },
      },
    },
    "/api/dossiers/{code}/rating": {
      get: {
        ...signedIn,
        summary: 'The dossier\'s rating and the case a "Không hài lòng" opened; whether the applicant may rate now',
        parameters: dossierPath,
        responses: { 200: ok("The rating", RatingView), 404: error("Unknown or not visible"), ...authErrors },
      },
      post: {
        ...signedIn,
        summary:
          'The applicant rates a handed-over dossier in one tap (once; a retry with the same level answers the same); "Không hài lòng" opens a case',
        parameters: dossierPath,
        requestBody: body(RateBody),
        responses: {
          200: ok("The rating", RatingView),
          400: error("Invalid body"),
          404: error("Unknown or not yours"),
          409: error("Not handed over yet, or already rated otherwise"),
          ...authErrors,
        },
      },
    },
    "/api/dossiers/{code}/rating/details": {
      post: {
        ...signedIn,
        summary: "The applicant adds the criteria and a comment to their rating, once",
        parameters: dossierPath,
        requestBody: body(RatingDetailsBody),
        responses: {
          200: ok("The rating", RatingView),
          400: error("Invalid body"),
          404: error("Unknown or not yours"),
          409: error("Not rated, or details already given"),
          ...authErrors,
        },
      },
    },
    "/api/dossiers/{code}/rating/rerating": {
      post: {
        ...signedIn,
        summary: "The applicant rates again once the unit replied to their case; the original rating is kept",
        parameters: dossierPath,
        requestBody: body(ReratingBody),
        responses: {
          200: ok("The rating", RatingView),
          400: error("Invalid body"),
          404: error("Unknown or not yours"),
          409: error("No case, not replied yet, or already re-rated"),
          ...authErrors,
        },
      },
    },
    "/api/staff/rating-cases": {
      get: {
        ...signedIn,
        summary: "Cases opened by \"Không hài lòng\" ratings: a leader's units' (an admin's: all), open first, overdue flagged",
        parameters: parameters("query", CaseListQuery),
        responses: {
          200: ok("Cases", CaseList),
          400: error("Invalid query"),
          ...authErrors,
          403: error("Not a leader or admin"),
        },
      },
    },
    "/api/staff/rating-cases/{id}": {
      get: {
        ...signedIn,
        summary: "One rating case",
        parameters: parameters("path", CaseIdParam),
        responses: {
          200: ok("The case", StaffRatingCase),
          404: error("Unknown or not in the caller's units"),
          ...authErrors,
          403: error("Not a leader or admin"),
        },
      },
    },
    "/api/staff/rating-cases/{id}/reply": {
      post: {
        ...signedIn,
        summary: "The unit leader replies to the resident (notified through the outbox); once",
        parameters: parameters("path", CaseIdParam),
        requestBody: body(CaseReplyBody),
        responses: {
          200: ok("The case", StaffRatingCase),
          400: error("Invalid body"),
          404: error("Unknown or not in the caller's units"),
          409: error("Already replied"),
          ...authErrors,
          403: error("Not a leader of the unit"),
        },
      },
    },
    "/api/ratings/scale": {
      get: {
        summary: "The published rating scale: how Zalo's 1–5 stars map onto the three levels, and a case's working days",
        responses: { 200: ok("The scale", RatingScale) },
      },
    },
    "/api/stats/province": {
      get: {
        summary: "The province's public figures of a month (default: the last one that ended); no personal data",
        parameters: parameters("query", PublicStatsQuery),
        responses: { 200: ok("Figures", PublicProvinceStats), 400: error("Invalid or future month") },
      },
    },
    "/api/stats/units/{id}": {
      get: {
        summary: "A unit's public figures of a month (default: the last one that ended); no personal data",
        parameters: [...parameters("path", PublicStatsUnitParam), ...parameters("query", PublicStatsQuery)],
        responses: { 200: ok("Figures", PublicUnitStats), 400: error("Invalid or future month"), 404: error("Unknown unit") },
      },
    },
    "/api/track/lookup": {
      post: {
        summary:
          "Lookup by code: a dossier code plus the last 4 digits of the applicant's phone or citizen id gives the public view",
        requestBody: body(LookupBody),
        responses: {
          200: ok("Public view", TrackView),
          400: error("Invalid body"),
          404: error("Unknown code or wrong digits (the same answer)"),
          429: error("Too many lookups from this address or for this code"),
        },
      },
    },
    "/api/feedback": {
      get: {
        ...signedIn,
        summary: "The caller's own feedback (phản ánh, kiến nghị), newest first",
        responses: { 200: ok("Items", FeedbackList), ...authErrors },
      },
      post: {
        ...signedIn,
        summary: "Send feedback about a unit, a procedure or one of the caller's dossiers, with up to 4 photos",
        parameters: [idempotencyKey],
        requestBody: body(FeedbackBody),
        responses: {
          201: ok("The new item, or the replay of the original response", FeedbackView),
          400: error("Invalid body, unknown unit or procedure, photos not the caller's images"),
          404: error("Not the caller's dossier"),
          429: error("Too many submissions"),
          ...authErrors,
        },
      },
    },
    "/api/feedback/{id}": {
      get: {
        ...signedIn,
        summary: "One of the caller's items with the unit's reply",
        parameters: parameters("path", FeedbackIdParam),
        responses: { 200: ok("The item", FeedbackView), 404: error("Not the caller's"), ...authErrors },
      },
    },
    "/api/staff/feedback": {
      get: {
        ...signedIn,
        summary: "Feedback sent to the caller's units, open first by due date, overdue flagged",
        parameters: parameters("query", StaffFeedbackQuery),
        responses: { 200: ok("Items and counts", StaffFeedbackList), ...staffErrors },
      },
    },
    "/api/staff/feedback/{id}": {
      get: {
        ...signedIn,
        summary: "One item of the caller's units",
        parameters: parameters("path", FeedbackIdParam),
        responses: { 200: ok("The item", StaffFeedbackView), 404: error("Not in the caller's units"), ...staffErrors },
      },
    },
    "/api/staff/feedback/{id}/assignees": {
      get: {
        ...signedIn,
        summary: "Officers and leaders of the item's unit, for a leader to assign",
        parameters: parameters("path", FeedbackIdParam),
        responses: { 200: ok("Candidates", FeedbackAssignees), 404: error("Not in the caller's units"), ...staffErrors },
      },
    },
    "/api/staff/feedback/{id}/assign": {
      post: {
        ...signedIn,
        summary: "A leader of the unit assigns the item to one of its officers",
        parameters: parameters("path", FeedbackIdParam),
        requestBody: body(AssignFeedbackBody),
        responses: {
          200: ok("The item", StaffFeedbackView),
          400: error("Not an officer of the unit"),
          404: error("Not in the caller's units"),
          409: error("Answered, or changed meanwhile"),
          ...staffErrors,
        },
      },
    },
    "/api/staff/feedback/{id}/reply": {
      post: {
        ...signedIn,
        summary: "The assignee or a leader answers once; the resident is notified in the same batch",
        parameters: parameters("path", FeedbackIdParam),
        requestBody: body(ReplyFeedbackBody),
        responses: {
          200: ok("The item", StaffFeedbackView),
          404: error("Not in the caller's units"),
          409: error("Already answered"),
          ...staffErrors,
        },
      },
    },
    "/api/units/{id}/feedback": {
      get: {
        summary: "A unit's answered feedback its authors allowed to be public, without personal data",
        parameters: parameters("path", UnitIdParam),
        responses: { 200: ok("Items", PublicFeedbackList), 404: error("Unknown unit") },
      },
    },
    "/api/qr": {
      get: {
        summary: "SVG QR code of a deep link into the mini app",
        parameters: parameters("query", QrQuery),
        responses: {
          200: { description: "SVG image", content: { "image/svg+xml": { schema: { type: "string" } } } },
          400: error("Invalid path"),
        },
      },
    },
  },
};
