import { hc } from "hono/client";
import type { DraftBody, SubmitBody } from "../../../shared/src/dossier/api";
import type { AppType } from "../../../worker/src/index";
import { ApiFailure, apiBaseUrl, call, client, send } from "./api";

/**
 * The signed-in half of the API client (sessions, files, drafts, dossiers) and public tracking.
 * Kept apart from ./api so the first screen, which only reads the catalogue, does not carry it.
 */

/** What the session store lends the API client: the current token and a way to renew it. */
export type AuthProvider = {
  accessToken: () => string | null;
  /** Gets a fresh access token after a 401; false when the resident must sign in again. */
  renew: () => Promise<boolean>;
};

let auth: AuthProvider | null = null;

/** Called once by the session store. */
export function setAuthProvider(provider: AuthProvider) {
  auth = provider;
}

const authed = hc<AppType>(apiBaseUrl, {
  headers: (): Record<string, string> => {
    const token = auth?.accessToken();
    return token ? { Authorization: `Bearer ${token}` } : {};
  },
}).api;
export type Authed = typeof authed;

/** A signed-in request; on a 401 the session is renewed once and the request repeated. */
export async function sendAuthed<R extends Response>(request: (api: Authed) => Promise<R>): Promise<R> {
  try {
    return await send(() => request(authed));
  } catch (e) {
    if (!(e instanceof ApiFailure) || e.status !== 401 || !auth || !(await auth.renew())) throw e;
    return send(() => request(authed));
  }
}

export async function callAuthed<T>(request: (api: Authed) => Promise<Response & { json(): Promise<T> }>): Promise<T> {
  return (await sendAuthed(request)).json();
}

export const authApi = {
  /** 404 unless the API runs with development sign-in enabled. */
  devPersonas: () => call(() => client.auth.dev.personas.$get()),
  devSignIn: (persona: string) => call(() => client.auth.dev.$post({ json: { persona } })),
  zaloSignIn: (accessToken: string) => call(() => client.auth.zalo.$post({ json: { accessToken } })),
  refresh: (refreshToken: string) => call(() => client.auth.refresh.$post({ json: { refreshToken } })),
  /** Revokes the session on the server; the token is passed explicitly as the store is clearing it. */
  logout: (accessToken: string) =>
    send(() => client.auth.logout.$post(undefined, { headers: { Authorization: `Bearer ${accessToken}` } })).then(
      () => undefined,
    ),
  me: () => callAuthed((api) => api.me.$get()),
  exchangePhone: (token: { accessToken: string; code: string }) => callAuthed((api) => api.me.phone.$post({ json: token })),
  /** Whether to ask the resident to allow Zalo messages (never answered yet), and the OA to follow. */
  messagesState: () => callAuthed((api) => api.me["zalo-messages"].$get()),
  answerMessages: (answer: "allowed" | "refused") =>
    sendAuthed((api) => api.me["zalo-messages"].$post({ json: { answer } })).then(() => undefined),
  startVneid: (returnPath: string) => callAuthed((api) => api.auth.vneid.start.$post({ json: { returnPath } })),
  /** Staff on a desktop: where to send the browser to sign in with the province's SSO (to accept `invitation`, if given). */
  startSso: (returnPath: string, invitation?: string) =>
    call(() => client.auth.sso.start.$post({ json: { returnPath, ...(invitation ? { invitation } : {}) } })),
  /** The one-time code the SSO callback left in the sign-in page's URL fragment, for a session. */
  exchangeSsoCode: (code: string, invitation?: string) =>
    call(() => client.auth.sso.exchange.$post({ json: { code, ...(invitation ? { invitation } : {}) } })),
  /** Signed-in staff: where to send the browser to bind their SSO account for desktop sign-in. */
  startSsoLink: (returnPath: string) => callAuthed((api) => api.auth.sso.link.$post({ json: { returnPath } })),
};

export const fileApi = {
  /** Uploads one document; the API checks its type by content and its size (10 MB). */
  upload: (file: Blob, name: string) =>
    callAuthed((api) =>
      api.files.$post(undefined, {
        headers: { "X-File-Name": encodeURIComponent(name), "Content-Type": "application/octet-stream" },
        init: { body: file },
      }),
    ),
  /** The resident's own files ("Kho dữ liệu"), to reuse instead of uploading again. */
  list: () => callAuthed((api) => api.files.$get()),
  /** The bytes of a file (the bearer is needed, so this is a blob, not a link). */
  content: async (id: string) => (await sendAuthed((api) => api.files[":id"].content.$get({ param: { id }, query: {} }))).blob(),
  /** The bytes served for a preview in the page (Content-Disposition: inline), typed as the API sniffed them. */
  preview: async (id: string) =>
    (await sendAuthed((api) => api.files[":id"].content.$get({ param: { id }, query: { disposition: "inline" } }))).blob(),
};

export const draftApi = {
  get: (code: string) => callAuthed((api) => api.drafts[":code"].$get({ param: { code } })),
  save: (code: string, draft: DraftBody) => callAuthed((api) => api.drafts[":code"].$put({ param: { code }, json: draft })),
};

export const dossierApi = {
  submit: (body: SubmitBody, idempotencyKey: string) =>
    callAuthed((api) => api.dossiers.$post({ json: body }, { headers: { "Idempotency-Key": idempotencyKey } })),
  list: (cursor?: string) => callAuthed((api) => api.dossiers.$get({ query: cursor ? { cursor } : {} })),
  get: (code: string) => callAuthed((api) => api.dossiers[":code"].$get({ param: { code } })),
  /** Whether filing needs the VNeID link, and what the form starts with (identity read-only), with sources. */
  prefill: (procedure: string) => callAuthed((api) => api.dossiers.prefill.$get({ query: { procedure } })),
  supplement: (
    code: string,
    body: {
      documents?: { docIndex: number; fileIds: string[] }[];
      answers?: { askId: string; fileIds: string[]; text?: string }[];
      note: string;
    },
  ) => callAuthed((api) => api.dossiers[":code"].supplement.$post({ param: { code }, json: body })),
  withdraw: (code: string, reason: string) =>
    callAuthed((api) => api.dossiers[":code"].withdraw.$post({ param: { code }, json: { reason } })),
};

export const feeApi = {
  /** The dossier's fee, what is due, whether it can be paid online now, and its receipts. */
  get: (code: string) => callAuthed((api) => api.dossiers[":code"].fee.$get({ param: { code } })),
  /** Starts paying what is due: where to pay (one key per attempt, so a retried request is not a second order). */
  pay: (code: string, idempotencyKey: string) =>
    callAuthed((api) =>
      api.dossiers[":code"].payments.$post({ param: { code } }, { headers: { "Idempotency-Key": idempotencyKey } }),
    ),
};

export const notificationApi = {
  /** What staff did on the resident's dossiers, newest first; `cursor` is the id of the last one seen. */
  list: (query: { cursor?: string; limit?: number } = {}) =>
    callAuthed((api) =>
      api.me.notifications.$get({
        query: { ...(query.cursor ? { cursor: query.cursor } : {}), ...(query.limit ? { limit: String(query.limit) } : {}) },
      }),
    ),
  /** Marks read everything up to the newest notification shown (204). */
  markReadUpTo: (upTo: number) => sendAuthed((api) => api.me.notifications.read.$post({ json: { upTo } })).then(() => undefined),
};

export const trackApi = {
  get: (code: string, k: string) => call(() => client.track[":code"].$get({ param: { code }, query: { k } })),
  /** Lookup by code: the code plus the last four digits of the applicant's phone or citizen id. */
  lookup: (code: string, digits: string) => call(() => client.track.lookup.$post({ json: { code, digits } })),
};

/** The API's SVG QR code of an in-app path, e.g. a dossier's tracking page. */
export const qrImageUrl = (path: string) => `${apiBaseUrl}/api/qr?path=${encodeURIComponent(path)}`;

export type Session = Awaited<ReturnType<typeof authApi.devSignIn>>;
export type Persona = Awaited<ReturnType<typeof authApi.devPersonas>>["items"][number];
export type FileItem = Awaited<ReturnType<typeof fileApi.upload>>;
export type Receipt = Awaited<ReturnType<typeof dossierApi.submit>>;
export type DossierPage = Awaited<ReturnType<typeof dossierApi.list>>;
export type DossierItem = DossierPage["items"][number];
export type DossierDetailData = Awaited<ReturnType<typeof dossierApi.get>>;
export type FeeData = Awaited<ReturnType<typeof feeApi.get>>;
export type PaymentStartData = Awaited<ReturnType<typeof feeApi.pay>>;
export type TrackData = Awaited<ReturnType<typeof trackApi.get>>;
type NotificationPage = Awaited<ReturnType<typeof notificationApi.list>>;
export type NotificationItem = NotificationPage["items"][number];
