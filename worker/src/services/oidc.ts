import * as oauth from "oauth4webapi";
import { VneidClaims } from "../../../shared/src/identity/claims";
import { secret } from "../lib/config";
import { ApiError } from "../lib/errors";

/**
 * The only module that talks to the province's SSO, the OpenID provider linked to VNeID. It serves
 * two flows, each with its own redirect URI: a resident proving a VNeID identity, and staff signing
 * in on a desktop with their province account.
 * Authorization code flow with PKCE (S256), `state` and `nonce`; the ID token is checked for
 * issuer, audience, expiry, nonce and its signature against the provider's JWKS.
 * Nothing here logs or returns tokens, codes or subjects except the subject to the caller.
 */

const TIMEOUT_MS = 8000;

/** What the callback needs to finish an authorization request; kept server-side until then. */
export type PendingAuthorization = { state: string; codeVerifier: string; nonce: string };

export type OidcFlow = "vneid" | "staff";

/**
 * Per flow: where the provider sends the browser back, the scopes asked for, and how the flow is
 * named to the person. The VNeID link asks for the identity claims that prefill eForms: the
 * standard `profile` (name, birthdate, gender) and `address`, and `citizen_id` (the 12-digit
 * personal identification number, when the provider's subject is not that number already).
 */
const FLOWS: Record<
  OidcFlow,
  { redirectUri: (env: CloudflareBindings) => string; scope: string; feature: string; system: string }
> = {
  vneid: {
    redirectUri: (env) => env.OIDC_REDIRECT_URI,
    scope: "openid profile address citizen_id",
    feature: "xác thực VNeID",
    system: "hệ thống xác thực VNeID",
  },
  staff: {
    redirectUri: (env) => env.SSO_REDIRECT_URI,
    scope: "openid",
    feature: "đăng nhập bằng tài khoản một cửa của tỉnh",
    system: "hệ thống đăng nhập một cửa của tỉnh",
  },
};

const notConfigured = (flow: OidcFlow) =>
  new ApiError(503, "upstream_failed", `Chức năng ${FLOWS[flow].feature} chưa được cấu hình.`);
const unreachable = (flow: OidcFlow) =>
  new ApiError(
    502,
    "upstream_failed",
    `Không kết nối được với ${FLOWS[flow].system} hoặc hệ thống trả lời không hợp lệ, vui lòng thử lại.`,
  );

/** Timeouts on every outbound call; plain http only for a provider on loopback (local runs and tests). */
function requestOptions(issuer: URL) {
  return {
    signal: () => AbortSignal.timeout(TIMEOUT_MS),
    [oauth.allowInsecureRequests]:
      issuer.protocol === "http:" && (issuer.hostname === "127.0.0.1" || issuer.hostname === "localhost"),
  };
}

// Discovered metadata per issuer, for the isolate's lifetime (oauth4webapi also caches the JWKS per metadata object).
const discovered = new Map<string, Promise<oauth.AuthorizationServer>>();

function discover(issuer: URL): Promise<oauth.AuthorizationServer> {
  let metadata = discovered.get(issuer.href);
  if (!metadata) {
    metadata = oauth
      .discoveryRequest(issuer, { algorithm: "oidc", ...requestOptions(issuer) })
      .then((response) => oauth.processDiscoveryResponse(issuer, response));
    discovered.set(issuer.href, metadata);
    // A failed discovery is retried by the next request.
    metadata.catch(() => discovered.delete(issuer.href));
  }
  return metadata;
}

async function connect(env: CloudflareBindings, flow: OidcFlow) {
  const redirectUri = FLOWS[flow].redirectUri(env);
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !redirectUri) throw notConfigured(flow);
  const issuer = new URL(env.OIDC_ISSUER);
  const client: oauth.Client = { client_id: env.OIDC_CLIENT_ID };
  const as = await discover(issuer).catch((err: unknown) => {
    throw failure(flow, "discovery", err);
  });
  return { issuer, as, client, redirectUri };
}

/** Maps a library or network failure to an ApiError, logging only error names and codes. */
function failure(flow: OidcFlow, step: "discovery" | "callback" | "token", err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const e = err as { name?: string; code?: string; error?: string };
  console.warn(
    JSON.stringify({ level: "warn", event: "oidc_failed", flow, step, error: e.name, code: e.code, oauthError: e.error }),
  );
  // A callback that does not add up (wrong `iss`, provider error) or a code the provider refuses.
  if (step === "callback" || (err instanceof oauth.ResponseBodyError && err.error === "invalid_grant")) {
    return new ApiError(400, "bad_request", `Kết quả ${FLOWS[flow].feature} không hợp lệ hoặc đã được dùng, vui lòng thử lại.`);
  }
  return unreachable(flow);
}

/** A new authorization request: where to send the person, and what to keep until the callback. */
export async function startAuthorization(
  env: CloudflareBindings,
  flow: OidcFlow,
): Promise<PendingAuthorization & { authorizationUrl: string }> {
  const { as, client, redirectUri } = await connect(env, flow);
  if (!as.authorization_endpoint) throw unreachable(flow);
  const pending = {
    state: oauth.generateRandomState(),
    codeVerifier: oauth.generateRandomCodeVerifier(),
    nonce: oauth.generateRandomNonce(),
  };
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: client.client_id,
    redirect_uri: redirectUri,
    response_type: "code",
    scope: FLOWS[flow].scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: "S256",
  }).toString();
  return { ...pending, authorizationUrl: url.href };
}

/** Who the provider says the person is: the ID token's subject and, for the VNeID link, their identity claims. */
export type Authorized = { subject: string; claims: VneidClaims | null };

/**
 * Finishes the request `pending` with the provider's redirect parameters (`code`, `state`, `iss`):
 * exchanges the code with the PKCE verifier and returns the validated ID token's subject. For the
 * VNeID link it also reads the claims: the ID token's, completed from the userinfo endpoint (a
 * provider that issues an access token may keep profile claims there).
 */
export async function completeAuthorization(
  env: CloudflareBindings,
  flow: OidcFlow,
  callback: URLSearchParams,
  pending: PendingAuthorization,
): Promise<Authorized> {
  const { issuer, as, client, redirectUri } = await connect(env, flow);
  const clientAuth = oauth.ClientSecretBasic(secret(env, "OIDC_CLIENT_SECRET"));
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client, callback, pending.state);
  } catch (err) {
    throw failure(flow, "callback", err);
  }
  try {
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      clientAuth,
      params,
      redirectUri,
      pending.codeVerifier,
      requestOptions(issuer),
    );
    const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
      expectedNonce: pending.nonce,
      requireIdToken: true,
    });
    await oauth.validateApplicationLevelSignature(as, response, requestOptions(issuer));
    const idClaims = oauth.getValidatedIdTokenClaims(result)!;
    if (flow !== "vneid") return { subject: idClaims.sub, claims: null };
    let raw: Record<string, unknown> = idClaims;
    if (as.userinfo_endpoint) {
      const info = await oauth.userInfoRequest(as, client, result.access_token, requestOptions(issuer));
      raw = { ...idClaims, ...(await oauth.processUserInfoResponse(as, client, idClaims.sub, info)) };
    }
    return { subject: idClaims.sub, claims: toVneidClaims(raw) };
  } catch (err) {
    throw failure(flow, "token", err);
  }
}

const text = (value: unknown) => (typeof value === "string" ? value.normalize("NFC").replace(/\s+/g, " ").trim() : "");
const SEXES: Record<string, VneidClaims["sex"]> = { male: "male", nam: "male", female: "female", nữ: "female", nu: "female" };

/**
 * Maps OpenID claims to what eForms use: `name` (or family, middle and given names), `citizen_id`
 * (or a subject that is itself a 12-digit number), `birthdate`, `gender` and `address.formatted`.
 * An optional claim that does not fit is left out; without a name and a citizen id there are none.
 */
export function toVneidClaims(raw: Record<string, unknown>): VneidClaims | null {
  const name = text(raw.name) || [raw.family_name, raw.middle_name, raw.given_name].map(text).filter(Boolean).join(" ");
  const citizenId = [raw.citizen_id, raw.sub].map(text).find((v) => /^\d{12}$/.test(v));
  const address =
    typeof raw.address === "object" && raw.address !== null ? (raw.address as { formatted?: unknown }).formatted : raw.address;
  const optional = {
    birthDate: text(raw.birthdate),
    sex: SEXES[text(raw.gender).toLowerCase()],
    permanentAddress: text(address),
  };
  const base = VneidClaims.pick({ fullName: true, citizenId: true }).safeParse({ fullName: name, citizenId });
  if (!base.success) return null;
  const claims: VneidClaims = { ...base.data };
  for (const [key, value] of Object.entries(optional) as [keyof typeof optional, string | undefined][]) {
    const field = VneidClaims.shape[key].safeParse(value);
    if (value && field.success && field.data !== undefined) Object.assign(claims, { [key]: field.data });
  }
  return claims;
}
