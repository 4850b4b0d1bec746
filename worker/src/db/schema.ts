import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CHANGE_ENTITIES } from "../../../shared/src/admin/changes";
import { NOTIFICATION_TOPICS } from "../../../shared/src/auth/api";
import { ROLES } from "../../../shared/src/auth/roles";
import type { FeeQuote } from "../../../shared/src/catalogue/fees";
import type {
  EForm,
  ExternalSystem,
  Fees,
  LegalDecision,
  ProcedureCase,
  ProcessingTime,
  RequiredDocument,
  ResultDelivery,
} from "../../../shared/src/catalogue/schemas";
import { CHANNELS } from "../../../shared/src/dossier/channel";
import { ACTORS, EVENT_TYPES } from "../../../shared/src/dossier/events";
import { FEEDBACK_KINDS, FEEDBACK_STATUSES, FEEDBACK_SUBJECTS } from "../../../shared/src/feedback/api";
import type { VneidClaims } from "../../../shared/src/identity/claims";
import { DELIVERY_CHANNELS, DELIVERY_STATUSES, MESSAGES_ANSWERS } from "../../../shared/src/notify/delivery";
import { FEE_STATUSES, NOTICE_OUTCOMES, PAYMENT_PROVIDERS, PAYMENT_STATES, REFUND_STATES } from "../../../shared/src/payment/api";
import { PORTAL_SYNC_STATES } from "../../../shared/src/portal/sync";
import { CASE_STATUSES, RATING_LEVELS, RATING_SOURCES, type RatingCriteria } from "../../../shared/src/ratings/ratings";

const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** A tenant: one province per deployment. */
export const provinces = sqliteTable("provinces", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  code: text("code").notNull(),
});

/** Provincial departments and communes, as a tree under the province's people's committee. */
export const units = sqliteTable(
  "units",
  {
    id: text("id").primaryKey(),
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    parentId: text("parent_id"),
    kind: text("kind", { enum: ["province", "department", "commune"] }).notNull(),
    name: text("name").notNull(),
    electronicId: text("electronic_id").notNull(),
    address: text("address").notNull().default(""),
    phone: text("phone").notNull().default(""),
    priorityWeekdays: json<number[]>("priority_weekdays").notNull().default(sql`'[]'`),
    sortOrder: integer("sort_order").notNull().default(0),
    /** The citizens' hotline of the unit (đường dây nóng), printed on receipts. */
    hotline: text("hotline").notNull().default(""),
    /** Group compared in rankings: departments, wards and communes, special zones. */
    cohort: text("cohort", { enum: ["department", "commune", "special_zone"] })
      .notNull()
      .default("commune"),
    /** A deactivated unit takes no new dossiers; its history stays. */
    deactivatedAt: text("deactivated_at"),
    /** The unit this one was merged into; its dossiers keep naming it. */
    mergedIntoId: text("merged_into_id"),
  },
  (t) => [
    index("units_province_kind").on(t.provinceId, t.kind, t.sortOrder),
    index("units_merged_into").on(t.mergedIntoId),
    uniqueIndex("units_electronic_id").on(t.electronicId),
  ],
);

/** Lĩnh vực: the catalogue's subject areas. */
export const fields = sqliteTable(
  "fields",
  {
    id: text("id").primaryKey(),
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    name: text("name").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [index("fields_province").on(t.provinceId, t.sortOrder)],
);

/**
 * One version of a procedure. A national code can have several versions; at
 * most one is published. `search_*` hold folded text indexed by `procedures_fts`.
 */
export const procedures = sqliteTable(
  "procedures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    code: text("code").notNull(),
    version: integer("version").notNull(),
    status: text("status", { enum: ["draft", "scheduled", "published", "archived"] }).notNull(),
    effectiveFrom: text("effective_from").notNull(),
    name: text("name").notNull(),
    summary: text("summary").notNull().default(""),
    fieldId: text("field_id")
      .notNull()
      .references(() => fields.id),
    unitLevel: text("unit_level", { enum: ["province", "commune"] }).notNull(),
    competentUnitId: text("competent_unit_id").references(() => units.id),
    agency: text("agency").notNull(),
    serviceLevel: text("service_level", { enum: ["toan_trinh", "mot_phan"] }).notNull(),
    processingTime: json<ProcessingTime>("processing_time").notNull(),
    fees: json<Fees>("fees").notNull(),
    documents: json<RequiredDocument[]>("documents").notNull(),
    eform: json<EForm>("eform").notNull(),
    onlineOnly: integer("online_only", { mode: "boolean" }).notNull().default(false),
    essential: integer("essential", { mode: "boolean" }).notNull().default(false),
    resultDelivery: json<ResultDelivery[]>("result_delivery").notNull(),
    aliases: json<string[]>("aliases").notNull().default(sql`'[]'`),
    popularity: integer("popularity").notNull().default(0),
    /** Submission needs a VNeID-verified identity (via the province's SSO), not only Zalo. */
    requiresVneid: integer("requires_vneid", { mode: "boolean" }).notNull().default(false),
    /**
     * Cases (trường hợp) × channels as the national procedure database keys them, each channel with
     * its processing time and fee, each case with its documents. `processingTime`, `fees` and
     * `documents` above are the first case's, kept for the pages and rules that quote one case.
     */
    cases: json<ProcedureCase[]>("cases").notNull().default(sql`'[]'`),
    /** Legal bases (căn cứ pháp lý) and publishing decisions: number, title, date, effective date. */
    decisions: json<LegalDecision[]>("decisions").notNull().default(sql`'[]'`),
    /** What the resident receives (kết quả thực hiện). */
    result: text("result").notNull().default(""),
    /** Conditions (yêu cầu, điều kiện). */
    requirements: text("requirements").notNull().default(""),
    /** Handled on another system (e.g. the police's residence system): its name, link and why. */
    externalSystem: json<ExternalSystem>("external_system"),
    /** For a scheduled version: the local date on which the cron job publishes it. */
    publishOn: text("publish_on"),
    publishedAt: text("published_at"),
    /** Bumped by every edit of a draft; its ETag, so two admins never overwrite each other. */
    revision: integer("revision").notNull().default(1),
    updatedBy: text("updated_by"),
    searchName: text("search_name").notNull(),
    searchAliases: text("search_aliases").notNull(),
    searchBody: text("search_body").notNull(),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("procedures_code_version").on(t.provinceId, t.code, t.version),
    uniqueIndex("procedures_one_published").on(t.provinceId, t.code).where(sql`${t.status} = 'published'`),
    index("procedures_listing").on(t.provinceId, t.status, t.essential, t.popularity),
    index("procedures_field").on(t.fieldId, t.status),
    index("procedures_unit").on(t.competentUnitId, t.status),
    index("procedures_scheduled").on(t.status, t.publishOn),
    // The catalogue's edition (max of updated_at), read by every search: one index step, not a scan of wide rows.
    index("procedures_updated").on(t.provinceId, t.updatedAt),
  ],
);

/** Anyone who signs in: residents by Zalo id, staff and admins provisioned by the province. */
export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    zaloId: text("zalo_id").unique(),
    role: text("role", { enum: ROLES }).notNull(),
    unitId: text("unit_id").references(() => units.id),
    displayName: text("display_name").notNull().default(""),
    /** Exchanged server-side from a getPhoneNumber() token, only after the user asked. */
    phone: text("phone"),
    /** Subject at the province's SSO once the resident proved a VNeID identity. */
    vneidSubject: text("vneid_subject").unique(),
    vneidVerifiedAt: text("vneid_verified_at"),
    /** The identity claims the SSO gave at the last link: the read-only source of eForm identity fields. */
    vneidClaims: json<VneidClaims>("vneid_claims"),
    /** Subject at the province's staff single sign-on, bound by an invitation or by the person. */
    ssoSubject: text("sso_subject").unique(),
    disabledAt: text("disabled_at"),
    createdAt: text("created_at").notNull().default(now),
    /** The resident's id at the province's Official Account, from its signed follow webhook (0013). */
    oaUserId: text("oa_user_id"),
    /** The resident's answer when the mini app asked to allow Zalo messages. */
    messagesAnswer: text("messages_answer", { enum: MESSAGES_ANSWERS }),
    messagesAnsweredAt: text("messages_answered_at"),
  },
  (t) => [index("users_unit").on(t.unitId)],
);

/** A signed-in device. Only the hash of the current refresh token is kept; rotation replaces it. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    refreshHash: text("refresh_hash").notNull(),
    refreshExpiresAt: text("refresh_expires_at").notNull(),
    createdAt: text("created_at").notNull().default(now),
    revokedAt: text("revoked_at"),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/**
 * An OpenID Connect authorization request in flight (state → PKCE verifier and nonce). `purpose`
 * says what the callback finishes: a resident's VNeID link, a staff sign-in (no user yet), a
 * signed-in person linking the staff SSO, or an invitation accepted through the SSO.
 */
export const oidcRequests = sqliteTable("oidc_requests", {
  state: text("state").primaryKey(),
  purpose: text("purpose", { enum: ["vneid", "sso_sign_in", "sso_link", "invitation"] })
    .notNull()
    .default("vneid"),
  userId: text("user_id").references(() => users.id),
  invitationId: text("invitation_id"),
  codeVerifier: text("code_verifier").notNull(),
  nonce: text("nonce").notNull(),
  returnPath: text("return_path").notNull(),
  expiresAt: text("expires_at").notNull(),
});

/** Uploaded documents and issued results: the resident's personal store ("kho dữ liệu"). Bytes live in R2. */
export const files = sqliteTable(
  "files",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id),
    r2Key: text("r2_key").notNull(),
    name: text("name").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    /** "eform": a declaration generated from the dossier's eForm (worker/src/declaration/), never uploaded. */
    source: text("source", { enum: ["upload", "result", "eform"] })
      .notNull()
      .default("upload"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("files_owner").on(t.ownerId, t.createdAt)],
);

/** One autosaved draft per resident and procedure. */
export const drafts = sqliteTable(
  "drafts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    procedureCode: text("procedure_code").notNull(),
    data: json<unknown>("data").notNull(),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.userId, t.procedureCode] })],
);

/** A dossier (hồ sơ). `status` is the DVCQG code; `version` guards concurrent staff actions. */
export const dossiers = sqliteTable(
  "dossiers",
  {
    id: text("id").primaryKey(),
    code: text("code").notNull().unique(),
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    procedureId: integer("procedure_id")
      .notNull()
      .references(() => procedures.id),
    applicantId: text("applicant_id")
      .notNull()
      .references(() => users.id),
    receivingUnitId: text("receiving_unit_id")
      .notNull()
      .references(() => units.id),
    handlingUnitId: text("handling_unit_id")
      .notNull()
      .references(() => units.id),
    status: integer("status").notNull(),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    form: json<Record<string, string | number | boolean>>("form").notNull(),
    fee: json<FeeQuote>("fee").notNull(),
    /** Whether the quoted fee is still due; a dossier with a fee "due" cannot be handed over. */
    feeStatus: text("fee_status", { enum: FEE_STATUSES }).notNull().default("none"),
    trackingToken: text("tracking_token").notNull(),
    vneidVerified: integer("vneid_verified", { mode: "boolean" }).notNull().default(false),
    withdrawalRequested: integer("withdrawal_requested", { mode: "boolean" }).notNull().default(false),
    /** The applicant's name as registered, kept for the staff inbox and for counter intake. */
    applicantName: text("applicant_name").notNull().default(""),
    submittedAt: text("submitted_at").notNull(),
    receivedAt: text("received_at"),
    /**
     * Local date (YYYY-MM-DD): expected before acceptance, the legal due date after, moved only
     * by pauses for supplements. The basis for on-time metrics.
     */
    dueDate: text("due_date"),
    dueExplanation: text("due_explanation").notNull().default(""),
    /** A later date promised in an apology (Mẫu 04); never the basis for on-time metrics. */
    promisedDate: text("promised_date"),
    /** When the running clock was paused for a supplement; null while it runs. */
    pausedAt: text("paused_at"),
    finishedAt: text("finished_at"),
    returnedAt: text("returned_at"),
    /** The community digital team member who filed it online for the applicant, with their consent. */
    assistedBy: text("assisted_by").references(() => users.id),
    /** The officer of the handling unit the unit leader gave it to (dossier_assignments keeps who and when). */
    assignedTo: text("assigned_to").references(() => users.id),
    /** The last step a resident or the system took that officers should see (shared/src/staff/changes.ts). */
    attentionSeq: integer("attention_seq").notNull().default(0),
    version: integer("version").notNull().default(1),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    index("dossiers_applicant").on(t.applicantId, t.submittedAt),
    index("dossiers_handling_unit").on(t.handlingUnitId, t.status, t.dueDate),
    // The admin's province-wide inbox; province last, as one deployment serves one province.
    index("dossiers_status_due").on(t.status, t.dueDate, t.provinceId),
    index("dossiers_assisted").on(t.assistedBy, t.submittedAt),
    // The dossiers behind a unit's figures of a month: received in it, or resolved in it.
    index("dossiers_unit_received").on(t.handlingUnitId, t.receivedAt),
    index("dossiers_unit_finished").on(t.handlingUnitId, t.status, t.finishedAt),
    // "Something new since I looked" and "assigned to me" (drizzle/0013_inbox.sql).
    index("dossiers_attention").on(t.handlingUnitId, t.status, t.attentionSeq),
    index("dossiers_assigned").on(t.assignedTo, t.status, t.dueDate),
  ],
);

/** Files attached to a dossier per required document; `round` 0 is the submission, then each supplement. */
export const dossierDocuments = sqliteTable(
  "dossier_documents",
  {
    dossierId: text("dossier_id")
      .notNull()
      .references(() => dossiers.id),
    docIndex: integer("doc_index").notNull(),
    fileId: text("file_id")
      .notNull()
      .references(() => files.id),
    round: integer("round").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.docIndex, t.fileId] }), index("dossier_documents_file").on(t.fileId)],
);

/** The dossier's append-only timeline. */
export const dossierEvents = sqliteTable(
  "dossier_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dossierId: text("dossier_id")
      .notNull()
      .references(() => dossiers.id),
    seq: integer("seq").notNull(),
    type: text("type", { enum: EVENT_TYPES }).notNull(),
    actorId: text("actor_id").references(() => users.id),
    actorRole: text("actor_role", { enum: ACTORS }).notNull(),
    at: text("at").notNull(),
    note: text("note"),
    /** The data of its type (`EventPayload`), checked when read. */
    data: json<unknown>("data").notNull().default(sql`'{}'`),
    /** The dossier's status after the event (0 only on rows from before the audit chain). */
    status: integer("status").notNull().default(0),
    /** SHA-256 over the event and the previous event's hash (shared/src/dossier/audit.ts). */
    hash: text("hash").notNull().default(""),
  },
  (t) => [uniqueIndex("dossier_events_seq").on(t.dossierId, t.seq)],
);

/** Files a step attached (results, replies to the resident, supplements), for access checks. */
export const eventFiles = sqliteTable(
  "event_files",
  {
    dossierId: text("dossier_id")
      .notNull()
      .references(() => dossiers.id),
    seq: integer("seq").notNull(),
    fileId: text("file_id")
      .notNull()
      .references(() => files.id),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.seq, t.fileId] }), index("event_files_file").on(t.fileId)],
);

/** Per receiving unit and local day: the last sequence number handed out in dossier codes. */
export const dossierCounters = sqliteTable(
  "dossier_counters",
  {
    unitId: text("unit_id")
      .notNull()
      .references(() => units.id),
    day: text("day").notNull(),
    seq: integer("seq").notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day] })],
);

/** Idempotent writes: the first request with a key claims it, the finished response is replayed. */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    userId: text("user_id").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

/** Units a staff member may act on besides their own, granted explicitly by an admin. */
export const staffUnitGrants = sqliteTable(
  "staff_unit_grants",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    unitId: text("unit_id")
      .notNull()
      .references(() => units.id),
    grantedBy: text("granted_by").references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.userId, t.unitId] })],
);

/** The working-day calendar: holidays on weekdays and compensatory working days, published by an admin. */
export const calendarDays = sqliteTable(
  "calendar_days",
  {
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    date: text("date").notNull(),
    kind: text("kind", { enum: ["holiday", "workday"] }).notNull(),
    name: text("name").notNull(),
    source: text("source").notNull(),
    verified: integer("verified", { mode: "boolean" }).notNull().default(false),
    updatedBy: text("updated_by"),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.provinceId, t.date] })],
);

/** Every time staff or an admin opened a dossier: who, when and why. Append-only. */
export const dossierReads = sqliteTable(
  "dossier_reads",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dossierId: text("dossier_id")
      .notNull()
      .references(() => dossiers.id),
    actorId: text("actor_id")
      .notNull()
      .references(() => users.id),
    at: text("at").notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [index("dossier_reads_dossier").on(t.dossierId, t.at)],
);

/**
 * The outbox of what a resident is told: a step on their dossier, a reply on a rating case or on a
 * feedback item. Written in the same batch as what it tells; delivered in the app and through Zalo.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    topic: text("topic", { enum: NOTIFICATION_TOPICS }).notNull().default("dossier"),
    /** The dossier it is about, if any (a rating case's dossier; feedback may be about a unit only). */
    dossierId: text("dossier_id").references(() => dossiers.id),
    /** The step it tells of, for topic "dossier": one notification per step. */
    eventSeq: integer("event_seq"),
    /** The rating case's or feedback item's id, for those topics. */
    subjectId: text("subject_id"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: text("created_at").notNull(),
    readAt: text("read_at"),
    // Delivery through Zalo (worker/src/notify/, 0013): the row is its own outbox entry.
    deliveryStatus: text("delivery_status", { enum: DELIVERY_STATUSES }).notNull().default("created"),
    deliveryChannel: text("delivery_channel", { enum: DELIVERY_CHANNELS }),
    deliveryAttempts: integer("delivery_attempts").notNull().default(0),
    /** A deferred or retried message is not sent before this. */
    nextAttemptAt: text("next_attempt_at"),
    /** A consumer's claim: nobody else sends the row before it runs out. */
    leaseUntil: text("lease_until"),
    providerMsgId: text("provider_msg_id"),
    lastError: text("last_error"),
    sentAt: text("sent_at"),
    deliveredAt: text("delivered_at"),
    /** When the sweep last queued it: not queued again while that message may still be on its way. */
    queuedAt: text("queued_at"),
  },
  (t) => [
    index("notifications_user").on(t.userId, t.id),
    uniqueIndex("notifications_event").on(t.dossierId, t.eventSeq),
    index("notifications_delivery").on(t.deliveryStatus, t.nextAttemptAt),
    index("notifications_msg").on(t.providerMsgId),
    index("notifications_sent").on(t.userId, t.sentAt),
  ],
);

/**
 * An admin's invitation of a named person to a staff role and unit. The link carries a random
 * token of which only the hash is kept; opening it in Zalo (or through the staff SSO) binds that
 * identity once. No one becomes staff any other way.
 */
export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    tokenHash: text("token_hash").notNull().unique(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    unitId: text("unit_id").references(() => units.id),
    /** Further units the person may act on (staff_unit_grants once accepted). */
    grantUnitIds: json<string[]>("grant_unit_ids").notNull().default(sql`'[]'`),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
    expiresAt: text("expires_at").notNull(),
    acceptedAt: text("accepted_at"),
    /** The account the invitation was bound to. */
    acceptedBy: text("accepted_by").references(() => users.id),
    revokedAt: text("revoked_at"),
  },
  (t) => [index("invitations_province").on(t.provinceId, t.createdAt)],
);

/** A one-time code handing a finished staff SSO sign-in from the browser redirect to the app. */
export const signInCodes = sqliteTable("sign_in_codes", {
  codeHash: text("code_hash").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id),
  expiresAt: text("expires_at").notNull(),
});

/** Every change an admin made, with who, when, what and why. Append-only. */
export const adminChanges = sqliteTable(
  "admin_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    actorId: text("actor_id")
      .notNull()
      .references(() => users.id),
    at: text("at").notNull().default(now),
    entity: text("entity", { enum: CHANGE_ENTITIES }).notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    reason: text("reason").notNull().default(""),
    /** What changed: the fields before and after, never tokens. */
    data: json<unknown>("data").notNull().default(sql`'{}'`),
  },
  (t) => [index("admin_changes_province").on(t.provinceId, t.id), index("admin_changes_entity").on(t.entity, t.entityId, t.id)],
);

/** Blank forms (mẫu đơn, tờ khai) residents download; bytes in R2 under `templates/<id>`. */
export const templateFiles = sqliteTable("template_files", {
  id: text("id").primaryKey(),
  provinceId: text("province_id")
    .notNull()
    .references(() => provinces.id),
  name: text("name").notNull(),
  mime: text("mime").notNull(),
  size: integer("size").notNull(),
  sha256: text("sha256").notNull(),
  createdBy: text("created_by")
    .notNull()
    .references(() => users.id),
  createdAt: text("created_at").notNull().default(now),
});

/**
 * The additive figures of one local day per unit × procedure × channel (DOMAIN §8), kept from the
 * event log so no dashboard scans the dossiers. Flow counters count what happened that day; the two
 * `*_delta` columns are changes of a stock (open, overdue open), so a stock at the end of day d is
 * the sum of its deltas over all days up to d (an overdue start is dated the day after the due date,
 * possibly in the future). Each dossier's contribution is a pure function of its facts
 * (shared/src/figures), so the rows always equal a recomputation from the raw dossiers.
 */
const figureCounters = {
  /** Accepted that day (DOMAIN §8 set R); counter and postal intake is accepted when filed. */
  received: integer("received").notNull().default(0),
  /** Of those: filed online by a community digital team member for the resident. */
  receivedAssisted: integer("received_assisted").notNull().default(0),
  /** Of those: with at least one document held as a digital file. */
  receivedDigitised: integer("received_digitised").notNull().default(0),
  /** Of those: reusing at least one earlier file (personal store or an earlier result). */
  receivedReused: integer("received_reused").notNull().default(0),
  /** Of those: asked for a supplement at least once, at any time after. */
  receivedSupplemented: integer("received_supplemented").notNull().default(0),
  /** Refused at intake that day (code 3, Mẫu 03); never in R. */
  refused: integer("refused").notNull().default(0),
  /** Resolved that day (F: codes 9 and 10), before, on and after the due date. */
  finishedEarly: integer("finished_early").notNull().default(0),
  finishedOnDue: integer("finished_on_due").notNull().default(0),
  finishedLate: integer("finished_late").notNull().default(0),
  /** Of the resolved: with an electronic result. */
  finishedEResult: integer("finished_e_result").notNull().default(0),
  /** Calendar days from acceptance to result, and those the law allowed (to the due date), summed over F. */
  elapsedDays: integer("elapsed_days").notNull().default(0),
  allowedDays: integer("allowed_days").notNull().default(0),
  /** Processing stopped that day (code 8), and of those after the due date. */
  stopped: integer("stopped").notNull().default(0),
  stoppedLate: integer("stopped_late").notNull().default(0),
  /** Withdrawn that day (code 7, W). */
  withdrawn: integer("withdrawn").notNull().default(0),
  /** Of the resolved that day: rated by the applicant (first rating), per level (DOMAIN §7). */
  ratedVerySatisfied: integer("rated_very_satisfied").notNull().default(0),
  ratedSatisfied: integer("rated_satisfied").notNull().default(0),
  ratedDissatisfied: integer("rated_dissatisfied").notNull().default(0),
  /** Stock changes: accepted and not yet resolved, withdrawn or stopped; of those, overdue. */
  openDelta: integer("open_delta").notNull().default(0),
  overdueDelta: integer("overdue_delta").notNull().default(0),
};

export const figuresDaily = sqliteTable(
  "figures_daily",
  {
    day: text("day").notNull(),
    unitId: text("unit_id").notNull(),
    procedureId: integer("procedure_id").notNull(),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    ...figureCounters,
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day, t.procedureId, t.channel] }), index("figures_daily_day").on(t.day)],
);

/** The same figures rolled up per month (YYYY-MM) and unit, kept in the same batch: the dashboard reads these. */
export const figuresMonthly = sqliteTable(
  "figures_monthly",
  {
    month: text("month").notNull(),
    unitId: text("unit_id").notNull(),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    ...figureCounters,
  },
  (t) => [primaryKey({ columns: [t.month, t.unitId, t.channel] }), index("figures_monthly_unit").on(t.unitId, t.month)],
);

/** Per officer and local day (Bình Tân): dossiers accepted, decided (early or on time, late), supplements asked. */
export const figuresOfficers = sqliteTable(
  "figures_officers",
  {
    day: text("day").notNull(),
    userId: text("user_id").notNull(),
    unitId: text("unit_id").notNull(),
    accepted: integer("accepted").notNull().default(0),
    decidedOnTime: integer("decided_on_time").notNull().default(0),
    decidedLate: integer("decided_late").notNull().default(0),
    supplementRequests: integer("supplement_requests").notNull().default(0),
    /** Stock change: dossiers this officer accepted that are open and overdue. */
    overdueDelta: integer("overdue_delta").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day, t.userId] })],
);

/** The facts each dossier last contributed to the figures; a refresh applies only the difference. */
export const figuresDossiers = sqliteTable("figures_dossiers", {
  dossierId: text("dossier_id").primaryKey(),
  facts: json<unknown>("facts").notNull(),
});

/**
 * Each refresh of the figures: the event ids it consumed. `from_event_id` is unique, so two refreshes
 * starting from the same point cannot both commit; the cursor is the largest `to_event_id`.
 */
export const figuresRefreshes = sqliteTable("figures_refreshes", {
  fromEventId: integer("from_event_id").primaryKey(),
  toEventId: integer("to_event_id").notNull(),
  dossiers: integer("dossiers").notNull(),
  at: text("at").notNull().default(now),
});

/** Province settings of the figures. */
export const figureSettings = sqliteTable("figure_settings", {
  provinceId: text("province_id")
    .primaryKey()
    .references(() => provinces.id),
  /** Whether postal dossiers count in the online rate's denominator (provinces differ, DOMAIN §8). */
  onlineRateCountsPostal: integer("online_rate_counts_postal", { mode: "boolean" }).notNull().default(true),
  updatedBy: text("updated_by"),
  updatedAt: text("updated_at").notNull().default(now),
});

/**
 * A target for a unit, metric and period (a year "YYYY" or a month "YYYY-MM"), as set by a decision.
 * Rows are never changed: a new row supersedes; the latest per unit, metric and period applies.
 */
export const targets = sqliteTable(
  "targets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    unitId: text("unit_id")
      .notNull()
      .references(() => units.id),
    metric: text("metric").notNull(),
    period: text("period").notNull(),
    /** A fraction 0–1. */
    value: real("value").notNull(),
    /** What the suggestion was when the target was set, if one was offered. */
    suggested: real("suggested"),
    decisionNumber: text("decision_number").notNull(),
    decisionDate: text("decision_date").notNull(),
    reason: text("reason").notNull().default(""),
    setBy: text("set_by")
      .notNull()
      .references(() => users.id),
    setAt: text("set_at").notNull().default(now),
  },
  (t) => [index("targets_unit").on(t.provinceId, t.metric, t.period, t.unitId, t.id)],
);

/** The praise and reminder report of a month that ended, prepared by the cron job on the 1st and reviewed by an admin. */
export const monthlyReports = sqliteTable(
  "monthly_reports",
  {
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    month: text("month").notNull(),
    data: json<unknown>("data").notNull(),
    preparedAt: text("prepared_at").notNull().default(now),
    reviewedBy: text("reviewed_by").references(() => users.id),
    reviewedAt: text("reviewed_at"),
    reviewNote: text("review_note").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.provinceId, t.month] })],
);

/**
 * A dossier a community digital team member (or a counter officer) prepares for a resident beside
 * them. It becomes the resident's dossier only with their consent: confirmed in their own Zalo
 * through the one-time link, or a photo of the signed consent for someone without a smartphone.
 */
export const assistedFilings = sqliteTable(
  "assisted_filings",
  {
    id: text("id").primaryKey(),
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    helperId: text("helper_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull().unique(),
    /** The submission as prepared (procedure, version, unit, form, documents); checked again on confirmation. */
    submission: json<unknown>("submission").notNull(),
    applicantName: text("applicant_name").notNull(),
    consentKind: text("consent_kind", { enum: ["zalo", "signed_paper"] }),
    consentFileId: text("consent_file_id").references(() => files.id),
    dossierId: text("dossier_id").references(() => dossiers.id),
    createdAt: text("created_at").notNull().default(now),
    expiresAt: text("expires_at").notNull(),
    confirmedAt: text("confirmed_at"),
    cancelledAt: text("cancelled_at"),
  },
  (t) => [index("assisted_filings_helper").on(t.helperId, t.createdAt)],
);

/**
 * Procedures a province lets residents file without a linked VNeID identity (ND 69/2024 makes VNeID
 * the rule for online filing, so the default, no row, is strict). Never for a procedure whose own
 * catalogue entry requires VNeID.
 */
export const vneidRelaxations = sqliteTable(
  "vneid_relaxations",
  {
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    procedureCode: text("procedure_code").notNull(),
    reason: text("reason").notNull(),
    decidedBy: text("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: text("decided_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.provinceId, t.procedureCode] })],
);

/**
 * One attempt to pay a dossier's fee online through the province's provider. `orderRef` is our
 * reference sent to the provider (unique, so a notification maps to one row); only a verified
 * notification or the provider's answer to a status query moves `state`.
 */
export const payments = sqliteTable(
  "payments",
  {
    id: text("id").primaryKey(),
    dossierId: text("dossier_id")
      .notNull()
      .references(() => dossiers.id),
    provider: text("provider", { enum: PAYMENT_PROVIDERS }).notNull(),
    orderRef: text("order_ref").notNull().unique(),
    /** The provider's own order id when it assigns one (Zalo Checkout's orderId). */
    providerOrderId: text("provider_order_id"),
    amount: integer("amount").notNull(),
    state: text("state", { enum: PAYMENT_STATES }).notNull().default("created"),
    transactionId: text("transaction_id"),
    paidAt: text("paid_at"),
    /** The electronic receipt's number, issued with the payment (`receipt_counters`). */
    receiptNumber: text("receipt_number").unique(),
    refundState: text("refund_state", { enum: REFUND_STATES }),
    refundId: text("refund_id"),
    refundedAmount: integer("refunded_amount").notNull().default(0),
    createdBy: text("created_by").references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
    /** When the reconciliation job last asked the provider about it. */
    checkedAt: text("checked_at"),
  },
  (t) => [index("payments_dossier").on(t.dossierId, t.createdAt), index("payments_open").on(t.state, t.createdAt)],
);

/** Every notification, return and status answer about a payment and what was done with it (append-only). */
export const paymentNotices = sqliteTable(
  "payment_notices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    paymentId: text("payment_id").references(() => payments.id),
    provider: text("provider", { enum: PAYMENT_PROVIDERS }).notNull(),
    kind: text("kind", { enum: ["notification", "return", "query", "refund"] }).notNull(),
    outcome: text("outcome", { enum: NOTICE_OUTCOMES }).notNull(),
    amount: integer("amount"),
    transactionId: text("transaction_id"),
    receivedAt: text("received_at").notNull().default(now),
  },
  (t) => [index("payment_notices_payment").on(t.paymentId, t.id)],
);

/** Per year: the last electronic receipt number handed out. */
export const receiptCounters = sqliteTable("receipt_counters", {
  year: text("year").primaryKey(),
  seq: integer("seq").notNull(),
});

/**
 * Per dossier: how far its events have been acknowledged by the national portal. `lastEventId`
 * is the cursor (events are sent in id order, each once); `leaseUntil` keeps two consumers from
 * sending the same dossier at once.
 */
export const portalSync = sqliteTable(
  "portal_sync",
  {
    dossierId: text("dossier_id")
      .primaryKey()
      .references(() => dossiers.id),
    state: text("state", { enum: PORTAL_SYNC_STATES }).notNull().default("pending"),
    lastEventId: integer("last_event_id"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    leaseUntil: text("lease_until"),
    createdAt: text("created_at").notNull().default(now),
    lastAttemptAt: text("last_attempt_at"),
    syncedAt: text("synced_at"),
    /** When it was last put on the queue; the sweep re-queues only what waited longer than that. */
    queuedAt: text("queued_at"),
    /** The consumer holding the lease; only it may move the cursor. */
    leaseId: text("lease_id"),
  },
  (t) => [index("portal_sync_state").on(t.state, t.lastAttemptAt)],
);

/**
 * The Official Account's access token (0013). Zalo's refresh token is single-use, so one row holds
 * the current pair and a lock: whoever takes the lock refreshes, everyone else re-reads.
 */
export const zaloOaToken = sqliteTable("zalo_oa_token", {
  id: integer("id").primaryKey(),
  accessToken: text("access_token").notNull(),
  refreshToken: text("refresh_token").notNull(),
  expiresAt: text("expires_at").notNull(),
  lockId: text("lock_id"),
  lockUntil: text("lock_until"),
  refreshedAt: text("refreshed_at"),
});

/**
 * A dossier's rating by its applicant (DOMAIN §7), one per dossier. The original is kept forever:
 * triggers refuse changing its level or deleting it; the criteria and comment may be added once.
 * A ZNS star rating keeps its raw stars, the options the resident ticked and Zalo's message id.
 */
export const ratings = sqliteTable("ratings", {
  dossierId: text("dossier_id")
    .primaryKey()
    .references(() => dossiers.id),
  userId: text("user_id")
    .notNull()
    .references(() => users.id),
  level: text("level", { enum: RATING_LEVELS }).notNull(),
  source: text("source", { enum: RATING_SOURCES }).notNull(),
  stars: integer("stars"),
  feedbacks: json<string[]>("feedbacks"),
  znsMsgId: text("zns_msg_id"),
  /** The notification that carried the ZNS rating template (Zalo's tracking id). */
  notificationId: integer("notification_id"),
  criteria: json<RatingCriteria>("criteria").notNull().default(sql`'{}'`),
  comment: text("comment").notNull().default(""),
  detailsAt: text("details_at"),
  createdAt: text("created_at").notNull(),
});

/**
 * The case every "Không hài lòng" opens: owned by the handling unit's leader (null: the unit), due
 * in working days, replied to by a leader, then optionally re-rated by the resident.
 */
export const ratingCases = sqliteTable(
  "rating_cases",
  {
    id: text("id").primaryKey(),
    dossierId: text("dossier_id")
      .notNull()
      .references(() => ratings.dossierId),
    unitId: text("unit_id")
      .notNull()
      .references(() => units.id),
    ownerId: text("owner_id").references(() => users.id),
    dueDate: text("due_date").notNull(),
    status: text("status", { enum: CASE_STATUSES }).notNull().default("open"),
    reply: text("reply"),
    repliedBy: text("replied_by").references(() => users.id),
    repliedAt: text("replied_at"),
    rerating: text("rerating", { enum: RATING_LEVELS }),
    reratingComment: text("rerating_comment"),
    reratedAt: text("rerated_at"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("rating_cases_dossier").on(t.dossierId), index("rating_cases_unit").on(t.unitId, t.status, t.dueDate)],
);

/**
 * Feedback and petitions (phản ánh, kiến nghị) from a resident to a unit, about the unit, a procedure
 * or one of their own dossiers. The unit's leader assigns it; `dueDate` (local) is when the unit answers.
 */
export const feedback = sqliteTable(
  "feedback",
  {
    id: text("id").primaryKey(),
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: FEEDBACK_KINDS }).notNull().default("phan_anh"),
    subject: text("subject", { enum: FEEDBACK_SUBJECTS }).notNull(),
    unitId: text("unit_id")
      .notNull()
      .references(() => units.id),
    procedureCode: text("procedure_code"),
    dossierId: text("dossier_id").references(() => dossiers.id),
    content: text("content").notNull(),
    /** The resident's choice: the answered item may be listed publicly, without personal data. */
    allowPublic: integer("allow_public", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: FEEDBACK_STATUSES }).notNull().default("new"),
    assigneeId: text("assignee_id").references(() => users.id),
    assignedBy: text("assigned_by"),
    assignedAt: text("assigned_at"),
    dueDate: text("due_date").notNull(),
    createdAt: text("created_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("feedback_author").on(t.authorId, t.createdAt), index("feedback_unit").on(t.unitId, t.status, t.dueDate)],
);

/** Photos attached to a feedback item (files the author uploaded; never public). */
export const feedbackPhotos = sqliteTable(
  "feedback_photos",
  {
    feedbackId: text("feedback_id")
      .notNull()
      .references(() => feedback.id),
    fileId: text("file_id")
      .notNull()
      .references(() => files.id),
  },
  (t) => [primaryKey({ columns: [t.feedbackId, t.fileId] }), index("feedback_photos_file").on(t.fileId)],
);

/** The unit's one reply to an item; its key makes a second reply fail the batch that writes it. */
export const feedbackReplies = sqliteTable("feedback_replies", {
  feedbackId: text("feedback_id")
    .primaryKey()
    .references(() => feedback.id),
  authorId: text("author_id")
    .notNull()
    .references(() => users.id),
  body: text("body").notNull(),
  at: text("at").notNull(),
});

/** Per officer and dossier: the last step the officer saw when they opened it (drizzle/0013_inbox.sql). */
export const dossierViews = sqliteTable(
  "dossier_views",
  {
    officerId: text("officer_id")
      .notNull()
      .references(() => users.id),
    dossierId: text("dossier_id")
      .notNull()
      .references(() => dossiers.id),
    seenSeq: integer("seen_seq").notNull(),
    seenAt: text("seen_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.officerId, t.dossierId] }), index("dossier_views_officer_seen").on(t.officerId, t.seenAt)],
);

/** Who assigned a dossier to whom, and when (null: the assignment was withdrawn). Append-only. */
export const dossierAssignments = sqliteTable(
  "dossier_assignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dossierId: text("dossier_id")
      .notNull()
      .references(() => dossiers.id),
    assignedTo: text("assigned_to").references(() => users.id),
    assignedBy: text("assigned_by")
      .notNull()
      .references(() => users.id),
    at: text("at").notNull(),
  },
  (t) => [index("dossier_assignments_dossier").on(t.dossierId, t.id)],
);

/** Per unit: how many times its dossiers changed, kept by triggers; the inbox's ETag sums them. */
export const inboxStamps = sqliteTable("inbox_stamps", {
  unitId: text("unit_id").primaryKey(),
  stamp: integer("stamp").notNull().default(0),
});

/** A life event (having a baby, a death in the family, …) and its procedures in order (drizzle/0013_events.sql). */
export const lifeEvents = sqliteTable(
  "life_events",
  {
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    phrases: json<string[]>("phrases").notNull().default(sql`'[]'`),
    /** Procedures by code, in order, each with why it comes there; unpublished ones are not shown. */
    steps: json<{ code: string; note: string }[]>("steps").notNull().default(sql`'[]'`),
    position: integer("position").notNull().default(0),
    hidden: integer("hidden", { mode: "boolean" }).notNull().default(false),
    updatedAt: text("updated_at").notNull().default(now),
    /** Null for the seeded data. */
    updatedBy: text("updated_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.provinceId, t.slug] })],
);

/** A paper residents still ask for that was abolished or renamed, and what replaced it. */
export const paperReplacements = sqliteTable(
  "paper_replacements",
  {
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    slug: text("slug").notNull(),
    paper: text("paper").notNull(),
    phrases: json<string[]>("phrases").notNull().default(sql`'[]'`),
    explanation: text("explanation").notNull(),
    procedureCode: text("procedure_code"),
    verified: integer("verified", { mode: "boolean" }).notNull().default(false),
    source: text("source").notNull().default(""),
    updatedAt: text("updated_at").notNull().default(now),
    updatedBy: text("updated_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.provinceId, t.slug] })],
);

/** The province's own synonyms (what residents type → the catalogue's wording), beside the built-in ones. */
export const searchSynonyms = sqliteTable(
  "search_synonyms",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    keys: json<string[]>("keys").notNull(),
    expansions: json<string[]>("expansions").notNull(),
    updatedAt: text("updated_at").notNull().default(now),
    updatedBy: text("updated_by").references(() => users.id),
  },
  (t) => [index("search_synonyms_province").on(t.provinceId, t.id)],
);

/** Queries that found nothing, stripped of anything personal (shared/src/search/unmatched.ts), counted. */
export const unmatchedQueries = sqliteTable(
  "unmatched_queries",
  {
    provinceId: text("province_id")
      .notNull()
      .references(() => provinces.id),
    query: text("query").notNull(),
    count: integer("count").notNull().default(0),
    firstSeen: text("first_seen").notNull(),
    lastSeen: text("last_seen").notNull(),
    /** When an admin answered it with a synonym. */
    resolvedAt: text("resolved_at"),
  },
  (t) => [primaryKey({ columns: [t.provinceId, t.query] }), index("unmatched_queries_seen").on(t.provinceId, t.lastSeen)],
);

/** Bumped by every edit of life events, papers and synonyms: part of the catalogue's edition. */
export const searchEditions = sqliteTable("search_editions", {
  provinceId: text("province_id")
    .primaryKey()
    .references(() => provinces.id),
  edition: integer("edition").notNull().default(0),
});

/**
 * The staff inbox's text search (shared/src/staff/search.ts): one row per searchable term of a
 * dossier (`n:` name word, `c:` code, `p:`/`r:` phone and citizen-id digits forwards and reversed),
 * keyed by the handling unit so a prefix is a range scan inside the officer's units. Kept by the
 * triggers of drizzle/0013_inbox_search.sql, never written by the worker; status and due date ride
 * along for the tab counts. (WITHOUT ROWID in the migration.)
 */
export const dossierSearch = sqliteTable(
  "dossier_search",
  {
    handlingUnitId: text("handling_unit_id").notNull(),
    term: text("term").notNull(),
    dossierId: text("dossier_id")
      .notNull()
      .references(() => dossiers.id),
    status: integer("status").notNull(),
    dueDate: text("due_date"),
  },
  (t) => [primaryKey({ columns: [t.handlingUnitId, t.term, t.dossierId] }), index("dossier_search_dossier").on(t.dossierId)],
);
