import { secret } from "../lib/config";

/**
 * The only module that sends messages through Zalo: Official Account transaction messages
 * (`ZALO_OA_URL`, openapi.zalo.me), ZNS template messages and their status (`ZALO_ZNS_URL`,
 * business.openapi.zalo.me), and the OA token's refresh (`ZALO_OAUTH_URL`, oauth.zaloapp.com).
 * Every base URL is configuration, so tests and `npm start` use the local stand-in
 * (scripts/zalo-standin.ts); every call has a timeout (`ZALO_MESSAGES_TIMEOUT_MS`). Answers are
 * returned as they came, for worker/src/notify/ to classify: Zalo reports failures in the body.
 */

export type ZaloAnswer =
  | { kind: "answer"; httpStatus: number; error: number | null; msgId: string | null; data: Record<string, unknown> | null }
  | { kind: "timeout" }
  | { kind: "network" };

export const messagesConfigured = (env: CloudflareBindings) => Boolean(env.ZALO_OA_URL && env.ZALO_ZNS_URL && env.ZALO_OAUTH_URL);

const timeoutMs = (env: CloudflareBindings) => Number(env.ZALO_MESSAGES_TIMEOUT_MS) || 8000;

async function call(env: CloudflareBindings, url: URL, init: RequestInit): Promise<ZaloAnswer> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs(env)) });
  } catch (err) {
    const name = (err as Error)?.name;
    return name === "TimeoutError" || name === "AbortError" ? { kind: "timeout" } : { kind: "network" };
  }
  type Body = { error?: unknown; data?: unknown };
  let body: Body | null;
  try {
    body = (await res.json()) as Body | null;
  } catch (err) {
    if ((err as Error)?.name === "TimeoutError") return { kind: "timeout" };
    body = null;
  }
  const data = body && typeof body.data === "object" && body.data !== null ? (body.data as Record<string, unknown>) : null;
  const msgId =
    data && (typeof data.msg_id === "string" ? data.msg_id : typeof data.message_id === "string" ? data.message_id : null);
  return { kind: "answer", httpStatus: res.status, error: typeof body?.error === "number" ? body.error : null, msgId, data };
}

const jsonPost = (accessToken: string, body: unknown): RequestInit => ({
  method: "POST",
  headers: { access_token: accessToken, "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

export type OaMessage = {
  header: string;
  text: string;
  rows: { key: string; value: string }[];
  button: { title: string; url: string };
};

/** `POST /v3.0/oa/message/transaction` to a follower's OA-scoped id. */
export function sendOaTransaction(env: CloudflareBindings, accessToken: string, oaUserId: string, m: OaMessage) {
  const payload = {
    template_type: "transaction_order",
    language: "VI",
    elements: [
      { type: "header", content: m.header, align: "left" },
      { type: "text", content: m.text, align: "left" },
      { type: "table", content: m.rows },
    ],
    buttons: [{ title: m.button.title, type: "oa.open.url", payload: { url: m.button.url } }],
  };
  return call(
    env,
    new URL("/v3.0/oa/message/transaction", env.ZALO_OA_URL),
    jsonPost(accessToken, { recipient: { user_id: oaUserId }, message: { attachment: { type: "template", payload } } }),
  );
}

/** `POST /message/template`: a ZNS message to a phone (84…), `tracking_id` = our notification id. */
export function sendZns(
  env: CloudflareBindings,
  accessToken: string,
  m: { phone: string; templateId: string; templateData: Record<string, string>; trackingId: string },
) {
  return call(
    env,
    new URL("/message/template", env.ZALO_ZNS_URL),
    jsonPost(accessToken, {
      phone: m.phone,
      template_id: m.templateId,
      template_data: m.templateData,
      tracking_id: m.trackingId,
    }),
  );
}

/** `GET /message/status?message_id=&phone=`: `data.status` 1 delivered, 0 pending, -1 not found. */
export function znsStatus(env: CloudflareBindings, accessToken: string, msgId: string, phone: string) {
  const url = new URL("/message/status", env.ZALO_ZNS_URL);
  url.searchParams.set("message_id", msgId);
  url.searchParams.set("phone", phone);
  return call(env, url, { headers: { access_token: accessToken } });
}

export type RefreshedToken = { accessToken: string; refreshToken: string; expiresInSeconds: number };

/**
 * `POST /v4/oa/access_token` (form-encoded, `secret_key` header, grant_type=refresh_token). The
 * refresh token is single-use: the answer carries the next one. Null when Zalo refused or did not answer.
 */
export async function refreshOaToken(env: CloudflareBindings, refreshToken: string): Promise<RefreshedToken | null> {
  let res: Response;
  try {
    res = await fetch(new URL("/v4/oa/access_token", env.ZALO_OAUTH_URL), {
      method: "POST",
      headers: { secret_key: secret(env, "ZALO_OA_APP_SECRET"), "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ app_id: env.ZALO_OA_APP_ID, grant_type: "refresh_token", refresh_token: refreshToken }),
      signal: AbortSignal.timeout(timeoutMs(env)),
    });
  } catch {
    return null;
  }
  const body = (await res.json().catch(() => null)) as {
    access_token?: unknown;
    refresh_token?: unknown;
    expires_in?: unknown;
  } | null;
  if (!res.ok || typeof body?.access_token !== "string" || typeof body.refresh_token !== "string") return null;
  return { accessToken: body.access_token, refreshToken: body.refresh_token, expiresInSeconds: Number(body.expires_in) || 3600 };
}
